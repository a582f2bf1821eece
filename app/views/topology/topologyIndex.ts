// What the topology drawing needs from a run that does not change with t: node positions,
// link endpoints, the layout's bounds, when each reload ends, and SPI generations. Built once
// per run (a WeakMap memo), so a frame costs nothing here.

import type { Run } from '../../sim/run';
import { type Bounds, boundsOf, lerp, nearestDistances, type Point } from './geometry';
import { spiGenerations } from './spiGenerations';

export interface NodePlace extends Point {
  id: string;
}

export interface LinkPlace {
  id: string;
  a: string;
  b: string;
  latencyMs: number;
  from: Point;
  to: Point;
  mid: Point;
}

export interface TopologyIndex {
  positions: Map<string, Point>;
  routers: NodePlace[];
  clouds: NodePlace[];
  links: LinkPlace[];
  bounds: Bounds;
  /** Distance (units) from each node to its nearest neighbour: how much room its glyph has. */
  nearest: Map<string, number>;
  /** Per node, the other end of its first link: the side a packet leaves by. */
  neighbourOf: Map<string, Point>;
  /** Per router, the times its power went from booting to up, ascending. */
  bootTimes: Map<string, number[]>;
  /** spiKey(node, spi) → SA generation (see spiGenerations). */
  generations: Map<string, number>;
  /** Some router runs HSRP at some moment of the run (its tables say so, not its config text). */
  hasHsrp: boolean;
  /** Changes only when the drawing's layout changes (not when an action re-runs the scenario). */
  layoutKey: string;
}

const cache = new WeakMap<Run, TopologyIndex>();

export function topologyIndex(run: Run): TopologyIndex {
  let index = cache.get(run);
  if (!index) {
    index = buildIndex(run);
    cache.set(run, index);
  }
  return index;
}

function buildIndex(run: Run): TopologyIndex {
  const { scenario } = run.loaded;
  const positions = new Map<string, Point>();
  const routers: NodePlace[] = [];
  const clouds: NodePlace[] = [];
  for (const node of scenario.nodes) {
    positions.set(node.id, { x: node.x, y: node.y });
    (node.kind === 'router' ? routers : clouds).push({ id: node.id, x: node.x, y: node.y });
  }
  const links: LinkPlace[] = [];
  for (const link of scenario.links) {
    const from = positions.get(link.a);
    const to = positions.get(link.b);
    if (!from || !to) continue;
    links.push({ ...link, from, to, mid: lerp(from, to, 0.5) });
  }
  const neighbourOf = new Map<string, Point>();
  for (const link of links) {
    if (!neighbourOf.has(link.a)) neighbourOf.set(link.a, link.to);
    if (!neighbourOf.has(link.b)) neighbourOf.set(link.b, link.from);
  }
  const bootTimes = new Map<string, number[]>();
  for (const [node, snapshots] of run.snapshots) {
    const times: number[] = [];
    for (let i = 1; i < snapshots.length; i++) {
      const before = snapshots[i - 1]?.view.power;
      const now = snapshots[i];
      if (before === 'booting' && now?.view.power === 'up') times.push(now.atMs);
    }
    bootTimes.set(node, times);
  }
  const layoutKey = [
    ...scenario.nodes.map((n) => `${n.id}@${n.x},${n.y}`),
    ...scenario.links.map((l) => `${l.id}:${l.a}-${l.b}/${l.latencyMs}`),
  ].join(';');
  return {
    positions,
    routers,
    clouds,
    links,
    bounds: boundsOf(positions.values()),
    nearest: nearestDistances(positions),
    neighbourOf,
    bootTimes,
    generations: spiGenerations(run.sentPackets),
    hasHsrp: [...run.snapshots.values()].some((list) =>
      list.some((snapshot) => (snapshot.view.hsrp?.length ?? 0) > 0),
    ),
    layoutKey,
  };
}
