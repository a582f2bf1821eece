// Pure rules of the lesson player: where each step starts in a run, which steps stop playback,
// how playing moves through the steps, and the speed a step plays at. No store access.

import type { Run } from '../sim/run';
import { cueTime } from './cue';
import type { Lesson, LessonStep } from './types';

/** Speed of a lesson before any step sets one: real time (adaptive pacing slows packets). */
export const DEFAULT_LESSON_SPEED = 1;

const timesByRun = new WeakMap<Run, Map<Lesson, Array<number | undefined>>>();

/** Each step's start in this run (undefined for the playground and unresolved cues); memoised. */
export function stepTimes(run: Run, lesson: Lesson): Array<number | undefined> {
  let byLesson = timesByRun.get(run);
  if (!byLesson) {
    byLesson = new Map();
    timesByRun.set(run, byLesson);
  }
  let times = byLesson.get(lesson);
  if (!times) {
    times = lesson.steps.map((step) =>
      step.kind === 'playground' ? undefined : cueTime(run, step.cue),
    );
    byLesson.set(lesson, times);
  }
  return times;
}

/** Steps that stop playback at their cue: predictions, and narrations that hold. */
export function pausesAt(step: LessonStep): boolean {
  return step.kind === 'predict' || (step.kind === 'narrate' && step.hold === true);
}

export interface PlayAdvance {
  /** The step that is current once the cursor is at t. */
  index: number;
  /** When set, playback must stop here (the cue of a pausing step that t reached or passed). */
  pauseAtMs?: number;
}

/**
 * Where the lesson is after playback moved the cursor to t, from step `index`: every later step
 * whose cue t has reached becomes current in turn, up to the first that pauses (its cue is where
 * playback stops) or the playground (reached only with Next).
 */
export function advanceWhilePlaying(
  lesson: Lesson,
  times: ReadonlyArray<number | undefined>,
  index: number,
  t: number,
): PlayAdvance {
  let current = index;
  for (let next = index + 1; next < lesson.steps.length; next++) {
    const step = lesson.steps[next];
    const atMs = times[next];
    if (!step || step.kind === 'playground' || atMs === undefined || atMs > t) break;
    current = next;
    if (pausesAt(step)) return { index: current, pauseAtMs: atMs };
  }
  return { index: current };
}

/** The speed in force at step `index`: the last one a step up to it set, else the default. */
export function speedAt(lesson: Lesson, index: number): number {
  for (let i = Math.min(index, lesson.steps.length - 1); i >= 0; i--) {
    const step = lesson.steps[i];
    if (step && step.kind !== 'playground' && step.speed !== undefined) return step.speed;
  }
  return DEFAULT_LESSON_SPEED;
}

/** The panel beside the narration at step `index`. */
export function focusAt(lesson: Lesson, index: number) {
  const step = lesson.steps[index];
  return step && step.kind !== 'playground' ? (step.focus ?? lesson.focus) : lesson.focus;
}
