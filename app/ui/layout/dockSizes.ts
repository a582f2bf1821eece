// How wide the side panels are drawn in a window of a given width: the layout's widths (or the
// automatic ones), kept within what leaves the stage room. Pure.

import type { StudioLayout } from './studioLayout';

/** The narrowest a side panel may be dragged: router cards and the console stay readable. */
export const PANEL_MIN_PX = 300;
/** What the stage keeps at least, whatever the panels ask. */
export const STAGE_MIN_PX = 400;
/** The splitters between stage and panels, CSS px (see .splitter in shell.css). */
export const SPLITTER_PX = 10;
/** From this window width on, two side panels are shown side by side (unless folded to one). */
export const TWO_PANELS_MIN_WINDOW_PX = 1600;

export interface DockSizes {
  /** How many side panels are shown (0 when they are folded into the rail). */
  panels: 0 | 1 | 2;
  /** Whether the window is wide enough for two panels (then "show two panels" is offered). */
  twoPanelsFit: boolean;
  /** The (first) panel's width and the range its splitter may move it in. */
  first: { px: number; minPx: number; maxPx: number };
  /** The second panel's, when two are shown. */
  second: { px: number; minPx: number; maxPx: number };
}

const clamp = (value: number, min: number, max: number) =>
  Math.round(Math.max(min, Math.min(max, value)));

/**
 * The panels' widths in a window `windowPx` wide. Automatic widths: one panel takes 36% of the
 * window, 450 to 600 px (its four tabs fit in one row); two take 24% and 28%.
 */
export function dockSizes(layout: StudioLayout, windowPx: number): DockSizes {
  const twoPanelsFit = windowPx >= TWO_PANELS_MIN_WINDOW_PX;
  const panels = layout.sideCollapsed ? 0 : twoPanelsFit && !layout.secondCollapsed ? 2 : 1;
  const room = Math.max(PANEL_MIN_PX, windowPx - STAGE_MIN_PX - SPLITTER_PX * Math.max(1, panels));
  if (panels < 2) {
    const auto = clamp(windowPx * 0.36, 450, 600);
    const px = clamp(layout.sideWidthPx ?? auto, PANEL_MIN_PX, room);
    return {
      panels,
      twoPanelsFit,
      first: { px, minPx: PANEL_MIN_PX, maxPx: room },
      second: { px: 0, minPx: 0, maxPx: 0 },
    };
  }
  const firstMax = Math.max(PANEL_MIN_PX, room - PANEL_MIN_PX);
  const first = clamp(layout.sideWidthPx ?? windowPx * 0.24, PANEL_MIN_PX, firstMax);
  const secondMax = Math.max(PANEL_MIN_PX, room - first);
  const second = clamp(layout.secondWidthPx ?? windowPx * 0.28, PANEL_MIN_PX, secondMax);
  return {
    panels,
    twoPanelsFit,
    first: { px: first, minPx: PANEL_MIN_PX, maxPx: firstMax },
    second: { px: second, minPx: PANEL_MIN_PX, maxPx: secondMax },
  };
}
