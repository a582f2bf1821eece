// The key moments of a run, one key away (`.` next, `,` previous): the timeline markers that
// change the picture a class looks at — a reload and the boot after it, a link going down or up,
// a warning or error in a syslog, an SA installed or deleted. IKE messages, config lines, pings
// and notices are left to the arrow keys, which step through every event. A burst of one kind
// (two routers installing their SAs 40 ms apart, fifty spokes doing so) is one moment: its first.

import { isComplete, type Run } from '../sim/run';
import { pause, seek } from '../store/actions';
import { computeAll } from '../store/runProgress';
import { useSimStore } from '../store/simStore';
import { type MarkerKind, timelineMarkers } from './timelineMarkers';

export const KEY_MOMENT_KINDS: ReadonlySet<MarkerKind> = new Set<MarkerKind>([
  'reload',
  'boot',
  'link-down',
  'link-up',
  'syslog-error',
  'syslog-warning',
  'sa-installed',
  'sa-deleted',
]);

/** Markers of one kind within this long (ms) after the last one kept are the same moment. */
export const BURST_MS = 1000;

const cache = new WeakMap<Run, number[]>();

/** The times (ms, ascending, each once) of the run's key moments computed so far. */
export function keyMomentTimes(run: Run): number[] {
  let times = cache.get(run);
  if (!times) {
    const keptAt = new Map<MarkerKind, number>();
    const set = new Set<number>();
    for (const marker of timelineMarkers(run)) {
      if (!KEY_MOMENT_KINDS.has(marker.kind) || marker.atMs > run.computedUntilMs) continue;
      const last = keptAt.get(marker.kind);
      if (last !== undefined && marker.atMs - last < BURST_MS) continue;
      keptAt.set(marker.kind, marker.atMs);
      set.add(marker.atMs);
    }
    times = [...set].sort((a, b) => a - b);
    cache.set(run, times);
  }
  return times;
}

/** The first key moment strictly after t, or undefined. */
export function nextKeyMomentAtMs(run: Run, t: number): number | undefined {
  return keyMomentTimes(run).find((atMs) => atMs > t);
}

/** The last key moment strictly before t, or undefined. */
export function previousKeyMomentAtMs(run: Run, t: number): number | undefined {
  const times = keyMomentTimes(run);
  for (let i = times.length - 1; i >= 0; i--) if ((times[i] as number) < t) return times[i];
  return undefined;
}

/** Pauses on the next key moment (computing the rest of the run to find it); stays when none. */
export function jumpToNextKeyMoment(): void {
  const { run, t } = useSimStore.getState();
  if (!run) return;
  if (nextKeyMomentAtMs(run, t) === undefined && !isComplete(run)) computeAll();
  const next = nextKeyMomentAtMs(useSimStore.getState().run ?? run, t);
  if (next === undefined) return;
  pause();
  seek(next);
}

/** Pauses on the previous key moment; stays when none. */
export function jumpToPreviousKeyMoment(): void {
  const { run, t } = useSimStore.getState();
  if (!run) return;
  const previous = previousKeyMomentAtMs(run, t);
  if (previous === undefined) return;
  pause();
  seek(previous);
}
