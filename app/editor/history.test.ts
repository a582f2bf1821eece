import { describe, expect, it } from 'vitest';
import {
  canRedo,
  canUndo,
  closeStep,
  HISTORY_MAX_STEPS,
  record,
  redo,
  startHistory,
  undo,
} from './history';

describe('document history', () => {
  it('undoes and redoes step by step; a new edit drops the redo future', () => {
    let history = record(record(startHistory('a'), 'b'), 'c');
    history = undo(history);
    expect(history.present).toBe('b');
    history = undo(history);
    expect(history.present).toBe('a');
    expect(canUndo(history)).toBe(false);
    expect(undo(history)).toBe(history);
    history = redo(history);
    expect(history.present).toBe('b');
    expect(canRedo(history)).toBe(true);
    history = record(history, 'd');
    expect(canRedo(history)).toBe(false);
    expect(undo(history).present).toBe('b');
  });

  it('merges edits with the same key into one step, until the step is closed', () => {
    let history = startHistory('');
    for (const text of ['R', 'R1', 'R10']) history = record(history, text, 'title');
    expect(history.past).toEqual(['']);
    history = record(closeStep(history), 'R10x', 'title');
    expect(undo(history).present).toBe('R10');
    expect(undo(undo(history)).present).toBe('');
  });

  it('an edit under another key, or none, is a step of its own', () => {
    const history = record(record(startHistory(0), 1, 'a'), 2, 'b');
    expect(undo(history).present).toBe(1);
    const unkeyed = record(record(startHistory(0), 1), 2);
    expect(unkeyed.past).toEqual([0, 1]);
  });

  it('keeps at most HISTORY_MAX_STEPS steps', () => {
    let history = startHistory(0);
    for (let i = 1; i <= HISTORY_MAX_STEPS + 10; i++) history = record(history, i);
    expect(history.past).toHaveLength(HISTORY_MAX_STEPS);
    expect(history.past[0]).toBe(10);
  });
});
