// Pure. How wall time turns into cursor moves: the frame delta clamp, the discrete steps of
// reduced-motion playback, and what the playback bar says about the speed adaptive pacing really
// runs at.

import type { Run } from '../sim/run';
import { advance, nextEventAtMs, type PacedRate, type PaceReason } from '../store/navigation';

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

/** "×0.013", "×0.5", "×2.5", "×40", "×2300", "×12k": two significant digits (as the speeds). */
export function formatRate(rate: number): string {
  const rounded = Number(rate.toPrecision(2));
  return rounded >= 10_000 ? `×${rounded / 1000}k` : `×${rounded}`;
}

const REASONS: Record<Exclude<PaceReason, 'chosen'>, string> = {
  'ike-in-flight': 'IKE in flight',
  'packets-in-flight': 'packets in flight',
  quiet: 'skipping quiet time',
};

/** Rates within this factor of the chosen speed read as the chosen speed. */
const SAME_RATE = 1.05;

/**
 * What the playback bar says while adaptive pacing runs at another rate than the chosen speed:
 * "×8 → ×0.5 (IKE in flight)"; null when it runs at the chosen speed.
 */
export function paceReadout(chosen: number, paced: PacedRate): string | null {
  if (paced.reason === 'chosen') return null;
  const ratio = paced.rate / chosen;
  if (ratio < SAME_RATE && ratio > 1 / SAME_RATE) return null;
  return `${formatRate(chosen)} → ${formatRate(paced.rate)} (${REASONS[paced.reason]})`;
}
