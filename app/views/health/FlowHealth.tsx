import { clockTime, lasted, plural, stopwatch } from './durations';
import { PingStrip } from './PingStrip';
import { type FlowPings, flowStatusAt } from './pingHealth';

interface Props {
  pings: FlowPings;
  /** `192.168.1.10 → 192.168.2.10`, when the scenario names the flow's hosts. */
  route: string | null;
  durationMs: number;
  t: number;
}

/** One ping flow at the cursor: counts so far, the chart, and the outage under way or last. */
export function FlowHealth({ pings, route, durationMs, t }: Props) {
  const status = flowStatusAt(pings, t);
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
          <span aria-hidden="true">✓</span> <b>{status.ok.toLocaleString('en')}</b> ok
        </span>
        <span className={`health-count ${status.lost > 0 ? 'health-count-lost' : ''}`}>
          <span aria-hidden="true">✕</span> <b>{status.lost.toLocaleString('en')}</b> lost
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
            <b>Outage:</b> {stopwatch(t - outage.fromMs)} so far, {plural(outage.lost, 'ping')} lost
          </span>
        </p>
      )}
      {!outage && lastOutage && (
        <p
          className="health-last-outage"
          data-testid={`last-outage.${pings.flow}`}
          data-lost={lastOutage.lost}
          data-recovered-at-ms={lastOutage.recoveredAtMs}
        >
          Last outage: {lasted(lastOutage.recoveredAtMs - lastOutage.fromMs)},{' '}
          {plural(lastOutage.lost, 'ping')} lost, recovered at {clockTime(lastOutage.recoveredAtMs)}
        </p>
      )}
      <PingStrip flow={pings.flow} segments={pings.segments} durationMs={durationMs} t={t} />
    </li>
  );
}
