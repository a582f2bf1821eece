import type { TraceRecord } from '../sim/trace';
import { formatRecord, formatTime, syslogSeverity } from '../trace/formatText';
import { recordNode } from './traceFilter';

/** One trace record as an IOS-style line: the time in its own column, then the text. */
export function LogLine({ record }: { record: TraceRecord }) {
  const line = formatRecord(record);
  if (line === null) return null;
  const time = formatTime(record.atMs);
  const severity = record.kind === 'syslog' ? syslogSeverity(record.text) : null;
  const classes = ['log-line', `kind-${record.kind}`];
  if (severity !== null) classes.push(`sev-${severity}`);
  return (
    <div
      className={classes.join(' ')}
      data-testid="log-line"
      data-node={recordNode(record)}
      data-kind={record.kind}
      data-at-ms={record.atMs}
      data-severity={severity ?? undefined}
    >
      <span className="log-time">{time}</span>
      <span className="log-text">{line.slice(time.length + 1)}</span>
    </div>
  );
}
