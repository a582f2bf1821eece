import { memo, useMemo } from 'react';
import { useViewCursor } from '../runContext';
import { count } from './durations';
import { LastOutageText, OutageText } from './OutageText';
import { PingStrip } from './PingStrip';
import { type FlowPings, flowStatusAfter, pingsSeenAt } from './pingHealth';

interface Props {
  pings: FlowPings;
  /** `192.168.1.10 → 192.168.2.10`, when the scenario names the flow's hosts. */
  route: string | null;
  durationMs: number;
}

/**
 * One ping flow at the cursor: counts so far, the chart, and the outage under way or last.
 * Re-renders when a ping's result comes in, not at every frame: the status is a function of
 * how many results are known; only the running outage clock and the chart's cursor follow t.
 */
export const FlowHealth = memo(function FlowHealth({ pings, route, durationMs }: Props) {
  const seen = useViewCursor((t) => pingsSeenAt(pings, t));
  const status = useMemo(() => flowStatusAfter(pings, seen), [pings, seen]);
  const { outage, lastOutage } = status;
  return (
    <li
      className="health-flow"
      data-testid="ping-summary"
      data-flow={pings.flow}
      data-ok={status.ok}
      data-lost={status.lost}
    >
      <div className="health-flow-head">
        <span className="health-flow-name">{pings.flow}</span>
        {route && <span className="health-flow-route">{route}</span>}
      </div>
      <div className="health-counts">
        <span className="health-count health-count-ok">
          <span aria-hidden="true">✓</span> <b>{count(status.ok)}</b> ok
        </span>
        <span className={`health-count ${status.lost > 0 ? 'health-count-lost' : ''}`}>
          <span aria-hidden="true">✕</span> <b>{count(status.lost)}</b> lost
        </span>
      </div>
      {outage && (
        <p
          className="health-outage"
          data-testid={`outage.${pings.flow}`}
          data-lost={outage.lost}
          data-from-ms={outage.fromMs}
        >
          <span className="health-outage-icon" aria-hidden="true">
            ⚠
          </span>
          <span>
            <OutageText outage={outage} />
          </span>
        </p>
      )}
      {!outage && lastOutage && (
        <p
          className="health-last-outage"
          data-testid={`last-outage.${pings.flow}`}
          data-lost={lastOutage.lost}
          data-from-ms={lastOutage.fromMs}
          data-to-ms={lastOutage.toMs}
          data-recovered-at-ms={lastOutage.recoveredAtMs}
        >
          <LastOutageText lastOutage={lastOutage} />
        </p>
      )}
      <PingStrip flow={pings.flow} segments={pings.segments} durationMs={durationMs} />
    </li>
  );
});
