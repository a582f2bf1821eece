// Per-frame placement of the moving things: each packet in flight at its point along its path
// with its look and whether its label survives culling, and each recent drop where it died.
// O(packets in flight + recent drops): this runs on every animation frame.

import { DROP_VISIBLE_MS, type Frame, type RecentDrop } from '../../sim/frame';
import type { PacketRecord } from '../../sim/trace';
import { type Point, pointOnPath, stepToward } from './geometry';
import { cullLabels, type LabelBox, MAX_PACKET_LABELS } from './labelCulling';
import { type DropLook, dropLook, labelBoxSize, type PacketLook, packetLook } from './packetLook';
import type { TopologyIndex } from './topologyIndex';

export interface PlacedPacket {
  sent: PacketRecord;
  at: Point;
  look: PacketLook;
  showLabel: boolean;
}

export interface PlacedDrop {
  recent: RecentDrop;
  at: Point;
  look: DropLook;
  /** 1 when fresh, fading toward 0.25 at DROP_VISIBLE_MS (from t, not from wall time). */
  opacity: number;
  /** Only the first drop at a spot is labelled; it then says how many died there. */
  label: string | null;
  /** Where the label goes (glyph px from the mark): away from the router, along the link. */
  labelPlace: LabelPlace;
}

export interface LabelPlace {
  dx: number;
  dy: number;
  anchor: 'start' | 'middle' | 'end';
}

/** Screen px from the node centre where a drop mark sits (outside a full router glyph). */
const DROP_OFFSET_PX = 84;
/** Screen px between stacked drop marks at one spot. */
const DROP_STACK_PX = 7;

/** Packets in flight with their looks, labelled ones last (drawn on top). */
export function placePackets(
  frame: Frame,
  index: TopologyIndex,
  staleSpis: ReadonlySet<string>,
  pxPerUnit: number,
  maxLabels = MAX_PACKET_LABELS,
): PlacedPacket[] {
  const placed: PlacedPacket[] = [];
  for (const flight of frame.inFlight) {
    const { sent } = flight;
    if (!sent.path) continue;
    const at = pointOnPath(index.positions, sent.path, flight.hop, flight.hopProgress);
    if (!at) continue;
    placed.push({
      sent,
      at,
      look: packetLook(sent, index.generations, staleSpis),
      showLabel: false,
    });
  }
  const boxes = placed.map((p): LabelBox => {
    const size = labelBoxSize(p.look);
    // ESP labels sit inside the pill; the others above their shape.
    const dy = p.look.shape === 'esp' ? 0 : -20;
    return {
      x: p.at.x * pxPerUnit,
      y: p.at.y * pxPerUnit + dy,
      ...size,
      priority: p.look.label ? p.look.priority : Number.POSITIVE_INFINITY,
    };
  });
  const keep = cullLabels(boxes, maxLabels);
  for (let i = 0; i < placed.length; i++) {
    const p = placed[i] as PlacedPacket;
    p.showLabel = keep[i] === true && p.look.label !== '';
  }
  // Labelled packets last, so an unlabelled one never hides a label.
  return [...placed.filter((p) => !p.showLabel), ...placed.filter((p) => p.showLabel)];
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

/** The label under the mark, running away from the router; centred under it for links. */
export function dropLabelPlace(away: Point | null): LabelPlace {
  if (!away) return { dx: 0, dy: 33, anchor: 'middle' };
  if (Math.abs(away.x) < 0.35) return { dx: 0, dy: away.y > 0 ? 34 : -22, anchor: 'middle' };
  // Below the link (not across it), running away from the router.
  return { dx: away.x > 0 ? -8 : 8, dy: 33, anchor: away.x > 0 ? 'start' : 'end' };
}

export function placeDrops(frame: Frame, index: TopologyIndex, pxPerUnit: number): PlacedDrop[] {
  const unit = 1 / pxPerUnit;
  const placed: PlacedDrop[] = [];
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
    const item: PlacedDrop = {
      recent,
      at,
      look,
      opacity: 1 - 0.75 * Math.min(1, recent.ageMs / DROP_VISIBLE_MS),
      label: null,
      labelPlace: dropLabelPlace(place.away),
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
