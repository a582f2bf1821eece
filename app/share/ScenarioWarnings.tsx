import { useSimStore } from '../store/simStore';

/**
 * What in the loaded scenario runs but is likely a mistake (an address on two routers, subnets
 * that overlap): folded under one line that says how many, each with its router and line.
 */
export function ScenarioWarnings() {
  const warnings = useSimStore((s) => s.loaded?.warnings);
  const notes = Object.entries(warnings ?? {}).flatMap(([node, lines]) =>
    lines.map((note) => ({ node, ...note })),
  );
  if (notes.length === 0) return null;
  return (
    <details className="share-warnings" data-testid="scenario-warnings">
      <summary>
        ⚠ {notes.length} {notes.length === 1 ? 'warning' : 'warnings'} about addresses
      </summary>
      <ul>
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
