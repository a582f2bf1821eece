// One side of the comparison at the shared cursor: what makes it this side, the studio's
// topology of its run, one line per router (IKE state, the SPI it encrypts with, drops) and each
// ping flow's health. Everything under it reads the side's run source.

import { type ReactNode, useMemo } from 'react';
import { usePlayback } from '../controls/playbackSource';
import { TimelineBar } from '../controls/TimelineBar';
import { addressBookAt } from '../sim/derived/addressBook';
import { staleSpisAt } from '../sim/derived/spiMismatches';
import type { Run } from '../sim/run';
import { stopwatch } from '../views/health/durations';
import { PingStrip } from '../views/health/PingStrip';
import { type FlowPings, flowStatusAt, indexPings } from '../views/health/pingHealth';
import '../views/health/health.css';
import { frameFor } from '../store/useFrame';
import { type RunSource, RunSourceContext, useView } from '../views/runContext';
import { TopologyView } from '../views/topology/TopologyView';
import { type RouterSummary, routersToList, summariseRouter } from './routerSummary';
import type { Variant } from './variants';

/** More routers than this: list the notable ones only (a DMVPN with 50 spokes). */
const MAX_ROUTER_LINES = 5;

interface Props {
  variant: Variant;
  run: Run;
  /** The side's view of the shared cursor. */
  source: RunSource;
  /** The shared timeline's length: both columns' ping strips use the same time axis. */
  axisMs: number;
  /** The ping flows to show (the table's), and how many more there are. */
  flows: readonly string[];
  hiddenFlows: number;
  /** A link that opens this side in the studio, shown at the column's foot. */
  studioLink?: ReactNode;
}

export function CompareColumn({ source, ...props }: Props) {
  return (
    <RunSourceContext.Provider value={source}>
      <Column {...props} />
    </RunSourceContext.Provider>
  );
}

function Column({ variant, run, axisMs, flows, hiddenFlows, studioLink }: Omit<Props, 'source'>) {
  const testId = `compare.${variant.side}`;
  const at = useView((s) => s.t);
  const frame = useView((s) => frameFor(run, s.t));
  const summaries = useMemo(() => {
    const stale = staleSpisAt(frame);
    const book = addressBookAt(frame);
    return new Map(frame.routers.map((view) => [view.node, summariseRouter(view, stale, book)]));
  }, [frame]);
  const listed = routersToList([...summaries.values()], MAX_ROUTER_LINES);
  const pings = indexPings(run);
  const sideName = variant.side.toUpperCase();
  const ended = usePlayback((s) => s.t > run.durationMs);
  return (
    <section
      className={`cmp-col cmp-col-${variant.side}`}
      data-testid={testId}
      aria-labelledby={`${testId}-title`}
    >
      <header className="cmp-col-head">
        <span className="cmp-side" aria-hidden="true">
          {sideName}
        </span>
        <div className="cmp-col-titles">
          <h3 id={`${testId}-title`} className="cmp-col-title">
            <span className="visually-hidden">Side {sideName}: </span>
            {variant.title}
          </h3>
          <code className="cmp-col-detail">{variant.detail}</code>
        </div>
      </header>
      <TopologyView compact />
      <TimelineBar />
      {ended && (
        <p className="cmp-ended">
          Side {sideName} is over: its scenario lasts {stopwatch(run.durationMs)}, so it stays at
          its end.
        </p>
      )}
      <ul className="cmp-routers" aria-label={`Side ${sideName} routers`}>
        {listed.shown.map((summary) => (
          <RouterLine key={summary.node} summary={summary} testId={testId} />
        ))}
        {listed.hidden > 0 && (
          <li className="cmp-routers-more">
            … and {listed.hidden} more routers, each QM_IDLE or quiet (the ones listed need a look
            first)
          </li>
        )}
      </ul>
      <ul className="cmp-flows" aria-label={`Side ${sideName} pings`}>
        {pings
          .filter((flow) => flows.includes(flow.flow))
          .map((flow) => (
            <FlowLine key={flow.flow} flow={flow} t={at} durationMs={axisMs} testId={testId} />
          ))}
        {hiddenFlows > 0 && (
          <li className="cmp-routers-more">
            … and {hiddenFlows} more ping flows (their totals are in the table below)
          </li>
        )}
      </ul>
      {studioLink && <div className="cmp-col-foot">{studioLink}</div>}
    </section>
  );
}

function RouterLine({ summary, testId }: { summary: RouterSummary; testId: string }) {
  return (
    <li
      className={`cmp-router-line cmp-tone-${summary.tone}`}
      data-testid={`${testId}.router.${summary.node}`}
      data-tone={summary.tone}
      data-state={summary.state}
      data-stale={summary.staleOutbound > 0}
      data-invalid-spi-drops={summary.invalidSpiDrops}
    >
      <b className="cmp-router-line-name">{summary.node}</b>
      {summary.parts.map((part) => (
        <span key={part.text} className={part.alert ? 'cmp-part cmp-part-alert' : 'cmp-part'}>
          {part.text}
        </span>
      ))}
    </li>
  );
}

function FlowLine({
  flow,
  t,
  durationMs,
  testId,
}: {
  flow: FlowPings;
  t: number;
  durationMs: number;
  testId: string;
}) {
  const status = flowStatusAt(flow, t);
  return (
    <li
      className="cmp-flow"
      data-testid={`${testId}.flow.${flow.flow}`}
      data-ok={status.ok}
      data-lost={status.lost}
      data-outage={status.outage !== null}
    >
      <div className="cmp-flow-head">
        <span className="cmp-flow-name">{flow.flow}</span>
        <span className="cmp-flow-counts">
          <span className="cmp-count-ok">✓ {status.ok.toLocaleString('en')} ok</span>
          <span className={status.lost > 0 ? 'cmp-count-lost' : 'cmp-count-zero'}>
            ✕ {status.lost.toLocaleString('en')} lost
          </span>
        </span>
        {status.outage && (
          <span className="cmp-flow-outage">
            ⚠ outage {stopwatch(t - status.outage.fromMs)} so far
          </span>
        )}
      </div>
      <PingStrip flow={flow.flow} segments={flow.segments} durationMs={durationMs} />
    </li>
  );
}
