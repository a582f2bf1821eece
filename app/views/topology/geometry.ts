// Pure geometry of the topology drawing: node positions in scenario units, the viewBox that fits
// them into the container, where a packet is along its path, and scenario-to-screen mapping.
// No DOM, no store: every function is a plain computation tested in geometry.test.ts.

export interface Point {
  x: number;
  y: number;
}

export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export interface Size {
  width: number;
  height: number;
}

/** The viewBox (scenario units) and how many screen px one unit takes at zoom 1. */
export interface FittedView {
  viewBox: { x: number; y: number; width: number; height: number };
  /** Screen px per scenario unit before zoom. */
  scale: number;
}

/** A d3-zoom transform as plain data: screen-of-viewBox = unit * k + (x, y). */
export interface ZoomState {
  k: number;
  x: number;
  y: number;
}

export const IDENTITY_ZOOM: ZoomState = { k: 1, x: 0, y: 0 };

export function boundsOf(points: Iterable<Point>): Bounds {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const p of points) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  if (minX > maxX) return { minX: 0, minY: 0, maxX: 0, maxY: 0 };
  return { minX, minY, maxX, maxY };
}

/**
 * The viewBox that shows `bounds` in a container of `size` px, keeping `marginPx` screen pixels
 * around the outermost node centres (room for glyphs drawn at a constant screen size), at most
 * `maxScale` px per unit (so two routers do not become huge). The viewBox has the container's
 * aspect ratio, so `preserveAspectRatio` never letterboxes and `scale` is exact.
 */
export function fitView(
  bounds: Bounds,
  size: Size,
  marginPx: { x: number; y: number },
  maxScale = 1.5,
): FittedView {
  const width = Math.max(1, size.width);
  const height = Math.max(1, size.height);
  const spanX = bounds.maxX - bounds.minX;
  const spanY = bounds.maxY - bounds.minY;
  const fitX = spanX > 0 ? (width - 2 * marginPx.x) / spanX : Number.POSITIVE_INFINITY;
  const fitY = spanY > 0 ? (height - 2 * marginPx.y) / spanY : Number.POSITIVE_INFINITY;
  const scale = Math.max(0.02, Math.min(maxScale, fitX, fitY));
  const cx = (bounds.minX + bounds.maxX) / 2;
  const cy = (bounds.minY + bounds.maxY) / 2;
  const vbWidth = width / scale;
  const vbHeight = height / scale;
  return {
    viewBox: { x: cx - vbWidth / 2, y: cy - vbHeight / 2, width: vbWidth, height: vbHeight },
    scale,
  };
}

/**
 * The container height (px) that suits the layout's aspect ratio at `width` px, within
 * [minPx, maxPx]: a flat row of routers gets a short stage, a hub and its ring a square one.
 */
export function suggestedHeight(
  bounds: Bounds,
  width: number,
  marginPx: { x: number; y: number },
  minPx: number,
  maxPx: number,
): number {
  const spanX = bounds.maxX - bounds.minX;
  const spanY = bounds.maxY - bounds.minY;
  const drawable = Math.max(1, width - 2 * marginPx.x);
  const ideal = spanX > 0 ? (drawable * spanY) / spanX + 2 * marginPx.y : spanY + 2 * marginPx.y;
  return Math.round(Math.max(minPx, Math.min(maxPx, ideal)));
}

export function lerp(a: Point, b: Point, f: number): Point {
  return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
}

/**
 * Where a packet is: `hopProgress` of the way along hop `hop` of `path` (node ids, sender
 * first), or undefined when a node of that hop has no position. With `halfOf` (a node's
 * half-extent in units, or undefined for none), each hop runs from door to door: from the edge of
 * the glyph it leaves to the edge of the one it enters, never across a router's name.
 * @example pointOnPath(positions, ['R1', 'ISP', 'R2'], 1, 0.5) // halfway from ISP to R2
 */
export function pointOnPath(
  positions: ReadonlyMap<string, Point>,
  path: readonly string[],
  hop: number,
  hopProgress: number,
  halfOf?: (node: string) => Point | undefined,
): Point | undefined {
  const fromId = path[hop] ?? '';
  const toId = path[hop + 1] ?? '';
  const from = positions.get(fromId);
  const to = positions.get(toId);
  if (!from || !to) return undefined;
  const start = halfOf ? door(from, to, halfOf(fromId)) : from;
  const end = halfOf ? door(to, from, halfOf(toId)) : to;
  return lerp(start, end, Math.max(0, Math.min(1, hopProgress)));
}

/**
 * Where the segment from `at` toward `toward` leaves a box of half-extent `half` centred on
 * `at` (no farther than stepToward allows); `at` itself without a box.
 */
export function door(at: Point, toward: Point, half: Point | undefined): Point {
  if (!half) return at;
  const length = Math.hypot(toward.x - at.x, toward.y - at.y);
  if (length === 0) return at;
  const ux = Math.abs(toward.x - at.x) / length;
  const uy = Math.abs(toward.y - at.y) / length;
  const distance = Math.min(
    ux > 0 ? half.x / ux : Number.POSITIVE_INFINITY,
    uy > 0 ? half.y / uy : Number.POSITIVE_INFINITY,
  );
  return stepToward(at, toward, distance);
}

/** The visible part of the drawing in scenario units, under a fitted view and a zoom. */
export function visibleBounds(view: FittedView, zoom: ZoomState): Bounds {
  const { x, y, width, height } = view.viewBox;
  return {
    minX: (x - zoom.x) / zoom.k,
    minY: (y - zoom.y) / zoom.k,
    maxX: (x + width - zoom.x) / zoom.k,
    maxY: (y + height - zoom.y) / zoom.k,
  };
}

/**
 * A point `distance` units from `from` toward `toward`, but never past `maxFraction` of the way
 * (a drop mark sits at the door of the router that dropped it, on the side it came from).
 */
export function stepToward(
  from: Point,
  toward: Point,
  distance: number,
  maxFraction = 0.45,
): Point {
  const length = Math.hypot(toward.x - from.x, toward.y - from.y);
  if (length === 0) return from;
  return lerp(from, toward, Math.min(maxFraction, distance / length));
}

/** For each node, the distance (units) to its nearest other node; Infinity when alone. */
export function nearestDistances(positions: ReadonlyMap<string, Point>): Map<string, number> {
  const entries = [...positions];
  const nearest = new Map<string, number>();
  for (const [id, p] of entries) {
    let best = Number.POSITIVE_INFINITY;
    for (const [other, q] of entries) {
      if (other !== id) best = Math.min(best, Math.hypot(p.x - q.x, p.y - q.y));
    }
    nearest.set(id, best);
  }
  return nearest;
}

/**
 * Screen position (px from the container's top-left) of a scenario point under a fitted view
 * and a zoom transform (the transform applies in viewBox units, as d3-zoom on an SVG with a
 * viewBox does).
 */
export function toScreen(p: Point, view: FittedView, zoom: ZoomState): Point {
  return {
    x: (p.x * zoom.k + zoom.x - view.viewBox.x) * view.scale,
    y: (p.y * zoom.k + zoom.y - view.viewBox.y) * view.scale,
  };
}
