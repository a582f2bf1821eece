// Long runs are computed in slices of virtual time, so the first draw does not wait for the whole
// scenario: the run is computed up to the cursor at once (what the first frame shows), the rest in
// the background between frames and shown a few times a second. Anything that moves the cursor past what is computed computes up to
// there first (computeUntil), so the cursor never shows a moment that is not simulated.
//
// Background computing is the app's choice (main.tsx turns it on); without it every run is built
// whole at once, which is what tests, the CLI and the benchmarks get.

import type { LoadedScenario } from '../scenario/types';
import { type Run, RunBuilder } from '../sim/run';
import { useSimStore } from './simStore';

/** Wall-time budget of one background slice: a fraction of a 60 fps frame's worth of work. */
const SLICE_WALL_MS = 12;
/** How often a run being computed is shown: each showing re-renders the views. */
const SHOW_EVERY_WALL_MS = 250;
const SLICE_MIN_MS = 1_000;
const SLICE_MAX_MS = 3_600_000;

interface Progress {
  builder: RunBuilder;
  /** Virtual ms the next background slice computes: adapted to SLICE_WALL_MS. */
  sliceMs: number;
  shownAtWallMs: number;
  timer: ReturnType<typeof setTimeout> | undefined;
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
  if (active?.timer !== undefined) clearTimeout(active.timer);
  // The first background slice is shown at once: it holds what follows the cursor's moment.
  active = builder
    ? { builder, sliceMs: SLICE_MIN_MS, shownAtWallMs: Number.NEGATIVE_INFINITY, timer: undefined }
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
  progress.timer = setTimeout(() => computeSlice(progress), 0);
}

function computeSlice(progress: Progress): void {
  progress.timer = undefined;
  if (progress !== active) return;
  const startedAtWallMs = performance.now();
  const run = progress.builder.extendTo(progress.builder.computedUntilMs + progress.sliceMs);
  const tookWallMs = performance.now() - startedAtWallMs;
  const scale = Math.min(2, Math.max(0.5, SLICE_WALL_MS / Math.max(1, tookWallMs)));
  const sliceMs = Math.round(progress.sliceMs * scale);
  progress.sliceMs = Math.min(SLICE_MAX_MS, Math.max(SLICE_MIN_MS, sliceMs));
  if (progress.builder.done || startedAtWallMs - progress.shownAtWallMs >= SHOW_EVERY_WALL_MS)
    show(progress, run);
  schedule(progress);
}

function show(progress: Progress, run: Run): void {
  progress.shownAtWallMs = performance.now();
  useSimStore.setState({ run });
}
