// The address bar follows the lesson: `#lesson=<id>&step=N` (1-based) at every step change, so a
// reload, a bookmark or a copied address opens the lesson where it stands. Written with
// history.replaceState: steps are not history entries, so a teacher's Back leaves the lesson (for
// the library or whatever came before) instead of undoing the steps one press at a time.

import { useEffect } from 'react';
import { lessonHash } from '../share/hashRoute';
import { replaceHash } from '../share/routeStore';
import { useLessonStore } from './lessonStore';
import type { Lesson } from './types';

/** Call after the effect that opens the lesson at its link's step (effects run in order). */
export function useLessonAddress(lesson: Lesson): void {
  useEffect(() => {
    const write = (lessonId: string | null, index: number) => {
      if (lessonId !== lesson.id) return;
      const hash = lessonHash(lesson.id, index + 1);
      if (window.location.hash !== hash) replaceHash(hash);
    };
    const { lessonId, index } = useLessonStore.getState();
    write(lessonId, index);
    return useLessonStore.subscribe((state, previous) => {
      if (state.index !== previous.index || state.lessonId !== previous.lessonId)
        write(state.lessonId, state.index);
    });
  }, [lesson]);
}
