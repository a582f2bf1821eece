// @vitest-environment jsdom
// The lesson player and library over real runs, driven like a class would: keys, a pick, the
// reveal, presenter mode. React's own act() and DOM events (no extra test library).

import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type LessonRoute, routeFromHash } from '../share/hashRoute';
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

/** The route of `#lesson=<id>` plus `rest` (say '&step=3'), as the address bar gives it. */
function at(id: string, rest = ''): LessonRoute {
  const route = routeFromHash(`#lesson=${id}${rest}`);
  if (route.kind !== 'lesson') throw new Error(`not a lesson route: ${id}${rest}`);
  return route;
}

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
    act(() => root.render(<LessonScreen route={at('black-hole')} />));
    expect(q('lesson.screen')?.getAttribute('data-lesson')).toBe('black-hole');
    expect(stepIndex()).toBe('0');
    expect(q('lesson.step')?.textContent).toContain('A healthy tunnel');
    expect(useSimStore.getState()).toMatchObject({ presetId: 'reload-black-hole', t: 60_000 });
    expect(q('lesson.progress')?.textContent).toContain('Step 1 of 10');
    expect(q('lesson.focus')?.getAttribute('data-focus')).toBe('routers');
  });

  it('takes → to the prediction, digits to a pick, Reveal to the answer', () => {
    act(() => root.render(<LessonScreen route={at('black-hole')} />));
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
    act(() => root.render(<LessonScreen route={at('black-hole')} />));
    press('PageDown');
    press('1');
    press('PageDown'); // reveals
    expect(q('lesson.verdict')?.textContent).toContain('Not quite: the answer is B.');
  });

  it('toggles presenter mode with P and leaves it with Escape', () => {
    act(() => root.render(<LessonScreen route={at('black-hole')} />));
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
    act(() => root.render(<LessonScreen route={at('rekey-race')} />));
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

  it('shows every view in the playground', async () => {
    act(() => root.render(<LessonScreen route={at('ezvpn')} />));
    for (let i = 0; i < 10; i++) press('PageDown');
    expect(q('lesson.step')?.getAttribute('data-step-kind')).toBe('playground');
    // The log's module loads on demand (views/log/LogView.tsx): let it arrive.
    await act(() => import('../views/log/LogPanel'));
    for (const id of ['topology', 'router-panels', 'log', 'health', 'playback'])
      expect(q(id), id).not.toBeNull();
    // In the playground the arrows are the page's again.
    const t = useSimStore.getState().t;
    press('ArrowLeft');
    expect(q('lesson.step')?.getAttribute('data-step-kind')).toBe('playground');
    expect(useSimStore.getState().t).toBe(t);
  });

  it('opens at the link’s step, at that step’s moment, and says it in the address bar', () => {
    act(() => root.render(<LessonScreen route={at('black-hole', '&step=2')} />));
    expect(stepIndex()).toBe('1');
    expect(useSimStore.getState()).toMatchObject({ t: 119_000, playing: false });
    expect(q('lesson.progress')?.textContent).toContain('Step 2 of 10');
    expect(window.location.hash).toBe('#lesson=black-hole&step=2');
    expect(q('lesson.link-notice')).toBeNull();
    press('ArrowLeft');
    expect(window.location.hash).toBe('#lesson=black-hole&step=1');
  });

  it('moves to the step of a later link to the same lesson, keeping the answers', () => {
    act(() => root.render(<LessonScreen route={at('black-hole', '&step=2')} />));
    press('2');
    act(() => root.render(<LessonScreen route={at('black-hole', '&step=4')} />));
    expect(stepIndex()).toBe('3');
    expect(useLessonStore.getState().picks).toEqual({ 1: 2 });
    expect(window.location.hash).toBe('#lesson=black-hole&step=4');
  });

  it('clamps a step past the end and explains a mangled one, never failing', () => {
    act(() => root.render(<LessonScreen route={at('black-hole', '&step=999')} />));
    expect(stepIndex()).toBe('9');
    expect(q('lesson.link-notice')?.textContent).toContain(
      'The link asks for step 999, but this lesson has 10 steps, so it opens at the last one.',
    );
    expect(window.location.hash).toBe('#lesson=black-hole&step=10');
    act(() => root.render(<LessonScreen route={at('black-hole', '&step=abc')} />));
    expect(stepIndex()).toBe('0');
    expect(q('lesson.link-notice')?.textContent).toContain('“abc” is not a step number');
    expect(window.location.hash).toBe('#lesson=black-hole&step=1');
    // The notice goes with the next step.
    press('ArrowRight');
    expect(q('lesson.link-notice')).toBeNull();
  });

  it('goes to a step when its dot is clicked; the dots name their steps', () => {
    act(() => root.render(<LessonScreen route={at('black-hole')} />));
    const dots = [...container.querySelectorAll<HTMLButtonElement>('button.lesson-dot')];
    expect(dots).toHaveLength(10);
    expect(dots[0]?.getAttribute('aria-current')).toBe('step');
    expect(dots[1]?.getAttribute('aria-label')).toMatch(/^Step 2 of 10: Question: At 2:00 R2/);
    expect(dots[9]?.getAttribute('aria-label')).toBe('Step 10 of 10: Playground');
    click('lesson.dot.4');
    expect(stepIndex()).toBe('3');
    expect(q('lesson.dot.4')?.getAttribute('aria-current')).toBe('step');
    expect(q('lesson.dot.1')?.hasAttribute('aria-current')).toBe(false);
    expect(window.location.hash).toBe('#lesson=black-hole&step=4');
  });

  it('lists its keys in the shortcuts help, in presenter mode too (no playback bar there)', () => {
    act(() => root.render(<LessonScreen route={at('black-hole')} />));
    const help = () => q('shortcuts.screen')?.textContent ?? '';
    expect(container.querySelectorAll('[data-testid="shortcuts.dialog"]')).toHaveLength(1);
    expect(help()).toContain('Next step');
    expect(help()).toContain('Answer A, B, C');
    expect(help()).toContain('Presenter mode on / off');
    // The page's own → (next event) is not listed where the lesson takes the key over.
    expect(q('shortcut.step-forward')).toBeNull();
    press('p');
    expect(q('playback')).toBeNull();
    expect(container.querySelectorAll('[data-testid="shortcuts.dialog"]')).toHaveLength(1);
    expect(help()).toContain('Next step');
    click('lesson.dot.10');
    expect(help()).toContain('Back to the last guided step');
    expect(help()).not.toContain('Next step');
    expect(q('shortcut.step-forward')).not.toBeNull();
  });

  it('says so for an unknown lesson', () => {
    act(() => root.render(<LessonScreen route={at('nope')} />));
    expect(q('lesson.screen')?.textContent).toContain('No lesson is called “nope”');
  });

  it('names an unknown lesson of a megabyte by its start', () => {
    act(() => root.render(<LessonScreen route={at('x'.repeat(1_000_000))} />));
    expect(q('lesson.screen')?.textContent?.length).toBeLessThan(200);
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
