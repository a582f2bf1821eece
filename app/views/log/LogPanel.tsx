import { type CSSProperties, memo, useCallback, useId, useMemo, useState } from 'react';
import type { Run } from '../../sim/run';
import type { TraceRecord } from '../../sim/trace';
import { seek, setLogKind, toggleLogRouter } from '../../store/actions';
import { useSimStore } from '../../store/simStore';
import { formatTime } from '../../trace/formatText';
import { CursorLine } from './CursorLine';
import { LogFilters } from './LogFilters';
import { LogList } from './LogList';
import { buildLogRows, cursorRowsOf, rowOfRecord, rowsAtOrBefore } from './logRows';
import './log.css';

/**
 * The routers' syslog and debug lines (or packets, or everything) in IOS format with virtual
 * timestamps, up to the cursor; a click on a line moves the cursor to its moment. It follows
 * the cursor by the number of lines up to t, so playback re-renders it when a line comes in,
 * not at every frame; only the time in its heading follows t itself.
 */
export function LogPanel() {
  const run = useSimStore((s) => s.run);
  const logKind = useSimStore((s) => s.logKind);
  const logHidden = useSimStore((s) => s.logHidden);
  const [wholeRun, setWholeRun] = useState(false);
  /** The record last clicked: the full-text line shows it while the cursor is at its moment. */
  const [picked, setPicked] = useState<{ run: Run; recordIndex: number } | null>(null);
  const headingId = useId();

  // Once per run and filter: the only passes over the whole trace.
  const rows = useMemo(
    () => (run ? buildLogRows(run.records, logKind, new Set(logHidden)) : null),
    [run, logKind, logHidden],
  );
  const routers = useMemo(
    () => run?.loaded.scenario.nodes.filter((n) => n.kind === 'router').map((n) => n.id) ?? [],
    [run],
  );
  const rowsUpToCursor = useSimStore((s) => (rows ? rowsAtOrBefore(rows, s.t) : 0));
  const cursor = useMemo(
    () => (rows ? cursorRowsOf(rows, rowsUpToCursor) : null),
    [rows, rowsUpToCursor],
  );
  const nodeCh = Math.min(10, Math.max(2, ...routers.map((id) => id.length)));

  const onSeekRow = useCallback(
    (row: number) => {
      if (!run || !rows) return;
      const recordIndex = rows.recordIndex[row];
      if (recordIndex === undefined) return;
      setPicked({ run, recordIndex });
      seek((run.records[recordIndex] as TraceRecord).atMs);
    },
    [run, rows],
  );

  if (!run || !rows || !cursor) return <section className="logv" aria-label="Log" />;

  // The highlighted line: the one clicked, while the cursor is at its moment; else the newest.
  const pickedRow =
    picked?.run === run ? rowOfRecord(rows, picked.recordIndex, cursor.first, cursor.last) : -1;
  const focusRow = pickedRow >= 0 ? pickedRow : cursor.last;
  const focusRecord = focusRow >= 0 ? run.records[rows.recordIndex[focusRow] as number] : undefined;

  return (
    <section
      className="logv"
      aria-labelledby={headingId}
      data-testid="log"
      style={{ '--logv-node-ch': `${nodeCh}ch` } as CSSProperties}
    >
      <div className="logv-head">
        <h2 id={headingId} className="logv-title">
          Log
        </h2>
        <span className="logv-scope" data-testid="log-scope">
          {wholeRun ? 'whole run' : <UpToCursor />}
        </span>
        <LogFilters
          routers={routers}
          hidden={logHidden}
          onToggleRouter={toggleLogRouter}
          kind={logKind}
          onKind={setLogKind}
          wholeRun={wholeRun}
          onWholeRun={setWholeRun}
        />
      </div>
      <LogList
        records={run.records}
        rows={rows}
        cursor={cursor}
        focusRow={focusRow}
        wholeRun={wholeRun}
        onSeekRow={onSeekRow}
      />
      <CursorLine record={focusRecord} />
    </section>
  );
}

/** `up to 00:02:00.123`: the heading's time, the only part of the log redrawn at every frame. */
const UpToCursor = memo(function UpToCursor() {
  const t = useSimStore((s) => s.t);
  return <>up to {formatTime(t)}</>;
});
