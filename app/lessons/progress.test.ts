import { describe, expect, it } from 'vitest';
import { findLesson } from './lessons';
import {
  advanceWhilePlaying,
  DEFAULT_LESSON_SPEED,
  focusAt,
  pausesAt,
  speedAt,
  stepTimes,
} from './progress';
import { presetRun } from './testRuns';
import type { Lesson } from './types';

const lesson: Lesson = {
  id: 'test',
  title: 'Test',
  goal: 'Test the rules.',
  presetId: 'baseline',
  notesScenario: '7.4.1',
  group: 'black-hole',
  focus: 'routers',
  steps: [
    { kind: 'narrate', cue: { atMs: 0 }, text: 'Start.', speed: 2 },
    { kind: 'narrate', cue: { atMs: 1000 }, text: 'Flows on.', focus: 'log' },
    {
      kind: 'predict',
      cue: { atMs: 2000 },
      question: 'What next?',
      choices: [
        { text: 'A', correct: true, explanation: 'A.' },
        { text: 'B', correct: false, explanation: 'B.' },
      ],
      verify: () => true,
    },
    { kind: 'narrate', cue: { atMs: 3000 }, text: 'Shown.', speed: 10 },
    { kind: 'narrate', cue: { atMs: 4000 }, text: 'Look.', hold: true },
    { kind: 'narrate', cue: { atMs: 5000 }, text: 'After.' },
    { kind: 'playground', text: 'Play.', tryThis: ['Try.'] },
  ],
};
const times = [0, 1000, 2000, 3000, 4000, 5000, undefined];

describe('advanceWhilePlaying', () => {
  it('stays on the current step until the next cue', () => {
    expect(advanceWhilePlaying(lesson, times, 0, 999)).toEqual({ index: 0 });
  });

  it('moves through narrations that do not hold', () => {
    expect(advanceWhilePlaying(lesson, times, 0, 1000)).toEqual({ index: 1 });
  });

  it('stops at a prediction, at its cue, even when t has passed it', () => {
    expect(advanceWhilePlaying(lesson, times, 0, 2500)).toEqual({ index: 2, pauseAtMs: 2000 });
  });

  it('after a reveal, flows on and stops at the next hold', () => {
    expect(advanceWhilePlaying(lesson, times, 2, 3500)).toEqual({ index: 3 });
    expect(advanceWhilePlaying(lesson, times, 2, 4200)).toEqual({ index: 4, pauseAtMs: 4000 });
  });

  it('never enters the playground by playing', () => {
    expect(advanceWhilePlaying(lesson, times, 5, 1e9)).toEqual({ index: 5 });
  });

  it('stops at steps whose cue does not resolve', () => {
    expect(advanceWhilePlaying(lesson, [0, undefined, 2000], 0, 5000)).toEqual({ index: 0 });
  });
});

describe('step rules', () => {
  it('pauses at predictions and holds only', () => {
    expect(lesson.steps.map(pausesAt)).toEqual([false, false, true, false, true, false, false]);
  });

  it('keeps the last speed a step set', () => {
    expect([0, 1, 2, 3, 4, 6].map((i) => speedAt(lesson, i))).toEqual([2, 2, 2, 10, 10, 10]);
    expect(speedAt({ ...lesson, steps: lesson.steps.slice(1) }, 0)).toBe(DEFAULT_LESSON_SPEED);
  });

  it('uses the step focus, else the lesson focus', () => {
    expect([0, 1, 6].map((i) => focusAt(lesson, i))).toEqual(['routers', 'log', 'routers']);
  });

  it('resolves the steps of a real lesson once per run', () => {
    const blackHole = findLesson('black-hole');
    if (!blackHole) throw new Error('no black-hole lesson');
    const run = presetRun(blackHole.presetId);
    const first = stepTimes(run, blackHole);
    expect(stepTimes(run, blackHole)).toBe(first);
    expect(first).toContain(150_020);
    expect(first[first.length - 1]).toBeUndefined();
  });
});
