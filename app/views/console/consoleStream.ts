// Pure. What reaches a router's console from the run, indexed once per run: its syslog and
// debug lines, and its reloads and boots (which end the console session), in trace order.

import type { Run } from '../../sim/run';
import type { FaultRecord, LogRecord, PingRecord } from '../../sim/trace';

export type StreamRecord = LogRecord | (FaultRecord & { event: 'reload' | 'boot' });

export interface ConsoleStream {
  readonly records: readonly StreamRecord[];
  /** records[i].atMs, for binary searches. */
  readonly times: readonly number[];
}

const EMPTY: ConsoleStream = { records: [], times: [] };

const streams = new WeakMap<Run, Map<string, ConsoleStream>>();
const pings = new WeakMap<Run, Map<string, PingRecord[]>>();

function isStreamRecord(record: Run['records'][number]): record is StreamRecord {
  if (record.kind === 'syslog' || record.kind === 'debug') return true;
  return record.kind === 'fault' && (record.event === 'reload' || record.event === 'boot');
}

function indexStreams(run: Run): Map<string, ConsoleStream> {
  const byNode = new Map<string, { records: StreamRecord[]; times: number[] }>();
  for (const record of run.records) {
    if (!isStreamRecord(record) || record.node === undefined) continue;
    let stream = byNode.get(record.node);
    if (!stream) {
      stream = { records: [], times: [] };
      byNode.set(record.node, stream);
    }
    stream.records.push(record);
    stream.times.push(record.atMs);
  }
  return byNode;
}

/** Router `node`'s console stream in `run` (empty for a node that logs nothing). */
export function consoleStream(run: Run, node: string): ConsoleStream {
  let byNode = streams.get(run);
  if (!byNode) {
    byNode = indexStreams(run);
    streams.set(run, byNode);
  }
  return byNode.get(node) ?? EMPTY;
}

/** The `ping` records (one per echo, answered or timed out) of flow `flowId`, in time order. */
export function pingRecordsOf(run: Run, flowId: string): readonly PingRecord[] {
  let byFlow = pings.get(run);
  if (!byFlow) {
    byFlow = new Map();
    for (const record of run.records) {
      if (record.kind !== 'ping') continue;
      const list = byFlow.get(record.flow) ?? [];
      list.push(record);
      byFlow.set(record.flow, list);
    }
    pings.set(run, byFlow);
  }
  return byFlow.get(flowId) ?? [];
}

/** Number of entries of sorted `times` below `atMs`. */
export function countBefore(times: readonly number[], atMs: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((times[mid] as number) < atMs) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
