import { memo } from 'react';
import type { TraceRecord } from '../../sim/trace';
import { lineLook } from './lineLook';
import { lineText } from './lineText';

/**
 * The line at the cursor, written out in full: list rows are one line high and cut long IOS
 * lines short. Also says why a line is marked "simplified", for those who cannot hover.
 */
export const CursorLine = memo(function CursorLine({
  record,
}: {
  record: TraceRecord | undefined;
}) {
  if (!record)
    return (
      <p className="logv-cursor logv-cursor-empty" data-testid="log-cursor-line">
        The line at the cursor appears here in full.
      </p>
    );
  const look = lineLook(record);
  const { time, node, text } = lineText(record);
  return (
    <div
      className={`logv-cursor tone-${look.tone}`}
      data-testid="log-cursor-line"
      data-at-ms={record.atMs}
    >
      <p className="logv-cursor-line">
        <span className="logv-cursor-label">At the cursor</span>
        <span className="logv-time">{time}</span>
        {node && <span className="logv-node">{node}</span>}
        {look.icon && (
          <span className="logv-icon" aria-hidden="true">
            {look.icon}
          </span>
        )}
        {look.iconLabel && <span className="visually-hidden">{look.iconLabel}: </span>}
        <span className="logv-text">{text}</span>
      </p>
      {look.simplified && (
        <p className="logv-cursor-note">
          <span className="logv-simplified">simplified</span> {look.simplified}
        </p>
      )}
    </div>
  );
});
