import { type KeyboardEvent, memo } from 'react';
import type { TraceRecord } from '../../sim/trace';
import { lineLook } from './lineLook';
import { lineText } from './lineText';

interface Props {
  record: TraceRecord;
  /** Position in the list: the row's place and its handle for seeking and focus. */
  row: number;
  topPx: number;
  /** The line at the cursor: the one clicked, or the newest at or before t. */
  current: boolean;
  /** Another line of the same moment as the cursor's line. */
  sameMoment: boolean;
  /** After the cursor (only shown with "Show whole run"). */
  future: boolean;
  tabbable: boolean;
  onSeek: (row: number) => void;
  onKeyDown: (event: KeyboardEvent<HTMLButtonElement>, row: number) => void;
}

/**
 * One trace record as an IOS-style line: a button that moves the cursor to its moment.
 * Memoised: during playback only the rows whose `current` or `future` changes re-render.
 */
export const LogRow = memo(function LogRow({
  record,
  row,
  topPx,
  current,
  sameMoment,
  future,
  tabbable,
  onSeek,
  onKeyDown,
}: Props) {
  const look = lineLook(record);
  const { time, node, text } = lineText(record);
  return (
    <button
      type="button"
      className={`logv-row tone-${look.tone}`}
      style={{ top: topPx }}
      tabIndex={tabbable ? 0 : -1}
      title={`${time} ${node ? `${node}: ` : ''}${text}`}
      onClick={() => onSeek(row)}
      onKeyDown={(event) => onKeyDown(event, row)}
      aria-current={current ? 'time' : undefined}
      data-testid="log-line"
      data-row={row}
      data-node={node || undefined}
      data-kind={record.kind}
      data-at-ms={record.atMs}
      data-severity={look.severity ?? undefined}
      data-current={current || undefined}
      data-same-moment={sameMoment || undefined}
      data-future={future || undefined}
      data-simplified={look.simplified ? true : undefined}
    >
      <span className="logv-icon" aria-hidden="true">
        {look.icon}
      </span>
      {look.iconLabel && <span className="visually-hidden">{look.iconLabel}: </span>}
      <span className="logv-time">{time}</span>
      <span className="logv-node">{node}</span>
      <span className="logv-text">{text}</span>
      {look.simplified && (
        <span className="logv-simplified" title={look.simplified}>
          simplified
        </span>
      )}
    </button>
  );
});
