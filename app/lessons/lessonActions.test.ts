import { beforeEach, describe, expect, it } from 'vitest';
import { inject, loadPreset, seek, tick } from '../store/actions';
import { INITIAL_STATE, useSimStore } from '../store/simStore';
import {
  followPlayback,
  goToStep,
  nextStep,
  pickChoice,
  playPause,
  previousStep,
  startLesson,
  togglePresenter,
} from './lessonActions';
import { INITIAL_LESSON_STATE, useLessonStore } from './lessonStore';
import { findLesson } from './lessons';
import type { Lesson } from './types';
import { GUIDED_STEP_KEYS, lessonKeyAction, PLAYGROUND_KEYS } from './useLessonKeys';

const sim = () => useSimStore.getState();
const progress = () => useLessonStore.getState();

function lesson(id: string): Lesson {
  const found = findLesson(id);
  if (!found) throw new Error(`no lesson ${id}`);
  return found;
}

/** Plays like the animation loop does, following the lesson after every frame. */
function playFor(subject: Lesson, wallMs: number, frameMs = 50): void {
  for (let spent = 0; spent < wallMs && sim().playing; spent += frameMs) {
    tick(frameMs);
    followPlayback(subject);
  }
}

describe('the lesson player', () => {
  const blackHole = lesson('black-hole');

  beforeEach(() => {
    useSimStore.setState(INITIAL_STATE, true);
    useLessonStore.setState(INITIAL_LESSON_STATE, true);
    startLesson(blackHole);
  });

  it('starts on the lesson’s preset, at the first cue, paused', () => {
    expect(sim()).toMatchObject({ presetId: 'reload-black-hole', t: 60_000, playing: false });
    expect(progress()).toMatchObject({ lessonId: 'black-hole', index: 0 });
  });

  it('Next jumps to the next cue; Back returns', () => {
    nextStep(blackHole);
    expect(progress().index).toBe(1);
    expect(sim().t).toBe(119_000);
    previousStep(blackHole);
    expect(progress().index).toBe(0);
    expect(sim().t).toBe(60_000);
  });

  it('at a prediction: a pick, then Next reveals and plays; playback stops at the next hold', () => {
    nextStep(blackHole); // the prediction at 1:59
    pickChoice(blackHole, 2);
    nextStep(blackHole);
    expect(progress().revealed[1]).toBe(true);
    expect(progress().picks[1]).toBe(2);
    expect(sim().playing).toBe(true);
    playFor(blackHole, 60_000);
    // Through the narration at the reload (no hold) to the hold at R2's boot.
    expect(progress().index).toBe(3);
    expect(sim()).toMatchObject({ t: 150_000, playing: false, speed: 5 });
    expect(sim().selection).toEqual({ kind: 'router', id: 'R2' });
  });

  it('does not change a pick after the reveal, and ignores picks out of range', () => {
    nextStep(blackHole);
    pickChoice(blackHole, 7);
    expect(progress().picks[1]).toBeUndefined();
    pickChoice(blackHole, 1);
    nextStep(blackHole);
    pickChoice(blackHole, 2);
    expect(progress().picks[1]).toBe(1);
  });

  it('Space at an unrevealed prediction is its reveal', () => {
    nextStep(blackHole);
    playPause(blackHole);
    expect(progress().revealed[1]).toBe(true);
    expect(sim().playing).toBe(true);
    playPause(blackHole);
    expect(sim().playing).toBe(false);
  });

  it('stops at each prediction on the way when playing from far back', () => {
    goToStep(blackHole, 2);
    seek(149_000);
    playPause(blackHole);
    playFor(blackHole, 120_000);
    expect(progress().index).toBe(3); // the hold at 2:30
    playPause(blackHole);
    playFor(blackHole, 120_000);
    expect(progress().index).toBe(4); // the prediction at 2:30.010
    expect(sim()).toMatchObject({ t: 150_010, playing: false });
  });

  it('brings the lesson’s run back when another preset is loaded, and after an edit', () => {
    loadPreset('baseline');
    goToStep(blackHole, 3);
    expect(sim().presetId).toBe('reload-black-hole');
    expect(sim().t).toBe(150_000);
    inject({ action: 'exec', node: 'R1', command: 'clear crypto sa' });
    expect(sim().presetId).toBeNull();
    previousStep(blackHole);
    expect(sim().presetId).toBe('reload-black-hole');
    expect(sim().t).toBe(120_000);
  });

  it('keeps the scenario and cursor in the playground', () => {
    goToStep(blackHole, 5);
    inject({ action: 'reload', node: 'R1' });
    const t = sim().t;
    goToStep(blackHole, blackHole.steps.length - 1);
    expect(sim().presetId).toBeNull();
    expect(sim().t).toBe(t);
  });
});

describe('lessonKeyAction', () => {
  const blackHole = lesson('black-hole');
  const last = blackHole.steps.length - 1;

  beforeEach(() => {
    useSimStore.setState(INITIAL_STATE, true);
    useLessonStore.setState(INITIAL_LESSON_STATE, true);
    startLesson(blackHole);
  });

  it('maps arrows, clicker pages, Space and digits in guided steps', () => {
    for (const key of ['ArrowRight', 'PageDown', 'ArrowLeft', 'PageUp', ' ', 'p', 'P'])
      expect(lessonKeyAction(key, blackHole, 1, false), key).not.toBeNull();
    expect(lessonKeyAction('2', blackHole, 1, false)).not.toBeNull();
    expect(lessonKeyAction('2', blackHole, 0, false)).toBeNull();
    expect(lessonKeyAction('x', blackHole, 0, false)).toBeNull();
  });

  it('leaves arrows and Space to the page in the playground, but Page Up still goes back', () => {
    for (const key of ['ArrowRight', 'ArrowLeft', ' '])
      expect(lessonKeyAction(key, blackHole, last, false), key).toBeNull();
    expect(lessonKeyAction('PageUp', blackHole, last, false)).not.toBeNull();
  });

  it('Escape leaves presenter mode only when it is on', () => {
    expect(lessonKeyAction('Escape', blackHole, 0, false)).toBeNull();
    togglePresenter();
    expect(progress().presenter).toBe(true);
    lessonKeyAction('Escape', blackHole, 0, true)?.();
    expect(progress().presenter).toBe(false);
    // ? is the page's: the shortcuts help opens, in presenter mode too.
    expect(lessonKeyAction('?', blackHole, 0, false)).toBeNull();
    expect(lessonKeyAction('?', blackHole, 0, true)).toBeNull();
  });

  it('lists in the help exactly the keys it acts on, guided and in the playground', () => {
    const keyOf: Record<string, string> = {
      '→': 'ArrowRight',
      '←': 'ArrowLeft',
      'Page Down': 'PageDown',
      'Page Up': 'PageUp',
      Space: ' ',
      Esc: 'Escape',
    };
    const predict = blackHole.steps.findIndex((step) => step.kind === 'predict');
    const playground = blackHole.steps.length - 1;
    for (const [help, index] of [
      [GUIDED_STEP_KEYS, predict],
      [PLAYGROUND_KEYS, playground],
    ] as const) {
      for (const row of help.rows)
        for (const cap of row.caps)
          expect(lessonKeyAction(keyOf[cap] ?? cap, blackHole, index, true), cap).not.toBeNull();
    }
    // The page's keys the guided steps take over, and give back in the playground.
    for (const key of ['ArrowRight', 'ArrowLeft', ' ']) {
      expect(lessonKeyAction(key, blackHole, predict, false), key).not.toBeNull();
      expect(lessonKeyAction(key, blackHole, playground, false), key).toBeNull();
    }
    expect(GUIDED_STEP_KEYS.replaces).toEqual(['play', 'step-forward', 'step-back']);
    expect(PLAYGROUND_KEYS.replaces).toEqual([]);
  });
});
