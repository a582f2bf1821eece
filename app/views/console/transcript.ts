// Pure. What a router's console shows at the cursor: the blocks typed (each the echoed line and
// IOS's answer, stamped with the virtual time it was typed at), with the router's log lines
// printed between them as the cursor passed them: syslog always, debug lines while the
// session's `debug crypto isakmp|ipsec` was on. A function of (stream, blocks, t): moving the
// cursor back hides the log lines not yet printed before a typed block, and moving it forward
// again prints them once, never twice; typed blocks stay, in the order they were typed.

import {
  consoleShows,
  createConsole,
  type DebugFlags,
  formatLogLine,
  MARKS_PER_LINE,
} from '../../console';
import { countAtOrBefore } from '../../sim/run';
import type { ConsolePing } from '../../store/consoleActions';
import { formatTime, syslogSeverity } from '../../trace/formatText';
import type { ConsoleStream, StreamRecord } from './consoleStream';
import { countBefore } from './consoleStream';

export type LineKind = 'echo' | 'output' | 'syslog' | 'debug' | 'note';

export interface TerminalLine {
  readonly kind: LineKind;
  readonly text: string;
  /** IOS severity of a syslog line (`%CRYPTO-4-…` → 4). */
  readonly severity?: number;
}

/**
 * What a typed line prints later, as the run gets there (a ping, consolePing.ts): marks, each
 * at its time, appended to one line in place, then `lines` at `atMs`.
 */
export interface PendingOutput {
  readonly marks: readonly { readonly atMs: number; readonly mark: string }[];
  readonly atMs: number;
  readonly lines: readonly string[];
}

/** A PendingOutput being printed: how many marks are out, and the line they go on. */
interface Printing {
  readonly output: PendingOutput;
  shown: number;
  /** The index in the transcript of the line the marks grow on; -1 before the first. */
  markLine: number;
}

/** One line typed at the console (or `?`), and what IOS answered. */
export interface ConsoleBlock {
  /** The virtual time it was typed at (the cursor, rounded to whole ms). */
  readonly atMs: number;
  /**
   * How many stream records at exactly atMs the console had printed when the line was typed:
   * those stay above the block; records at atMs the line itself caused come after it.
   */
  readonly seenAtMs: number;
  readonly lines: readonly TerminalLine[];
  /** The session's debug flags after the line. */
  readonly debug: DebugFlags;
  /** The ping the line started, whose result the run prints later; null for other lines. */
  readonly ping: ConsolePing | null;
}

export interface Transcript {
  readonly lines: TerminalLine[];
  /** The debug flags at the cursor (a reload turns them off). */
  readonly debug: DebugFlags;
  /** The router reloaded after the last block: the next line starts a new session. */
  readonly reloadedSinceLastBlock: boolean;
  /** Later output of typed blocks the cursor has not reached yet. */
  readonly waiting: number;
}

export const DEBUG_OFF: DebugFlags = { isakmp: false, ipsec: false };

/** The console keeps this many lines; older ones scroll away, as on a terminal. */
export const SCROLLBACK_LINES = 2000;

/** How many stream records at or before `atMs` sit above a block typed then. */
export function shownBefore(stream: ConsoleStream, atMs: number, seenAtMs: number): number {
  const before = countBefore(stream.times, atMs);
  return Math.min(countAtOrBefore(stream.times, atMs), before + seenAtMs);
}

/** The `seenAtMs` of a block typed with the cursor at `t` (whole ms `atMs`). */
export function seenAt(stream: ConsoleStream, atMs: number, t: number): number {
  return Math.max(0, countAtOrBefore(stream.times, t) - countBefore(stream.times, atMs));
}

function streamLines(node: string, record: StreamRecord): TerminalLine[] {
  if (record.kind === 'fault') {
    return record.event === 'reload'
      ? [
          {
            kind: 'note',
            text: `${node} reloads at ${formatTime(record.atMs)}: the console is quiet while it boots`,
          },
        ]
      : [
          { kind: 'output', text: '' },
          { kind: 'output', text: 'Press RETURN to get started!' },
          { kind: 'output', text: '' },
        ];
  }
  const text = formatLogLine(record.atMs, record.text);
  if (record.kind === 'debug') return [{ kind: 'debug', text }];
  const severity = syslogSeverity(record.text);
  return [severity === null ? { kind: 'syslog', text } : { kind: 'syslog', text, severity }];
}

/**
 * The console of router `node` at cursor `t`. `blocks` are in the order typed; their times may
 * go back (the cursor was moved back before typing), which a note marks. `pingResult` gives a
 * ping's marks and result lines and when the current run has them.
 */
export function transcriptAt(
  node: string,
  stream: ConsoleStream,
  blocks: readonly ConsoleBlock[],
  t: number,
  pingResult: (ping: ConsolePing) => PendingOutput,
): Transcript {
  const lines: TerminalLine[] = [];
  let debug = DEBUG_OFF;
  let filter = { ...createConsole(node), debug };
  let printed = 0;
  let reloaded = false;
  let later: Printing[] = [];

  const setDebug = (flags: DebugFlags) => {
    debug = flags;
    filter = { ...filter, debug: flags };
  };
  /**
   * A mark goes on the line of the marks before it while that line is the last one and not
   * full; after a log line (or 70 marks) it starts a new line, as on a terminal.
   */
  const printMark = (printing: Printing, mark: string) => {
    const current = lines[printing.markLine];
    if (
      current !== undefined &&
      printing.markLine === lines.length - 1 &&
      current.text.length < MARKS_PER_LINE
    ) {
      lines[printing.markLine] = { kind: 'output', text: current.text + mark };
    } else {
      lines.push({ kind: 'output', text: mark });
      printing.markLine = lines.length - 1;
    }
  };
  const flushLater = (upToMs: number, inclusive: boolean) => {
    const due = (atMs: number) => (inclusive ? atMs <= upToMs : atMs < upToMs);
    for (const printing of later) {
      const { marks } = printing.output;
      for (let next = marks[printing.shown]; next && due(next.atMs); next = marks[printing.shown]) {
        printMark(printing, next.mark);
        printing.shown += 1;
      }
    }
    const done = later.filter(
      (printing) => printing.shown === printing.output.marks.length && due(printing.output.atMs),
    );
    if (done.length === 0) return;
    later = later.filter((printing) => !done.includes(printing));
    for (const { output } of done) {
      for (const text of output.lines) lines.push({ kind: 'output', text });
    }
  };
  /** Prints the stream up to record `limit` and the later output due by `atMs`. */
  const advance = (limit: number, atMs: number) => {
    for (; printed < limit; printed++) {
      const record = stream.records[printed] as StreamRecord;
      flushLater(record.atMs, false);
      if (record.kind === 'fault') {
        if (record.event === 'reload') {
          setDebug(DEBUG_OFF);
          reloaded = true;
        }
        lines.push(...streamLines(node, record));
      } else if (consoleShows(filter, record)) {
        lines.push(...streamLines(node, record));
      }
    }
    flushLater(atMs, true);
  };

  let lastBlockAtMs = 0;
  for (const block of blocks) {
    advance(Math.max(printed, shownBefore(stream, block.atMs, block.seenAtMs)), block.atMs);
    if (block.atMs < lastBlockAtMs) {
      lines.push({ kind: 'note', text: `cursor moved back to ${formatTime(block.atMs)}` });
    }
    lines.push(...block.lines);
    setDebug(block.debug);
    reloaded = false;
    if (block.ping) later.push({ output: pingResult(block.ping), shown: 0, markLine: -1 });
    lastBlockAtMs = block.atMs;
  }
  advance(Math.max(printed, countAtOrBefore(stream.times, t)), t);

  const kept = lines.length > SCROLLBACK_LINES ? lines.slice(-SCROLLBACK_LINES) : lines;
  return { lines: kept, debug, reloadedSinceLastBlock: reloaded, waiting: later.length };
}
