// Pure. How wall time turns into cursor moves: the frame delta clamp, and the discrete steps of
// reduced-motion playback.

import type { Run } from '../sim/run';
import { advance, nextEventAtMs } from '../store/navigation';

/** The longest wall delta one frame may advance: a tab coming back from the background (or a
 * debugger pause) continues where it was instead of leaping minutes ahead. */
export const MAX_FRAME_WALL_MS = 250;

/** With prefers-reduced-motion, playing moves in one discrete step per this much wall time. */
export const REDUCED_MOTION_STEP_WALL_MS = 700;

/** The wall ms to advance for a frame at `nowMs` after one at `previousMs` (null: first frame). */
export function frameWallMs(previousMs: number | null, nowMs: number): number {
  if (previousMs === null) return 0;
  return Math.max(0, Math.min(MAX_FRAME_WALL_MS, nowMs - previousMs));
}

/**
 * Where a reduced-motion step goes from t: the next event, or farther if the chosen speed (and
 * adaptive pacing) would have gone farther in REDUCED_MOTION_STEP_WALL_MS. So at 1x it shows the
 * run event by event, and at 100x it still covers ground; it never goes backwards or past the end.
 */
export function reducedMotionStepTarget(
  run: Run,
  t: number,
  speed: number,
  adaptive: boolean,
): number {
  const next = nextEventAtMs(run, t) ?? run.durationMs;
  const paced = advance(run, t, REDUCED_MOTION_STEP_WALL_MS, speed, adaptive);
  return Math.min(run.durationMs, Math.max(next, paced));
}
