// What a view draws: a run, the cursor over it, whether it plays, and the selection. Views read
// it through these hooks from the nearest RunSourceContext provider; without one, from the
// studio's store (the studio, its lessons and the tests need no provider). The compare screen
// gives each side a source over its own run, both driven by its one cursor.

import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Frame } from '../sim/frame';
import type { Run } from '../sim/run';
import { seek, select } from '../store/actions';
import { type Selection, useSimStore } from '../store/simStore';
import { frameFor } from '../store/useFrame';

export interface ViewState {
  run: Run | null;
  /** The cursor in this run, virtual ms (at most its duration). */
  t: number;
  playing: boolean;
  selection: Selection;
}

/** zustand's getState/subscribe contract: what the playback and run sources are. */
export interface Store<S> {
  getState: () => S;
  subscribe: (onChange: () => void) => () => void;
}

/** A value derived from a store's state; re-renders only when it changes (Object.is). */
export function useDerived<S, T>(store: Store<S>, derive: (state: S) => T): T {
  return useSyncExternalStore(store.subscribe, () => derive(store.getState()));
}

export interface RunSource extends Store<ViewState> {
  /** Moves the cursor (the timeline's scrubber). */
  seek: (atMs: number) => void;
  /** Selecting a router or link and acting on the scenario (the studio); absent: read-only. */
  select?: (selection: Selection) => void;
}

const studioSource: RunSource = {
  getState: useSimStore.getState,
  subscribe: useSimStore.subscribe,
  seek,
  select,
};

export const RunSourceContext = createContext<RunSource>(studioSource);

export function useRunSource(): RunSource {
  return useContext(RunSourceContext);
}

/**
 * A value derived from the view state. The component re-renders only when it changes (compared
 * with Object.is): derive something coarse and return a primitive or a memoised object.
 */
export function useView<T>(derive: (state: ViewState) => T): T {
  return useDerived(useRunSource(), derive);
}

export function useViewRun(): Run | null {
  return useView((s) => s.run);
}

/** The frame at the cursor (one per run and moment however many views ask). */
export function useViewFrame(): Frame | null {
  return useView((s) => (s.run ? frameFor(s.run, s.t) : null));
}

/** A value derived from the cursor t alone; see useView. */
export function useViewCursor<T>(derive: (t: number) => T): T {
  return useView((s) => derive(s.t));
}
