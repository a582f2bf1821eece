// Pure. What the timeline marks on a run: faults (reloads, boots, links, config and exec),
// IKE messages, SA installs and deletes, syslog lines that matter, and stretches of lost pings.
// Extracted once per run; the timeline only positions them.

import { growingIndex } from '../sim/growingIndex';
import type { Run } from '../sim/run';
import type { FaultRecord, PingRecord, TraceRecord } from '../sim/trace';
import { formatRecord, formatTime, syslogSeverity } from '../trace/formatText';

/** The lanes of the timeline, top to bottom. */
export const LANES = ['events', 'ike', 'sa', 'syslog', 'pings'] as const;
export type Lane = (typeof LANES)[number];

export const LANE_LABELS: Record<Lane, string> = {
  events: 'Events',
  ike: 'IKE',
  sa: 'SAs',
  syslog: 'Syslog',
  pings: 'Pings',
};

export type MarkerKind =
  | FaultRecord['event']
  | 'ike'
  | 'sa-installed'
  | 'sa-deleted'
  | 'syslog-error'
  | 'syslog-warning'
  | 'syslog-notice'
  | 'ping-loss';

export interface TimelineMarker {
  kind: MarkerKind;
  lane: Lane;
  atMs: number;
  /** For a stretch (lost pings): when it ends; equal to atMs for a single lost ping. */
  untilMs?: number;
  /** What a tooltip and a screen reader say: the log line, with its time. */
  label: string;
  /** A few characters drawn next to the marker when there is room ("R2 reload", "MM5"). */
  short?: string;
}

/** Kinds that draw a line across every lane: the moments that change the whole picture. */
export const MAJOR_KINDS: ReadonlySet<MarkerKind> = new Set([
  'reload',
  'boot',
  'link-down',
  'link-up',
]);

const FAULT_SHORT: Record<FaultRecord['event'], (r: FaultRecord) => string> = {
  reload: (r) => `${r.node} reload`,
  boot: (r) => `${r.node} up`,
  'link-down': (r) => `${r.link} down`,
  'link-up': (r) => `${r.link} up`,
  config: (r) => `${r.node} config`,
  exec: (r) => `${r.node}#${(r.detail ?? '').split(' ').slice(0, 2).join(' ')}`,
  // A scanner's records say what it sends (detail); a ping flow's say nothing more.
  'traffic-start': (r) => (r.detail === undefined ? 'pings start' : 'scan starts'),
  'traffic-stop': (r) => (r.detail === undefined ? 'pings stop' : 'scan stops'),
};

function markerOf(record: TraceRecord): TimelineMarker | null {
  const label = () => formatRecord(record) ?? formatTime(record.atMs);
  switch (record.kind) {
    case 'fault':
      return {
        kind: record.event,
        lane: 'events',
        atMs: record.atMs,
        label: label(),
        short: FAULT_SHORT[record.event]?.(record),
      };
    case 'packet':
      if (record.event !== 'sent' || record.proto !== 'isakmp') return null;
      return { kind: 'ike', lane: 'ike', atMs: record.atMs, label: label(), short: record.msg };
    case 'sa':
      return {
        kind: record.event === 'installed' ? 'sa-installed' : 'sa-deleted',
        lane: 'sa',
        atMs: record.atMs,
        label: label(),
      };
    case 'syslog': {
      const severity = syslogSeverity(record.text);
      if (severity === null || severity > 5) return null;
      const kind =
        severity <= 3 ? 'syslog-error' : severity === 4 ? 'syslog-warning' : 'syslog-notice';
      return { kind, lane: 'syslog', atMs: record.atMs, label: label() };
    }
    default:
      return null;
  }
}

/** Lost pings of a flow since its last successful one. */
interface LossRun {
  flow: string;
  first: PingRecord;
  last: PingRecord;
  count: number;
}

/** A stretch of consecutive lost pings, from the first loss to the last, each reported when its
 * timeout expired. */
function lossStretch({ flow, first, last, count }: LossRun): TimelineMarker {
  const pings = count === 1 ? '1 ping' : `${count} pings`;
  const span =
    count === 1 ? formatTime(first.atMs) : `${formatTime(first.atMs)} to ${formatTime(last.atMs)}`;
  return {
    kind: 'ping-loss',
    lane: 'pings',
    atMs: first.atMs,
    untilMs: last.atMs,
    label: `${span}: ${pings} lost (${flow}, seq ${first.seq}…${last.seq})`,
    short: `${count} lost`,
  };
}

const laneIndex = (lane: Lane) => LANES.indexOf(lane);
const before = (a: TimelineMarker, b: TimelineMarker) =>
  a.atMs - b.atMs || laneIndex(a.lane) - laneIndex(b.lane);

/** The markers of a trace so far: kept per trace array and grown with it (growingIndex). */
interface MarkerState {
  /** Markers of single records, sorted as timelineMarkers sorts them. */
  points: TimelineMarker[];
  /** Stretches of lost pings that a successful ping ended, in the order they ended. */
  stretches: TimelineMarker[];
  /** Per flow, the pings lost since its last successful one. */
  open: Map<string, LossRun>;
}

const markerStates = growingIndex<TraceRecord, MarkerState>(
  () => ({ points: [], stretches: [], open: new Map() }),
  ({ points, stretches, open }, record) => {
    const marker = markerOf(record);
    if (marker) {
      // Records come in time order: this walks back over none, or over a few at the same ms.
      let i = points.length;
      while (i > 0 && before(points[i - 1] as TimelineMarker, marker) > 0) i--;
      points.splice(i, 0, marker);
    }
    if (record.kind !== 'ping') return;
    const lost = open.get(record.flow);
    if (record.result === 'ok') {
      if (lost) stretches.push(lossStretch(lost));
      open.delete(record.flow);
    } else if (lost) {
      lost.last = record;
      lost.count++;
    } else open.set(record.flow, { flow: record.flow, first: record, last: record, count: 1 });
  },
);

/**
 * Every marker of a run, sorted by atMs (lane order breaks ties). Each record is read once per
 * trace array (a run being computed appends to its own); each call returns a new array.
 */
export function timelineMarkers(run: Pick<Run, 'records'>): TimelineMarker[] {
  const { points, stretches, open } = markerStates(run.records);
  // Pings still being lost end, for now, at the last loss so far.
  const losses = [...stretches, ...[...open.values()].map(lossStretch)].sort(before);
  if (losses.length === 0) return points.slice();
  const markers: TimelineMarker[] = [];
  let p = 0;
  for (const loss of losses) {
    while (p < points.length && before(points[p] as TimelineMarker, loss) <= 0)
      markers.push(points[p++] as TimelineMarker);
    markers.push(loss);
  }
  while (p < points.length) markers.push(points[p++] as TimelineMarker);
  return markers;
}

/** Where the markers' times are, for searching them (built once per markers array). */
interface MarkerIndex {
  /** markers[i].atMs, or null when the markers are not sorted by atMs (then: a plain scan). */
  atMs: number[] | null;
  /** Indexes of the stretches, in order. */
  stretches: number[];
}

const markerIndexes = new WeakMap<readonly TimelineMarker[], MarkerIndex>();

/** The markers' index; the array must not change afterwards (timelineMarkers' never does). */
function markerIndex(markers: readonly TimelineMarker[]): MarkerIndex {
  let index = markerIndexes.get(markers);
  if (index) return index;
  const atMs: number[] = [];
  const stretches: number[] = [];
  let sorted = true;
  markers.forEach((marker, i) => {
    if (i > 0 && marker.atMs < (atMs[i - 1] as number)) sorted = false;
    atMs.push(marker.atMs);
    if (marker.untilMs !== undefined) stretches.push(i);
  });
  index = { atMs: sorted ? atMs : null, stretches };
  markerIndexes.set(markers, index);
  return index;
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
 * Markers at exactly t (stretches: t inside), e.g. to say what happens where the cursor is, in
 * the markers' order. Called at every frame: a binary search for the points and a walk over the
 * stretches only (a hub run has thousands of IKE markers), once the markers are indexed.
 */
export function markersAt(markers: readonly TimelineMarker[], t: number): TimelineMarker[] {
  const index = markerIndex(markers);
  if (!index.atMs)
    return markers.filter((m) =>
      m.untilMs === undefined ? m.atMs === t : m.atMs <= t && t <= m.untilMs,
    );
  const found: number[] = [];
  for (const i of index.stretches) {
    const stretch = markers[i] as TimelineMarker;
    if (stretch.atMs > t) break;
    if (t <= (stretch.untilMs as number)) found.push(i);
  }
  const stretchCount = found.length;
  for (let i = countBefore(index.atMs, t); i < markers.length; i++) {
    const marker = markers[i] as TimelineMarker;
    if (marker.atMs !== t) break;
    if (marker.untilMs === undefined) found.push(i);
  }
  // Both parts are in order; a stretch and the points at t interleave only when it starts at t.
  if (stretchCount > 0 && found.length > stretchCount) found.sort((a, b) => a - b);
  return found.map((i) => markers[i] as TimelineMarker);
}
