// The editor's document and its undo/redo history, as React state: `edit` applies a DocumentEdit
// (documentEdits.ts) and says why one was refused; `mergeKey` joins an edit to the previous one
// with the same key (typing in one field, one drag) into a single undo step.

import { useCallback, useReducer } from 'react';
import type { Scenario } from '../scenario/types';
import { applyEdit, type DocumentEdit } from './documentEdits';
import { closeStep, type History, record, redo, startHistory, undo } from './history';

type Step =
  | { kind: 'edit'; document: Scenario; mergeKey: string | null }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'close-step' };

function step(history: History<Scenario>, action: Step): History<Scenario> {
  switch (action.kind) {
    case 'edit':
      return record(history, action.document, action.mergeKey);
    case 'undo':
      return undo(history);
    case 'redo':
      return redo(history);
    case 'close-step':
      return closeStep(history);
  }
}

export interface DocumentHistory {
  history: History<Scenario>;
  /** Applies the edit to the present document; the refusal's message, or null when it applied. */
  edit: (edit: DocumentEdit, mergeKey?: string) => string | null;
  undo: () => void;
  redo: () => void;
  /** Ends the current merged step (a field lost focus, a drag ended). */
  closeStep: () => void;
}

export function useDocumentHistory(initial: () => Scenario): DocumentHistory {
  const [history, dispatch] = useReducer(step, undefined, () => startHistory(initial()));
  const edit = useCallback(
    (change: DocumentEdit, mergeKey?: string) => {
      const result = applyEdit(history.present, change);
      if (!result.ok) return result.message;
      dispatch({ kind: 'edit', document: result.document, mergeKey: mergeKey ?? null });
      return null;
    },
    [history.present],
  );
  return {
    history,
    edit,
    undo: useCallback(() => dispatch({ kind: 'undo' }), []),
    redo: useCallback(() => dispatch({ kind: 'redo' }), []),
    closeStep: useCallback(() => dispatch({ kind: 'close-step' }), []),
  };
}
