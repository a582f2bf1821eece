// Pure geometry and text of the timeline: which window of the run it shows, which markers fit
// in it, what the axis and the scrubber say. No DOM, no store.

import { formatTime } from '../trace/formatText';
import { markersAt, type TimelineMarker } from './timelineMarkers';

/** A window of the run, virtual ms. */
export interface TimeWindow {
  startMs: number;
  endMs: number;
}

/**
 * Where a zoomed window of `widthMs` starts so that it shows t: it stays put while t is inside
 * its middle 90 %, and pages to centre t when t leaves it (so a drag or playback does not slide
 * the ground under the pointer). The whole run when the window is wider than the run.
 */
export function followWindow(
  startMs: number,
  t: number,
  widthMs: number,
  durationMs: number,
): number {
  if (widthMs >= durationMs) return 0;
  const clamp = (s: number) => Math.max(0, Math.min(durationMs - widthMs, s));
  const margin = widthMs * 0.05;
  const start = clamp(startMs);
  if (t >= start + margin && t <= start + widthMs - margin) return start;
  return clamp(t - widthMs / 2);
}

/** A marker as drawn: the first of the markers of its kind that share a pixel column. */
export interface DrawnMarker {
  marker: TimelineMarker;
  /** How many other markers of the same kind it stands for (0: itself only). */
  hidden: number;
}

/**
 * The markers inside the window, at most one per kind and per `columnPx` wide column of a plot
 * `plotWidthPx` wide (a 50-spoke hub sends thousands of IKE messages: one tick per column says
 * the same, and stays fast). Stretches are kept whenever they overlap the window.
 */
export function visibleMarkers(
  markers: readonly TimelineMarker[],
  view: TimeWindow,
  plotWidthPx: number,
  columnPx = 2,
): DrawnMarker[] {
  const span = Math.max(1, view.endMs - view.startMs);
  const drawn: DrawnMarker[] = [];
  const lastByKind = new Map<string, { column: number; drawn: DrawnMarker }>();
  for (const marker of markers) {
    const endMs = marker.untilMs ?? marker.atMs;
    if (endMs < view.startMs || marker.atMs > view.endMs) continue;
    if (marker.untilMs !== undefined) {
      drawn.push({ marker, hidden: 0 });
      continue;
    }
    const column = Math.floor((((marker.atMs - view.startMs) / span) * plotWidthPx) / columnPx);
    const last = lastByKind.get(marker.kind);
    if (last && last.column === column) {
      last.drawn.hidden++;
      continue;
    }
    const entry = { marker, hidden: 0 };
    lastByKind.set(marker.kind, { column, drawn: entry });
    drawn.push(entry);
  }
  return drawn;
}

/**
 * The nearest point marker to t within `toleranceMs`, or t itself: a click lands on the event
 * a student aimed at, not 3 ms beside it.
 */
export function snapToMarker(
  markers: readonly TimelineMarker[],
  t: number,
  toleranceMs: number,
): number {
  let best = t;
  let bestDistance = toleranceMs;
  for (const marker of markers) {
    if (marker.untilMs !== undefined) continue;
    const distance = Math.abs(marker.atMs - t);
    if (distance <= bestDistance) {
      best = marker.atMs;
      bestDistance = distance;
    }
    if (marker.atMs > t + toleranceMs) break;
  }
  return best;
}

/**
 * What a screen reader says for the scrubber: the time as the clock shows it, then what happens
 * exactly then (at most two events, and a count of the others), and whether pings are being
 * lost around then.
 */
export function scrubberValueText(t: number, markers: readonly TimelineMarker[]): string {
  const time = formatTime(t);
  const here = markersAt(markers, t);
  const points = here.filter((m) => m.untilMs === undefined);
  const strip = (label: string) => (label.startsWith(time) ? label.slice(time.length + 1) : label);
  const said = points.slice(0, 2).map((m) => strip(m.label));
  if (points.length > 2) said.push(`${points.length - 2} more`);
  if (here.some((m) => m.kind === 'ping-loss')) said.push('pings are being lost');
  return said.length === 0 ? time : `${time}: ${said.join('; ')}`;
}

const TICK_STEPS_MS = [
  1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000,
  300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000,
];

/**
 * Axis ticks on clock-friendly steps (…, 10 s, 15 s, 30 s, 1 min, 2 min, 5 min, …): the smallest
 * step that gives at most maxCount ticks in the window.
 */
export function timeTicks(startMs: number, endMs: number, maxCount: number): number[] {
  const span = Math.max(1, endMs - startMs);
  const step =
    TICK_STEPS_MS.find((s) => span / s <= Math.max(1, maxCount)) ??
    (TICK_STEPS_MS[TICK_STEPS_MS.length - 1] as number);
  const ticks: number[] = [];
  for (let tick = Math.ceil(startMs / step) * step; tick <= endMs; tick += step) ticks.push(tick);
  return ticks;
}

/** Axis tick text: m:ss for a long window, s.mmm for a short one, with hours when the run has them. */
export function formatTick(atMs: number, windowMs: number): string {
  const full = formatTime(atMs); // hh:mm:ss.mmm
  const withHours = atMs >= 3_600_000;
  const clock = withHours ? full.slice(0, 8) : full.slice(3, 8);
  if (windowMs > 20_000) return clock;
  return `${clock}${full.slice(8, windowMs > 2_000 ? 10 : 12)}`;
}

/** A marker that would like a short text beside (or above) it. */
export interface LabelCandidate {
  id: string;
  /** Marker centre, px. */
  x: number;
  text: string;
  /** 0 first; a label may cover the glyph of a marker of a larger priority number only. */
  priority: number;
}

export interface PlacedLabel {
  id: string;
  /** Left edge of the text, px. */
  x: number;
  text: string;
}

/** Where labels may go, px: between the lane names and the right edge. */
export interface LabelBounds {
  minLeftPx: number;
  maxRightPx: number;
}

/**
 * Places short labels without overlaps, most important first. 'side': right of the marker, else
 * left of it, never over another marker of the same or higher importance; 'above': centred over
 * the marker (the lane draws glyphs below the text). Labels stay within `bounds`; those that fit
 * nowhere are left out (the marker's tooltip still says it).
 */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  mode: 'side' | 'above',
  charPx: number,
  bounds: LabelBounds = { minLeftPx: 0, maxRightPx: Number.POSITIVE_INFINITY },
  glyphHalfPx = 7,
  gapPx = 4,
): PlacedLabel[] {
  const taken: Array<[number, number]> = [];
  const free = (left: number, right: number) => taken.every(([a, b]) => right <= a || left >= b);
  const blockedByGlyph = (self: LabelCandidate, left: number, right: number) =>
    mode === 'side' &&
    candidates.some(
      (other) =>
        other !== self &&
        other.priority <= self.priority &&
        other.x + glyphHalfPx > left &&
        other.x - glyphHalfPx < right,
    );
  const placed: PlacedLabel[] = [];
  const order = [...candidates].sort((a, b) => a.priority - b.priority || a.x - b.x);
  for (const candidate of order) {
    const width = candidate.text.length * charPx;
    const options =
      mode === 'above'
        ? [candidate.x - width / 2]
        : [candidate.x + glyphHalfPx + 2, candidate.x - glyphHalfPx - 2 - width];
    for (const left of options) {
      const right = left + width;
      if (left < bounds.minLeftPx || right > bounds.maxRightPx) continue;
      if (!free(left - gapPx, right + gapPx) || blockedByGlyph(candidate, left, right)) continue;
      taken.push([left, right]);
      placed.push({ id: candidate.id, x: left, text: candidate.text });
      break;
    }
  }
  return placed.sort((a, b) => a.x - b.x);
}
