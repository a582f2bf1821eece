// The card beside the topology: the current step's narration, prediction or playground hint,
// its sources, and the recap of the prediction just answered.

import { InlineCode } from '../ui/InlineCode';
import { Citations } from './Citations';
import { PredictCard } from './PredictCard';
import type { Lesson, PredictStep } from './types';

export function StepCard({
  lesson,
  index,
  picks,
  revealed,
  presenter,
}: {
  lesson: Lesson;
  index: number;
  picks: Record<number, number>;
  revealed: Record<number, boolean>;
  /** Presenter mode: a revealed prediction explains only the answer and the pick. */
  presenter: boolean;
}) {
  const step = lesson.steps[index];
  if (!step) return null;
  const previous = lesson.steps[index - 1];
  return (
    <div
      className="lesson-step"
      data-testid="lesson.step"
      data-step-index={index}
      data-step-kind={step.kind}
      aria-live="polite"
    >
      {step.kind === 'narrate' && (
        <>
          {previous?.kind === 'predict' && revealed[index - 1] && (
            <Recap step={previous} picked={picks[index - 1]} />
          )}
          <p className="lesson-narration">
            <InlineCode text={step.text} />
          </p>
        </>
      )}
      {step.kind === 'predict' && (
        <PredictCard
          lesson={lesson}
          step={step}
          picked={picks[index]}
          revealed={revealed[index] === true}
          brief={presenter}
        />
      )}
      {step.kind === 'playground' && (
        <div className="lesson-playground">
          <p className="lesson-kicker">Playground</p>
          <p className="lesson-narration">
            <InlineCode text={step.text} />
          </p>
          <ul className="lesson-try">
            {step.tryThis.map((item) => (
              <li key={item}>
                <InlineCode text={item} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {step.kind !== 'playground' && (
        <Citations cites={step.cites ?? []} simplified={step.simplified} />
      )}
    </div>
  );
}

/** The prediction just answered, so that its verdict and reason outlive its step. */
function Recap({ step, picked }: { step: PredictStep; picked: number | undefined }) {
  const answer = step.choices.findIndex((choice) => choice.correct) + 1;
  const right = picked === answer;
  const letter = (n: number) => 'ABCDEFGHI'[n - 1] ?? '?';
  const verdict =
    picked === undefined
      ? `The answer was ${letter(answer)}.`
      : right
        ? `Your prediction ${letter(picked)} was right.`
        : `You predicted ${letter(picked)}; the answer was ${letter(answer)}.`;
  return (
    <div className="lesson-recap" data-right={right} data-testid="lesson.recap">
      <p className="lesson-recap-verdict">
        <span aria-hidden="true">{right ? '✓ ' : '↺ '}</span>
        {verdict}
      </p>
      <p className="lesson-recap-why">
        <InlineCode text={step.choices[answer - 1]?.explanation ?? ''} />
      </p>
    </div>
  );
}
