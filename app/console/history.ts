// The command history recalled with Up/Ctrl-P and Down/Ctrl-N. IOS keeps the last 10 lines by
// default (`terminal history size 10`), typos included.

import type { ConsoleState } from './types';

export const HISTORY_SIZE = 10;

export function withHistory(state: ConsoleState, line: string): ConsoleState {
  if (line.trim() === '') return state;
  return { ...state, history: [...state.history, line].slice(-HISTORY_SIZE) };
}

/**
 * The line `back` steps up the history: 1 is the last line typed (the first Up), 2 the one
 * before; null past either end (0 is the line being edited, which the UI keeps).
 */
export function historyAt(state: ConsoleState, back: number): string | null {
  if (back < 1) return null;
  return state.history[state.history.length - back] ?? null;
}
