import { useId } from 'react';
import { useViewCursor, useViewRun } from '../runContext';
import { clockTime } from './durations';
import { FlowHealth } from './FlowHealth';
import { InvalidSpiCounts } from './InvalidSpiCounts';
import { TimeAxis } from './TimeAxis';
import { useHealthIndex } from './useHealthIndex';
import './health.css';

/**
 * Is the tunnel carrying traffic? Pings ok and lost per flow up to the cursor, over time, with
 * the outage under way; and the invalid-SPI logs per router. Indexed once per run. The view
 * itself does not follow the cursor: each part selects from t only what it shows (how many
 * results are in, whole seconds, a pixel), so playback re-renders a part only when that changes.
 */
export function HealthView() {
  const run = useViewRun();
  const headingId = useId();

  const index = useHealthIndex(run);

  if (!run || !index) return <section className="health" aria-label="Health" />;

  return (
    <section className="health" aria-labelledby={headingId} data-testid="health">
      <div className="health-head">
        <h2 id={headingId} className="health-title">
          Health
        </h2>
        <HealthClock />
      </div>

      <div className="health-section-head">
        <h3>Pings</h3>
        <span className="health-legend">
          <span className="health-key health-key-ok" aria-hidden="true" /> came back
          <span className="health-key health-key-lost" aria-hidden="true" /> lost
        </span>
      </div>
      {index.flows.length === 0 ? (
        <p className="health-none">No ping flows in this scenario.</p>
      ) : (
        <>
          <ul className="health-flows">
            {index.flows.map((pings) => (
              <FlowHealth
                key={pings.flow}
                pings={pings}
                route={index.routes.get(pings.flow) ?? null}
                durationMs={run.durationMs}
              />
            ))}
          </ul>
          <TimeAxis durationMs={run.durationMs} />
        </>
      )}

      <h3>Invalid SPI (RECVD_PKT_INV_SPI)</h3>
      <InvalidSpiCounts routers={index.invalidSpi} />
    </section>
  );
}

/** `at 00:02:33`: re-rendered once a second of virtual time. */
function HealthClock() {
  const second = useViewCursor((t) => Math.max(0, Math.floor(t / 1000)));
  return <span className="health-at">at {clockTime(second * 1000)}</span>;
}
