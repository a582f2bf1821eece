import { useSimStore } from '../store/simStore';
import { goToStep, nextStep, playPause, previousStep } from './lessonActions';
import { stepLabel } from './lessonLink';
import type { Lesson } from './types';

/**
 * Step k of n with a dot per step (each a button to that step), Back, Play/Pause and Next: what a
 * clicker drives.
 */
export function StepNav({
  lesson,
  index,
  revealed,
}: {
  lesson: Lesson;
  index: number;
  revealed: Record<number, boolean>;
}) {
  const playing = useSimStore((s) => s.playing);
  const step = lesson.steps[index];
  const last = index === lesson.steps.length - 1;
  const nextLabel = step?.kind === 'predict' && !revealed[index] ? 'Reveal' : 'Next';
  return (
    <nav className="lesson-nav" aria-label="Lesson steps">
      <button
        type="button"
        className="lesson-button"
        data-testid="lesson.back"
        onClick={() => previousStep(lesson)}
        disabled={index === 0}
        title="Previous step (← or Page Up)"
      >
        <span aria-hidden="true">← </span>Back
      </button>
      <div className="lesson-progress" data-testid="lesson.progress" data-index={index}>
        <span className="lesson-progress-text">
          Step {index + 1} of {lesson.steps.length}
        </span>
        <ol className="lesson-dots" aria-label="Steps">
          {lesson.steps.map((s, i) => {
            const label = stepLabel(lesson, i);
            return (
              // Steps are static data, never reordered: the index is a stable key.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <li key={i}>
                <button
                  type="button"
                  className="lesson-dot"
                  data-testid={`lesson.dot.${i + 1}`}
                  data-kind={s.kind}
                  data-state={i < index ? 'done' : i === index ? 'current' : 'todo'}
                  aria-current={i === index ? 'step' : undefined}
                  aria-label={label}
                  title={label}
                  onClick={() => goToStep(lesson, i)}
                />
              </li>
            );
          })}
        </ol>
      </div>
      {step?.kind !== 'playground' && (
        <button
          type="button"
          className="lesson-button"
          data-testid="lesson.play"
          onClick={() => playPause(lesson)}
          title="Play or pause the simulation (Space)"
        >
          {playing ? 'Pause' : 'Play'}
        </button>
      )}
      <button
        type="button"
        className="lesson-button lesson-button-primary"
        data-testid="lesson.next"
        onClick={() => nextStep(lesson)}
        disabled={last}
        title="Next step (→ or Page Down)"
      >
        {nextLabel}
        <span aria-hidden="true"> →</span>
      </button>
    </nav>
  );
}
