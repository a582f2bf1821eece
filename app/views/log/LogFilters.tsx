import { memo, useId } from 'react';
import type { LogKind } from '../../store/simStore';
import { LOG_KINDS } from './logRows';

/** More routers than this fold into a menu, so that the log keeps its height. */
const MAX_INLINE_ROUTERS = 6;

interface Props {
  routers: readonly string[];
  hidden: readonly string[];
  onToggleRouter: (router: string) => void;
  kind: LogKind;
  onKind: (kind: LogKind) => void;
  wholeRun: boolean;
  onWholeRun: (wholeRun: boolean) => void;
}

/**
 * Which routers and kinds of record the log shows, and whether it shows the whole run.
 * Memoised: its props change with the filters, not with the cursor (and re-rendering a checkbox
 * rewrites its attributes even when nothing changed).
 */
export const LogFilters = memo(function LogFilters({
  routers,
  hidden,
  onToggleRouter,
  kind,
  onKind,
  wholeRun,
  onWholeRun,
}: Props) {
  const kindId = useId();
  const checks = routers.map((router) => (
    <label key={router} className="logv-check">
      <input
        type="checkbox"
        checked={!hidden.includes(router)}
        onChange={() => onToggleRouter(router)}
      />
      {router}
    </label>
  ));
  const shown = routers.filter((router) => !hidden.includes(router)).length;
  return (
    <div className="logv-filters">
      {routers.length <= MAX_INLINE_ROUTERS ? (
        <fieldset className="logv-routers">
          <legend>Routers</legend>
          {checks}
        </fieldset>
      ) : (
        // Many routers (a DMVPN hub and its spokes): the checkboxes fold into a menu.
        <details className="logv-routers-menu">
          <summary>
            Routers:{' '}
            {shown === routers.length ? `all ${routers.length}` : `${shown} of ${routers.length}`}
          </summary>
          <fieldset className="logv-routers logv-routers-many">
            <legend className="visually-hidden">Routers</legend>
            {checks}
          </fieldset>
        </details>
      )}
      <div className="logv-field">
        <label htmlFor={kindId}>Show</label>
        <select
          id={kindId}
          value={kind}
          onChange={(event) => onKind(event.target.value as LogKind)}
        >
          {LOG_KINDS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <label className="logv-check logv-whole">
        <input
          type="checkbox"
          checked={wholeRun}
          onChange={(event) => onWholeRun(event.target.checked)}
        />
        Show whole run
      </label>
    </div>
  );
});
