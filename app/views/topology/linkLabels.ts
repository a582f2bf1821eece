// Where a link's words go: its one-way latency ("10 ms"), or "down · 10 ms" and a cut mark when
// it is down, 16 px off its midpoint on the upper side. Pure: LinksLayer draws these, and the
// label placement treats them as fixed boxes the moving labels keep off.

import type { Point } from './geometry';
import { BoxGrid, type Obstacle } from './labelPlacement';
import type { LinkPlace } from './topologyIndex';

/** A link shorter than this on screen (px) shows no latency label (the hub's 51 spokes). */
const MIN_LABELLED_PX = 130;
/** The cut mark of a down link: a circle of radius 11 px on its midpoint. */
const CUT_MARK_PX = 24;

/** Unit normal of a→b pointing up (or right for a vertical link): where labels go. */
function labelNormal(a: Point, b: Point): Point {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy) || 1;
  let nx = -dy / length;
  let ny = dx / length;
  if (ny > 0 || (ny === 0 && nx < 0)) {
    nx = -nx;
    ny = -ny;
  }
  return { x: nx, y: ny };
}

/** Where a link's latency label goes (scenario units): 16 px off its midpoint, upper side. */
export function latencyLabelAt(link: LinkPlace, unit: number): Point {
  const normal = labelNormal(link.from, link.to);
  return { x: link.mid.x + normal.x * 16 * unit, y: link.mid.y + normal.y * 16 * unit };
}

export function linkLabelText(link: LinkPlace, up: boolean): string {
  return up ? `${link.latencyMs} ms` : `down · ${link.latencyMs} ms`;
}

/** The label's box (px) around latencyLabelAt: 14 px sans (15 px bold when down). */
function linkLabelBox(link: LinkPlace, up: boolean, pxPerUnit: number): Obstacle {
  const at = latencyLabelAt(link, 1 / pxPerUnit);
  const text = linkLabelText(link, up);
  return {
    x: at.x * pxPerUnit,
    y: at.y * pxPerUnit,
    width: text.length * (up ? 8 : 9) + 10,
    height: 20,
  };
}

/**
 * Latency labels are all drawn or none: a ring of 50 "10 ms" (some dropped, some kept) says
 * less than none, and every link's tooltip and name carry its latency anyway.
 */
export function showLatencyLabels(links: readonly LinkPlace[], unit: number): boolean {
  const grid = new BoxGrid();
  for (const link of links) {
    const lengthPx = Math.hypot(link.to.x - link.from.x, link.to.y - link.from.y) / unit;
    if (lengthPx < MIN_LABELLED_PX) return false;
    const box = linkLabelBox(link, true, 1 / unit);
    if (grid.hits(box)) return false;
    grid.add(box);
  }
  return true;
}

/** The boxes (px) of the links' words and cut marks, as drawn with these links down. */
export function linkLabelObstacles(
  links: readonly LinkPlace[],
  down: ReadonlySet<string>,
  pxPerUnit: number,
): Obstacle[] {
  const showLatency = showLatencyLabels(links, 1 / pxPerUnit);
  const boxes: Obstacle[] = [];
  for (const link of links) {
    const up = !down.has(link.id);
    if (showLatency || !up) boxes.push(linkLabelBox(link, up, pxPerUnit));
    if (!up) {
      boxes.push({
        x: link.mid.x * pxPerUnit,
        y: link.mid.y * pxPerUnit,
        width: CUT_MARK_PX,
        height: CUT_MARK_PX,
      });
    }
  }
  return boxes;
}
