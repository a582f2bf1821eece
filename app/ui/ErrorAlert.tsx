import type { ScenarioError } from '../scenario/types';

/** Why the scenario could not run: each error with its place in the document. */
export function ErrorAlert({ errors }: { errors: readonly ScenarioError[] }) {
  if (errors.length === 0) return null;
  return (
    <div className="alert" role="alert" data-testid="scenario-errors">
      <h2 className="alert-title">This scenario cannot run</h2>
      <ul>
        {errors.map((error) => (
          <li key={`${error.path}: ${error.message}`}>
            <code>{error.path}</code> {error.message}
          </li>
        ))}
      </ul>
      <p>Pick another scenario above; the rest of the page still works.</p>
    </div>
  );
}
