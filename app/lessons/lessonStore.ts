// The lesson player's own state: which step is current, the students' picks and reveals, and
// presenter mode. The simulation state (run, cursor, playing) stays in the sim store.

import { create } from 'zustand';

export interface LessonState {
  /** The lesson the progress belongs to. */
  lessonId: string | null;
  /** Index into the lesson's steps. */
  index: number;
  /** The choice picked at each prediction step (by step index). */
  picks: Record<number, number>;
  /** Prediction steps whose answer has been revealed. */
  revealed: Record<number, boolean>;
  /** Projector layout: large type, topology + focused panel + narration only. */
  presenter: boolean;
  /** Why the lesson did not open at the step its link named (a sentence), until the next step. */
  linkNotice: string | null;
}

export const INITIAL_LESSON_STATE: LessonState = {
  lessonId: null,
  index: 0,
  picks: {},
  revealed: {},
  presenter: false,
  linkNotice: null,
};

export const useLessonStore = create<LessonState>()(() => INITIAL_LESSON_STATE);
