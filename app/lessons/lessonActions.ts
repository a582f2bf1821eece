// Every change of the lesson player goes through these functions (buttons, keys, playback).
// They move the sim store's cursor with its actions (loadPreset, seek, play, pause…).

import {
  loadPreset,
  pause,
  play,
  seek,
  select,
  setAdaptive,
  setSpeed,
  togglePlay,
} from '../store/actions';
import { computeAll } from '../store/runProgress';
import { useSimStore } from '../store/simStore';
import type { LinkedStep } from './lessonLink';
import { type LessonState, useLessonStore } from './lessonStore';
import { advanceWhilePlaying, speedAt, stepTimes } from './progress';
import type { Lesson } from './types';

const lessonState = useLessonStore.getState;
const setLesson = useLessonStore.setState;
const sim = useSimStore.getState;

/** True when the sim store shows the lesson's own run (not another preset or an edited one). */
export function showsLessonRun(lesson: Lesson): boolean {
  return sim().presetId === lesson.presetId && sim().run !== null;
}

/** The side effects of a step becoming current: its speed and the router it points at. */
function enterStep(lesson: Lesson, index: number): void {
  const step = lesson.steps[index];
  setSpeed(speedAt(lesson, index));
  if (step && step.kind !== 'playground' && step.router)
    select({ kind: 'router', id: step.router });
}

/**
 * Makes step `index` current and shows its moment: the cursor at its cue, paused. Guided steps
 * need the lesson's own run, so an edited scenario is replaced by the preset again; the
 * playground keeps whatever the cursor and scenario are.
 */
export function goToStep(lesson: Lesson, index: number): void {
  const step = lesson.steps[index];
  if (!step) return;
  setLesson({ index, linkNotice: null });
  pause();
  if (step.kind === 'playground') {
    setSpeed(speedAt(lesson, index));
    return;
  }
  if (!showsLessonRun(lesson)) loadPreset(lesson.presetId);
  computeAll(); // step times are resolved over the whole trace
  const run = sim().run;
  const atMs = run ? stepTimes(run, lesson)[index] : undefined;
  if (atMs !== undefined) seek(atMs);
  enterStep(lesson, index);
}

/** Starts (or restarts) a lesson at step `index` (its first by default) with nothing picked. */
export function startLesson(lesson: Lesson, index = 0): void {
  setLesson({ lessonId: lesson.id, index: 0, picks: {}, revealed: {} });
  loadPreset(lesson.presetId);
  setAdaptive(true);
  goToStep(lesson, index);
}

/**
 * What a link asks for: the lesson at its step, started afresh (`fresh`, when the player opens)
 * or kept (a link to another step of the lesson on screen); and the notice that says why that is
 * not quite the step the link named.
 */
export function openLessonLink(lesson: Lesson, link: LinkedStep, fresh: boolean): void {
  if (fresh) startLesson(lesson, link.index);
  else goToStep(lesson, link.index);
  setLesson({ linkNotice: link.notice });
}

export function dismissLinkNotice(): void {
  setLesson({ linkNotice: null });
}

/** Next: an unrevealed prediction reveals first (with or without a pick); then the next step. */
export function nextStep(lesson: Lesson): void {
  const { index, revealed } = lessonState();
  const step = lesson.steps[index];
  if (step?.kind === 'predict' && !revealed[index]) {
    reveal(lesson);
    return;
  }
  if (index + 1 < lesson.steps.length) goToStep(lesson, index + 1);
}

export function previousStep(lesson: Lesson): void {
  const { index } = lessonState();
  if (index > 0) goToStep(lesson, index - 1);
}

/** Picks a choice (1-based, as the keys and test ids number them) before the reveal. */
export function pickChoice(lesson: Lesson, choice: number): void {
  const { index, revealed, picks } = lessonState();
  const step = lesson.steps[index];
  if (step?.kind !== 'predict' || revealed[index]) return;
  if (choice < 1 || choice > step.choices.length) return;
  setLesson({ picks: { ...picks, [index]: choice } });
}

/** Shows the answer of the current prediction and plays on to show it happen. */
export function reveal(lesson: Lesson): void {
  const { index, revealed } = lessonState();
  if (lesson.steps[index]?.kind !== 'predict') return;
  setLesson({ revealed: { ...revealed, [index]: true } });
  if (showsLessonRun(lesson)) play();
}

/** Space: play or pause. Playing from an unrevealed prediction is its reveal. */
export function playPause(lesson: Lesson): void {
  const { index, revealed } = lessonState();
  if (!sim().playing && lesson.steps[index]?.kind === 'predict' && !revealed[index]) {
    reveal(lesson);
    return;
  }
  togglePlay();
}

export function setPresenter(presenter: boolean): void {
  setLesson({ presenter });
}

export function togglePresenter(): void {
  setLesson({ presenter: !lessonState().presenter });
}

/**
 * Called whenever the sim store changes: while the lesson's run plays, the step follows the
 * cursor (lessons.ts cues), playback stops at predictions and holds, and playing past an
 * unrevealed prediction counts as its reveal.
 */
export function followPlayback(lesson: Lesson): void {
  const { run, t, playing } = sim();
  const state: LessonState = lessonState();
  if (!run || !playing || state.lessonId !== lesson.id || !showsLessonRun(lesson)) return;
  const current = lesson.steps[state.index];
  if (current?.kind === 'predict' && !state.revealed[state.index])
    setLesson({ revealed: { ...state.revealed, [state.index]: true } });
  const moved = advanceWhilePlaying(lesson, stepTimes(run, lesson), state.index, t);
  if (moved.index === state.index) return;
  setLesson({ index: moved.index });
  if (moved.pauseAtMs !== undefined) {
    pause();
    seek(moved.pauseAtMs);
  }
  enterStep(lesson, moved.index);
}
