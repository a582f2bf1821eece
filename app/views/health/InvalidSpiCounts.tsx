import { memo } from 'react';
import { SourceList } from '../../sources/SourceLink';
import { useViewCursor } from '../runContext';
import { count } from './durations';
import { type InvalidSpiTimes, invalidSpiAt } from './invalidSpiIndex';

/**
 * %CRYPTO-4-RECVD_PKT_INV_SPI per router up to the cursor, next to the ESP packets it dropped:
 * IOS logs at most one line a minute per flow, so the log undercounts the black hole.
 */
export const InvalidSpiCounts = memo(function InvalidSpiCounts({
  routers,
}: {
  routers: readonly InvalidSpiTimes[];
}) {
  if (routers.length === 0)
    return <p className="health-none">No router drops ESP for an invalid SPI in this run.</p>;
  return (
    <>
      <ul className="health-spi-list">
        {routers.map((times) => (
          <InvalidSpiRow key={times.node} times={times} />
        ))}
      </ul>
      <p className="health-note">
        IOS logs it at most once a minute per flow; every drop counts.{' '}
        <SourceList ids={['tn-115801']} />
      </p>
    </>
  );
});

/** One router's counts: re-rendered when a log line or a drop comes in, not at every frame. */
function InvalidSpiRow({ times }: { times: InvalidSpiTimes }) {
  const logs = useViewCursor((t) => invalidSpiAt(times, t).logs);
  const drops = useViewCursor((t) => invalidSpiAt(times, t).drops);
  return (
    <li
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
        {count(drops)} ESP {drops === 1 ? 'packet' : 'packets'} dropped
      </span>
    </li>
  );
}
