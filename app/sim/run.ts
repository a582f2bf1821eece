// A whole run prepared for viewing at any virtual time t: the trace, each router's tables
// snapshotted after every change, and indexes that give packet counters and packets in flight
// at t exactly. Pure: built once per scenario; frameAt(run, t) never simulates.

import type { LoadedScenario } from '../scenario/types';
import { Simulation } from './simulate';
import type { RouterView } from './snapshot';
import type { PacketRecord, TraceRecord } from './trace';

export interface RouterSnapshot {
  atMs: number;
  view: RouterView;
}

export interface Run {
  loaded: LoadedScenario;
  records: TraceRecord[];
  durationMs: number;
  /** Per router: its tables after every event that changed its SA, IKE or power state. */
  snapshots: Map<string, RouterSnapshot[]>;
  /** `sent` records of wire packets, in time order. */
  sentPackets: PacketRecord[];
  /** The `delivered` or `dropped` record of each wire packet, by packetId. */
  outcomes: Map<number, PacketRecord>;
  /** Packets dropped inside a router before reaching the wire (no `sent` record). */
  localDrops: PacketRecord[];
  /** The longest flight of any packet: how far back frameAt looks for packets in flight. */
  maxFlightMs: number;
  /** Times of ESP packets per `${node}|${spi}|out` (sent) and `|in` (decapsulated). */
  espTimes: Map<string, number[]>;
  /** Times of ESP drops for an unknown SPI, per receiving router. */
  invalidSpiDropTimes: Map<string, number[]>;
  /** Up/down changes of each link, in time order (links start up). */
  linkChanges: Map<string, Array<{ atMs: number; up: boolean }>>;
}

/** Record kinds that change what a router's tables show. */
const CHANGES_TABLES = new Set<TraceRecord['kind']>(['sa', 'state', 'fault']);

/** Simulates the whole scenario and indexes it for viewing. */
export function buildRun(loaded: LoadedScenario): Run {
  const sim = new Simulation(loaded);
  const snapshots = new Map<string, RouterSnapshot[]>();
  const snap = (node: string) => {
    const view = sim.view(node);
    if (!view) return;
    const list = snapshots.get(node) ?? [];
    const last = list[list.length - 1];
    if (last && last.atMs === sim.nowMs) last.view = view;
    else list.push({ atMs: sim.nowMs, view });
    snapshots.set(node, list);
  };
  for (const node of sim.routers.keys()) snap(node);
  sim.runUntil(loaded.scenario.durationMs, (first) => {
    const dirty = new Set<string>();
    for (let i = first; i < sim.records.length; i++) {
      const record = sim.records[i] as TraceRecord;
      // DPD/keepalive retransmissions change "retry k of 5" without a state change.
      const probe =
        record.kind === 'packet' &&
        record.event === 'sent' &&
        (record.msg === 'R-U-THERE' || record.msg === 'KEEPALIVE');
      if (!CHANGES_TABLES.has(record.kind) && !probe) continue;
      if ('node' in record && record.node) dirty.add(record.node);
      else for (const node of sim.routers.keys()) dirty.add(node); // link changes, flows
    }
    for (const node of dirty) snap(node);
  });
  return indexRecords(loaded, sim.records, snapshots);
}

function indexRecords(
  loaded: LoadedScenario,
  records: TraceRecord[],
  snapshots: Map<string, RouterSnapshot[]>,
): Run {
  const sentPackets: PacketRecord[] = [];
  const outcomes = new Map<number, PacketRecord>();
  const localDrops: PacketRecord[] = [];
  const espTimes = new Map<string, number[]>();
  const push = (key: string, atMs: number) => {
    const list = espTimes.get(key);
    if (list) list.push(atMs);
    else espTimes.set(key, [atMs]);
  };
  const linkChanges = new Map<string, Array<{ atMs: number; up: boolean }>>();
  const invalidSpiDropTimes = new Map<string, number[]>();
  let maxFlightMs = 0;
  for (const record of records) {
    if (record.kind === 'fault' && record.link) {
      const list = linkChanges.get(record.link) ?? [];
      list.push({ atMs: record.atMs, up: record.event === 'link-up' });
      linkChanges.set(record.link, list);
    }
    if (record.kind !== 'packet') continue;
    if (record.event === 'sent') {
      sentPackets.push(record);
      if (record.arrivesAtMs !== undefined) {
        maxFlightMs = Math.max(maxFlightMs, record.arrivesAtMs - record.atMs);
      }
      if (record.proto === 'esp' && record.node)
        push(`${record.node}|${record.spi}|out`, record.atMs);
    } else if (findSent(sentPackets, record.packetId) === undefined) {
      localDrops.push(record);
    } else {
      outcomes.set(record.packetId, record);
      if (record.event === 'dropped' && record.node && record.reason?.startsWith('invalid SPI')) {
        const list = invalidSpiDropTimes.get(record.node) ?? [];
        list.push(record.atMs);
        invalidSpiDropTimes.set(record.node, list);
      }
      if (record.event === 'delivered' && record.proto === 'esp' && record.node) {
        push(`${record.node}|${record.spi}|in`, record.atMs);
      }
    }
  }
  return {
    loaded,
    records,
    durationMs: loaded.scenario.durationMs,
    snapshots,
    sentPackets,
    outcomes,
    localDrops,
    maxFlightMs,
    espTimes,
    invalidSpiDropTimes,
    linkChanges,
  };
}

/** Binary search by packetId (ids grow with time, so `sent` records are sorted by id). */
export function findSent(sentPackets: PacketRecord[], packetId: number): PacketRecord | undefined {
  let lo = 0;
  let hi = sentPackets.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const id = (sentPackets[mid] as PacketRecord).packetId;
    if (id === packetId) return sentPackets[mid];
    if (id < packetId) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** Number of entries of a sorted array that are <= atMs. */
export function countAtOrBefore(sorted: readonly number[], atMs: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= atMs) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The last element with atMs <= t of a list sorted by atMs, or undefined. */
export function lastAtOrBefore<T extends { atMs: number }>(
  list: readonly T[],
  t: number,
): T | undefined {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as T).atMs <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? list[lo - 1] : undefined;
}
