import { type InvalidSpiTimes, invalidSpiAt } from './invalidSpiIndex';

/**
 * %CRYPTO-4-RECVD_PKT_INV_SPI per router up to the cursor, next to the ESP packets it dropped:
 * IOS logs at most one line a minute per flow, so the log undercounts the black hole.
 */
export function InvalidSpiCounts({
  routers,
  t,
}: {
  routers: readonly InvalidSpiTimes[];
  t: number;
}) {
  if (routers.length === 0)
    return <p className="health-none">No router drops ESP for an invalid SPI in this run.</p>;
  return (
    <>
      <ul className="health-spi-list">
        {routers.map((times) => {
          const { logs, drops } = invalidSpiAt(times, t);
          return (
            <li
              key={times.node}
              className="health-spi"
              data-testid="inv-spi-summary"
              data-node={times.node}
              data-count={logs}
              data-drops={drops}
            >
              <span className="health-spi-node">{times.node}</span>
              <span className={`health-count ${logs > 0 ? 'health-count-warn' : ''}`}>
                <span aria-hidden="true">!</span> <b>{logs}</b> logged
              </span>
              <span className="health-spi-drops">
                {drops.toLocaleString('en')} ESP {drops === 1 ? 'packet' : 'packets'} dropped
              </span>
            </li>
          );
        })}
      </ul>
      <p className="health-note">
        IOS logs it at most once a minute per flow (ios-behavior.md 1.1); every drop counts.
      </p>
    </>
  );
}
