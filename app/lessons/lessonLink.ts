// A lesson's link and its steps: the step a `#lesson=<id>&step=N` link opens at, checked against
// the lesson's length, and the name each step goes by in the step dots. Pure.

import type { LessonRoute } from '../share/hashRoute';
import type { Lesson, LessonStep } from './types';

/** The step a link opens at (an index into the steps), and why it is not the one it named. */
export interface LinkedStep {
  index: number;
  /** A sentence for the class, or null when the link's step was used as it is. */
  notice: string | null;
}

/** Beyond this a step number is not worth repeating in the notice (a mangled link's digits). */
const QUOTED_STEP_MAX = 9999;

/** The step of `route` in `lesson`: a step past the end is the last one (with a notice). */
export function linkedStep(
  lesson: Lesson,
  route: Pick<LessonRoute, 'step' | 'stepError'>,
): LinkedStep {
  const count = lesson.steps.length;
  if (route.stepError !== null) return { index: 0, notice: route.stepError };
  if (route.step <= count) return { index: route.step - 1, notice: null };
  const asked = route.step <= QUOTED_STEP_MAX ? `step ${route.step}` : 'a step';
  return {
    index: count - 1,
    notice: `The link asks for ${asked}, but this lesson has ${count} steps, so it opens at the last one.`,
  };
}

/** Longest step summary in a dot's name, in characters. */
const SUMMARY_MAX_CHARS = 70;

/**
 * A step dot's accessible name and tooltip: "Step 3 of 9: Question: At 2:00 R2 reloads…",
 * from the step's own words (backticks dropped, cut at a word).
 */
export function stepLabel(lesson: Lesson, index: number): string {
  const step = lesson.steps[index];
  const position = `Step ${index + 1} of ${lesson.steps.length}`;
  return step ? `${position}: ${stepSummary(step)}` : position;
}

function stepSummary(step: LessonStep): string {
  switch (step.kind) {
    case 'narrate':
      return shortened(step.text);
    case 'predict':
      return `Question: ${shortened(step.question)}`;
    case 'playground':
      return 'Playground';
  }
}

function shortened(text: string): string {
  const plain = text.replaceAll('`', '').replace(/\s+/g, ' ').trim();
  if (plain.length <= SUMMARY_MAX_CHARS) return plain;
  const cut = plain.slice(0, SUMMARY_MAX_CHARS);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > SUMMARY_MAX_CHARS / 2 ? cut.slice(0, atWord) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
