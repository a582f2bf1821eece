// Undo and redo of the edited document: the documents before and after the one shown. Pure.
// Consecutive edits with the same key (typing into one field, dragging one node) merge into one
// step, so one undo takes back the whole word or the whole drag.

/** Steps kept behind the present; older ones are forgotten. */
export const HISTORY_MAX_STEPS = 200;

export interface History<T> {
  past: readonly T[];
  present: T;
  future: readonly T[];
  /** The key of the edit that made `present`, while it may still merge with the next one. */
  lastKey: string | null;
}

export function startHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], lastKey: null };
}

/**
 * `next` becomes the present. With `mergeKey` equal to the last edit's, it replaces that edit's
 * result instead of adding a step. The redo future is dropped, as editors do.
 */
export function record<T>(
  history: History<T>,
  next: T,
  mergeKey: string | null = null,
): History<T> {
  if (next === history.present) return history;
  const merge = mergeKey !== null && mergeKey === history.lastKey;
  const past = merge ? history.past : [...history.past, history.present].slice(-HISTORY_MAX_STEPS);
  return { past, present: next, future: [], lastKey: mergeKey };
}

export function canUndo<T>(history: History<T>): boolean {
  return history.past.length > 0;
}

export function canRedo<T>(history: History<T>): boolean {
  return history.future.length > 0;
}

export function undo<T>(history: History<T>): History<T> {
  const previous = history.past.at(-1);
  if (previous === undefined) return history;
  return {
    past: history.past.slice(0, -1),
    present: previous,
    future: [history.present, ...history.future],
    lastKey: null,
  };
}

export function redo<T>(history: History<T>): History<T> {
  const [next, ...future] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future, lastKey: null };
}

/** Ends merging: the next edit starts a step of its own even with the same key (a field left). */
export function closeStep<T>(history: History<T>): History<T> {
  return history.lastKey === null ? history : { ...history, lastKey: null };
}
