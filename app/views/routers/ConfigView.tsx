// The router's startup-config as the document now has it, with what changed since it was
// loaded: added lines marked +, removed lines struck through with -. Lines the simulator reads
// but does not simulate are dimmed and say so.

import { memo, useEffect, useMemo, useRef } from 'react';
import { diffConfig, diffCounts } from './configDiff';

export interface NotSimulatedLine {
  line: number;
  text: string;
  message: string;
}

const MARK = { same: ' ', added: '+', removed: '-' } as const;

/** Memoised: the config changes with the document, never with the cursor. */
export const ConfigView = memo(function ConfigView({
  router,
  baseline,
  current,
  notSimulated,
}: {
  router: string;
  /** The config as first loaded; undefined = nothing to compare with. */
  baseline: string | undefined;
  current: string;
  notSimulated: readonly NotSimulatedLine[];
}) {
  const lines = useMemo(() => diffConfig(baseline ?? current, current), [baseline, current]);
  const counts = diffCounts(lines);
  const skipped = new Map(notSimulated.map((entry) => [entry.line, entry.message]));
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
      <section className="rp-config-region" aria-label={`${router} startup-config`}>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard */}
        <div ref={box} className="rp-config" tabIndex={0} data-testid={`config.${router}`}>
          {lines.map((line, index) => {
            const reason = line.line === null ? undefined : skipped.get(line.line);
            const classes = ['rp-config-line', `diff-${line.kind}`];
            if (reason !== undefined) classes.push('rp-not-simulated');
            const text = line.text === '' ? ' ' : line.text;
            return (
              <div
                // Lines repeat ("!"); the position within this diff is the identity.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above.
                key={index}
                className={classes.join(' ')}
                data-diff={line.kind}
                data-not-simulated={reason === undefined ? undefined : true}
                title={reason === undefined ? undefined : `Not simulated: ${reason}`}
              >
                <span className="rp-config-mark" aria-hidden="true">
                  {MARK[line.kind]}
                </span>
                {line.kind === 'added' ? (
                  <ins>
                    <span className="rp-sr-only">added: </span>
                    {text}
                  </ins>
                ) : line.kind === 'removed' ? (
                  <del>
                    <span className="rp-sr-only">removed: </span>
                    {text}
                  </del>
                ) : (
                  <span>{text}</span>
                )}
                {reason !== undefined && <span className="rp-ns-tag">not simulated</span>}
              </div>
            );
          })}
        </div>
      </section>
    </div>
  );
});
