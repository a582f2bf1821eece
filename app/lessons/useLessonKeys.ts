// The player's keys, for a keyboard and for a presentation clicker (which sends Page Up/Down):
// → / Page Down next, ← / Page Up back, Space play/pause, 1-9 pick, P presenter, Esc leaves
// presenter mode; and how the shortcuts help (?) lists them. Listens in the capture phase and
// marks the event handled, so the page's own shortcuts (→ steps to the next event, Space plays)
// do not act on it as well.

import { useEffect } from 'react';
import { focusClaimsKey } from '../controls/focusClaims';
import type { ScreenKeys } from '../controls/ShortcutsDialog';
import { useSimStore } from '../store/simStore';
import {
  nextStep,
  pickChoice,
  playPause,
  previousStep,
  setPresenter,
  togglePresenter,
} from './lessonActions';
import { useLessonStore } from './lessonStore';
import type { Lesson } from './types';

/** What a key does in the player, or null when it is not the player's. */
export function lessonKeyAction(
  key: string,
  lesson: Lesson,
  index: number,
  presenter: boolean,
): (() => void) | null {
  const step = lesson.steps[index];
  const inPlayground = step?.kind === 'playground';
  switch (key) {
    case 'ArrowRight':
    case 'PageDown':
      // In the playground the arrows step through events, as on the main page.
      return inPlayground ? null : () => nextStep(lesson);
    case 'ArrowLeft':
      return inPlayground ? null : () => previousStep(lesson);
    case 'PageUp':
      return () => previousStep(lesson);
    case ' ':
      return inPlayground ? null : () => playPause(lesson);
    case 'p':
    case 'P':
      return togglePresenter;
    case 'Escape':
      return presenter ? () => setPresenter(false) : null;
    default:
      if (/^[1-9]$/.test(key) && step?.kind === 'predict')
        return () => pickChoice(lesson, Number(key));
      return null;
  }
}

const PRESENTER_KEYS = [
  { caps: ['P'], label: 'Presenter mode on / off' },
  { caps: ['Esc'], label: 'Leave presenter mode' },
] as const;

/** The help's "In this lesson" table on a guided step: these keys replace the page's arrows. */
export const GUIDED_STEP_KEYS: ScreenKeys = {
  caption: 'In this lesson',
  rows: [
    { caps: ['→', 'Page Down'], label: 'Next step (on a question: reveal the answer first)' },
    { caps: ['←', 'Page Up'], label: 'Previous step' },
    { caps: ['1', '2', '3'], label: 'Answer A, B, C… on a question' },
    { caps: ['Space'], label: 'Play / pause (on a question: reveal)' },
    ...PRESENTER_KEYS,
  ],
  replaces: ['play', 'step-forward', 'step-back'],
};

/** The same in the playground, where the arrows and Space are the page's again. */
export const PLAYGROUND_KEYS: ScreenKeys = {
  caption: 'In this lesson',
  rows: [{ caps: ['Page Up'], label: 'Back to the last guided step' }, ...PRESENTER_KEYS],
  replaces: [],
};

export function useLessonKeys(lesson: Lesson): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
      if (event.isComposing || useSimStore.getState().shortcutsOpen) return;
      const focused = event.target instanceof Element ? event.target : document.activeElement;
      if (focusClaimsKey(event.key, focused)) return;
      const { index, presenter } = useLessonStore.getState();
      const action = lessonKeyAction(event.key, lesson, index, presenter);
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [lesson]);
}
