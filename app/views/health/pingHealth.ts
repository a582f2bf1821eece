// Pure. Each ping flow's results indexed once per run, so that the counts and the outage at
// any cursor t are binary searches: nothing per frame walks the trace.

import { countAtOrBefore } from '../../sim/run';
import type { PingRecord, TraceRecord } from '../../sim/trace';

/** Consecutive lost pings: an outage as the pinging host saw it. */
export interface LossRun {
  /** Indexes of its first and last ping in the flow's pings. */
  firstIndex: number;
  lastIndex: number;
  /** When its first ping timed out. */
  fromMs: number;
  /** When the next ping came back, or null if none did. */
  recoveredAtMs: number | null;
}

/** A stretch of the flow's chart with one result; `toMs` is where the next stretch begins. */
export interface PingSegment {
  fromMs: number;
  toMs: number;
  ok: boolean;
}

export interface FlowPings {
  flow: string;
  /** When each ping's result was known (reply or timeout), in time order. */
  atMs: number[];
  /** okBefore[i]: ok pings among the first i; length atMs.length + 1. */
  okBefore: Int32Array;
  lossRuns: LossRun[];
  segments: PingSegment[];
}

/** A gap longer than this many ping intervals is a pause in the traffic, not a stretch. */
const GAP_INTERVALS = 2.5;

/** One pass over the trace: the pings of each flow, in the order given, then any others. */
export function indexPings(
  records: readonly TraceRecord[],
  flows: ReadonlyArray<{ id: string; everyMs: number }>,
  endMs: number,
): FlowPings[] {
  const pings = new Map<string, PingRecord[]>(flows.map((f) => [f.id, []]));
  for (const record of records) {
    if (record.kind !== 'ping') continue;
    const list = pings.get(record.flow);
    if (list) list.push(record);
    else pings.set(record.flow, [record]);
  }
  const everyMs = new Map(flows.map((f) => [f.id, f.everyMs]));
  return [...pings].map(([flow, list]) => flowPings(flow, list, everyMs.get(flow) ?? 1000, endMs));
}

function flowPings(
  flow: string,
  pings: readonly PingRecord[],
  everyMs: number,
  endMs: number,
): FlowPings {
  const atMs = pings.map((p) => p.atMs);
  const okBefore = new Int32Array(pings.length + 1);
  const lossRuns: LossRun[] = [];
  const segments: PingSegment[] = [];
  pings.forEach((ping, i) => {
    const ok = ping.result === 'ok';
    okBefore[i + 1] = (okBefore[i] as number) + (ok ? 1 : 0);
    const run = lossRuns[lossRuns.length - 1];
    if (!ok && run && run.lastIndex === i - 1) run.lastIndex = i;
    else if (!ok)
      lossRuns.push({ firstIndex: i, lastIndex: i, fromMs: ping.atMs, recoveredAtMs: null });
    else if (run && run.lastIndex === i - 1) run.recoveredAtMs = ping.atMs;

    extendSegments(segments, ping.atMs, pings[i - 1]?.atMs, ok, everyMs);
  });
  for (const segment of segments) segment.toMs = Math.min(segment.toMs, endMs);
  return { flow, atMs, okBefore, lossRuns, segments };
}

/**
 * Adds a ping to the chart's stretches: it extends the last stretch if it has the same result,
 * otherwise a new stretch begins at it. A ping stands for one interval after it, and a pause
 * in the traffic (a gap of several intervals) ends a stretch where the traffic stopped.
 */
function extendSegments(
  segments: PingSegment[],
  atMs: number,
  previousAtMs: number | undefined,
  ok: boolean,
  everyMs: number,
): void {
  const last = segments[segments.length - 1];
  if (last && previousAtMs !== undefined) {
    const paused = atMs - previousAtMs > GAP_INTERVALS * everyMs;
    if (paused) last.toMs = previousAtMs + everyMs;
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
  /** Pings are being lost at t: since when, and how many so far. */
  outage: { fromMs: number; lost: number } | null;
  /** The latest outage that ended at or before t. */
  lastOutage: { fromMs: number; recoveredAtMs: number; lost: number } | null;
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
  const latest = seen - 1;
  const run = lossRunAtOrBefore(pings.lossRuns, latest);
  if (!run) return status;
  if (run.lastIndex >= latest) {
    status.outage = { fromMs: run.fromMs, lost: latest - run.firstIndex + 1 };
    return status;
  }
  if (run.recoveredAtMs !== null)
    status.lastOutage = {
      fromMs: run.fromMs,
      recoveredAtMs: run.recoveredAtMs,
      lost: run.lastIndex - run.firstIndex + 1,
    };
  return status;
}

/** The last loss run starting at or before ping `index`. */
function lossRunAtOrBefore(runs: readonly LossRun[], index: number): LossRun | undefined {
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((runs[mid] as LossRun).firstIndex <= index) lo = mid + 1;
    else hi = mid;
  }
  return runs[lo - 1];
}
