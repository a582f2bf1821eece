// The router's startup-config as the document now has it, with what changed since it was
// loaded: added lines marked +, removed lines struck through with -. Lines the simulator reads
// but does not simulate are dimmed and say so; lines with a warning (an address another router
// has) are marked ⚠ and their warnings listed above.

import { memo, useEffect, useMemo, useRef } from 'react';
import type { ConfigLineNote } from '../../scenario/types';
import { diffConfig, diffCounts } from './configDiff';

export type { ConfigLineNote as NotSimulatedLine } from '../../scenario/types';

const MARK = { same: ' ', added: '+', removed: '-' } as const;

/** Memoised: the config changes with the document, never with the cursor. */
export const ConfigView = memo(function ConfigView({
  router,
  baseline,
  current,
  notSimulated,
  warnings,
}: {
  router: string;
  /** The config as first loaded; undefined = nothing to compare with. */
  baseline: string | undefined;
  current: string;
  notSimulated: readonly ConfigLineNote[];
  warnings: readonly ConfigLineNote[];
}) {
  const lines = useMemo(() => diffConfig(baseline ?? current, current), [baseline, current]);
  const counts = diffCounts(lines);
  const skipped = new Map(notSimulated.map((entry) => [entry.line, entry.message]));
  const warned = new Map(warnings.map((entry) => [entry.line, entry.message]));
  const changed = counts.added + counts.removed > 0;
  // After a change, bring the first changed line into the box (the box only, not the page).
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    const first = element?.querySelector<HTMLElement>('.diff-added, .diff-removed');
    if (!element || !first || current === baseline) return;
    // The box is positioned, so offsetTop is within it.
    element.scrollTop = Math.max(0, first.offsetTop - element.clientHeight / 3);
  }, [current, baseline]);
  return (
    <div className="rp-config-wrap">
      <p
        className="rp-config-meta"
        data-testid={`config-changes.${router}`}
        data-added={counts.added}
        data-removed={counts.removed}
      >
        {changed ? (
          <>
            Changed since loaded:
            {counts.added > 0 && <span className="rp-added-count"> +{counts.added} added</span>}
            {counts.removed > 0 && (
              <span className="rp-removed-count"> -{counts.removed} removed</span>
            )}
          </>
        ) : (
          'Unchanged since loaded.'
        )}
        {skipped.size > 0 && <span className="rp-muted"> Dimmed lines are not simulated.</span>}
      </p>
      {warnings.length > 0 && (
        <ul className="rp-config-warnings" data-testid={`config-warnings.${router}`}>
          {warnings.map(({ line, message }) => (
            <li key={`${line} ${message}`}>
              ⚠ line {line}: {message}
            </li>
          ))}
        </ul>
      )}
      <section className="rp-config-region" aria-label={`${router} startup-config`}>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard */}
        <div ref={box} className="rp-config" tabIndex={0} data-testid={`config.${router}`}>
          {lines.map((line, index) => {
            const reason = line.line === null ? undefined : skipped.get(line.line);
            const warning = line.line === null ? undefined : warned.get(line.line);
            const classes = ['rp-config-line', `diff-${line.kind}`];
            if (reason !== undefined) classes.push('rp-not-simulated');
            if (warning !== undefined) classes.push('rp-config-warning');
            const text = line.text === '' ? ' ' : line.text;
            return (
              <div
                // Lines repeat ("!"); the position within this diff is the identity.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above.
                key={index}
                className={classes.join(' ')}
                data-diff={line.kind}
                data-not-simulated={reason === undefined ? undefined : true}
                data-warning={warning === undefined ? undefined : true}
                title={
                  warning !== undefined
                    ? `Warning: ${warning}`
                    : reason === undefined
                      ? undefined
                      : `Not simulated: ${reason}`
                }
              >
                <span className="rp-config-mark" aria-hidden="true">
                  {MARK[line.kind]}
                </span>
                {line.kind === 'added' ? (
                  <ins>
                    <span className="visually-hidden">added: </span>
                    {text}
                  </ins>
                ) : line.kind === 'removed' ? (
                  <del>
                    <span className="visually-hidden">removed: </span>
                    {text}
                  </del>
                ) : (
                  <span>{text}</span>
                )}
                {reason !== undefined && <span className="rp-ns-tag">not simulated</span>}
                {warning !== undefined && <span className="rp-warn-tag">⚠ warning</span>}
              </div>
            );
          })}
        </div>
      </section>
    </div>
  );
});
