import type { Citation, EvidenceTag } from './types';

const TAG_WORDS: Record<EvidenceTag, string> = {
  C: 'confirmed',
  'C-2': 'secondary source',
  M: 'recalled',
  I: 'inferred',
};

/**
 * Where the step's IOS facts come from (ios-behavior.md section and evidence tag). [M] and [I]
 * facts carry a "simplified" marker whose reason opens in place (a native disclosure).
 */
export function Citations({ cites }: { cites: readonly Citation[] }) {
  if (cites.length === 0) return null;
  return (
    <ul className="lesson-cites" aria-label="Sources in ios-behavior.md">
      {cites.map((cite, i) => {
        const label = `§${cite.section}${cite.tag ? ` [${cite.tag}] ${TAG_WORDS[cite.tag]}` : ' teaching scenario'}`;
        return (
          // Citations are static data: the index is a stable key.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={i} className="lesson-cite" data-tag={cite.tag ?? 'scenario'}>
            {cite.simplified ? (
              <details className="lesson-simplified" data-testid="lesson.simplified">
                <summary>
                  <span aria-hidden="true">≈ </span>simplified{' '}
                  <span className="lesson-cite-ref">{label}</span>
                </summary>
                <p>{cite.simplified}</p>
              </details>
            ) : (
              <span className="lesson-cite-ref">{label}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
