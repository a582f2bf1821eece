// The outage texts the health view and the health strip share. Their own module: the strip is
// in the first frame, the ping chart (d3-shape, d3-scale) beside them in FlowHealth is not.

import { useViewCursor } from '../runContext';
import { clockTime, lasted, plural, stopwatch } from './durations';
import type { FlowStatus } from './pingHealth';

/** `Outage: 0:42 so far, 12 pings lost`: the outage under way at the cursor. */
export function OutageText({ outage }: { outage: NonNullable<FlowStatus['outage']> }) {
  return (
    <>
      <b>Outage:</b> <OutageSoFar fromMs={outage.fromMs} /> so far, {plural(outage.lost, 'ping')}{' '}
      lost
    </>
  );
}

/** `Last outage: 31 s, 31 pings lost, recovered at 00:02:41`. */
export function LastOutageText({
  lastOutage,
}: {
  lastOutage: NonNullable<FlowStatus['lastOutage']>;
}) {
  const { fromMs, toMs, recoveredAtMs, lost } = lastOutage;
  return (
    <>
      Last outage: {lasted(toMs - fromMs)}, {plural(lost, 'ping')} lost, recovered at{' '}
      {clockTime(recoveredAtMs)}
    </>
  );
}

/** `0:42`: how long the outage under way has lasted, re-rendered once a second of virtual time. */
function OutageSoFar({ fromMs }: { fromMs: number }) {
  const elapsedSec = useViewCursor((t) => Math.max(0, Math.floor((t - fromMs) / 1000)));
  return <>{stopwatch(elapsedSec * 1000)}</>;
}
