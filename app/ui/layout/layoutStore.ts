// The studio layout as app state: read once from localStorage, saved on every change. Actions are
// plain functions, as in app/store/actions.ts.

import { create } from 'zustand';
import {
  type DockTab,
  readLayout,
  type StudioLayout,
  withSecondTab,
  withTab,
  writeLayout,
} from './studioLayout';

/** localStorage, or null where there is none (tests in node) or reading it throws. */
function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export const useLayoutStore = create<StudioLayout>()(() => readLayout(browserStorage()));

useLayoutStore.subscribe((layout) => writeLayout(browserStorage(), layout));

const update = (change: (layout: StudioLayout) => StudioLayout) =>
  useLayoutStore.setState(change(useLayoutStore.getState()), true);

/** Shows `tab` in the first (or only) side panel, and unfolds the panels. */
export function showTab(tab: DockTab): void {
  update((layout) => ({ ...withTab(layout, tab), sideCollapsed: false }));
}

/** Shows `tab` in the second side panel. */
export function showSecondTab(tab: DockTab): void {
  update((layout) => withSecondTab(layout, tab));
}

export function setSideWidth(px: number): void {
  update((layout) => ({ ...layout, sideWidthPx: Math.round(px) }));
}

export function setSecondWidth(px: number): void {
  update((layout) => ({ ...layout, secondWidthPx: Math.round(px) }));
}

export function setSideCollapsed(sideCollapsed: boolean): void {
  update((layout) => ({ ...layout, sideCollapsed }));
}

/** One side panel instead of two on a wide window (true), or two again (false). */
export function setSecondCollapsed(secondCollapsed: boolean): void {
  update((layout) => ({ ...layout, secondCollapsed }));
}
