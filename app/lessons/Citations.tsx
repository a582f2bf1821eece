import { SourceList } from '../sources/SourceLink';
import { SIMPLIFICATIONS, type SimplificationId } from '../sources/simplifications';
import { openSources } from '../sources/sourcesStore';
import { InlineCode } from '../ui/InlineCode';
import type { Citation } from './types';

/**
 * Where the step's IOS facts come from: the public documents by title, each opening the Sources
 * list at its entry; and, where the step shows a guess at IOS behaviour, a "simplified" marker
 * whose reason opens in place (a native disclosure).
 */
export function Citations({
  cites,
  simplified,
}: {
  cites: readonly Citation[];
  simplified: SimplificationId | undefined;
}) {
  const sources = [...new Set(cites.map((cite) => cite.source))];
  if (sources.length === 0 && simplified === undefined) return null;
  return (
    <div className="lesson-cites" data-testid="lesson.cites">
      {sources.length > 0 && (
        <p className="lesson-cites-line">
          <SourceList ids={sources} />
        </p>
      )}
      {simplified && (
        <details className="lesson-simplified" data-testid="lesson.simplified">
          <summary>
            <span aria-hidden="true">≈ </span>simplified
          </summary>
          <p>
            <InlineCode text={SIMPLIFICATIONS[simplified].why} />{' '}
            <button
              type="button"
              className="source-link"
              onClick={() => openSources({ kind: 'simplification', id: simplified })}
            >
              Every simplification
            </button>
          </p>
        </details>
      )}
    </div>
  );
}
