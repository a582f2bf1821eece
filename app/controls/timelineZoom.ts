// The timeline's zoom: a view setting of the controls only (the run and the cursor do not
// change with it), kept in its own small store so that the keyboard shortcuts reach it too.

import { create } from 'zustand';

export interface ZoomLevel {
  id: string;
  /** Button text and what a screen reader says. */
  label: string;
  /** Width of the window around the cursor, virtual ms; null: the whole run. */
  windowMs: number | null;
}

/**
 * From the whole run down to ±200 ms, where the 20 ms steps of a Main Mode exchange are ~30 px
 * apart on a laptop screen, each with its label.
 */
export const ZOOM_LEVELS: readonly ZoomLevel[] = [
  { id: 'all', label: 'Whole run', windowMs: null },
  { id: '5m', label: '±5 min', windowMs: 600_000 },
  { id: '30s', label: '±30 s', windowMs: 60_000 },
  { id: '2s', label: '±2 s', windowMs: 4_000 },
  { id: '200ms', label: '±200 ms', windowMs: 400 },
];

interface ZoomState {
  /** Index into ZOOM_LEVELS. */
  level: number;
}

export const useTimelineZoom = create<ZoomState>()(() => ({ level: 0 }));

export function setZoomLevel(level: number): void {
  useTimelineZoom.setState({ level: Math.max(0, Math.min(ZOOM_LEVELS.length - 1, level)) });
}

export function zoomIn(): void {
  setZoomLevel(useTimelineZoom.getState().level + 1);
}

export function zoomOut(): void {
  setZoomLevel(useTimelineZoom.getState().level - 1);
}
