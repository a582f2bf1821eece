// A whole run prepared for viewing at any virtual time t: the trace, each router's tables
// snapshotted after every change, and indexes that give packet counters and packets in flight
// at t exactly. Pure: frameAt(run, t) never simulates.
//
// A run can be built in slices of virtual time (RunBuilder): the app draws the first minutes while
// the rest is computed. Slicing never changes the trace: the engine processes every event of a
// millisecond before it stops, and a run extended to the end equals buildRun's.

import type { LoadedScenario } from '../scenario/types';
import { Simulation } from './simulate';
import type { RouterView } from './snapshot';
import type { NegotiationRecord, PacketRecord, TraceRecord } from './trace';

export interface RouterSnapshot {
  atMs: number;
  view: RouterView;
}

/** A failed negotiation, shown from its record until `untilMs`. */
export interface FailureSpan {
  record: NegotiationRecord;
  /**
   * When it stops explaining the state: the same router and peer get their IKE SA to QM_IDLE
   * (phase 1) or an IPsec SA installed (phase 2), fail again, or the router reloads; Infinity
   * while none of that has happened.
   */
  untilMs: number;
}

export interface Run {
  loaded: LoadedScenario;
  /**
   * The trace up to computedUntilMs. Arrays and maps of a run being built are shared with (and
   * appended to by) its later slices: read them up to computedUntilMs, and hold the newest Run.
   */
  records: TraceRecord[];
  durationMs: number;
  /** How far the trace is computed: durationMs once the run is complete. */
  computedUntilMs: number;
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
  /** Failed negotiations per `${node}|${peer}`, in time order (the views' "why not up"). */
  negotiationFailures: Map<string, FailureSpan[]>;
  /** ESP bytes per `${node}|${spi}|out` and `|in`, summed: entry i goes with espTimes' entry i. */
  espBytes: Map<string, number[]>;
}

/** True once the run holds the whole scenario. */
export function isComplete(run: Run): boolean {
  return run.computedUntilMs >= run.durationMs;
}

/** Record kinds that change what a router's tables show. */
const CHANGES_TABLES = new Set<TraceRecord['kind']>(['sa', 'state', 'fault']);

/** Simulates the whole scenario and indexes it for viewing. */
export function buildRun(loaded: LoadedScenario): Run {
  return new RunBuilder(loaded).extendTo(loaded.scenario.durationMs);
}

/** computedUntilMs before the first slice: not even the events at 0 ms have run. */
const NOTHING_COMPUTED_MS = -1;

/** One scenario's run, computed slice by slice: each extendTo returns the run so far. */
export class RunBuilder {
  private readonly sim: Simulation;
  private readonly run: Run;
  /** Records before this index are in the run's indexes. */
  private indexed = 0;
  private readonly openFailures: OpenFailures = new Map();
  /** NHRP packets sent and not yet delivered or dropped, by packet id. */
  private readonly nhrpPackets = new Set<number>();

  constructor(loaded: LoadedScenario) {
    this.sim = new Simulation(loaded);
    this.run = {
      loaded,
      records: this.sim.records,
      durationMs: loaded.scenario.durationMs,
      computedUntilMs: NOTHING_COMPUTED_MS,
      snapshots: new Map(),
      sentPackets: [],
      outcomes: new Map(),
      localDrops: [],
      maxFlightMs: 0,
      espTimes: new Map(),
      invalidSpiDropTimes: new Map(),
      linkChanges: new Map(),
      negotiationFailures: new Map(),
      espBytes: new Map(),
    };
    for (const node of this.sim.routers.keys()) this.snap(node);
  }

  get computedUntilMs(): number {
    return this.run.computedUntilMs;
  }

  get done(): boolean {
    return isComplete(this.run);
  }

  /**
   * Simulates up to untilMs (whole ms, clamped to the scenario) and returns the run so far, a new
   * object.
   */
  extendTo(untilMs: number): Run {
    const limitMs = Math.min(Math.floor(untilMs), this.run.durationMs);
    if (limitMs > this.run.computedUntilMs) {
      this.sim.runUntil(limitMs, (first) => this.snapChanged(first));
      this.indexNewRecords();
      this.run.computedUntilMs = limitMs;
    }
    return { ...this.run };
  }

  private snap(node: string): void {
    const view = this.sim.view(node);
    if (!view) return;
    const snapshots = this.run.snapshots;
    const list = snapshots.get(node) ?? [];
    const last = list[list.length - 1];
    if (last && last.atMs === this.sim.nowMs) last.view = view;
    else list.push({ atMs: this.sim.nowMs, view });
    snapshots.set(node, list);
  }

  /** After an event: snapshots the routers whose tables its records changed. */
  private snapChanged(firstNewRecord: number): void {
    const records = this.sim.records;
    const dirty = new Set<string>();
    for (let i = firstNewRecord; i < records.length; i++) {
      const record = records[i] as TraceRecord;
      // An NHRP registration or its reply changes the receiver's NHRP tables (`show ip nhrp`,
      // `show dmvpn`) when it is delivered; the delivery record does not carry the inner packet.
      // Sending one marks the sender too: a spoke resends when its NHS stopped answering.
      if (record.kind === 'packet' && record.event === 'sent' && record.inner?.startsWith('NHRP')) {
        this.nhrpPackets.add(record.packetId);
        if (record.node) dirty.add(record.node);
      }
      if (record.kind === 'packet' && record.event !== 'sent' && record.node) {
        const nhrp = this.nhrpPackets.delete(record.packetId);
        if (nhrp && record.event === 'delivered') dirty.add(record.node);
      }
      // DPD/keepalive retransmissions change "retry k of 5" without a state change.
      const probe =
        record.kind === 'packet' &&
        record.event === 'sent' &&
        (record.msg === 'R-U-THERE' || record.msg === 'KEEPALIVE');
      if (!CHANGES_TABLES.has(record.kind) && !probe) continue;
      if ('node' in record && record.node) dirty.add(record.node);
      else for (const node of this.sim.routers.keys()) dirty.add(node); // link changes, flows
    }
    for (const node of dirty) this.snap(node);
  }

  /** One ESP packet on an SA: its time, and the bytes the SA has carried so far. */
  private indexEsp(key: string, atMs: number, sizeBytes = 0): void {
    const run = this.run;
    appendTo(run.espTimes, key, atMs);
    const sums = run.espBytes.get(key);
    const size = sizeBytes;
    if (sums) sums.push((sums[sums.length - 1] as number) + size);
    else run.espBytes.set(key, [size]);
  }

  /** A failed negotiation opens a span; success with that peer, or a reload, ends it. */
  private indexFailures(record: TraceRecord): void {
    const open = this.openFailures;
    if (record.kind === 'negotiation') {
      const key = `${record.node}|${record.peer}`;
      const span: FailureSpan = { record, untilMs: Number.POSITIVE_INFINITY };
      const previous = open.get(key);
      if (previous) previous.untilMs = record.atMs;
      open.set(key, span);
      appendTo(this.run.negotiationFailures, key, span);
      return;
    }
    if (open.size === 0) return;
    const ends = (span: FailureSpan) =>
      (record.kind === 'fault' && record.event === 'reload') ||
      (span.record.phase === 1 &&
        record.kind === 'state' &&
        record.machine === 'ike' &&
        record.to === 'QM_IDLE') ||
      (span.record.phase === 2 && record.kind === 'sa' && record.event === 'installed');
    for (const [key, span] of open) {
      if (span.record.node !== ('node' in record ? record.node : undefined)) continue;
      const samePeer = !('peer' in record) || span.record.peer === record.peer;
      if (!samePeer || !ends(span)) continue;
      span.untilMs = record.atMs;
      open.delete(key);
    }
  }

  /** Adds the records simulated since the last slice to the packet, ESP and link indexes. */
  private indexNewRecords(): void {
    const run = this.run;
    const records = run.records;
    for (; this.indexed < records.length; this.indexed++) {
      const record = records[this.indexed] as TraceRecord;
      if (record.kind === 'fault' && record.link) {
        appendTo(run.linkChanges, record.link, {
          atMs: record.atMs,
          up: record.event === 'link-up',
        });
      }
      if (record.kind !== 'packet') {
        this.indexFailures(record);
        continue;
      }
      if (record.event === 'sent') {
        run.sentPackets.push(record);
        if (record.arrivesAtMs !== undefined) {
          run.maxFlightMs = Math.max(run.maxFlightMs, record.arrivesAtMs - record.atMs);
        }
        if (record.proto === 'esp' && record.node)
          this.indexEsp(`${record.node}|${record.spi}|out`, record.atMs, record.sizeBytes);
      } else {
        const sent = findSent(run.sentPackets, record.packetId);
        if (sent === undefined) {
          run.localDrops.push(record);
          continue;
        }
        run.outcomes.set(record.packetId, record);
        if (record.event === 'dropped' && record.node && record.reason?.startsWith('invalid SPI')) {
          appendTo(run.invalidSpiDropTimes, record.node, record.atMs);
        }
        if (record.event === 'delivered' && record.proto === 'esp' && record.node) {
          this.indexEsp(`${record.node}|${record.spi}|in`, record.atMs, sent.sizeBytes);
        }
      }
    }
  }
}

/** Failure spans not yet ended, per `${node}|${peer}` (the builder's own bookkeeping). */
type OpenFailures = Map<string, FailureSpan>;

function appendTo<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
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
export function countAtOrBefore(sorted: ArrayLike<number>, atMs: number): number {
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
