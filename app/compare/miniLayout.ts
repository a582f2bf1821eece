// Pure. Where the compact topology of a compare column draws each node: the scenario's x/y
// scaled uniformly into the column's width, keeping room for a router box around each centre.

export interface NodePlace {
  id: string;
  kind: 'router' | 'cloud';
  x: number;
  y: number;
}

export interface MiniLayout {
  width: number;
  height: number;
  places: Map<string, NodePlace>;
  /**
   * Routers too close together for full boxes (a DMVPN ring of 50 spokes) are drawn as small
   * compact discs; their names only when `showNames`.
   */
  compact: boolean;
  showNames: boolean;
}

/** Half a router box and its badges: the room kept around the outermost centres (px). */
export const MINI_MARGIN_PX = { x: 76, y: 48 };
const COMPACT_MARGIN_PX = 26;
const MIN_HEIGHT_PX = 124;
const MAX_HEIGHT_PX = 320;
/** Closer router centres than this (px) cannot hold full boxes side by side. */
const FULL_BOX_MIN_SPACING_PX = 140;
/** Compact discs print their names when neighbours are at least this far apart (px). */
const COMPACT_NAME_MIN_SPACING_PX = 64;

/** Columns wider than this draw glyphs larger, up to MAX_GLYPH_SCALE (a 1920 projector). */
const REFERENCE_WIDTH_PX = 600;
const MAX_GLYPH_SCALE = 1.3;

/** How much larger than designed the glyphs are drawn in a column `width` px wide. */
export function glyphScale(width: number): number {
  return Math.max(1, Math.min(MAX_GLYPH_SCALE, width / REFERENCE_WIDTH_PX));
}

type NodeInput = { id: string; kind: 'router' | 'cloud'; x: number; y: number };

/** Places nodes with room `margin` (px) kept around the outermost centres. */
function place(
  nodes: readonly NodeInput[],
  width: number,
  margin: { x: number; y: number },
  minHeight: number,
): { height: number; places: Map<string, NodePlace> } {
  const places = new Map<string, NodePlace>();
  if (nodes.length === 0) return { height: minHeight, places };
  const xs = nodes.map((n) => n.x);
  const ys = nodes.map((n) => n.y);
  const minX = Math.min(...xs);
  const minY = Math.min(...ys);
  const spanX = Math.max(...xs) - minX;
  const spanY = Math.max(...ys) - minY;
  const innerWidth = Math.max(1, width - 2 * margin.x);
  const innerMaxHeight = MAX_HEIGHT_PX - 2 * margin.y;
  const scale = Math.min(
    spanX > 0 ? innerWidth / spanX : Number.POSITIVE_INFINITY,
    spanY > 0 ? innerMaxHeight / spanY : Number.POSITIVE_INFINITY,
    1.2,
  );
  const s = Number.isFinite(scale) ? scale : 1;
  const height = Math.max(minHeight, Math.min(MAX_HEIGHT_PX, spanY * s + 2 * margin.y));
  const offsetX = (width - spanX * s) / 2;
  const offsetY = (height - spanY * s) / 2;
  for (const node of nodes) {
    places.set(node.id, {
      id: node.id,
      kind: node.kind,
      x: offsetX + (node.x - minX) * s,
      y: offsetY + (node.y - minY) * s,
    });
  }
  return { height, places };
}

/** The smallest distance between two routers (px), or Infinity with fewer than two. */
export function nearestRouterSpacing(places: ReadonlyMap<string, NodePlace>): number {
  const routers = [...places.values()].filter((p) => p.kind === 'router');
  let nearest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < routers.length; i++)
    for (let j = i + 1; j < routers.length; j++) {
      const a = routers[i] as NodePlace;
      const b = routers[j] as NodePlace;
      nearest = Math.min(nearest, Math.hypot(a.x - b.x, a.y - b.y));
    }
  return nearest;
}

export function miniLayout(nodes: readonly NodeInput[], width: number): MiniLayout {
  const k = glyphScale(width);
  const minHeight = MIN_HEIGHT_PX * k;
  const full = place(nodes, width, { x: MINI_MARGIN_PX.x * k, y: MINI_MARGIN_PX.y * k }, minHeight);
  if (nearestRouterSpacing(full.places) >= FULL_BOX_MIN_SPACING_PX * k)
    return { width, ...full, compact: false, showNames: true };
  const margin = COMPACT_MARGIN_PX * k;
  const compact = place(nodes, width, { x: margin, y: margin }, minHeight);
  const spacing = nearestRouterSpacing(compact.places);
  return {
    width,
    ...compact,
    compact: true,
    showNames: spacing >= COMPACT_NAME_MIN_SPACING_PX * k,
  };
}

/** A point `progress` (0..1) of the way from a to b. */
export function lerp(
  a: { x: number; y: number },
  b: { x: number; y: number },
  progress: number,
): { x: number; y: number } {
  const p = Math.max(0, Math.min(1, progress));
  return { x: a.x + (b.x - a.x) * p, y: a.y + (b.y - a.y) * p };
}

/** Half sizes of the glyphs at scale 1: router box and cloud ellipse (px). */
export const ROUTER_HALF_PX = { x: 62, y: 24 };
export const CLOUD_HALF_PX = { x: 38, y: 22 };
/** Radius of a compact router disc and half sizes of a compact cloud (px). */
export const COMPACT_ROUTER_R_PX = 9;
export const COMPACT_CLOUD_HALF_PX = { x: 22, y: 13 };

/**
 * Where the straight line from `place`'s centre toward `toward` leaves its glyph (a router's box
 * or a cloud's ellipse, drawn `k` times larger than designed): packets fly between glyph edges,
 * so they are never hidden under, or drawn over, a router's name.
 */
export function edgePoint(
  place: NodePlace,
  toward: { x: number; y: number },
  k: number,
  compact = false,
): { x: number; y: number } {
  const dx = toward.x - place.x;
  const dy = toward.y - place.y;
  const length = Math.hypot(dx, dy);
  if (length === 0) return { x: place.x, y: place.y };
  const ux = dx / length;
  const uy = dy / length;
  let reach: number;
  const cloud = compact ? COMPACT_CLOUD_HALF_PX : CLOUD_HALF_PX;
  if (place.kind === 'router' && compact) {
    reach = COMPACT_ROUTER_R_PX * k;
  } else if (place.kind === 'router') {
    const ax =
      Math.abs(ux) > 1e-9 ? (ROUTER_HALF_PX.x * k) / Math.abs(ux) : Number.POSITIVE_INFINITY;
    const ay =
      Math.abs(uy) > 1e-9 ? (ROUTER_HALF_PX.y * k) / Math.abs(uy) : Number.POSITIVE_INFINITY;
    reach = Math.min(ax, ay);
  } else {
    reach = 1 / Math.hypot(ux / (cloud.x * k), uy / (cloud.y * k));
  }
  const r = Math.min(reach, length / 2);
  return { x: place.x + ux * r, y: place.y + uy * r };
}
