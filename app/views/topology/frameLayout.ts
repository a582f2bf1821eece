// Per-frame placement of the moving things: each packet in flight at its point along its path
// (from the door of the glyph it leaves to the door of the one it enters), each recent drop where
// it died, and their labels placed around them without covering one another, a router's name or
// pills, or a link's label (labelPlacement). O(packets in flight + recent drops): this runs on
// every animation frame.

import { DROP_VISIBLE_MS, type Frame, type RecentDrop } from '../../sim/frame';
import type { PacketRecord } from '../../sim/trace';
import { type Bounds, type Point, pointOnPath, stepToward } from './geometry';
import {
  type Box,
  type LabelRequest,
  type Obstacle,
  type PlacedLabel,
  placeLabels,
  type Side,
} from './labelPlacement';
import {
  type DropLook,
  dropLabelWidthPx,
  dropLook,
  labelBoxSize,
  type PacketLook,
  type PacketShape,
  packetLook,
} from './packetLook';
import type { TopologyIndex } from './topologyIndex';

export interface PlacedPacket {
  sent: PacketRecord;
  at: Point;
  /** Where it will be a little later on its hop (units from `at`), for a stable label. */
  heading: Point;
  look: PacketLook;
  /** Where its label went (px from the packet), or null when it has none or it found no room. */
  label: PlacedLabel | null;
}

export interface PlacedDrop {
  recent: RecentDrop;
  at: Point;
  look: DropLook;
  /** 1 when fresh, fading toward 0.25 at DROP_VISIBLE_MS (from t, not from wall time). */
  opacity: number;
  /** Only the first drop of a kind is labelled; it then says how many died ("×N"). */
  label: string | null;
  /** Where the label went (px from the mark), or null. */
  labelAt: PlacedLabel | null;
}

export interface MovingLayout {
  /** Labelled packets last (drawn on top). */
  packets: PlacedPacket[];
  drops: PlacedDrop[];
  /** Labels that found no room (or came after the budget), router pills included. */
  hidden: number;
  /** Where the "+N labels hidden" note goes (px), when there is a stage to put it in. */
  summary: Box | null;
  /** Each placed label's slot: the next frame of a moving picture tries it first. */
  slots: Map<string, number>;
}

export interface StaticContext {
  /** Fixed boxes (px): glyphs and names, link labels, router pills. */
  obstacles: readonly Obstacle[];
  /** Half-extent (px) of each router's glyph. */
  doors: ReadonlyMap<string, Point>;
  /** Pill stacks already hidden for want of room. */
  hidden: number;
}

/** Most packet and drop labels on screen at once: beyond this they stop being read anyway. */
export const MAX_MOVING_LABELS = 24;
/** Screen px from the node centre where a drop mark sits (outside a full router glyph). */
const DROP_OFFSET_PX = 84;
/** Screen px between stacked drop marks at one spot. */
const DROP_STACK_PX = 7;
/** A drop's burst: outer radius 15 px. */
const BURST_HALF_PX = 15;
/** How far ahead (px) a packet's label looks for obstacles on its way. */
const LOOKAHEAD_PX = 150;
/** Space (px) between a glyph's edge and a packet leaving it: a shape's half-size and a bit. */
const DOOR_GAP_PX = 14;
/** Drop label text: 13.5 px. */
const DROP_LABEL_HEIGHT_PX = 20;
/** Drops are placed after DELETE (0) and before IKE with INITIAL-CONTACT (1). */
const DROP_LABEL_PRIORITY = 0.5;
/** The hidden-labels note: 13 px sans, in the stage's bottom-left corner. */
export const SUMMARY_BOX_PX = { width: 150, height: 20, inset: 6 };

const SHAPE_HALF_PX: Record<PacketShape, number> = {
  esp: 12,
  'main-mode': 12,
  'quick-mode': 12,
  delete: 13,
  dpd: 10,
  keepalive: 10,
  nhrp: 8,
  hsrp: 10,
  ip: 6,
};

/** The half-extent (px) of a packet's shape; an unlabelled ESP pill is 24 × 14. */
function shapeHalf(shape: PacketShape): Point {
  const half = SHAPE_HALF_PX[shape];
  return { x: half, y: shape === 'esp' ? 7 : half };
}

/** Packets in flight at their points, with their looks; labels not yet placed. */
export function placePackets(
  frame: Frame,
  index: TopologyIndex,
  staleSpis: ReadonlySet<string>,
  pxPerUnit: number,
  doors: ReadonlyMap<string, Point> = new Map(),
): PlacedPacket[] {
  const unit = 1 / pxPerUnit;
  const halfOf = (node: string): Point | undefined => {
    const half = doors.get(node);
    return half && { x: (half.x + DOOR_GAP_PX) * unit, y: (half.y + DOOR_GAP_PX) * unit };
  };
  const placed: PlacedPacket[] = [];
  for (const flight of frame.inFlight) {
    const { sent } = flight;
    if (!sent.path) continue;
    const at = pointOnPath(index.positions, sent.path, flight.hop, flight.hopProgress, halfOf);
    const end = pointOnPath(index.positions, sent.path, flight.hop, 1, halfOf);
    if (!at || !end) continue;
    const left = Math.hypot(end.x - at.x, end.y - at.y);
    const ahead = left > 0 ? Math.min(1, (LOOKAHEAD_PX * unit) / left) : 0;
    placed.push({
      sent,
      at,
      heading: { x: (end.x - at.x) * ahead, y: (end.y - at.y) * ahead },
      look: packetLook(sent, index.generations, staleSpis),
      label: null,
    });
  }
  return placed;
}

/**
 * Where a drop is drawn: a link's midpoint; or at the dropping router's door, on the side the
 * packet came from (its previous hop) or, for a packet that never left the router, the side of
 * its first link. `away` points from the router toward the mark (for the label).
 */
function dropAnchor(
  recent: RecentDrop,
  index: TopologyIndex,
  unit: number,
): { at: Point; away: Point | null } | undefined {
  const { drop, sent } = recent;
  if (drop.link) {
    const link = index.links.find((l) => l.id === drop.link);
    if (link) return { at: link.mid, away: null };
  }
  const node = drop.node ?? sent?.node;
  const at = node === undefined ? undefined : index.positions.get(node);
  if (!at || node === undefined) return undefined;
  const path = sent?.path;
  const hopIndex = path ? path.indexOf(node) : -1;
  const previous = path && hopIndex > 0 ? index.positions.get(path[hopIndex - 1] ?? '') : undefined;
  const toward = previous ?? index.neighbourOf.get(node);
  if (!toward) return { at: { x: at.x + 70 * unit, y: at.y - 40 * unit }, away: null };
  const mark = stepToward(at, toward, DROP_OFFSET_PX * unit);
  const length = Math.hypot(mark.x - at.x, mark.y - at.y) || 1;
  return { at: mark, away: { x: (mark.x - at.x) / length, y: (mark.y - at.y) / length } };
}

/**
 * The drop label's preferred centre (px from the mark) for a label `width` px wide: under the
 * link, running away from the router from the burst's edge on (clear of the router's tags);
 * centred under the mark on a link.
 */
export function dropLabelHome(away: Point | null, width: number): Point {
  if (!away) return { x: 0, y: 28 };
  if (Math.abs(away.x) < 0.35) return { x: 0, y: away.y > 0 ? 29 : -27 };
  const x = width / 2 + BURST_HALF_PX;
  return { x: away.x > 0 ? x : -x, y: 28 };
}

interface DropWithHome extends PlacedDrop {
  away: Point | null;
}

/** Recent drops at their marks, one label per kind; labels not yet placed. */
export function placeDrops(frame: Frame, index: TopologyIndex, pxPerUnit: number): DropWithHome[] {
  const unit = 1 / pxPerUnit;
  const placed: DropWithHome[] = [];
  const countAt = new Map<string, number>();
  // One label per kind of drop ("×N" when it repeats), so that fifty spokes dropping their first
  // packet at once read as one line, not a pile of fifty.
  const labelled = new Map<string, { first: PlacedDrop; count: number }>();
  for (const recent of frame.recentDrops) {
    const place = dropAnchor(recent, index, unit);
    if (!place) continue;
    const anchor = place.at;
    const key = `${Math.round(anchor.x)},${Math.round(anchor.y)}`;
    const n = countAt.get(key) ?? 0;
    countAt.set(key, n + 1);
    const at = {
      x: anchor.x + ((n % 4) - 1.5) * DROP_STACK_PX * unit * (n > 0 ? 1 : 0),
      y: anchor.y + Math.floor(n / 4) * DROP_STACK_PX * unit,
    };
    const look = dropLook(recent);
    const item: DropWithHome = {
      recent,
      at,
      look,
      opacity: 1 - 0.75 * Math.min(1, recent.ageMs / DROP_VISIBLE_MS),
      label: null,
      labelAt: null,
      away: place.away,
    };
    placed.push(item);
    const sameKind = labelled.get(look.short);
    if (sameKind) {
      sameKind.count++;
      sameKind.first.label = `${look.short} ×${sameKind.count}`;
    } else if (n === 0) {
      item.label = look.short;
      labelled.set(look.short, { first: item, count: 1 });
    }
  }
  return placed;
}

const DROP_SIDES: readonly Side[] = ['s', 'n', 'e', 'w', 'se', 'sw', 'ne', 'nw'];

const packetLabelId = (packet: PlacedPacket) => `p${packet.sent.packetId}`;
const dropLabelId = (drop: PlacedDrop) => `d${drop.look.short}`;

export interface MovingOptions {
  /** The visible stage (px): labels stay inside, and the summary goes in its corner. */
  bounds?: Bounds;
  /** The previous frame's slots (see MovingLayout.slots), while the picture moves. */
  previous?: ReadonlyMap<string, number>;
  maxLabels?: number;
}

/**
 * Packets and drops at the frame, with their labels placed: DELETE first, then drops, then the
 * other packets by their looks' priority; at most `maxLabels`. Packet shapes and drop bursts are
 * obstacles too (a label never hides another packet).
 */
export function layoutMoving(
  frame: Frame,
  index: TopologyIndex,
  staleSpis: ReadonlySet<string>,
  pxPerUnit: number,
  context: StaticContext,
  options: MovingOptions = {},
): MovingLayout {
  const { bounds, previous, maxLabels = MAX_MOVING_LABELS } = options;
  const packets = placePackets(frame, index, staleSpis, pxPerUnit, context.doors);
  const drops = placeDrops(frame, index, pxPerUnit);
  const px = (p: Point) => ({ x: p.x * pxPerUnit, y: p.y * pxPerUnit });
  const obstacles: Obstacle[] = [...context.obstacles];
  const summary = bounds
    ? {
        x: bounds.minX + SUMMARY_BOX_PX.inset + SUMMARY_BOX_PX.width / 2,
        y: bounds.maxY - SUMMARY_BOX_PX.inset - SUMMARY_BOX_PX.height / 2,
        width: SUMMARY_BOX_PX.width,
        height: SUMMARY_BOX_PX.height,
      }
    : null;
  if (summary) obstacles.push(summary);
  const requests: LabelRequest[] = [];
  const byId = new Map<string, PlacedPacket | PlacedDrop>();
  // One label per text: fifty "MM1" around a hub say no more than one.
  const texts = new Set<string>();
  for (const packet of packets) {
    const id = packetLabelId(packet);
    const half = shapeHalf(packet.look.shape);
    obstacles.push({ ...px(packet.at), width: 2 * half.x, height: 2 * half.y, owner: id });
    if (packet.look.label === '' || texts.has(packet.look.label)) continue;
    texts.add(packet.look.label);
    const esp = packet.look.shape === 'esp';
    requests.push({
      id,
      anchor: px(packet.at),
      ...labelBoxSize(packet.look),
      priority: packet.look.priority,
      clearance: half,
      // An ESP packet's SPI is written on its pill when there is room for the pill.
      home: esp ? [{ x: 0, y: 0 }] : undefined,
      sweep: px(packet.heading),
    });
    byId.set(id, packet);
  }
  for (const drop of drops) {
    const id = dropLabelId(drop);
    // A drop label ("… ×50") may cover the bursts it counts, not those of another kind.
    const burst = { ...px(drop.at), width: 2 * BURST_HALF_PX, height: 2 * BURST_HALF_PX };
    obstacles.push({ ...burst, owner: id });
    if (drop.label === null) continue;
    const width = dropLabelWidthPx(drop.label);
    requests.push({
      id,
      anchor: px(drop.at),
      width,
      height: DROP_LABEL_HEIGHT_PX,
      priority: DROP_LABEL_PRIORITY,
      clearance: { x: BURST_HALF_PX, y: BURST_HALF_PX },
      home: [dropLabelHome(drop.away, width)],
      sides: DROP_SIDES,
    });
    byId.set(id, drop);
  }
  const { placed, hidden } = placeLabels(requests, obstacles, { bounds, previous, maxLabels });
  const slots = new Map<string, number>();
  for (const [id, label] of placed) {
    slots.set(id, label.slot);
    const item = byId.get(id);
    if (item && 'sent' in item) item.label = label;
    else if (item) item.labelAt = label;
  }
  return {
    // Labelled packets last, so an unlabelled one never hides a label.
    packets: [...packets.filter((p) => !p.label), ...packets.filter((p) => p.label)],
    drops,
    hidden: hidden.length + context.hidden,
    summary,
    slots,
  };
}
