// Pure. Where the log scrolls to keep the cursor's line in view, and which rows it renders.

/** Where the line at the cursor settles in the viewport while following, in whole-run mode. */
const CURSOR_AT = 2 / 3;

/**
 * The scrollTop that keeps the cursor's row in view. When the log grows with the cursor (the
 * newest line is the cursor's) it stays pinned to the bottom. Otherwise the row may sit
 * anywhere from the top to two thirds down; past that (as playback moves it down) the list
 * scrolls to hold it at two thirds, so the past is above and the next lines below; above the
 * top it comes back to two thirds. Row -1 (nothing yet) leaves the list where it is.
 */
export function followScrollTop(p: {
  row: number;
  rowCount: number;
  rowPx: number;
  viewportPx: number;
  scrollTop: number;
  growsWithCursor: boolean;
}): number {
  const maxTop = Math.max(0, p.rowCount * p.rowPx - p.viewportPx);
  if (p.growsWithCursor) return maxTop;
  if (p.row < 0) return Math.min(maxTop, p.scrollTop);
  const rowTop = p.row * p.rowPx;
  const settledPx = (p.viewportPx - p.rowPx) * CURSOR_AT;
  const inZone = rowTop >= p.scrollTop && rowTop <= p.scrollTop + settledPx + 0.5;
  const top = inZone ? p.scrollTop : rowTop - settledPx;
  return Math.round(Math.min(maxTop, Math.max(0, top)));
}

/** The scrollTop that brings a row into view with the least movement. */
export function revealScrollTop(p: {
  row: number;
  rowPx: number;
  viewportPx: number;
  scrollTop: number;
}): number {
  const rowTop = p.row * p.rowPx;
  if (rowTop < p.scrollTop) return rowTop;
  if (rowTop + p.rowPx > p.scrollTop + p.viewportPx) return rowTop + p.rowPx - p.viewportPx;
  return p.scrollTop;
}

/** The rows to render: those in the viewport plus `overscan` on each side. */
export function visibleRows(p: {
  scrollTop: number;
  viewportPx: number;
  rowPx: number;
  rowCount: number;
  overscan: number;
}): { first: number; last: number } {
  const first = Math.max(0, Math.floor(p.scrollTop / p.rowPx) - p.overscan);
  const last = Math.min(
    p.rowCount - 1,
    Math.ceil((p.scrollTop + p.viewportPx) / p.rowPx) + p.overscan,
  );
  return { first, last };
}
