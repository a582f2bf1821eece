// The requestAnimationFrame loop of a screen's playback (the studio's, or the compare screen's
// one loop for both its runs): while playing, it turns wall time into cursor moves. Everything
// drawn is a function of the cursor t, never of wall time.

import { useEffect } from 'react';
import { useDerived } from '../views/runContext';
import { frameWallMs, REDUCED_MOTION_STEP_WALL_MS } from './pacing';
import { type PlaybackSource, studioPlayback } from './playbackSource';
import { usePrefersReducedMotion } from './usePrefersReducedMotion';

/**
 * Runs only while playing. Each animation frame calls tick(wall ms since the previous frame),
 * clamped to MAX_FRAME_WALL_MS so that a backgrounded tab does not jump when it comes back.
 *
 * With prefers-reduced-motion: reduce there is no continuous motion: every
 * REDUCED_MOTION_STEP_WALL_MS (0.7 s) of wall time the cursor jumps to the next event (or
 * farther, as far as the chosen speed would have gone), so the picture changes in discrete steps.
 */
export function usePlaybackLoop(source: PlaybackSource = studioPlayback): void {
  const playing = useDerived(source, (s) => s.playing);
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
          source.reducedMotionStep();
        }
      } else {
        source.tick(wallMs);
      }
      if (source.getState().playing) handle = requestAnimationFrame(frame);
    };
    handle = requestAnimationFrame(frame);
    return () => cancelAnimationFrame(handle);
  }, [playing, reducedMotion, source]);
}
