// The compare screen's one clock: a cursor t over two runs, play/pause, speed and adaptive
// pacing, in a store of its own (never the studio's). It is the playback source of the screen's
// playback bar and loop, and gives each side a run source: its run at the shared cursor.

import { createStore } from 'zustand/vanilla';
import { REDUCED_MOTION_STEP_WALL_MS } from '../controls/pacing';
import type { PlaybackSource, PlaybackState } from '../controls/playbackSource';
import type { Run } from '../sim/run';
import { clampSpeed, type PacedRate, pacedRate, speedStep } from '../store/navigation';
import type { RunSource } from '../views/runContext';
import {
  advancePair,
  nextPairEventAtMs,
  pairDurationMs,
  previousPairEventAtMs,
  type RunPair,
  reducedMotionPairTarget,
  runTime,
} from './lockstep';

/** Compare runs last minutes: start at ×10 (adaptive still slows down for packets in flight). */
export const COMPARE_DEFAULT_SPEED = 10;

export interface PairPlayback extends PlaybackSource {
  seek: (atMs: number) => void;
  pause: () => void;
  faster: () => void;
  slower: () => void;
  /** Side A's and side B's views of the one cursor. */
  sides: readonly [RunSource, RunSource];
}

export function createPairPlayback(runs: RunPair): PairPlayback {
  const durationMs = pairDurationMs(runs);
  const store = createStore<PlaybackState>()(() => ({
    t: 0,
    playing: false,
    speed: COMPARE_DEFAULT_SPEED,
    adaptive: true,
  }));
  const { getState: get, setState: set, subscribe } = store;
  const clamp = (atMs: number) => Math.max(0, Math.min(durationMs, Math.round(atMs)));
  /** Moves the cursor; playing stops at the end. */
  const moveTo = (t: number, playing: boolean) => set({ t, playing: playing && t < durationMs });
  const seek = (atMs: number) => set({ t: clamp(atMs) });
  const side = (run: Run): RunSource => ({
    getState: () => {
      const { t, playing } = get();
      return { run, t: runTime(run, t), playing, selection: null };
    },
    subscribe,
    seek,
  });
  return {
    getState: get,
    subscribe,
    durationMs: () => durationMs,
    // The slower of the runs still going sets the pace (see advancePair).
    pacedRate: (t, speed) =>
      runs
        .filter((run) => t < run.durationMs)
        .map((run) => pacedRate(run, t, speed, true))
        .reduce<PacedRate | null>((a, b) => (a && a.rate <= b.rate ? a : b), null),
    togglePlay: () => {
      const { t, playing } = get();
      set(playing ? { playing: false } : { playing: true, t: t >= durationMs ? 0 : t });
    },
    stepBack: () => moveTo(clamp(previousPairEventAtMs(runs, get().t)), false),
    stepForward: () => moveTo(clamp(nextPairEventAtMs(runs, get().t)), false),
    setSpeed: (speed) => set({ speed: clampSpeed(speed) }),
    setAdaptive: (adaptive) => set({ adaptive }),
    tick: (wallMs) => {
      const { t, playing, speed, adaptive } = get();
      if (playing) moveTo(advancePair(runs, t, wallMs, speed, adaptive), true);
    },
    reducedMotionStep: () => {
      const { t, playing, speed, adaptive } = get();
      moveTo(
        reducedMotionPairTarget(runs, t, REDUCED_MOTION_STEP_WALL_MS, speed, adaptive),
        playing,
      );
    },
    played: ' both runs',
    stepScope: ' in either run',
    seek,
    pause: () => set({ playing: false }),
    faster: () => set({ speed: speedStep(get().speed, 1) }),
    slower: () => set({ speed: speedStep(get().speed, -1) }),
    sides: [side(runs[0]), side(runs[1])],
  };
}
