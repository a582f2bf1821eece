// The lessons feature: mount LessonScreen on `#lesson=<id>` and LessonLibrary on `#lessons`.

export { LessonLibrary } from './LessonLibrary';
export { LessonScreen } from './LessonScreen';
export { findLesson, LESSONS } from './lessons';
