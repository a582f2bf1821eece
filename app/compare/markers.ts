// Pure. The moments worth jumping to on the shared timeline: the fault, the router or link
// coming back, and when each side's pings are answered again. Same moment on both sides: one
// marker for both.

import type { RunOutcome } from './outcome';
import type { Side } from './variants';

export type MarkerKind = 'fault' | 'back' | 'recovered';

export interface TimelineMarker {
  atMs: number;
  kind: MarkerKind;
  /** Which side it belongs to: 'both' when the two sides share it. */
  side: Side | 'both';
  label: string;
}

function sideMarkers(outcome: RunOutcome, side: Side): TimelineMarker[] {
  const markers: TimelineMarker[] = [];
  const d = outcome.disruption;
  if (d) {
    markers.push({ atMs: d.atMs, kind: 'fault', side, label: d.label });
    if (d.backAtMs !== null)
      markers.push({ atMs: d.backAtMs, kind: 'back', side, label: d.backLabel });
  }
  for (const flow of outcome.flows) {
    if (flow.status === 'recovered' && flow.recoveredAtMs !== null) {
      const many = outcome.flows.length > 1 ? ` (${flow.flow})` : '';
      markers.push({
        atMs: flow.recoveredAtMs,
        kind: 'recovered',
        side,
        label: `pings back${many}`,
      });
    }
  }
  return markers;
}

/** Both sides' markers in time order; identical ones (same time, kind and label) merged. */
export function timelineMarkers(a: RunOutcome, b: RunOutcome): TimelineMarker[] {
  const merged: TimelineMarker[] = [];
  const fromB = sideMarkers(b, 'b');
  for (const marker of sideMarkers(a, 'a')) {
    const twin = fromB.findIndex(
      (m) => m.atMs === marker.atMs && m.kind === marker.kind && m.label === marker.label,
    );
    if (twin >= 0) {
      fromB.splice(twin, 1);
      merged.push({ ...marker, side: 'both' });
    } else merged.push(marker);
  }
  merged.push(...fromB);
  const rank: Record<MarkerKind, number> = { fault: 0, back: 1, recovered: 2 };
  return merged.sort((x, y) => x.atMs - y.atMs || rank[x.kind] - rank[y.kind]);
}
