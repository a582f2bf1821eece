// The part of the topology's labelling that does not move with t: how each router is drawn (full
// glyph or compact square, with or without its name), where its pill stacks go (IKE badges above,
// tags below, moved aside when another router's glyph or pills are in the way), and the boxes
// the moving labels must keep off (glyphs and names, link labels, the placed pills). Recomputed
// when a router's drawing, the zoom or the links change; pure.

import type { Bounds, Point } from './geometry';
import { type LabelRequest, type Obstacle, placeLabels, type Side } from './labelPlacement';
import { linkLabelObstacles } from './linkLabels';
import { compactGlyphStacks, fullGlyphStacks, type PillStack, stackSize } from './routerPills';
import type { RouterStatus } from './routerStatus';
import type { TopologyIndex } from './topologyIndex';

/** Below this distance to the nearest node (screen px) a router is drawn compact. */
export const FULL_GLYPH_MIN_SPACING_PX = 150;
/** Compact routers print their name when neighbours are at least this far (px). */
const COMPACT_NAME_MIN_SPACING_PX = 72;
/** The full glyph's box (px), name and icon inside. */
export const FULL_BOX_PX = { width: 136, height: 52 };
/**
 * The compact glyph's name: 13 px bold, baseline 17 px below the square. Sans-serif capitals
 * and digits average 0.75 em in the widest common bold face (DejaVu Sans Bold).
 */
const COMPACT_NAME_PX_PER_CHAR = 10;
/** A cloud's name: 16 px bold, baseline 46 px below its centre (scaled with the cloud). */
const CLOUD_NAME_PX_PER_CHAR = 12.5;

const ABOVE_SIDES: readonly Side[] = ['n', 'ne', 'nw', 'e', 'w', 's', 'se', 'sw'];
const BELOW_SIDES: readonly Side[] = ['s', 'se', 'sw', 'e', 'w', 'n', 'ne', 'nw'];

export interface RouterLook {
  id: string;
  /** Position in scenario units. */
  x: number;
  y: number;
  status: RouterStatus;
  /** Side (px) of the compact square, or 0 for the full glyph. */
  compactSize: number;
  showName: boolean;
}

export interface PlacedStack {
  stack: PillStack;
  /** The stack's centre, px from the router's centre. */
  dx: number;
  dy: number;
  /** Moved beyond the first ring: a line ties it to its router. */
  leader: boolean;
}

export interface StaticLabels {
  looks: RouterLook[];
  /** Per router, its pill stacks that found room (a stack without room is not drawn). */
  stacks: Map<string, PlacedStack[]>;
  /** Every fixed box (px) the moving labels must avoid, placed pills included. */
  obstacles: Obstacle[];
  /** Half-extents (px) of each router's glyph: packets enter and leave at its edge. */
  doors: Map<string, Point>;
  /** Pill stacks that found no room. */
  hidden: number;
}

export function isCompactAt(index: TopologyIndex, id: string, pxPerUnit: number): boolean {
  return (
    (index.nearest.get(id) ?? Number.POSITIVE_INFINITY) * pxPerUnit < FULL_GLYPH_MIN_SPACING_PX
  );
}

/** How each router is drawn at this zoom: compact when crowded, named when it has room or matters. */
export function routerLooks(
  index: TopologyIndex,
  statuses: ReadonlyMap<string, RouterStatus>,
  pxPerUnit: number,
  selectedId: string | null,
): RouterLook[] {
  const looks: RouterLook[] = [];
  for (const place of index.routers) {
    const status = statuses.get(place.id);
    if (!status) continue;
    const spacingPx = (index.nearest.get(place.id) ?? Number.POSITIVE_INFINITY) * pxPerUnit;
    const compact = spacingPx < FULL_GLYPH_MIN_SPACING_PX;
    const showName =
      !compact ||
      spacingPx >= COMPACT_NAME_MIN_SPACING_PX ||
      selectedId === place.id ||
      status.power === 'booting' ||
      status.stale.length > 0 ||
      status.peers.length > 2;
    looks.push({
      id: place.id,
      x: place.x,
      y: place.y,
      status,
      compactSize: compact ? Math.round(Math.max(16, Math.min(28, spacingPx * 0.8))) : 0,
      showName,
    });
  }
  return looks;
}

/** The glyph's half-extent (px) and the boxes it draws that labels must not cover. */
function glyphBoxes(look: RouterLook, at: Point): { half: Point; boxes: Obstacle[] } {
  if (look.compactSize === 0) {
    const half = { x: FULL_BOX_PX.width / 2, y: FULL_BOX_PX.height / 2 };
    return {
      half,
      boxes: [{ x: at.x, y: at.y, width: FULL_BOX_PX.width + 4, height: FULL_BOX_PX.height + 4 }],
    };
  }
  const h = look.compactSize / 2;
  const boxes: Obstacle[] = [{ x: at.x, y: at.y, width: 2 * h + 4, height: 2 * h + 4 }];
  if (look.showName) {
    boxes.push({
      x: at.x,
      y: at.y + h + 12,
      width: look.status.hostname.length * COMPACT_NAME_PX_PER_CHAR + 6,
      height: 18,
    });
  }
  return { half: { x: h, y: h }, boxes };
}

export interface StaticInput {
  index: TopologyIndex;
  statuses: ReadonlyMap<string, RouterStatus>;
  /** Glyph px per scenario unit. */
  pxPerUnit: number;
  selectedId: string | null;
  /** Ids of the links that are down. */
  down: ReadonlySet<string>;
  /** The visible part of the stage (px). */
  bounds?: Bounds;
}

export function placeStaticLabels(input: StaticInput): StaticLabels {
  const { index, statuses, pxPerUnit, selectedId, down, bounds } = input;
  const looks = routerLooks(index, statuses, pxPerUnit, selectedId);
  const fixed: Obstacle[] = linkLabelObstacles(index.links, down, pxPerUnit);
  for (const cloud of index.clouds) {
    const scale = isCompactAt(index, cloud.id, pxPerUnit) ? 0.6 : 1;
    fixed.push({
      x: cloud.x * pxPerUnit,
      y: cloud.y * pxPerUnit + 40 * scale,
      width: (cloud.id.length * CLOUD_NAME_PX_PER_CHAR + 6) * scale,
      height: 20 * scale,
    });
  }
  const doors = new Map<string, Point>();
  const requests: LabelRequest[] = [];
  const stacksOf = new Map<string, PillStack>();
  for (const look of looks) {
    const at = { x: look.x * pxPerUnit, y: look.y * pxPerUnit };
    const { half, boxes } = glyphBoxes(look, at);
    doors.set(look.id, half);
    fixed.push(...boxes);
    const stacks =
      look.compactSize === 0 ? fullGlyphStacks(look.status) : compactGlyphStacks(look.status);
    for (const stack of stacks) {
      const id = `${look.id}/${stack.at}`;
      stacksOf.set(id, stack);
      requests.push({
        id,
        anchor: at,
        ...stackSize(stack),
        priority: 0,
        clearance: half,
        sides: stack.at === 'above' ? ABOVE_SIDES : BELOW_SIDES,
      });
    }
  }
  const { placed, hidden } = placeLabels(requests, fixed, { bounds });
  const stacks = new Map<string, PlacedStack[]>();
  for (const look of looks) stacks.set(look.id, []);
  for (const request of requests) {
    const place = placed.get(request.id);
    const stack = stacksOf.get(request.id);
    if (!place || !stack) continue;
    const router = request.id.slice(0, request.id.lastIndexOf('/'));
    stacks.get(router)?.push({ stack, dx: place.dx, dy: place.dy, leader: place.leader });
  }
  const obstacles = [...fixed, ...[...placed.values()].map((p) => p.box)];
  return { looks, stacks, obstacles, doors, hidden: hidden.length };
}

/** A stable string for a router's placed stacks (what its memoised glyph compares). */
export function stacksKey(stacks: readonly PlacedStack[]): string {
  return stacks
    .map((s) => `${s.stack.at}@${Math.round(s.dx)},${Math.round(s.dy)}${s.leader ? '~' : ''}`)
    .join(';');
}
