// What a playback bar and the animation loop drive: a cursor over one run (the studio's store)
// or over two (the compare screen), with play/pause, steps, speed and adaptive pacing. The
// playback bar reads the nearest PlaybackSourceContext (default: the studio); the loop takes one.

import { createContext, useContext } from 'react';
import {
  pause,
  seek,
  setAdaptive,
  setShortcutsOpen,
  setSpeed,
  stepBack,
  stepForward,
  tick,
  togglePlay,
} from '../store/actions';
import { type PacedRate, pacedRate } from '../store/navigation';
import { useSimStore } from '../store/simStore';
import { type Store, useDerived } from '../views/runContext';
import { reducedMotionStepTarget } from './pacing';

export interface PlaybackState {
  t: number;
  playing: boolean;
  speed: number;
  adaptive: boolean;
}

export interface PlaybackSource extends Store<PlaybackState> {
  /** The timeline's length, virtual ms (0 with no run). */
  durationMs: () => number;
  /** The rate adaptive pacing plays at from t (null with no run). */
  pacedRate: (t: number, speed: number) => PacedRate | null;
  togglePlay: () => void;
  stepBack: () => void;
  stepForward: () => void;
  setSpeed: (speed: number) => void;
  setAdaptive: (adaptive: boolean) => void;
  /** The loop's frame: moves the cursor by wallMs of playing (pauses at the end). */
  tick: (wallMs: number) => void;
  /** With reduced motion, one discrete step: the next event, or as far as the speed goes. */
  reducedMotionStep: () => void;
  /** Opens the keyboard help, on a screen that has it. */
  openHelp?: () => void;
  /** For the buttons' titles: what is played ("" or " both runs"), where steps stop. */
  played: string;
  stepScope: string;
}

const sim = useSimStore.getState;

export const studioPlayback: PlaybackSource = {
  getState: sim,
  subscribe: useSimStore.subscribe,
  durationMs: () => sim().run?.durationMs ?? 0,
  pacedRate: (t, speed) => {
    const run = sim().run;
    return run ? pacedRate(run, t, speed, true) : null;
  },
  togglePlay,
  stepBack,
  stepForward,
  setSpeed,
  setAdaptive,
  tick,
  reducedMotionStep: () => {
    const { run, t, speed, adaptive } = sim();
    if (!run) return;
    const target = reducedMotionStepTarget(run, t, speed, adaptive);
    seek(target);
    if (target >= run.durationMs) pause();
  },
  openHelp: () => setShortcutsOpen(true),
  played: '',
  stepScope: '',
};

export const PlaybackSourceContext = createContext<PlaybackSource>(studioPlayback);

/** A value derived from the playback state; re-renders only when it changes (Object.is). */
export function usePlayback<T>(derive: (state: PlaybackState, source: PlaybackSource) => T): T {
  const source = useContext(PlaybackSourceContext);
  return useDerived(source, (state) => derive(state, source));
}
