// What the views draw at virtual time t: every router's tables, link states, packets in flight
// with their position along their path, and recent drops. A pure function of (run, t), so any
// moment can be drawn directly: scrubbing, stepping and rewinding are the same operation.

import { remainingKb } from './routerView';
import { countAtOrBefore, type FailureSpan, lastAtOrBefore, type Run } from './run';
import type { IpsecFlowView, RouterView, SaEntryView } from './snapshot';
import { formatSpi, type NegotiationRecord, type PacketRecord } from './trace';

/** How long a dropped packet stays visible where it died. */
export const DROP_VISIBLE_MS = 400;

export interface PacketInFlight {
  sent: PacketRecord;
  /** 0 at departure, 1 at arrival. */
  progress: number;
  /** Which hop of `sent.path` it is on (0 = first link), and how far along that hop. */
  hop: number;
  hopProgress: number;
}

export interface RecentDrop {
  /** The `dropped` record. */
  drop: PacketRecord;
  /** Its `sent` record, when the packet had reached the wire. */
  sent: PacketRecord | undefined;
  ageMs: number;
}

export interface Frame {
  atMs: number;
  routers: RouterView[];
  linksUp: Record<string, boolean>;
  inFlight: PacketInFlight[];
  recentDrops: RecentDrop[];
  /** Negotiations that failed and still explain why a tunnel is not up at t (FailureSpan). */
  failures: NegotiationRecord[];
}

function linkLatency(run: Run, a: string, b: string): number {
  for (const link of run.loaded.scenario.links) {
    if ((link.a === a && link.b === b) || (link.a === b && link.b === a)) return link.latencyMs;
  }
  return 0;
}

/** Hop and progress along a multi-link path for a packet `elapsedMs` into its flight. */
function placeOnPath(
  run: Run,
  path: readonly string[],
  elapsedMs: number,
): { hop: number; hopProgress: number } {
  let remaining = elapsedMs;
  for (let hop = 0; hop < path.length - 1; hop++) {
    const latency = linkLatency(run, path[hop] as string, path[hop + 1] as string);
    if (remaining < latency || hop === path.length - 2) {
      return { hop, hopProgress: latency > 0 ? Math.min(1, remaining / latency) : 1 };
    }
    remaining -= latency;
  }
  return { hop: 0, hopProgress: 0 };
}

function espCount(run: Run, node: string, spi: number, direction: 'in' | 'out', t: number): number {
  const times = run.espTimes.get(`${node}|${formatSpi(spi)}|${direction}`);
  return times ? countAtOrBefore(times, t) : 0;
}

function lastEsp(run: Run, node: string, spi: number, direction: 'in' | 'out', t: number): number {
  const times = run.espTimes.get(`${node}|${formatSpi(spi)}|${direction}`);
  if (!times) return Number.NEGATIVE_INFINITY;
  const n = countAtOrBefore(times, t);
  return n > 0 ? (times[n - 1] as number) : Number.NEGATIVE_INFINITY;
}

/** Bytes the SA with `spi` had carried on `node` by t (the sums the run indexes per ESP packet). */
function espBytes(run: Run, node: string, spi: number, direction: 'in' | 'out', t: number): number {
  const key = `${node}|${formatSpi(spi)}|${direction}`;
  const times = run.espTimes.get(key);
  const n = times ? countAtOrBefore(times, t) : 0;
  return n > 0 ? (run.espBytes.get(key)?.[n - 1] ?? 0) : 0;
}

/** An SA entry's timers at t: the same formulas as routerView, from absolute times. */
function ageSa(sa: SaEntryView, lastActivityAtMs: number, bytes: number, t: number): SaEntryView {
  return {
    ...sa,
    remainingKb: remainingKb(sa.lifetimeKb, bytes),
    remainingSec: Math.max(0, Math.floor((sa.expiresAtMs - t) / 1000)),
    idleRemainingSec:
      sa.idleTimeSec === null
        ? null
        : Math.max(0, Math.ceil(sa.idleTimeSec - (t - lastActivityAtMs) / 1000)),
    lastActivityAtMs,
    programming: t < sa.programmedAtMs,
  };
}

function flowAt(run: Run, node: string, flow: IpsecFlowView, t: number): IpsecFlowView {
  // A pair's last activity: the snapshot's, or any ESP on either of its SAs since (SAs of one
  // pair share their lastActivityAtMs and connId pair: inbound n, outbound n + 1).
  const lastOf = (sa: SaEntryView, direction: 'in' | 'out'): number => {
    const sibling =
      direction === 'in'
        ? flow.outbound.find((o) => o.connId === sa.connId + 1)
        : flow.inbound.find((i) => i.connId === sa.connId - 1);
    return Math.max(
      sa.lastActivityAtMs,
      lastEsp(run, node, sa.spi, direction, t),
      sibling ? lastEsp(run, node, sibling.spi, direction === 'in' ? 'out' : 'in', t) : -1,
    );
  };
  return {
    ...flow,
    // IOS counts per SA; the flow shows the sum over its SAs (exact at t, from the trace).
    encaps: flow.outbound.reduce((sum, sa) => sum + espCount(run, node, sa.spi, 'out', t), 0),
    decaps: flow.inbound.reduce((sum, sa) => sum + espCount(run, node, sa.spi, 'in', t), 0),
    inbound: flow.inbound.map((sa) =>
      ageSa(sa, lastOf(sa, 'in'), espBytes(run, node, sa.spi, 'in', t), t),
    ),
    outbound: flow.outbound.map((sa) =>
      ageSa(sa, lastOf(sa, 'out'), espBytes(run, node, sa.spi, 'out', t), t),
    ),
  };
}

function routerAt(run: Run, node: string, t: number): RouterView | undefined {
  const snapshot = lastAtOrBefore(run.snapshots.get(node) ?? [], t);
  if (!snapshot) return undefined;
  const view = snapshot.view;
  const drops = run.invalidSpiDropTimes.get(node);
  const invalidSpiDrops = drops ? countAtOrBefore(drops, t) : 0;
  if (t === snapshot.atMs && invalidSpiDrops === view.invalidSpiDrops) return view;
  return {
    ...view,
    invalidSpiDrops,
    ike: view.ike.map((sa) => ({
      ...sa,
      lifetimeRemainingSec:
        sa.expiresAtMs === null
          ? sa.lifetimeRemainingSec
          : Math.max(0, Math.floor((sa.expiresAtMs - t) / 1000)),
    })),
    ipsec: view.ipsec.map((flow) => flowAt(run, node, flow, t)),
  };
}

function linksAt(run: Run, t: number): Record<string, boolean> {
  const linksUp: Record<string, boolean> = {};
  for (const link of run.loaded.scenario.links) {
    linksUp[link.id] = lastAtOrBefore(run.linkChanges.get(link.id) ?? [], t)?.up ?? true;
  }
  return linksUp;
}

/** First index in `sentPackets` with atMs >= fromMs. */
function firstSentFrom(run: Run, fromMs: number): number {
  let lo = 0;
  let hi = run.sentPackets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((run.sentPackets[mid] as PacketRecord).atMs < fromMs) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Everything the views need at virtual time t.
 * @example const frame = frameAt(buildRun(loaded), 150_020)
 */
export function frameAt(run: Run, t: number): Frame {
  const routers: RouterView[] = [];
  for (const node of run.snapshots.keys()) {
    const view = routerAt(run, node, t);
    if (view) routers.push(view);
  }
  const inFlight: PacketInFlight[] = [];
  const recentDrops: RecentDrop[] = [];
  const from = firstSentFrom(run, t - Math.max(run.maxFlightMs, DROP_VISIBLE_MS));
  for (let i = from; i < run.sentPackets.length; i++) {
    const sent = run.sentPackets[i] as PacketRecord;
    if (sent.atMs > t) break;
    const outcome = run.outcomes.get(sent.packetId);
    const arrivesAtMs = sent.arrivesAtMs;
    if (outcome && outcome.event === 'dropped' && outcome.atMs <= t) {
      if (t - outcome.atMs <= DROP_VISIBLE_MS) {
        recentDrops.push({ drop: outcome, sent, ageMs: t - outcome.atMs });
      }
      continue;
    }
    if (arrivesAtMs === undefined || t >= arrivesAtMs || !sent.path) continue;
    const elapsed = t - sent.atMs;
    inFlight.push({
      sent,
      progress: elapsed / Math.max(1, arrivesAtMs - sent.atMs),
      ...placeOnPath(run, sent.path, elapsed),
    });
  }
  for (const drop of localDropsNear(run, t)) recentDrops.push(drop);
  return {
    atMs: t,
    routers,
    linksUp: linksAt(run, t),
    inFlight,
    recentDrops,
    failures: failuresAt(run, t),
  };
}

/** Per router and peer, the last failure at or before t, unless something has ended it since. */
function failuresAt(run: Run, t: number): NegotiationRecord[] {
  const failures: NegotiationRecord[] = [];
  for (const spans of run.negotiationFailures.values()) {
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((spans[mid] as FailureSpan).record.atMs <= t) lo = mid + 1;
      else hi = mid;
    }
    const span = spans[lo - 1];
    if (span && t < span.untilMs) failures.push(span.record);
  }
  return failures;
}

function localDropsNear(run: Run, t: number): RecentDrop[] {
  const drops: RecentDrop[] = [];
  let lo = 0;
  let hi = run.localDrops.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((run.localDrops[mid] as PacketRecord).atMs < t - DROP_VISIBLE_MS) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < run.localDrops.length; i++) {
    const drop = run.localDrops[i] as PacketRecord;
    if (drop.atMs > t) break;
    drops.push({ drop, sent: undefined, ageMs: t - drop.atMs });
  }
  return drops;
}
