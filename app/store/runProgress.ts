// Long runs are computed in slices of virtual time, so the first draw does not wait for the whole
// scenario: the run is computed up to the cursor at once (what the first frame shows), the rest in
// the background and shown a few times a second. Anything that moves the cursor past what is
// computed computes up to there first (computeUntil), so the cursor never shows a moment that is
// not simulated. Background slices run in the browser's idle time (requestIdleCallback, sized to
// the time left before the next frame) so that playback stays smooth, or on a 0 ms timer where
// there is no idle callback.
//
// Background computing is the app's choice (main.tsx turns it on); without it every run is built
// whole at once, which is what tests, the CLI and the benchmarks get.

import type { LoadedScenario } from '../scenario/types';
import { type Run, RunBuilder } from '../sim/run';
import { useSimStore } from './simStore';

/**
 * Wall-time budget of a background slice: part of a 60 fps frame, even when the browser offers
 * a longer idle period (up to 50 ms). On a machine whose cores are busy with other work a slice
 * takes several times its budget: at 12 ms it stays under the 200 ms a task may block.
 */
const SLICE_WALL_MS = 12;
/** A slice runs within this long even if the browser is never idle (playing a heavy run). */
const IDLE_TIMEOUT_MS = 200;
/** How often a run being computed is shown: each showing re-renders the views. */
const SHOW_EVERY_WALL_MS = 250;
/**
 * Nor more often than this many times what the last showing took to render: the views' work
 * grows with the run, and showing a heavy run four times a second would leave little time to
 * compute it.
 */
const SHOW_COST_FACTOR = 4;
/**
 * A slice is bounded by the records it adds (its work: a quiet hour and the first seconds of 50
 * spokes negotiating differ a thousandfold in work per virtual ms, far less per record), and by
 * this much virtual time.
 */
const SLICE_MAX_MS = 3_600_000;
const SLICE_MIN_RECORDS = 100;
/** Records computed per wall ms, before the first slice has measured it. */
const FIRST_RATE = 20;

interface Progress {
  builder: RunBuilder;
  /** Records computed per wall ms, as the slices so far measured it (sizes the next one). */
  rate: number;
  shownAtWallMs: number;
  /** What the last showing took, rendering included (measured after React's render). */
  showCostWallMs: number;
  cancel: (() => void) | undefined;
}

/** Runs `slice(budgetWallMs)` when the browser is idle, or on a 0 ms timer; returns a cancel. */
function whenIdle(slice: (budgetWallMs: number) => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback((deadline) => slice(deadline.timeRemaining()), {
      timeout: IDLE_TIMEOUT_MS,
    });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(() => slice(SLICE_WALL_MS), 0);
  return () => clearTimeout(timer);
}

let background = false;
let active: Progress | null = null;

export function enableBackgroundRuns(): void {
  background = true;
}

/**
 * A run of `loaded` computed up to cursorMs (whole without background computing), with the
 * builder that can extend it. Nothing is started: follow(builder) once the store shows it.
 */
export function startRun(
  loaded: LoadedScenario,
  cursorMs: number,
): { run: Run; builder: RunBuilder } {
  const builder = new RunBuilder(loaded);
  const untilMs = background ? cursorMs : loaded.scenario.durationMs;
  return { run: builder.extendTo(untilMs), builder };
}

/** Makes `builder` the one that extends the store's run (null: none), computing in background. */
export function follow(builder: RunBuilder | null): void {
  active?.cancel?.();
  // The first background slice is shown at once: it holds what follows the cursor's moment.
  active = builder
    ? {
        builder,
        rate: FIRST_RATE,
        shownAtWallMs: Number.NEGATIVE_INFINITY,
        showCostWallMs: 0,
        cancel: undefined,
      }
    : null;
  if (active && background) schedule(active);
}

/** Computes the store's run at least up to atMs and shows it; a no-op when already computed. */
export function computeUntil(atMs: number): void {
  const run = useSimStore.getState().run;
  if (!active || !run || run.computedUntilMs >= atMs) return;
  show(active, active.builder.extendTo(atMs));
}

/** Computes the store's run to its end (lessons resolve their cues over the whole run). */
export function computeAll(): void {
  computeUntil(Number.POSITIVE_INFINITY);
}

function schedule(progress: Progress): void {
  if (progress.builder.done) return;
  progress.cancel = whenIdle((budgetWallMs) => computeSlice(progress, budgetWallMs));
}

function computeSlice(progress: Progress, budgetWallMs: number): void {
  progress.cancel = undefined;
  if (progress !== active) return;
  const fromMs = progress.builder.computedUntilMs;
  const recordsBefore = progress.builder.recordCount;
  const sliceWallMs = Math.min(SLICE_WALL_MS, budgetWallMs);
  const sliceRecords = Math.max(SLICE_MIN_RECORDS, Math.round(progress.rate * sliceWallMs));
  const startedAtWallMs = performance.now();
  const run = progress.builder.extendTo(fromMs + SLICE_MAX_MS, sliceRecords);
  const tookWallMs = Math.max(0.5, performance.now() - startedAtWallMs);
  // Smoothed: one slow slice (a GC pause) does not halve the next one.
  progress.rate = 0.5 * progress.rate + 0.5 * ((run.records.length - recordsBefore) / tookWallMs);
  const showEveryWallMs = Math.max(SHOW_EVERY_WALL_MS, SHOW_COST_FACTOR * progress.showCostWallMs);
  if (progress.builder.done || startedAtWallMs - progress.shownAtWallMs >= showEveryWallMs)
    show(progress, run);
  schedule(progress);
}

function show(progress: Progress, run: Run): void {
  const startedAtWallMs = performance.now();
  progress.shownAtWallMs = startedAtWallMs;
  useSimStore.setState({ run });
  // React renders a store change in a microtask queued by setState: this one runs after it.
  queueMicrotask(() => {
    progress.showCostWallMs = performance.now() - startedAtWallMs;
  });
}
