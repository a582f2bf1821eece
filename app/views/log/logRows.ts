// Pure. Which trace records the log shows, as an index built once per (trace, kind, hidden
// routers) and grown with the trace, and where the cursor falls in it: per frame only binary searches, never a scan.

import { countAtOrBefore } from '../../sim/run';
import type { TraceRecord } from '../../sim/trace';
import type { LogKind } from '../../store/simStore';

export const LOG_KINDS: ReadonlyArray<{ value: LogKind; label: string }> = [
  { value: 'logs', label: 'Syslog and debug' },
  { value: 'syslog', label: 'Syslog only' },
  { value: 'debug', label: 'Debug only' },
  { value: 'packets', label: 'Packets' },
  { value: 'all', label: 'Everything' },
];

const KINDS: Record<LogKind, ReadonlySet<TraceRecord['kind']> | null> = {
  // Faults (reloads, link changes, config) are landmarks: every view keeps them.
  logs: new Set(['syslog', 'debug', 'fault']),
  syslog: new Set(['syslog', 'fault']),
  debug: new Set(['debug', 'fault']),
  packets: new Set(['packet', 'fault']),
  all: null,
};

/** The router a record happened on, if it has one (ping flows and links have none). */
export function recordNode(record: TraceRecord): string | undefined {
  return 'node' in record ? record.node : undefined;
}

/** The shown records in trace order: row i is `records[recordIndex[i]]`, at `atMs[i]`. */
export interface LogRows {
  recordIndex: readonly number[];
  /** Non-decreasing (the trace is ordered by atMs): the key of every cursor search. */
  atMs: readonly number[];
}

interface GrowingRows {
  recordIndex: number[];
  atMs: number[];
  /** Records before this index are filtered. */
  read: number;
}

/**
 * Rows per trace array and filter, grown with the trace: a run being computed appends to its
 * own array, so each showing of it filters only the records added since.
 */
const grown = new WeakMap<readonly TraceRecord[], Map<string, GrowingRows>>();

/**
 * Records of the chosen kind, except those on a hidden router (records without one pass). A new
 * object each call; its arrays are shared with later calls on the same (growing) trace array.
 */
export function buildLogRows(
  records: readonly TraceRecord[],
  kind: LogKind,
  hiddenRouters: ReadonlySet<string>,
): LogRows {
  let byFilter = grown.get(records);
  if (!byFilter) {
    byFilter = new Map();
    grown.set(records, byFilter);
  }
  const filterKey = JSON.stringify([kind, [...hiddenRouters].sort()]);
  let rows = byFilter.get(filterKey);
  if (!rows) {
    rows = { recordIndex: [], atMs: [], read: 0 };
    byFilter.set(filterKey, rows);
  }
  const kinds = KINDS[kind];
  for (; rows.read < records.length; rows.read++) {
    const record = records[rows.read] as TraceRecord;
    if (kinds && !kinds.has(record.kind)) continue;
    const node = recordNode(record);
    if (node !== undefined && hiddenRouters.has(node)) continue;
    rows.recordIndex.push(rows.read);
    rows.atMs.push(record.atMs);
  }
  return { recordIndex: rows.recordIndex, atMs: rows.atMs };
}

/** Where the cursor t falls among the rows. */
export interface CursorRows {
  /** Rows at or before t: the log's length when it grows with the cursor. */
  count: number;
  /**
   * The rows at the latest moment at or before t (several records can share a millisecond):
   * rows [first, last], both -1 when no row is at or before t.
   */
  first: number;
  last: number;
}

export function cursorRows(rows: LogRows, t: number): CursorRows {
  return cursorRowsOf(rows, rowsAtOrBefore(rows, t));
}

/**
 * How many rows are at or before t. Where the cursor falls is a function of this count alone,
 * so a view that selects it re-renders only when a line comes in, not at every frame.
 */
export function rowsAtOrBefore(rows: LogRows, t: number): number {
  return countAtOrBefore(rows.atMs, t);
}

/** Where the cursor falls when the first `count` rows are at or before it. */
export function cursorRowsOf(rows: LogRows, count: number): CursorRows {
  if (count === 0) return { count, first: -1, last: -1 };
  const last = count - 1;
  return { count, first: countBefore(rows.atMs, rows.atMs[last] as number), last };
}

/** How many of the sorted times are strictly before atMs. */
function countBefore(sorted: readonly number[], atMs: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < atMs) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The row showing record `recordIndex` among rows [from, to], or -1. Rows keep trace order, so
 * their record indexes increase: a binary search.
 */
export function rowOfRecord(rows: LogRows, recordIndex: number, from: number, to: number): number {
  let lo = Math.max(0, from);
  let hi = Math.min(rows.recordIndex.length, to + 1);
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((rows.recordIndex[mid] as number) < recordIndex) lo = mid + 1;
    else hi = mid;
  }
  return lo <= to && rows.recordIndex[lo] === recordIndex ? lo : -1;
}
