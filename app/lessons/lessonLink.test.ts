import { describe, expect, it } from 'vitest';
import { routeFromHash } from '../share/hashRoute';
import { linkedStep, stepLabel } from './lessonLink';
import { findLesson, LESSONS } from './lessons';
import type { Lesson } from './types';

function lesson(id: string): Lesson {
  const found = findLesson(id);
  if (!found) throw new Error(`no lesson ${id}`);
  return found;
}

const blackHole = lesson('black-hole');

/** The step `#lesson=black-hole&step=<value>` opens at. */
function opens(value: string) {
  const route = routeFromHash(`#lesson=black-hole&step=${value}`);
  if (route.kind !== 'lesson') throw new Error('not a lesson route');
  return linkedStep(blackHole, route);
}

describe('linkedStep', () => {
  it('opens a step within the lesson as it is, 1-based', () => {
    expect(opens('1')).toEqual({ index: 0, notice: null });
    expect(opens('3')).toEqual({ index: 2, notice: null });
    expect(opens('10')).toEqual({ index: 9, notice: null });
  });

  it('clamps a step past the end to the last one, and says so', () => {
    expect(opens('11')).toEqual({
      index: 9,
      notice:
        'The link asks for step 11, but this lesson has 10 steps, so it opens at the last one.',
    });
    expect(opens('9'.repeat(30))).toEqual({
      index: 9,
      notice:
        'The link asks for a step, but this lesson has 10 steps, so it opens at the last one.',
    });
  });

  it('opens a mangled step at the first, with the route’s reason', () => {
    expect(opens('abc').index).toBe(0);
    expect(opens('abc').notice).toMatch(/“abc” is not a step number/);
  });
});

describe('stepLabel', () => {
  it('names every step of every lesson by its position and its own words', () => {
    for (const each of LESSONS) {
      each.steps.forEach((step, i) => {
        const label = stepLabel(each, i);
        expect(label, each.id).toMatch(new RegExp(`^Step ${i + 1} of ${each.steps.length}: `));
        expect(label.length, label).toBeLessThanOrEqual(100);
        expect(label, label).not.toContain('`');
        if (step.kind === 'predict') expect(label).toContain('Question: ');
        if (step.kind === 'playground') expect(label).toMatch(/: Playground$/);
      });
    }
  });

  it('cuts a long step at a word, with an ellipsis', () => {
    const label = stepLabel(blackHole, 1);
    expect(label).toMatch(/^Step 2 of 10: Question: At 2:00 R2 reloads: .*\S…$/);
  });
});
