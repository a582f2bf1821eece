import {
  type KeyboardEvent,
  type PointerEvent,
  useCallback,
  useLayoutEffect,
  useRef,
  useState,
  type WheelEvent,
} from 'react';
import type { TraceRecord } from '../../sim/trace';
import { useSimStore } from '../../store/simStore';
import { formatTime } from '../../trace/formatText';
import { followScrollTop, revealScrollTop, visibleRows } from './followScroll';
import { LogRow } from './LogRow';
import type { CursorRows, LogRows } from './logRows';

/** Fixed row height: the list is virtualised by arithmetic, never by measuring rows. */
export const ROW_PX = 28;
const OVERSCAN_ROWS = 10;

interface Props {
  records: readonly TraceRecord[];
  rows: LogRows;
  cursor: CursorRows;
  /** The line highlighted at the cursor (one of the rows at its moment), or -1. */
  focusRow: number;
  /** All rows, the future dimmed; otherwise the rows up to the cursor, the newest last. */
  wholeRun: boolean;
  onSeekRow: (row: number) => void;
}

/**
 * The log as a virtualised, keyboard-navigable list: only the rows in view are in the DOM. It
 * follows the cursor until the user scrolls away, then offers a button to follow again.
 */
export function LogList({ records, rows, cursor, focusRow, wholeRun, onSeekRow }: Props) {
  const rowCount = wholeRun ? rows.atMs.length : cursor.count;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 0 });
  const [follow, setFollow] = useState(true);
  /**
   * The row the keyboard is on: the list's one tab stop (roving tabindex). Kept with its rows:
   * in another run or filter the same number is another line.
   */
  const [activeIn, setActiveIn] = useState<{ rows: LogRows; row: number } | null>(null);
  const active = activeIn?.rows === rows ? activeIn.row : null;
  const setActive = useCallback(
    (row: number | null) => setActiveIn(row === null ? null : { rows, row }),
    [rows],
  );
  const focusPending = useRef(false);

  /** The moment of a clicked line: the list holds still under the pointer while t is there. */
  const holdAtMs = useRef<number | null>(null);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const measure = () => setView({ top: el.scrollTop, height: el.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const scrollTo = useCallback((top: number) => {
    const el = scrollRef.current;
    if (!el || Math.abs(el.scrollTop - top) < 1) return;
    el.scrollTop = top;
    setView({ top: el.scrollTop, height: el.clientHeight });
  }, []);

  // Follow the cursor: after every change of t, filter or mode, before the browser paints.
  const cursorAtMs = cursor.last >= 0 ? rows.atMs[cursor.last] : undefined;
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el || !follow || view.height === 0) return;
    if (wholeRun && holdAtMs.current !== null && holdAtMs.current === cursorAtMs) return;
    holdAtMs.current = null;
    scrollTo(
      followScrollTop({
        row: cursor.last,
        rowCount,
        rowPx: ROW_PX,
        viewportPx: view.height,
        scrollTop: el.scrollTop,
        growsWithCursor: !wholeRun,
      }),
    );
  }, [follow, cursor.last, cursorAtMs, rowCount, wholeRun, view.height, scrollTo]);

  // Scrolling by the user (wheel, touch, scrollbar) stops following; scrolls by code do not.
  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    setView({ top: el.scrollTop, height: el.clientHeight });
    // A growing log follows again once the user is back at the bottom.
    if (!follow && !wholeRun && el.scrollTop + el.clientHeight >= el.scrollHeight - ROW_PX / 2)
      setFollow(true);
  };
  const onWheel = (event: WheelEvent<HTMLDivElement>) => {
    if (wholeRun || event.deltaY < 0) setFollow(false);
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    // On the scrollbar: the target is the scrolling element itself, not a row.
    if (event.target === event.currentTarget) setFollow(false);
  };

  // Layout effect: focus moves with the render, before the next key (an effect, run after paint,
  // let a second quick ArrowDown land on the old row again).
  useLayoutEffect(() => {
    if (!focusPending.current || active === null) return;
    focusPending.current = false;
    scrollRef.current?.querySelector<HTMLElement>(`[data-row="${active}"]`)?.focus();
  });

  const moveTo = (row: number) => {
    const next = Math.max(0, Math.min(rowCount - 1, row));
    setFollow(false);
    setActive(next);
    focusPending.current = true;
    scrollTo(
      revealScrollTop({
        row: next,
        rowPx: ROW_PX,
        viewportPx: view.height,
        scrollTop: view.top,
      }),
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, from: number) => {
    const page = Math.max(1, Math.floor(view.height / ROW_PX) - 1);
    const moves: Record<string, number> = {
      ArrowDown: from + 1,
      ArrowUp: from - 1,
      PageDown: from + page,
      PageUp: from - page,
      Home: 0,
      End: rowCount - 1,
    };
    const to = moves[event.key];
    if (to === undefined) return;
    event.preventDefault();
    moveTo(to);
  };
  // Rows are memoised: they get one stable handler that calls the latest onKeyDown.
  const keyHandler = useRef(onKeyDown);
  useLayoutEffect(() => {
    keyHandler.current = onKeyDown;
  });
  const onRowKeyDown = useCallback(
    (event: KeyboardEvent<HTMLButtonElement>, row: number) => keyHandler.current(event, row),
    [],
  );

  const seekRow = useCallback(
    (row: number) => {
      holdAtMs.current = rows.atMs[row] ?? null;
      setActive(row);
      setFollow(true);
      onSeekRow(row);
    },
    [onSeekRow, rows, setActive],
  );

  const { first, last } = visibleRows({
    scrollTop: view.top,
    viewportPx: view.height,
    rowPx: ROW_PX,
    rowCount,
    overscan: OVERSCAN_ROWS,
  });
  const tabStop =
    active !== null && active < rowCount
      ? active
      : focusRow >= 0 && focusRow < rowCount
        ? focusRow
        : Math.min(first, rowCount - 1);
  const shown: number[] = [];
  if (tabStop >= 0 && (tabStop < first || tabStop > last)) shown.push(tabStop);
  for (let row = first; row <= last; row++) shown.push(row);

  return (
    <div className="logv-listbox">
      <div
        ref={scrollRef}
        className="logv-scroll"
        data-testid="log-list"
        data-rows={rowCount}
        data-follow={follow}
        onScroll={onScroll}
        onWheel={onWheel}
        onTouchMove={() => setFollow(false)}
        onPointerDown={onPointerDown}
      >
        <div className="logv-spacer" style={{ height: rowCount * ROW_PX }}>
          {shown.map((row) => {
            const recordIndex = rows.recordIndex[row] as number;
            return (
              <LogRow
                key={recordIndex}
                record={records[recordIndex] as TraceRecord}
                row={row}
                topPx={row * ROW_PX}
                current={row === focusRow}
                sameMoment={row >= cursor.first && row <= cursor.last && row !== focusRow}
                future={row > cursor.last}
                tabbable={row === tabStop}
                onSeek={seekRow}
                onKeyDown={onRowKeyDown}
              />
            );
          })}
        </div>
        {rowCount === 0 && (
          <p className="logv-empty">
            {rows.atMs.length === 0 ? 'No lines match these filters.' : <NothingYet />}
          </p>
        )}
      </div>
      {!follow && rowCount > 0 && (
        <button
          type="button"
          className="logv-follow"
          data-testid="log-follow"
          onClick={() => {
            setActive(null);
            setFollow(true);
          }}
        >
          {wholeRun ? '↧' : '↓'} Follow the cursor
        </button>
      )}
    </div>
  );
}

/** The empty log's message, with the cursor's time: the only part of it that follows t. */
function NothingYet() {
  const t = useSimStore((s) => s.t);
  return `Nothing logged yet at ${formatTime(t)}. Press play or step forward, or turn on “Show whole run”.`;
}
