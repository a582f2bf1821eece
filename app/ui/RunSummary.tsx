import { formatTime } from '../trace/formatText';
import type { FlowSummary, InvalidSpiSummary } from './summarize';

interface Props {
  flows: readonly FlowSummary[];
  invalidSpi: readonly InvalidSpiSummary[];
  endMs: number;
  recordCount: number;
}

/** Outages listed per flow; the rest are counted. */
const MAX_RUNS = 4;

/** `00:02:05` from a time: seconds are enough in the summary. */
const clock = (atMs: number) => formatTime(atMs).slice(0, 8);

/** The outcome at a glance: pings per flow, invalid-SPI logs and drops per router. */
export function RunSummary({ flows, invalidSpi, endMs, recordCount }: Props) {
  return (
    <aside className="summary" aria-label="Run summary">
      <h2 className="summary-title">Run summary</h2>
      <p className="summary-meta">
        {clock(endMs)} simulated · {recordCount.toLocaleString('en')} trace records
      </p>

      <h3>Pings</h3>
      {flows.length === 0 && <p className="muted">No ping flows.</p>}
      <ul className="summary-list">
        {flows.map((f) => (
          <li
            key={f.flow}
            className="summary-item"
            data-testid="ping-summary"
            data-flow={f.flow}
            data-ok={f.ok}
            data-lost={f.lost}
          >
            <span className="summary-name">{f.flow}</span>
            <span className="count ok">
              <b>{f.ok}</b> ok
            </span>
            <span className={f.lost > 0 ? 'count lost' : 'count'}>
              <b>{f.lost}</b> lost
            </span>
            {f.lossRuns.length > 0 && (
              <ul className="loss-runs" aria-label={`Outages of ${f.flow}`}>
                {f.lossRuns.slice(0, MAX_RUNS).map((run) => (
                  <li key={run.fromMs}>
                    {run.count === 1
                      ? `${clock(run.fromMs)}: 1 lost`
                      : `${clock(run.fromMs)} – ${clock(run.toMs)}: ${run.count} lost`}
                  </li>
                ))}
                {f.lossRuns.length > MAX_RUNS && (
                  <li>and {f.lossRuns.length - MAX_RUNS} more outages</li>
                )}
              </ul>
            )}
          </li>
        ))}
      </ul>

      <h3>Invalid SPI</h3>
      <ul className="summary-list">
        {invalidSpi.map((s) => (
          <li
            key={s.node}
            className="summary-item"
            data-testid="inv-spi-summary"
            data-node={s.node}
            data-count={s.logs}
            data-drops={s.drops}
          >
            <span className="summary-name">{s.node}</span>
            <span className={s.logs > 0 ? 'count warn' : 'count'}>
              <b>{s.logs}</b> RECVD_PKT_INV_SPI
            </span>
            <span className="summary-note">{s.drops} ESP packets dropped (invalid SPI)</span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
