// Where the topology's labels go so that none covers another or a node's name: packet, drop and
// DELETE labels, and the routers' IKE badges and tags. Greedy, most important first: each label
// tries a fixed list of candidate slots around its anchor (its home slots, then rings of eight
// sides farther and farther out) and takes the first one that hits no obstacle and no label
// already placed; with none free near its mark, a place along the stage's top or bottom edge
// (with a leader line); a label with no free place (or beyond the budget) is hidden and counted.
// Pure and deterministic: sizes are estimated from character counts, never measured.

import type { Bounds, Point } from './geometry';

/** An axis-aligned box in px, by its centre. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A box that a label must not cover; `owner` names the label it belongs to (its own mark). */
export interface Obstacle extends Box {
  owner?: string;
}

export type Side = 'n' | 's' | 'e' | 'w' | 'ne' | 'nw' | 'se' | 'sw';

const SIDE_VECTORS: Record<Side, Point> = {
  n: { x: 0, y: -1 },
  s: { x: 0, y: 1 },
  e: { x: 1, y: 0 },
  w: { x: -1, y: 0 },
  ne: { x: 1, y: -1 },
  nw: { x: -1, y: -1 },
  se: { x: 1, y: 1 },
  sw: { x: -1, y: 1 },
};

/** Default ring order: above and below first (along a link), then the sides, then corners. */
export const SIDES: readonly Side[] = ['n', 's', 'e', 'w', 'ne', 'nw', 'se', 'sw'];

export interface LabelRequest {
  /** Stable across frames (a packet id, "R1/above"…): the previous slot is looked up by it. */
  id: string;
  /** What the label names, in px. */
  anchor: Point;
  width: number;
  height: number;
  /** Lower is placed first. */
  priority: number;
  /** Half-extent (px) of what is drawn at the anchor: ring slots start just outside it. */
  clearance: { x: number; y: number };
  /** Offsets (px) of the label's centre tried before the rings, best first. */
  home?: readonly Point[];
  /** The ring sides in order of preference (default SIDES). */
  sides?: readonly Side[];
  /**
   * Where the anchor is heading (px it moves soon): a new slot is chosen among those that stay
   * free along the way when there is one, so a moving label does not hop at every obstacle.
   */
  sweep?: Point;
}

export interface PlacedLabel {
  id: string;
  /** The label's box, in px. */
  box: Box;
  /** Offset of the box's centre from the anchor (px). */
  dx: number;
  dy: number;
  /** Index into the label's candidate list (home slots, then ring by ring). */
  slot: number;
  /** Beyond the first ring: far enough from its mark to need a line to it. */
  leader: boolean;
}

export interface Placement {
  placed: Map<string, PlacedLabel>;
  /** Requests that found no free slot, or came after the budget was spent. */
  hidden: LabelRequest[];
}

export interface PlacementOptions {
  /** Every box must stay inside (the visible stage). */
  bounds?: Bounds;
  /** Slot of each label in the previous frame: tried first, so labels do not hop while they move. */
  previous?: ReadonlyMap<string, number>;
  /** Most labels placed; the rest are hidden. */
  maxLabels?: number;
}

/** Space (px) between a mark and its first ring of labels. */
export const GAP_PX = 4;
/** How much farther (px) each ring is than the one inside it. */
export const RING_STEP_PX = 26;
export const RINGS = 3;
/** Boxes closer than this (px) count as touching. */
const PAD_PX = 1;
/** Rounding slack (px) of the bounds test. */
const EDGE_EPSILON_PX = 0.01;
/** Grid cell edge (px) of the overlap index: about one label high, a third of one wide. */
const CELL_PX = 32;

export function overlaps(a: Box, b: Box, pad = PAD_PX): boolean {
  return (
    Math.abs(a.x - b.x) * 2 < a.width + b.width + 2 * pad &&
    Math.abs(a.y - b.y) * 2 < a.height + b.height + 2 * pad
  );
}

/** Boxes in a uniform grid: an overlap query looks only at the cells the box covers. */
export class BoxGrid<T extends Box = Box> {
  private readonly cells = new Map<string, T[]>();

  private keys(box: Box): string[] {
    const x0 = Math.floor((box.x - box.width / 2) / CELL_PX);
    const x1 = Math.floor((box.x + box.width / 2) / CELL_PX);
    const y0 = Math.floor((box.y - box.height / 2) / CELL_PX);
    const y1 = Math.floor((box.y + box.height / 2) / CELL_PX);
    const keys: string[] = [];
    for (let cx = x0; cx <= x1; cx++) for (let cy = y0; cy <= y1; cy++) keys.push(`${cx},${cy}`);
    return keys;
  }

  add(box: T): void {
    for (const key of this.keys(box)) {
      const list = this.cells.get(key);
      if (list) list.push(box);
      else this.cells.set(key, [box]);
    }
  }

  /** Whether `box` overlaps a stored box that `ignore` does not exclude. */
  hits(box: Box, ignore?: (other: T) => boolean): boolean {
    for (const key of this.keys(box)) {
      for (const other of this.cells.get(key) ?? []) {
        if (overlaps(box, other) && !ignore?.(other)) return true;
      }
    }
    return false;
  }
}

/** The point of a box (centred at dx, dy) nearest to the origin: where a leader line ends. */
export function leaderEnd(dx: number, dy: number, width: number, height: number): Point {
  return {
    x: Math.max(dx - width / 2, Math.min(dx + width / 2, 0)),
    y: Math.max(dy - height / 2, Math.min(dy + height / 2, 0)),
  };
}

/** The box covering `box` all along its move by `sweep`. */
function sweptBox(box: Box, sweep: Point): Box {
  return {
    x: box.x + sweep.x / 2,
    y: box.y + sweep.y / 2,
    width: box.width + Math.abs(sweep.x),
    height: box.height + Math.abs(sweep.y),
  };
}

/**
 * Small slides (px) of a slot along its side (along x above or below the mark, along y beside
 * it): a label that misses a free gap by a few px still finds it.
 */
const NUDGES_PX = [0, 10, -10, 20, -20];

/** How many candidate slots a request has (each base slot with its nudges). */
export function slotCount(request: LabelRequest): number {
  return baseSlotCount(request, RINGS) * NUDGES_PX.length;
}

/** Home slots and the first `rings` rings. */
function baseSlotCount(request: LabelRequest, rings: number): number {
  return (request.home?.length ?? 0) + rings * (request.sides ?? SIDES).length;
}

/**
 * The centre offset of candidate `slot`, and whether it is on a ring beyond the first; null
 * past the last slot, or for a nudge that does not apply (beside a corner, or on the mark).
 */
export function slotOffset(
  request: LabelRequest,
  slot: number,
): { offset: Point; side: Side | null; leader: boolean } | null {
  if (slot < 0) return null;
  const base = Math.floor(slot / NUDGES_PX.length);
  const nudge = NUDGES_PX[slot % NUDGES_PX.length] as number;
  const home = request.home ?? [];
  if (base < home.length) {
    const offset = home[base] as Point;
    // A home slot on the mark itself (an ESP pill) stays centred on it.
    if (nudge !== 0 && offset.y === 0) return null;
    return { offset: { x: offset.x + nudge, y: offset.y }, side: null, leader: false };
  }
  const sides = request.sides ?? SIDES;
  const ring = Math.floor((base - home.length) / sides.length);
  if (ring >= RINGS) return null;
  const side = sides[(base - home.length) % sides.length] as Side;
  const v = SIDE_VECTORS[side];
  if (nudge !== 0 && v.x !== 0 && v.y !== 0) return null;
  const reach = ring * RING_STEP_PX;
  return {
    offset: {
      x: v.x * (request.clearance.x + GAP_PX + request.width / 2 + reach) + (v.x === 0 ? nudge : 0),
      y:
        v.y * (request.clearance.y + GAP_PX + request.height / 2 + reach) + (v.y === 0 ? nudge : 0),
    },
    side,
    leader: ring > 0,
  };
}

/**
 * Moves a box inside bounds along the axis that keeps it beside its mark (along x for a label
 * above or below, along y for one to the left or right); null when it cannot fit that way.
 */
function keepInside(box: Box, side: Side | null, bounds: Bounds | undefined): Box | null {
  if (!bounds) return box;
  // A box slid against an edge counts as inside whatever the rounding.
  const inX = (b: Box) =>
    b.x - b.width / 2 >= bounds.minX - EDGE_EPSILON_PX &&
    b.x + b.width / 2 <= bounds.maxX + EDGE_EPSILON_PX;
  const inY = (b: Box) =>
    b.y - b.height / 2 >= bounds.minY - EDGE_EPSILON_PX &&
    b.y + b.height / 2 <= bounds.maxY + EDGE_EPSILON_PX;
  const shifted = { ...box };
  const slideX = side === null || side === 'n' || side === 's';
  const slideY = side === 'e' || side === 'w';
  if (slideX && !inX(shifted) && box.width <= bounds.maxX - bounds.minX) {
    shifted.x = Math.min(
      bounds.maxX - box.width / 2,
      Math.max(bounds.minX + box.width / 2, shifted.x),
    );
  }
  if (slideY && !inY(shifted) && box.height <= bounds.maxY - bounds.minY) {
    shifted.y = Math.min(
      bounds.maxY - box.height / 2,
      Math.max(bounds.minY + box.height / 2, shifted.y),
    );
  }
  return inX(shifted) && inY(shifted) ? shifted : null;
}

/**
 * Places labels greedily by priority (then input order): each takes its previous slot if that
 * is still free, else its first free candidate. No placed box overlaps an obstacle (other than
 * its own mark), another placed box, or leaves `bounds`.
 * @example placeLabels([{ id: 'a', anchor: {x: 0, y: 0}, width: 40, height: 20, priority: 0, clearance: {x: 5, y: 5} }], []).placed.get('a')?.dy // -19 (above)
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  obstacles: readonly Obstacle[],
  options: PlacementOptions = {},
): Placement {
  const { bounds, previous, maxLabels = Number.POSITIVE_INFINITY } = options;
  const grid = new BoxGrid<Obstacle>();
  for (const obstacle of obstacles) grid.add(obstacle);
  const order = requests.map((_, i) => i);
  order.sort(
    (a, b) =>
      (requests[a] as LabelRequest).priority - (requests[b] as LabelRequest).priority || a - b,
  );
  const placed = new Map<string, PlacedLabel>();
  const hidden: LabelRequest[] = [];
  for (const i of order) {
    const request = requests[i] as LabelRequest;
    const found = placed.size < maxLabels ? firstFreeSlot(request, grid, bounds, previous) : null;
    if (!found) {
      hidden.push(request);
      continue;
    }
    placed.set(request.id, found);
    grid.add(found.box);
  }
  return { placed, hidden };
}

/**
 * The label's slot: its previous one if still free; else the first slot next to its mark (home
 * or first ring) that stays free along its sweep; else the first free one.
 */
function firstFreeSlot(
  request: LabelRequest,
  grid: BoxGrid<Obstacle>,
  bounds: Bounds | undefined,
  previous: ReadonlyMap<string, number> | undefined,
): PlacedLabel | null {
  const count = slotCount(request);
  const before = previous?.get(request.id);
  const ownMark = (other: Obstacle) => other.owner === request.id;
  const { sweep } = request;
  const attempt = (slot: number, swept = false): PlacedLabel | null => {
    const candidate = slotOffset(request, slot);
    if (!candidate) return null;
    const box = keepInside(
      {
        x: request.anchor.x + candidate.offset.x,
        y: request.anchor.y + candidate.offset.y,
        width: request.width,
        height: request.height,
      },
      candidate.side,
      bounds,
    );
    if (!box || grid.hits(box, ownMark)) return null;
    if (swept && sweep && grid.hits(sweptBox(box, sweep), ownMark)) return null;
    return {
      id: request.id,
      box,
      dx: box.x - request.anchor.x,
      dy: box.y - request.anchor.y,
      slot,
      leader: candidate.leader,
    };
  };
  if (before !== undefined && before < count) {
    const kept = attempt(before);
    if (kept) return kept;
  }
  if (sweep) {
    // Near: the home slots and the first two rings (a leader line at most 26 px long).
    const near = baseSlotCount(request, 2) * NUDGES_PX.length;
    for (let slot = 0; slot < near; slot++) {
      const found = slot === before ? null : attempt(slot, true);
      if (found) return found;
    }
  }
  for (let slot = 0; slot < count; slot++) {
    if (slot === before) continue;
    const found = attempt(slot);
    if (found) return found;
  }
  return bounds ? edgeSlot(request, grid, bounds, ownMark, count) : null;
}

/** Steps (px) between the places tried along an edge. */
const EDGE_STEP_PX = 12;

/**
 * The last resort of a label whose mark has no room around it (a dense hub on a small stage):
 * the free place along the stage's top or bottom edge nearest its mark, joined to it by a leader
 * line. Its slot is past the candidate list, so the next frame looks for it again (the same
 * scene finds the same place).
 */
function edgeSlot(
  request: LabelRequest,
  grid: BoxGrid<Obstacle>,
  bounds: Bounds,
  ownMark: (other: Obstacle) => boolean,
  slot: number,
): PlacedLabel | null {
  const { anchor, width, height } = request;
  const minX = bounds.minX + width / 2;
  const maxX = bounds.maxX - width / 2;
  if (minX > maxX || bounds.maxY - bounds.minY < height) return null;
  const top = bounds.minY + height / 2;
  const bottom = bounds.maxY - height / 2;
  const edges =
    Math.abs(anchor.y - top) <= Math.abs(anchor.y - bottom) ? [top, bottom] : [bottom, top];
  const startX = Math.max(minX, Math.min(maxX, anchor.x));
  const steps = Math.ceil((maxX - minX) / EDGE_STEP_PX);
  for (let step = 0; step <= steps; step++) {
    const xs = step === 0 ? [startX] : [startX + step * EDGE_STEP_PX, startX - step * EDGE_STEP_PX];
    for (const x of xs) {
      if (x < minX || x > maxX) continue;
      for (const y of edges) {
        const box = { x, y, width, height };
        if (grid.hits(box, ownMark)) continue;
        return { id: request.id, box, dx: x - anchor.x, dy: y - anchor.y, slot, leader: true };
      }
    }
  }
  return null;
}
