import { SOURCES, type SourceId } from './sources';
import { openSources } from './sourcesStore';
import './sources.css';

/** A citation: the document's title, opening the Sources list at its entry. */
export function SourceLink({ id }: { id: SourceId }) {
  return (
    <button
      type="button"
      className="source-link"
      data-testid="source.link"
      data-source={id}
      onClick={() => openSources({ kind: 'source', id })}
    >
      {SOURCES[id].title}
    </button>
  );
}

/** "Sources: A; B": each title a citation. */
export function SourceList({ ids }: { ids: readonly SourceId[] }) {
  return (
    <>
      <span className="source-list-label">{ids.length > 1 ? 'Sources' : 'Source'}:</span>{' '}
      {ids.map((id, i) => (
        <span key={id}>
          {i > 0 && '; '}
          <SourceLink id={id} />
        </span>
      ))}
    </>
  );
}
