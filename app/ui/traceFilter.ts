// Pure. Which trace records the log panel shows.

import type { TraceRecord } from '../sim/trace';

export type KindFilter = 'logs' | 'syslog' | 'debug' | 'packets' | 'all';

export const KIND_FILTERS: ReadonlyArray<{ value: KindFilter; label: string }> = [
  { value: 'logs', label: 'Syslog and debug' },
  { value: 'syslog', label: 'Syslog only' },
  { value: 'debug', label: 'Debug only' },
  { value: 'packets', label: 'Packets' },
  { value: 'all', label: 'Everything' },
];

const KINDS: Record<KindFilter, ReadonlySet<TraceRecord['kind']> | null> = {
  // Faults (reloads, link changes, config) are landmarks: every view keeps them.
  logs: new Set(['syslog', 'debug', 'fault']),
  syslog: new Set(['syslog', 'fault']),
  debug: new Set(['debug', 'fault']),
  packets: new Set(['packet', 'fault']),
  all: null,
};

/** The node a record happened on, if it has one (ping flows and links have none). */
export function recordNode(record: TraceRecord): string | undefined {
  return 'node' in record ? record.node : undefined;
}

/** Records of the chosen kind, except those on a hidden router (records without one pass). */
export function filterTrace(
  records: readonly TraceRecord[],
  kind: KindFilter,
  hiddenRouters: ReadonlySet<string>,
): TraceRecord[] {
  const kinds = KINDS[kind];
  return records.filter((r) => {
    if (kinds && !kinds.has(r.kind)) return false;
    const node = recordNode(r);
    return node === undefined || !hiddenRouters.has(node);
  });
}
