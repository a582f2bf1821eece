import { InlineCode } from '../ui/InlineCode';
import { pickChoice, reveal } from './lessonActions';
import type { Lesson, PredictStep } from './types';

const LETTERS = 'ABCDEFGHI';

/**
 * Predict, then reveal: the question and its choices as large buttons (keys 1-9 pick too).
 * After the reveal every choice says whether it was right, and why; `brief` (presenter mode, where
 * the card shares a projector's width with the topology) gives the why of the answer and of the
 * pick only, and marks the other choices wrong without it.
 */
export function PredictCard({
  lesson,
  step,
  picked,
  revealed,
  brief = false,
}: {
  lesson: Lesson;
  step: PredictStep;
  picked: number | undefined;
  revealed: boolean;
  brief?: boolean;
}) {
  const answer = step.choices.findIndex((choice) => choice.correct) + 1;
  const verdict =
    picked === undefined
      ? `The answer is ${LETTERS[answer - 1]}.`
      : picked === answer
        ? 'Right!'
        : `Not quite: the answer is ${LETTERS[answer - 1]}.`;
  return (
    <div className="lesson-predict" data-revealed={revealed}>
      <p className="lesson-kicker">
        <span aria-hidden="true">? </span>Predict, then reveal
      </p>
      <p className="lesson-question">
        <InlineCode text={step.question} />
      </p>
      <ol className="lesson-choices">
        {step.choices.map((choice, i) => {
          const n = i + 1;
          const state = !revealed ? 'open' : choice.correct ? 'correct' : 'wrong';
          const explained = revealed && (!brief || choice.correct || picked === n);
          return (
            <li key={choice.text}>
              <button
                type="button"
                className="lesson-choice"
                data-testid={`lesson.choice.${n}`}
                data-state={state}
                aria-pressed={picked === n}
                disabled={revealed}
                onClick={() => pickChoice(lesson, n)}
              >
                <span className="lesson-choice-key" aria-hidden="true">
                  {LETTERS[i]}
                </span>
                <span className="lesson-choice-text">
                  <span>
                    <InlineCode text={choice.text} />
                    {revealed && !explained && <span className="lesson-choice-mark"> ✗ No.</span>}
                  </span>
                  {explained && (
                    <span className="lesson-choice-why">
                      <span className="lesson-choice-mark">
                        {choice.correct ? '✓ Right. ' : '✗ No. '}
                        {picked === n && <span className="lesson-your-pick">Your pick. </span>}
                      </span>
                      <InlineCode text={choice.explanation} />
                    </span>
                  )}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      {revealed ? (
        <p
          className="lesson-verdict"
          role="status"
          data-testid="lesson.verdict"
          data-right={picked === answer}
        >
          {verdict} <span className="lesson-verdict-hint">Watch it happen.</span>
        </p>
      ) : (
        <div className="lesson-reveal-row">
          <button
            type="button"
            className="lesson-button lesson-button-primary"
            data-testid="lesson.reveal"
            onClick={() => reveal(lesson)}
          >
            Reveal
          </button>
          <span className="lesson-hint">
            {picked === undefined
              ? 'Pick A, B… (or keys 1, 2…), then reveal.'
              : 'Reveal plays the simulation.'}
          </span>
        </div>
      )}
    </div>
  );
}
