// Whether the Sources dialog is open, and which entry it shows. Any view opens it (a citation,
// a "simplified" marker); App mounts the one dialog.

import { create } from 'zustand';
import type { SimplificationId } from './simplifications';
import type { SourceId } from './sources';

export type SourcesTarget =
  | { kind: 'source'; id: SourceId }
  | { kind: 'simplification'; id: SimplificationId };

interface SourcesState {
  open: boolean;
  /** The entry to scroll to and mark; null shows the list from the top. */
  target: SourcesTarget | null;
}

export const useSourcesStore = create<SourcesState>(() => ({ open: false, target: null }));

export function openSources(target: SourcesTarget | null = null): void {
  useSourcesStore.setState({ open: true, target });
}

export function closeSources(): void {
  useSourcesStore.setState({ open: false });
}

/** The element id of an entry in the dialog. */
export function entryAnchor(target: SourcesTarget): string {
  return `${target.kind}-${target.id}`;
}
