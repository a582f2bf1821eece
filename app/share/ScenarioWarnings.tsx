import { useSimStore } from '../store/simStore';

/**
 * What in the loaded scenario runs but is likely a mistake (an address on two routers, subnets
 * that overlap, a crypto map entry that protects nothing): folded under a short line that says how
 * many (it sits in the studio's one-line band), opening over the stage with each warning, its
 * router and its line.
 */
export function ScenarioWarnings() {
  const warnings = useSimStore((s) => s.loaded?.warnings);
  const notes = Object.entries(warnings ?? {}).flatMap(([node, lines]) =>
    lines.map((note) => ({ node, ...note })),
  );
  if (notes.length === 0) return null;
  return (
    <details className="share-warnings" data-testid="scenario-warnings">
      <summary title="Warnings about the configs">
        ⚠ {notes.length}
        <span className="share-warnings-word"> {notes.length === 1 ? 'warning' : 'warnings'}</span>
      </summary>
      <ul className="share-warnings-list">
        {notes.map(({ node, line, message }) => (
          <li key={`${node} ${line} ${message}`} data-testid="scenario-warning">
            <code>
              {node} config line {line}
            </code>
            : {message}
          </li>
        ))}
      </ul>
    </details>
  );
}
