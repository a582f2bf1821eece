// The only requestAnimationFrame loop of the app: while playing, it turns wall time into cursor
// moves. Everything drawn is a function of the cursor t, never of wall time.

import { useEffect } from 'react';
import { pause, seek, tick } from '../store/actions';
import { useSimStore } from '../store/simStore';
import { frameWallMs, REDUCED_MOTION_STEP_WALL_MS, reducedMotionStepTarget } from './pacing';
import { usePrefersReducedMotion } from './usePrefersReducedMotion';

/** Moves the cursor one discrete step (reduced motion), pausing at the end of the run. */
function reducedMotionStep(): void {
  const { run, t, speed, adaptive } = useSimStore.getState();
  if (!run) return;
  const target = reducedMotionStepTarget(run, t, speed, adaptive);
  seek(target);
  if (target >= run.durationMs) pause();
}

/**
 * Runs only while playing. Each animation frame calls tick(wall ms since the previous frame),
 * clamped to MAX_FRAME_WALL_MS so that a backgrounded tab does not jump when it comes back.
 *
 * With prefers-reduced-motion: reduce there is no continuous motion: every
 * REDUCED_MOTION_STEP_WALL_MS (0.7 s) of wall time the cursor jumps to the next event (or
 * farther, as far as the chosen speed would have gone), so the picture changes in discrete steps.
 */
export function usePlaybackLoop(): void {
  const playing = useSimStore((s) => s.playing);
  const reducedMotion = usePrefersReducedMotion();
  useEffect(() => {
    if (!playing) return;
    let handle = 0;
    let previousMs: number | null = null;
    let pendingWallMs = 0;
    const frame = (nowMs: number) => {
      const wallMs = frameWallMs(previousMs, nowMs);
      previousMs = nowMs;
      if (reducedMotion) {
        pendingWallMs += wallMs;
        if (pendingWallMs >= REDUCED_MOTION_STEP_WALL_MS) {
          pendingWallMs = 0;
          reducedMotionStep();
        }
      } else {
        tick(wallMs);
      }
      if (useSimStore.getState().playing) handle = requestAnimationFrame(frame);
    };
    handle = requestAnimationFrame(frame);
    return () => cancelAnimationFrame(handle);
  }, [playing, reducedMotion]);
}
