import { useId } from 'react';
import { KIND_FILTERS, type KindFilter } from './traceFilter';

interface Props {
  routers: readonly string[];
  hidden: ReadonlySet<string>;
  onToggleRouter: (router: string) => void;
  kind: KindFilter;
  onKind: (kind: KindFilter) => void;
}

/** Which routers and which kinds of record the log panel shows. */
export function TraceFilters({ routers, hidden, onToggleRouter, kind, onKind }: Props) {
  const kindId = useId();
  return (
    <div className="filters">
      <fieldset className="filter-routers">
        <legend>Routers</legend>
        {routers.map((router) => (
          <label key={router} className="check">
            <input
              type="checkbox"
              checked={!hidden.has(router)}
              onChange={() => onToggleRouter(router)}
            />
            {router}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={kindId}>Show</label>
        <select
          id={kindId}
          value={kind}
          onChange={(event) => onKind(event.target.value as KindFilter)}
        >
          {KIND_FILTERS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
