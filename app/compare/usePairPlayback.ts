// The compare screen's own clock: one cursor t over two runs, play/pause, speed and adaptive
// pacing, held in component state (not in the studio's store, which it never touches). The
// requestAnimationFrame loop is the only wall-clock entry; everything drawn is a function of t.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { frameWallMs, REDUCED_MOTION_STEP_WALL_MS } from '../controls/pacing';
import { usePrefersReducedMotion } from '../controls/usePrefersReducedMotion';
import { SPEEDS } from '../store/navigation';
import {
  advancePair,
  nextPairEventAtMs,
  pairDurationMs,
  previousPairEventAtMs,
  type RunPair,
  reducedMotionPairTarget,
} from './lockstep';

/** Compare runs last minutes: start at ×10 (adaptive still slows down for packets in flight). */
export const COMPARE_DEFAULT_SPEED = 10;

export interface PairPlayback {
  t: number;
  durationMs: number;
  playing: boolean;
  speed: number;
  adaptive: boolean;
  togglePlay: () => void;
  pause: () => void;
  seek: (atMs: number) => void;
  stepForward: () => void;
  stepBack: () => void;
  setSpeed: (speed: number) => void;
  faster: () => void;
  slower: () => void;
  setAdaptive: (adaptive: boolean) => void;
}

export function usePairPlayback(runs: RunPair): PairPlayback {
  const durationMs = pairDurationMs(runs);
  const [t, setT] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeedState] = useState(COMPARE_DEFAULT_SPEED);
  const [adaptive, setAdaptive] = useState(true);
  const reducedMotion = usePrefersReducedMotion();
  // The loop reads the latest values without restarting on every frame.
  const live = useRef({ t, speed, adaptive });
  live.current = { t, speed, adaptive };

  useEffect(() => {
    if (!playing) return;
    let handle = 0;
    let previousMs: number | null = null;
    let pendingWallMs = 0;
    const frame = (nowMs: number) => {
      const wallMs = frameWallMs(previousMs, nowMs);
      previousMs = nowMs;
      const { t: now, speed: s, adaptive: a } = live.current;
      let next = now;
      if (reducedMotion) {
        pendingWallMs += wallMs;
        if (pendingWallMs >= REDUCED_MOTION_STEP_WALL_MS) {
          pendingWallMs = 0;
          next = reducedMotionPairTarget(runs, now, REDUCED_MOTION_STEP_WALL_MS, s, a);
        }
      } else {
        next = advancePair(runs, now, wallMs, s, a);
      }
      if (next !== now) {
        live.current = { ...live.current, t: next };
        setT(next);
      }
      if (next >= durationMs) {
        setPlaying(false);
        return;
      }
      handle = requestAnimationFrame(frame);
    };
    handle = requestAnimationFrame(frame);
    return () => cancelAnimationFrame(handle);
  }, [playing, reducedMotion, runs, durationMs]);

  const clamp = useCallback(
    (atMs: number) => Math.max(0, Math.min(durationMs, Math.round(atMs))),
    [durationMs],
  );
  const setSpeed = useCallback((next: number) => {
    const lowest = SPEEDS[0];
    const highest = SPEEDS[SPEEDS.length - 1] ?? lowest;
    setSpeedState(Math.max(lowest, Math.min(highest, next)));
  }, []);

  return useMemo(
    () => ({
      t,
      durationMs,
      playing,
      speed,
      adaptive,
      togglePlay: () => {
        if (playing) setPlaying(false);
        else {
          if (t >= durationMs) setT(0);
          setPlaying(true);
        }
      },
      pause: () => setPlaying(false),
      seek: (atMs: number) => setT(clamp(atMs)),
      stepForward: () => {
        setPlaying(false);
        setT(clamp(nextPairEventAtMs(runs, t)));
      },
      stepBack: () => {
        setPlaying(false);
        setT(clamp(previousPairEventAtMs(runs, t)));
      },
      setSpeed,
      faster: () => setSpeed(SPEEDS.find((s) => s > speed) ?? speed),
      slower: () => setSpeed([...SPEEDS].reverse().find((s) => s < speed) ?? speed),
      setAdaptive,
    }),
    [t, durationMs, playing, speed, adaptive, runs, clamp, setSpeed],
  );
}
