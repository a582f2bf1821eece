// What the console's keys do, at the cursor: RETURN runs a line (and applies its effects to the
// scenario), `?` prints help, Tab completes, Up/Down recall, Ctrl-Z ends configuration mode.
// Each reads the stores when called; the component only passes the line being edited.

import {
  type ConsoleContext,
  type ConsoleState,
  complete,
  help,
  historyAt,
  prompt,
  runLine,
} from '../../console';
import type { Run } from '../../sim/run';
import type { RouterView } from '../../sim/snapshot';
import {
  abortConsolePing,
  applyConsoleEffects,
  type ConsolePing,
} from '../../store/consoleActions';
import { useSimStore } from '../../store/simStore';
import { frameFor } from '../../store/useFrame';
import { consoleContext } from './consoleContext';
import { pingHeader, pingOutcome } from './consolePing';
import { type ConsoleSession, currentState, saveSession, sessionOf } from './consoleSessions';
import { type ConsoleStream, consoleStream } from './consoleStream';
import {
  type ConsoleBlock,
  type PendingOutput,
  seenAt,
  type TerminalLine,
  transcriptAt,
} from './transcript';

/** `*Mar  1 00:02:30.020: %SYS-5-CONFIG_I: …` as a command prints it: shown like the log. */
const LOG_LINE = /^\*[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d\.\d{3}: %[A-Z0-9_]+-([0-7])-/;

/** One line of IOS's answer, coloured as a syslog line when it is one. */
export function outputLine(text: string): TerminalLine {
  const severity = LOG_LINE.exec(text)?.[1];
  return severity === undefined
    ? { kind: 'output', text }
    : { kind: 'syslog', text, severity: Number(severity) };
}

/** Everything a key needs about `node` at the cursor; null without a run or that router. */
interface AtCursor {
  readonly run: Run;
  readonly t: number;
  readonly scenario: object;
  readonly view: RouterView;
  readonly stream: ConsoleStream;
  readonly session: ConsoleSession;
  /** The CLI state the next line runs in. */
  readonly state: ConsoleState;
}

/** The ping marks and success line of `run`, for transcriptAt (each worked out once per run). */
export function pingResultIn(run: Run): (ping: ConsolePing) => PendingOutput {
  const results = new WeakMap<ConsolePing, PendingOutput>();
  return (ping) => {
    let result = results.get(ping);
    if (!result) {
      const outcome = pingOutcome(run, ping);
      result = { marks: outcome.echoes, atMs: outcome.doneAtMs, lines: [outcome.summary] };
      results.set(ping, result);
    }
    return result;
  };
}

/** The ping of `blocks` still running at `t` (the console holds its prompt meanwhile), if any. */
export function runningPingAt(
  blocks: readonly ConsoleBlock[],
  t: number,
  pingResult: (ping: ConsolePing) => PendingOutput,
): { readonly index: number; readonly ping: ConsolePing } | null {
  let index = blocks.length - 1;
  while (index >= 0 && blocks[index]?.ping === null) index -= 1;
  const ping = blocks[index]?.ping;
  if (!ping || t < ping.startMs || t >= pingResult(ping).atMs) return null;
  return { index, ping };
}

function atCursor(node: string): AtCursor | null {
  const { run, t, baselineConfigs } = useSimStore.getState();
  if (!run) return null;
  const view = frameFor(run, t).routers.find((candidate) => candidate.node === node);
  if (!view) return null;
  const stream = consoleStream(run, node);
  const session = sessionOf(baselineConfigs, node);
  const transcript = transcriptAt(node, stream, session.blocks, t, pingResultIn(run));
  const state = currentState(session, transcript);
  return { run, t, scenario: baselineConfigs, view, stream, session, state };
}

function context(cursor: AtCursor): ConsoleContext {
  return consoleContext(cursor.run, cursor.view, cursor.t);
}

/** Appends a block typed now (before any effect of it changes the run). */
function blockAt(
  cursor: AtCursor,
  lines: TerminalLine[],
  state: ConsoleState,
  ping: ConsoleBlock['ping'] = null,
): ConsoleBlock {
  const atMs = Math.round(cursor.t);
  return { atMs, seenAtMs: seenAt(cursor.stream, atMs, cursor.t), lines, debug: state.debug, ping };
}

function append(cursor: AtCursor, node: string, block: ConsoleBlock, state: ConsoleState): void {
  saveSession(cursor.scenario, node, { state, blocks: [...cursor.session.blocks, block] });
}

/** The prompt and line as the terminal echoes them. */
function echo(cursor: AtCursor, line: string): TerminalLine {
  return { kind: 'echo', text: prompt(cursor.state, cursor.view.hostname) + line };
}

/**
 * Ctrl+Shift+6, IOS's escape sequence: aborts the ping running at the cursor, whose success line
 * then counts the echoes that ended before. Returns false when no ping is running.
 */
export function abortPing(node: string): boolean {
  const cursor = atCursor(node);
  if (!cursor) return false;
  const running = runningPingAt(cursor.session.blocks, cursor.t, pingResultIn(cursor.run));
  if (!running) return false;
  const aborted = abortConsolePing(running.ping, Math.round(cursor.t));
  if (!aborted) return false;
  const blocks = cursor.session.blocks.map((block, index) =>
    index === running.index ? { ...block, ping: aborted } : block,
  );
  saveSession(cursor.scenario, node, { state: cursor.session.state, blocks });
  return true;
}

/** RETURN: runs `line` on router `node` at the cursor and applies what it does. */
export function typeLine(node: string, line: string): void {
  const cursor = atCursor(node);
  if (!cursor) return;
  // IOS reads no command while a ping runs: the line waits for it to end (or Ctrl+Shift+6).
  if (runningPingAt(cursor.session.blocks, cursor.t, pingResultIn(cursor.run))) return;
  if (cursor.view.power === 'booting') {
    const note: TerminalLine = {
      kind: 'note',
      text: `${node} is booting: IOS is not up yet, "${line}" was not run`,
    };
    append(cursor, node, blockAt(cursor, [note], cursor.state), cursor.state);
    return;
  }
  const ctx = context(cursor);
  const result = runLine(cursor.state, line, ctx);
  const lines: TerminalLine[] = [echo(cursor, line), ...result.output.map(outputLine)];
  const before = blockAt(cursor, lines, result.state);
  const { pings } = applyConsoleEffects(node, result.effects, ctx.runningConfig);
  let ping: ConsoleBlock['ping'] = null;
  for (const started of pings) {
    if (started.ok) {
      ping = started.ping;
      lines.push(...pingHeader(started.ping).map(outputLine));
    } else {
      lines.push({ kind: 'note', text: `ping not started: ${started.message}` });
    }
  }
  append(cursor, node, { ...before, lines, ping }, result.state);
}

/** `?`: the help for the line typed so far (the line stays in the input). */
export function askHelp(node: string, partialLine: string): void {
  const cursor = atCursor(node);
  if (!cursor || cursor.view.power === 'booting') return;
  const lines = [
    echo(cursor, `${partialLine}?`),
    ...help(cursor.state, partialLine, context(cursor)).map(outputLine),
  ];
  append(cursor, node, blockAt(cursor, lines, cursor.state), cursor.state);
}

/** Tab: the line with its last word completed, or null when IOS would leave it alone. */
export function completeLine(node: string, partialLine: string): string | null {
  const cursor = atCursor(node);
  return cursor ? complete(cursor.state, partialLine, context(cursor)) : null;
}

/** Up/Down: the line `back` steps up the history (1: the last one), or null. */
export function recallLine(node: string, back: number): string | null {
  const cursor = atCursor(node);
  return cursor ? historyAt(cursor.state, back) : null;
}

/** Whether Ctrl-Z means something now: only in configuration modes. */
export function inConfigMode(state: ConsoleState): boolean {
  return state.pending === null && state.mode !== 'exec' && state.mode !== 'user-exec';
}

/**
 * Ctrl-Z: in a configuration mode, runs the line typed so far (if any), then `end`, echoed as
 * IOS does (`R1(config)#^Z`). Returns false (nothing done) outside configuration modes.
 */
export function ctrlZ(node: string, partialLine: string): boolean {
  const cursor = atCursor(node);
  if (!cursor || cursor.view.power === 'booting' || !inConfigMode(cursor.state)) return false;
  if (partialLine.trim() !== '') typeLine(node, partialLine);
  const after = atCursor(node);
  if (!after || !inConfigMode(after.state)) return true;
  const ended = runLine(after.state, 'end', context(after));
  // Ctrl-Z is a key, not a line: it does not go into the history.
  const state = { ...ended.state, history: after.state.history };
  const lines = [echo(after, '^Z'), ...ended.output.map(outputLine)];
  append(after, node, blockAt(after, lines, state), state);
  return true;
}
