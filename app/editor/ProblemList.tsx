// Everything that keeps the scenario from running, each with its place; a click goes to it.

import type { PlacedError } from './errorPlaces';

export function ProblemList({
  problems,
  checking,
  onGo,
}: {
  problems: readonly PlacedError[];
  /** The last edit is still being read. */
  checking: boolean;
  onGo: (problem: PlacedError) => void;
}) {
  if (problems.length === 0)
    return (
      <div className="ed-footer">
        <p className="ed-status" data-testid="editor.status" data-valid={!checking}>
          {checking
            ? 'Checking…'
            : 'Ready to run: the routers’ configs and the scenario are valid.'}
        </p>
      </div>
    );
  return (
    <section className="ed-footer ed-problems" aria-label="Problems" data-testid="editor.problems">
      <p className="ed-status ed-status-warn" data-testid="editor.status" data-valid="false">
        {problems.length === 1 ? '1 problem' : `${problems.length} problems`}; nothing runs until
        they are fixed:
      </p>
      <ul>
        {problems.map((problem, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole on each check.
          <li key={index}>
            <button type="button" className="ed-problem" onClick={() => onGo(problem)}>
              <span className="ed-problem-place">{problem.place}</span>: {problem.message}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
