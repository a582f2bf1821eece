import type { TraceRecord } from '../sim/trace';
import { LogLine } from './LogLine';

/** More lines than this would slow the page and help nobody: the filters narrow it down. */
export const MAX_LINES = 5000;

/** The trace as a scrolling console. */
export function LogPanel({ records }: { records: readonly TraceRecord[] }) {
  const shown = records.length > MAX_LINES ? records.slice(0, MAX_LINES) : records;
  return (
    <section className="console" aria-label="Trace">
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard */}
      <div className="console-scroll" tabIndex={0} data-testid="log-panel">
        {shown.length === 0 ? (
          <p className="console-empty">No lines match these filters.</p>
        ) : (
          shown.map((record, i) => (
            // Records never reorder within a run; their position is their identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <LogLine key={i} record={record} />
          ))
        )}
        {shown.length < records.length && (
          <p className="console-more">
            First {shown.length.toLocaleString('en')} of {records.length.toLocaleString('en')}{' '}
            lines. Hide a router or choose fewer kinds to see the rest.
          </p>
        )}
      </div>
    </section>
  );
}
