// What the topology drawing needs from a run that does not change with t: node positions,
// link endpoints, the layout's bounds, when each reload ends, and SPI generations. Built once
// per run (a WeakMap memo), so a frame costs nothing here; what depends on the trace grows with a
// run being computed (growingIndex), so each showing of it reads only what is new.

import type { Run } from '../../sim/run';
import { type Bounds, boundsOf, lerp, nearestDistances, type Point } from './geometry';
import { spiGenerations } from './spiGenerations';

export interface NodePlace extends Point {
  id: string;
}

/** An ESP scanner (an `esp-scan` flow): drawn at the node its packets enter by. */
export interface ScannerPlace extends Point {
  id: string;
  /** The node its packets enter by (where it is drawn). */
  node: string;
  /** The scanner's own address. */
  src: string;
  /** The source address its packets carry when it spoofs one. */
  claimedSrc?: string;
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
  /** The scenario's ESP scanners, at the nodes their packets enter by. */
  scanners: ScannerPlace[];
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

/** What depends only on the scenario's nodes and links. */
type Layout = Omit<TopologyIndex, 'bootTimes' | 'generations' | 'hasHsrp'>;

interface SnapshotFacts {
  bootTimes: Map<string, number[]>;
  hasHsrp: boolean;
  /** Snapshots read so far, per router. */
  read: Map<string, number>;
}

const layouts = new WeakMap<Run['loaded'], Layout>();
/** Per run being built: its snapshot map is shared by its slices, each router's list appended. */
const snapshotFacts = new WeakMap<Run['snapshots'], SnapshotFacts>();
const cache = new WeakMap<Run, TopologyIndex>();

export function topologyIndex(run: Run): TopologyIndex {
  let index = cache.get(run);
  if (!index) {
    let layout = layouts.get(run.loaded);
    if (!layout) {
      layout = buildLayout(run);
      layouts.set(run.loaded, layout);
    }
    const { bootTimes, hasHsrp } = readSnapshots(run.snapshots);
    index = { ...layout, bootTimes, hasHsrp, generations: spiGenerations(run.sentPackets) };
    cache.set(run, index);
  }
  return index;
}

/** Boots and HSRP from the snapshots added since the last read of this run's snapshot map. */
function readSnapshots(snapshots: Run['snapshots']): Omit<SnapshotFacts, 'read'> {
  let facts = snapshotFacts.get(snapshots);
  if (!facts) {
    facts = { bootTimes: new Map(), hasHsrp: false, read: new Map() };
    snapshotFacts.set(snapshots, facts);
  }
  for (const [node, list] of snapshots) {
    const times = facts.bootTimes.get(node) ?? [];
    facts.bootTimes.set(node, times);
    for (let i = facts.read.get(node) ?? 0; i < list.length; i++) {
      const now = list[i];
      if (list[i - 1]?.view.power === 'booting' && now?.view.power === 'up') times.push(now.atMs);
      if ((now?.view.hsrp?.length ?? 0) > 0) facts.hasHsrp = true;
    }
    facts.read.set(node, list.length);
  }
  return { bootTimes: facts.bootTimes, hasHsrp: facts.hasHsrp };
}

function buildLayout(run: Run): Layout {
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
  const scanners: ScannerPlace[] = [];
  for (const flow of scenario.traffic) {
    const at = flow.kind === 'esp-scan' ? positions.get(flow.from) : undefined;
    if (flow.kind !== 'esp-scan' || !at) continue;
    scanners.push({
      id: flow.id,
      node: flow.from,
      ...at,
      src: flow.src,
      claimedSrc: flow.claimedSrc,
    });
  }
  const neighbourOf = new Map<string, Point>();
  for (const link of links) {
    if (!neighbourOf.has(link.a)) neighbourOf.set(link.a, link.to);
    if (!neighbourOf.has(link.b)) neighbourOf.set(link.b, link.from);
  }
  const layoutKey = [
    ...scenario.nodes.map((n) => `${n.id}@${n.x},${n.y}`),
    ...scenario.links.map((l) => `${l.id}:${l.a}-${l.b}/${l.latencyMs}`),
  ].join(';');
  return {
    positions,
    routers,
    clouds,
    scanners,
    links,
    bounds: boundsOf(positions.values()),
    nearest: nearestDistances(positions),
    neighbourOf,
    layoutKey,
  };
}
