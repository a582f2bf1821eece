// One cursor for two runs. Pure: where the shared cursor goes when stepping or playing, so that
// neither run skips past something the other would have stopped for. A run shorter than the
// other simply stays at its end (frameAt is drawn at min(t, its duration)).

import type { Run } from '../sim/run';
import { advance, nextEventAtMs, previousEventAtMs } from '../store/navigation';

export type RunPair = readonly [Run, Run];

/** The shared timeline's length: the longer run. */
export function pairDurationMs(runs: RunPair): number {
  return Math.max(runs[0].durationMs, runs[1].durationMs);
}

/** The cursor a run is drawn at: t, held at the run's end once it is over. */
export function runTime(run: Run, t: number): number {
  return Math.max(0, Math.min(run.durationMs, t));
}

/** The next moment something happens in either run, strictly after t (or the end). */
export function nextPairEventAtMs(runs: RunPair, t: number): number {
  const times = runs
    .filter((run) => t < run.durationMs)
    .map((run) => nextEventAtMs(run, t) ?? run.durationMs);
  return times.length > 0 ? Math.min(...times) : pairDurationMs(runs);
}

/** The last moment something happened in either run, strictly before t (or 0). */
export function previousPairEventAtMs(runs: RunPair, t: number): number {
  const times = runs.map((run) => previousEventAtMs(run, Math.min(t, run.durationMs + 1)) ?? 0);
  return Math.max(0, ...times);
}

/**
 * Where the cursor goes after wallMs of playing from t: each run still going proposes a move
 * (store/navigation's advance, adaptive or not) and the shorter one wins, so with adaptive pacing
 * a packet flying in either run slows both.
 */
export function advancePair(
  runs: RunPair,
  t: number,
  wallMs: number,
  speed: number,
  adaptive: boolean,
): number {
  const end = pairDurationMs(runs);
  const moves = runs
    .filter((run) => t < run.durationMs)
    .map((run) => advance(run, t, wallMs, speed, adaptive));
  if (moves.length === 0) return end;
  return Math.min(end, ...moves);
}

/**
 * A reduced-motion step from t: to the next event in either run, or farther if the speed would
 * have gone farther in stepWallMs. Never backwards, never past the end.
 */
export function reducedMotionPairTarget(
  runs: RunPair,
  t: number,
  stepWallMs: number,
  speed: number,
  adaptive: boolean,
): number {
  const paced = advancePair(runs, t, stepWallMs, speed, adaptive);
  return Math.min(pairDurationMs(runs), Math.max(nextPairEventAtMs(runs, t), paced));
}
