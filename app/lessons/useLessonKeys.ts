// The player's keys, for a keyboard and for a presentation clicker (which sends Page Up/Down):
// → / Page Down next, ← / Page Up back, Space play/pause, 1-9 pick, P presenter, Esc leaves
// presenter mode. Listens in the capture phase and marks the event handled, so the page's own
// shortcuts (→ steps to the next event, Space plays) do not act on it as well.

import { useEffect } from 'react';
import { focusClaimsKey } from '../controls/focusClaims';
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
    case '?':
      // The shortcuts help lives in the playback bar, which presenter mode hides: swallow the
      // key there rather than open an invisible dialog.
      return presenter ? () => {} : null;
    default:
      if (/^[1-9]$/.test(key) && step?.kind === 'predict')
        return () => pickChoice(lesson, Number(key));
      return null;
  }
}

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
