// Pure. Each ping flow's results indexed once per run, so that the counts and the outage at
// any cursor t are binary searches: nothing per frame walks the trace. The outages are the
// run's (app/sim/derived/pingOutages.ts): from the first ping lost to the first answered after
// it, in the order the host sent them, the same ones the compare outcome measures.

import { pingFlows } from '../../scenario/flows';
import { type FlowPingLog, type Outage, pingLogs } from '../../sim/derived/pingOutages';
import { countAtOrBefore, type Run } from '../../sim/run';

/** A stretch of the flow's chart with one result; `toMs` is where the next stretch begins. */
export interface PingSegment {
  fromMs: number;
  toMs: number;
  ok: boolean;
}

export interface FlowPings {
  flow: string;
  /** When each ping's result was known (reply or timeout), ascending. */
  atMs: number[];
  /** okBefore[i]: ok pings among the first i results; length atMs.length + 1. */
  okBefore: Int32Array;
  outages: Outage[];
  segments: PingSegment[];
}

/** A gap longer than this many ping intervals is a pause in the traffic, not a stretch. */
const GAP_INTERVALS = 2.5;

const indexes = new WeakMap<Run, FlowPings[]>();

/** Every flow of the run (the scenario's first), indexed for the cursor. */
export function indexPings(run: Run): FlowPings[] {
  let list = indexes.get(run);
  if (!list) {
    const everyMs = new Map(pingFlows(run.loaded.scenario.traffic).map((f) => [f.id, f.everyMs]));
    list = pingLogs(run).map((log) =>
      flowPings(log, everyMs.get(log.flow) ?? 1000, run.durationMs),
    );
    indexes.set(run, list);
  }
  return list;
}

/** One flow's index from its log; the chart ends at endMs. */
export function flowPings(log: FlowPingLog, everyMs: number, endMs: number): FlowPings {
  const results = log.pings
    .map((ping, index) => ({ atMs: ping.resultAtMs, sentAtMs: ping.sentAtMs, ok: ping.ok, index }))
    .sort((a, b) => a.atMs - b.atMs || a.index - b.index);
  const okBefore = new Int32Array(results.length + 1);
  results.forEach((result, i) => {
    okBefore[i + 1] = (okBefore[i] as number) + (result.ok ? 1 : 0);
  });
  // The chart shows results as they come in, but a lost ping that times out after its outage
  // has ended (the reply to a later ping came back first) is drawn inside that outage.
  const endedAt = new Map<number, number>();
  for (const outage of log.outages)
    if (outage.recoveredAtMs !== null)
      for (let i = outage.firstIndex; i <= outage.lastIndex; i++)
        endedAt.set(i, outage.recoveredAtMs);
  const segments: PingSegment[] = [];
  let previous: { atMs: number; sentAtMs: number } | undefined;
  for (const result of results) {
    const recoveredAtMs = endedAt.get(result.index);
    if (!result.ok && recoveredAtMs !== undefined && result.atMs > recoveredAtMs) continue;
    extendSegments(segments, result, previous, everyMs);
    previous = result;
  }
  for (const segment of segments) segment.toMs = Math.min(segment.toMs, endMs);
  return {
    flow: log.flow,
    atMs: results.map((result) => result.atMs),
    okBefore,
    outages: log.outages,
    segments,
  };
}

/**
 * Adds a ping's result to the chart's stretches: it extends the last stretch if it has the same
 * result, otherwise a new stretch begins at it. A result stands for one interval after it, and
 * a pause in the traffic (pings sent several intervals apart; a timeout comes later than a
 * reply, so result times are not the measure) ends a stretch where the traffic stopped.
 */
function extendSegments(
  segments: PingSegment[],
  { atMs, sentAtMs, ok }: { atMs: number; sentAtMs: number; ok: boolean },
  previous: { atMs: number; sentAtMs: number } | undefined,
  everyMs: number,
): void {
  const last = segments[segments.length - 1];
  if (last && previous !== undefined) {
    const paused = Math.abs(sentAtMs - previous.sentAtMs) > GAP_INTERVALS * everyMs;
    if (paused) last.toMs = previous.atMs + everyMs;
    else if (last.ok === ok) {
      last.toMs = atMs + everyMs;
      return;
    } else last.toMs = atMs;
  }
  segments.push({ fromMs: atMs, toMs: atMs + everyMs, ok });
}

export interface FlowStatus {
  ok: number;
  lost: number;
  /** Pings are being lost: since when the first of them was sent, and how many so far. */
  outage: { fromMs: number; lost: number } | null;
  /**
   * The latest outage that had ended: from its first lost ping's send to the send of the ping
   * that came back (`toMs`), that ping's reply, and its pings known lost so far.
   */
  lastOutage: { fromMs: number; toMs: number; recoveredAtMs: number; lost: number } | null;
}

/** The flow's counts and outage at cursor t, from the index only (binary searches). */
export function flowStatusAt(pings: FlowPings, t: number): FlowStatus {
  return flowStatusAfter(pings, pingsSeenAt(pings, t));
}

/**
 * How many of the flow's ping results are known at cursor t. The status is a function of this
 * count alone, so a view that selects it re-renders only when a ping's result comes in.
 */
export function pingsSeenAt(pings: FlowPings, t: number): number {
  return countAtOrBefore(pings.atMs, t);
}

/** The flow's counts and outage once its first `seen` ping results are known. */
export function flowStatusAfter(pings: FlowPings, seen: number): FlowStatus {
  const ok = pings.okBefore[seen] as number;
  const status: FlowStatus = { ok, lost: seen - ok, outage: null, lastOutage: null };
  if (seen === 0) return status;
  // Every outage boundary is a result time, so the moment of the latest result stands for t.
  const knownAtMs = pings.atMs[seen - 1] as number;
  const outage = outageSeenBy(pings.outages, knownAtMs);
  if (!outage) return status;
  const lost = countAtOrBefore(outage.lostAtMs, knownAtMs);
  if (outage.recoveredAtMs === null || outage.recoveredAtMs > knownAtMs) {
    status.outage = { fromMs: outage.fromMs, lost };
  } else if (outage.toMs !== null) {
    status.lastOutage = {
      fromMs: outage.fromMs,
      toMs: outage.toMs,
      recoveredAtMs: outage.recoveredAtMs,
      lost,
    };
  }
  return status;
}

/** The last outage whose first loss was known at or before atMs. */
function outageSeenBy(outages: readonly Outage[], atMs: number): Outage | undefined {
  let lo = 0;
  let hi = outages.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((outages[mid] as Outage).seenAtMs <= atMs) lo = mid + 1;
    else hi = mid;
  }
  return outages[lo - 1];
}
