import { useSimStore } from '../../store/simStore';

/**
 * A value derived from the playback cursor t. The component re-renders only when the derived
 * value changes (compared with Object.is), not at every frame of playback: derive something
 * coarse (a count of records up to t, whole seconds, a pixel) and return a primitive.
 */
export function useCursor<T>(derive: (t: number) => T): T {
  return useSimStore((s) => derive(s.t));
}

/** The cursor in whole seconds (floored, never negative). */
export function useCursorSecond(): number {
  return useCursor((t) => Math.max(0, Math.floor(t / 1000)));
}
