// @vitest-environment jsdom
// The lesson player and library over real runs, driven like a class would: keys, a pick, the
// reveal, presenter mode. React's own act() and DOM events (no extra test library).

import { act } from 'preact/test-utils';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { INITIAL_STATE, useSimStore } from '../store/simStore';
import { LessonLibrary } from './LessonLibrary';
import { LessonScreen } from './LessonScreen';
import { INITIAL_LESSON_STATE, useLessonStore } from './lessonStore';

let container: HTMLDivElement;
let root: Root;

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  // jsdom has no ResizeObserver; the timeline and health views measure themselves with one.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

beforeEach(() => {
  useSimStore.setState(INITIAL_STATE, true);
  useLessonStore.setState(INITIAL_LESSON_STATE, true);
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

const q = (testId: string) => container.querySelector(`[data-testid="${testId}"]`);
const stepIndex = () => q('lesson.step')?.getAttribute('data-step-index');

function press(key: string) {
  act(() => {
    window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

function click(testId: string) {
  const element = q(testId);
  if (!(element instanceof HTMLElement)) throw new Error(`no ${testId}`);
  act(() => element.click());
}

describe('LessonScreen', () => {
  it('opens the lesson on its preset, at the first cue, with its narration', () => {
    act(() => root.render(<LessonScreen lessonId="black-hole" />));
    expect(q('lesson.screen')?.getAttribute('data-lesson')).toBe('black-hole');
    expect(stepIndex()).toBe('0');
    expect(q('lesson.step')?.textContent).toContain('A healthy tunnel');
    expect(useSimStore.getState()).toMatchObject({ presetId: 'reload-black-hole', t: 60_000 });
    expect(q('lesson.progress')?.textContent).toContain('Step 1 of 10');
    expect(q('lesson.focus')?.getAttribute('data-focus')).toBe('routers');
  });

  it('takes → to the prediction, digits to a pick, Reveal to the answer', () => {
    act(() => root.render(<LessonScreen lessonId="black-hole" />));
    press('ArrowRight');
    expect(stepIndex()).toBe('1');
    expect(q('lesson.step')?.getAttribute('data-step-kind')).toBe('predict');
    expect(useSimStore.getState().t).toBe(119_000);
    press('2');
    expect(q('lesson.choice.2')?.getAttribute('aria-pressed')).toBe('true');
    expect(q('lesson.choice.1')?.getAttribute('aria-pressed')).toBe('false');
    click('lesson.reveal');
    expect(q('lesson.verdict')?.textContent).toContain('Right!');
    expect(q('lesson.choice.2')?.getAttribute('data-state')).toBe('correct');
    expect(q('lesson.choice.1')?.getAttribute('data-state')).toBe('wrong');
    expect(useSimStore.getState().playing).toBe(true);
    press('ArrowRight');
    expect(stepIndex()).toBe('2');
    expect(q('lesson.recap')?.textContent).toContain('Your prediction B was right.');
    press('PageUp');
    expect(stepIndex()).toBe('1');
  });

  it('says which answer was right when the pick was wrong', () => {
    act(() => root.render(<LessonScreen lessonId="black-hole" />));
    press('PageDown');
    press('1');
    press('PageDown'); // reveals
    expect(q('lesson.verdict')?.textContent).toContain('Not quite: the answer is B.');
  });

  it('toggles presenter mode with P and leaves it with Escape', () => {
    act(() => root.render(<LessonScreen lessonId="black-hole" />));
    const screen = () => q('lesson.screen')?.getAttribute('data-presenter');
    press('p');
    expect(screen()).toBe('true');
    expect(q('playback')).toBeNull();
    expect(q('topology')).not.toBeNull();
    press('Escape');
    expect(screen()).toBe('false');
    click('lesson.presenter');
    expect(screen()).toBe('true');
  });

  it('cites public documents by title, and marks a guessed fact simplified with its reason', () => {
    act(() => root.render(<LessonScreen lessonId="rekey-race" />));
    press('ArrowRight');
    press('ArrowRight');
    expect(stepIndex()).toBe('2');
    const cites = q('lesson.cites');
    expect(cites?.textContent).toContain(
      'IPsec %RECVD_PKT_INV_SPI Errors and Invalid SPI Recovery Feature Information',
    );
    expect(cites?.querySelector('[data-source="tn-115801"]')).not.toBeNull();
    const simplified = q('lesson.simplified');
    expect(simplified?.textContent).toContain('simplified');
    expect(simplified?.textContent).toContain('crypto engine');
  });

  it('shows every view in the playground', () => {
    act(() => root.render(<LessonScreen lessonId="ezvpn" />));
    for (let i = 0; i < 10; i++) press('PageDown');
    expect(q('lesson.step')?.getAttribute('data-step-kind')).toBe('playground');
    for (const id of ['topology', 'router-panels', 'log', 'health', 'playback'])
      expect(q(id), id).not.toBeNull();
    // In the playground the arrows are the page's again.
    const t = useSimStore.getState().t;
    press('ArrowLeft');
    expect(q('lesson.step')?.getAttribute('data-step-kind')).toBe('playground');
    expect(useSimStore.getState().t).toBe(t);
  });

  it('says so for an unknown lesson', () => {
    act(() => root.render(<LessonScreen lessonId="nope" />));
    expect(q('lesson.screen')?.textContent).toContain('No lesson is called “nope”');
  });
});

describe('LessonLibrary', () => {
  it('lists every lesson once per group and links each table row', () => {
    act(() => root.render(<LessonLibrary />));
    const links = [...container.querySelectorAll('a[href^="#lesson="]')].map((a) =>
      a.getAttribute('href'),
    );
    expect(links).toContain('#lesson=black-hole');
    expect(links).toContain('#lesson=dynamic-map-hub');
    expect(container.querySelectorAll('tbody tr')).toHaveLength(7);
    for (const group of ['black-hole', 'where-recovery-works', 'dpd-idle'])
      expect(q(`lessons.group.${group}`), group).not.toBeNull();
  });
});
