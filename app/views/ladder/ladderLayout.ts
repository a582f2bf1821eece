// Where the ladder puts time: y grows with time, at pxPerMs where events are sparse enough, at
// least minStepPx between two moments something happens (so that labels do not pile up), and a
// quiet stretch longer than foldAbovePx would take folds into a gap of gapPx, marked with its
// length: an hour-long run reads as its busy seconds. The map is monotonic, so every arrow runs
// downward from its send time to its end and nothing is lost by folding. Pure.

import { countAtOrBefore } from '../../sim/run';
import type { LadderArrow, LadderMark, LadderModel } from './ladderModel';

export interface LadderScale {
  pxPerMs: number;
  minStepPx: number;
  foldAbovePx: number;
  gapPx: number;
}

/** Pixels per ms at zoom 1: a 20 ms flight is 24 px tall, a second 1200 px (so it folds). */
export const BASE_PX_PER_MS = 1.2;
/** Room for one arrow's label at zoom 1 (labels are 12 px high). */
export const MIN_STEP_PX = 16;

/** The scale at zoom k (d3-zoom's k): steps shrink below zoom 1, where labels make room. */
export function scaleAt(k: number): LadderScale {
  return {
    pxPerMs: BASE_PX_PER_MS * k,
    minStepPx: MIN_STEP_PX * Math.min(1, k),
    foldAbovePx: 90,
    gapPx: 26,
  };
}

/** A quiet stretch folded: nothing happens strictly between fromMs and toMs. */
export interface LadderGap {
  fromMs: number;
  toMs: number;
  y0: number;
  y1: number;
}

export interface LadderLayout {
  /** The moments something happens (and the run's start and end), ascending, each once. */
  times: Float64Array;
  /** The y (px) of each of them. */
  ys: Float64Array;
  gaps: LadderGap[];
  heightPx: number;
}

/** Room above the first moment (under the lifelines' names) and below the last (px). */
const PAD_PX = 48;

export function ladderLayout(
  model: Pick<LadderModel, 'arrows' | 'marks'>,
  startMs: number,
  endMs: number,
  scale: LadderScale,
): LadderLayout {
  const all = new Float64Array(2 + model.arrows.length * 2 + model.marks.length);
  let n = 0;
  all[n++] = startMs;
  all[n++] = endMs;
  for (const arrow of model.arrows) {
    all[n++] = arrow.atMs;
    all[n++] = arrow.endMs;
  }
  for (const mark of model.marks) all[n++] = mark.atMs;
  all.sort();
  const times = new Float64Array(all.length);
  let count = 0;
  for (const t of all) if (count === 0 || times[count - 1] !== t) times[count++] = t;
  const ys = new Float64Array(count);
  const gaps: LadderGap[] = [];
  let y = PAD_PX;
  for (let i = 0; i < count; i++) {
    if (i > 0) {
      const fromMs = times[i - 1] as number;
      const toMs = times[i] as number;
      const natural = (toMs - fromMs) * scale.pxPerMs;
      if (natural > scale.foldAbovePx) {
        gaps.push({ fromMs, toMs, y0: y, y1: y + scale.gapPx });
        y += scale.gapPx;
      } else {
        y += Math.max(natural, scale.minStepPx);
      }
    }
    ys[i] = y;
  }
  return { times: times.slice(0, count), ys, gaps, heightPx: y + PAD_PX };
}

/** Interpolates `to` at `value` along `from` (both ascending, same length). */
function mapThrough(from: Float64Array, to: Float64Array, value: number): number {
  const i = countAtOrBefore(from, value) - 1;
  if (i < 0) return to[0] ?? 0;
  if (i >= from.length - 1) return to[from.length - 1] ?? 0;
  const f0 = from[i] as number;
  const f1 = from[i + 1] as number;
  const t0 = to[i] as number;
  return t0 + ((value - f0) / (f1 - f0)) * ((to[i + 1] as number) - t0);
}

/** The y of a moment (inside a folded gap: in proportion across the gap). */
export function yAt(layout: LadderLayout, atMs: number): number {
  return mapThrough(layout.times, layout.ys, atMs);
}

/** The moment at a y (the inverse of yAt). */
export function timeAtY(layout: LadderLayout, y: number): number {
  return mapThrough(layout.ys, layout.times, y);
}

export interface LadderWindow {
  arrows: LadderArrow[];
  marks: LadderMark[];
  gaps: LadderGap[];
}

function firstIndex<T>(list: readonly T[], isAfter: (item: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isAfter(list[mid] as T)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * What is drawn between y0 and y1 (px): the arrows that cross that band of time, the marks and
 * the gaps in it. Binary searches, then only the window's items: the cost of a scroll does not
 * grow with the run.
 */
export function ladderWindow(
  model: LadderModel,
  layout: LadderLayout,
  y0: number,
  y1: number,
): LadderWindow {
  const fromMs = timeAtY(layout, y0);
  const toMs = timeAtY(layout, y1);
  const arrows: LadderArrow[] = [];
  const start = firstIndex(model.arrows, (a) => a.atMs >= fromMs - model.maxSpanMs);
  for (let i = start; i < model.arrows.length; i++) {
    const arrow = model.arrows[i] as LadderArrow;
    if (arrow.atMs > toMs) break;
    if (arrow.endMs >= fromMs) arrows.push(arrow);
  }
  const marks: LadderMark[] = [];
  for (let i = firstIndex(model.marks, (m) => m.atMs >= fromMs); i < model.marks.length; i++) {
    const mark = model.marks[i] as LadderMark;
    if (mark.atMs > toMs) break;
    marks.push(mark);
  }
  const gaps: LadderGap[] = [];
  for (let i = firstIndex(layout.gaps, (g) => g.y1 >= y0); i < layout.gaps.length; i++) {
    const gap = layout.gaps[i] as LadderGap;
    if (gap.y0 > y1) break;
    gaps.push(gap);
  }
  return { arrows, marks, gaps };
}
