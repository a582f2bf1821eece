// Health in a line (two when it must), for the studio's bottom dock: per ping flow, the pings ok and lost up to
// the cursor and the outage under way (or the last one); per router that drops ESP for an
// invalid SPI, its RECVD_PKT_INV_SPI logs and drops. The same figures as HealthView, without
// its charts (the timeline's Pings lane draws the losses over time).

import { memo, useId, useMemo } from 'react';
import { useViewCursor, useViewRun } from '../runContext';
import { count, plural } from './durations';
import { type InvalidSpiTimes, invalidSpiAt } from './invalidSpiIndex';
import { LastOutageText, OutageText } from './OutageText';
import { type FlowPings, flowStatusAfter, pingsSeenAt } from './pingHealth';
import { useHealthIndex } from './useHealthIndex';
import './healthStrip.css';

/** With more flows than this, the strip sums them up and lists only those that lost pings. */
const LISTED_FLOWS_MAX = 4;

const INVALID_SPI_NOTE =
  'ESP packets dropped for an SPI the router does not know, and its %CRYPTO-4-RECVD_PKT_INV_SPI logs: IOS logs at most once a minute per flow, every dropped packet counts here.';

export function HealthStrip() {
  const run = useViewRun();
  const headingId = useId();
  const index = useHealthIndex(run);
  if (!index) return <section className="hstrip" aria-label="Health" />;
  const many = index.flows.length > LISTED_FLOWS_MAX;
  return (
    <section className="hstrip" aria-labelledby={headingId} data-testid="health">
      <h2 id={headingId} className="hstrip-title">
        Health
      </h2>
      <ul className="hstrip-items" aria-label="Ping flows and invalid-SPI drops">
        {index.flows.length === 0 && <li className="hstrip-none">No ping flows</li>}
        {many && <FlowsSummary flows={index.flows} />}
        {index.flows.map((pings) => (
          <FlowItem
            key={pings.flow}
            pings={pings}
            route={index.routes.get(pings.flow) ?? null}
            onlyWithLosses={many}
          />
        ))}
        {index.invalidSpi.map((times) => (
          <InvalidSpiItem key={times.node} times={times} />
        ))}
        {index.invalidSpi.length === 0 && (
          <li className="hstrip-none">No drops for an invalid SPI in this run</li>
        )}
      </ul>
    </section>
  );
}

/** One flow: re-rendered when one of its ping results comes in, not at every frame. */
const FlowItem = memo(function FlowItem({
  pings,
  route,
  onlyWithLosses,
}: {
  pings: FlowPings;
  route: string | null;
  /** Shown only once it has lost a ping (a summary stands for the others). */
  onlyWithLosses: boolean;
}) {
  const seen = useViewCursor((t) => pingsSeenAt(pings, t));
  const { ok, lost, outage, lastOutage } = useMemo(
    () => flowStatusAfter(pings, seen),
    [pings, seen],
  );
  if (onlyWithLosses && lost === 0) return null;
  return (
    <li
      className={outage ? 'hstrip-item hstrip-item-outage' : 'hstrip-item'}
      data-testid="ping-summary"
      data-flow={pings.flow}
      data-ok={ok}
      data-lost={lost}
      title={route ? `Pings ${route}` : undefined}
    >
      <span className="hstrip-name">{pings.flow}</span>
      <PingCounts ok={ok} lost={lost} />
      {outage && (
        <span
          className="hstrip-outage"
          data-testid={`outage.${pings.flow}`}
          data-lost={outage.lost}
          data-from-ms={outage.fromMs}
        >
          <span aria-hidden="true">⚠ </span>
          <OutageText outage={outage} />
        </span>
      )}
      {!outage && lastOutage && (
        <span
          className="hstrip-last"
          data-testid={`last-outage.${pings.flow}`}
          data-lost={lastOutage.lost}
          data-from-ms={lastOutage.fromMs}
          data-to-ms={lastOutage.toMs}
          data-recovered-at-ms={lastOutage.recoveredAtMs}
        >
          <LastOutageText lastOutage={lastOutage} />
        </span>
      )}
    </li>
  );
});

/**
 * Every flow at once: pings ok and lost, and how many flows are in an outage. Re-rendered when
 * one of those three numbers changes.
 */
function FlowsSummary({ flows }: { flows: readonly FlowPings[] }) {
  const key = useViewCursor((t) => {
    let ok = 0;
    let lost = 0;
    let outages = 0;
    for (const pings of flows) {
      const status = flowStatusAfter(pings, pingsSeenAt(pings, t));
      ok += status.ok;
      lost += status.lost;
      if (status.outage) outages++;
    }
    return `${ok} ${lost} ${outages}`;
  });
  const [ok = 0, lost = 0, outages = 0] = key.split(' ').map(Number);
  return (
    <li
      className="hstrip-item"
      data-testid="health.flows"
      data-ok={ok}
      data-lost={lost}
      data-outages={outages}
    >
      <span className="hstrip-name">{plural(flows.length, 'flow')}</span>
      <PingCounts ok={ok} lost={lost} />
      {outages > 0 && (
        <span className="hstrip-outage">
          <span aria-hidden="true">⚠ </span>
          {outages} in an outage
        </span>
      )}
    </li>
  );
}

/** `✓ 114 ok ✕ 80 lost`, the lost count in red once there is one. */
function PingCounts({ ok, lost }: { ok: number; lost: number }) {
  return (
    <>
      <span className="hstrip-count hstrip-ok">
        <span aria-hidden="true">✓</span> <b>{count(ok)}</b> ok
      </span>
      <span className={lost > 0 ? 'hstrip-count hstrip-lost' : 'hstrip-count'}>
        <span aria-hidden="true">✕</span> <b>{count(lost)}</b> lost
      </span>
    </>
  );
}

/** A router's invalid-SPI logs and drops up to the cursor. */
function InvalidSpiItem({ times }: { times: InvalidSpiTimes }) {
  const logs = useViewCursor((t) => invalidSpiAt(times, t).logs);
  const drops = useViewCursor((t) => invalidSpiAt(times, t).drops);
  return (
    <li
      className="hstrip-item"
      data-testid="inv-spi-summary"
      data-node={times.node}
      data-count={logs}
      data-drops={drops}
      title={INVALID_SPI_NOTE}
    >
      <span className="hstrip-name">{times.node}</span>
      <span className="hstrip-label">invalid SPI</span>
      <span className={logs > 0 ? 'hstrip-count hstrip-warn' : 'hstrip-count'}>
        <span aria-hidden="true">!</span> <b>{logs}</b> logged
      </span>
      <span className="hstrip-count">
        <b>{count(drops)}</b> ESP dropped
      </span>
    </li>
  );
}
