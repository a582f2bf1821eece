// Where an arrow's label goes: on the part of the arrow the viewport shows, with the whole label
// inside the viewport, and never on a label already placed. A long arrow (between lifelines far
// apart on a wide ladder) keeps its label on screen instead of at an off-screen midpoint; a label
// with no free room is left out (the arrow's tooltip still names it). Pure.

/** A rectangle in the drawing's coordinates (px). */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Label text: 12 px monospace, about 7.3 px a character, plus a white halo. */
const CHAR_PX = 7.3;
const HALO_PX = 4;
export const LABEL_HEIGHT_PX = 14;

/** The box a label of `text` takes, centred on x, its baseline at y. */
export function labelBox(text: string, x: number, y: number): Box {
  const half = (text.length * CHAR_PX + HALO_PX) / 2;
  return { x0: x - half, y0: y - LABEL_HEIGHT_PX + 3, x1: x + half, y1: y + 3 };
}

/**
 * The part of the segment (x0,y0)→(x1,y1) inside `box`, as the fractions [from, to] along it
 * (Liang–Barsky clipping), or null when it misses the box.
 */
export function clipSegment(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  box: Box,
): [number, number] | null {
  let from = 0;
  let to = 1;
  const dx = x1 - x0;
  const dy = y1 - y0;
  for (const [p, q] of [
    [-dx, x0 - box.x0],
    [dx, box.x1 - x0],
    [-dy, y0 - box.y0],
    [dy, box.y1 - y0],
  ] as const) {
    if (p === 0) {
      if (q < 0) return null;
    } else {
      const r = q / p;
      if (p < 0) from = Math.max(from, r);
      else to = Math.min(to, r);
    }
  }
  return from <= to ? [from, to] : null;
}

/**
 * The middle of the stretch of the arrow where its label, centred on the arrow (4 px above it),
 * lies wholly inside `view`; null when there is none.
 */
export function labelSpot(
  text: string,
  arrow: { x0: number; y0: number; x1: number; y1: number },
  view: Box,
): { x: number; y: number } | null {
  const probe = labelBox(text, 0, 0);
  // The label's centre may go where its whole box stays in view (the baseline 4 px above the line).
  const inner: Box = {
    x0: view.x0 - probe.x0,
    x1: view.x1 - probe.x1,
    y0: view.y0 - probe.y0 + 4,
    y1: view.y1 - probe.y1 + 4,
  };
  if (inner.x0 > inner.x1 || inner.y0 > inner.y1) return null;
  const part = clipSegment(arrow.x0, arrow.y0, arrow.x1, arrow.y1, inner);
  if (part === null) return null;
  const f = (part[0] + part[1]) / 2;
  return {
    x: arrow.x0 + (arrow.x1 - arrow.x0) * f,
    y: arrow.y0 + (arrow.y1 - arrow.y0) * f - 4,
  };
}

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/**
 * Keeps the boxes placed so far: `claim(box)` is true, and keeps the box, when it overlaps none
 * of them. Boxes are bucketed by rows of LABEL_HEIGHT_PX, so a window's few hundred labels cost
 * little.
 */
export function labelPlacer(): (box: Box) => boolean {
  const rows = new Map<number, Box[]>();
  const rowsOf = (box: Box) => {
    const first = Math.floor(box.y0 / LABEL_HEIGHT_PX);
    const last = Math.floor(box.y1 / LABEL_HEIGHT_PX);
    const keys: number[] = [];
    for (let row = first; row <= last; row++) keys.push(row);
    return keys;
  };
  return (box) => {
    const keys = rowsOf(box);
    if (keys.some((row) => rows.get(row)?.some((other) => overlaps(box, other)))) return false;
    for (const row of keys) {
      const list = rows.get(row);
      if (list) list.push(box);
      else rows.set(row, [box]);
    }
    return true;
  };
}
