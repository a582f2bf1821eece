// What one router's console shows at the cursor: the transcript (recomputed only when a line is
// typed, the run changes, or the cursor passes a line of this router or a ping's mark), the
// prompt, and the ping still running at the cursor.

import { useMemo } from 'react';
import { type ConsoleState, prompt } from '../../console';
import { countAtOrBefore, type Run } from '../../sim/run';
import type { RouterView } from '../../sim/snapshot';
import type { ConsolePing } from '../../store/consoleActions';
import { useSimStore } from '../../store/simStore';
import { pingResultIn, runningPingAt } from './consoleCommands';
import type { PingMark } from './consolePing';
import { currentState, freshSession, storedSession, useConsoleStore } from './consoleSessions';
import { consoleStream } from './consoleStream';
import { type Transcript, transcriptAt } from './transcript';

export interface RunningPing {
  readonly ping: ConsolePing;
  /** The marks printed so far. */
  readonly marks: PingMark[];
}

export interface ConsoleView {
  readonly transcript: Transcript;
  readonly state: ConsoleState;
  /** The prompt before the input: '' while the router boots or a ping holds the line. */
  readonly promptText: string;
  readonly booting: boolean;
  /** The ping still running at the cursor: IOS holds the prompt until it ends. */
  readonly runningPing: RunningPing | null;
}

export function useConsoleView(run: Run, view: RouterView): ConsoleView {
  const node = view.node;
  const t = useSimStore((s) => s.t);
  const scenario = useSimStore((s) => s.baselineConfigs);
  const stored = useConsoleStore((s) => storedSession(s, scenario, node));
  const session = useMemo(() => stored ?? freshSession(node), [stored, node]);
  const stream = consoleStream(run, node);
  const pingResult = useMemo(() => pingResultIn(run), [run]);

  // The transcript changes only when the cursor passes a stream record, a ping's mark or its end.
  const passed = countAtOrBefore(stream.times, t);
  const running = runningPingAt(session.blocks, t, pingResult);
  const marksPassed = running
    ? pingResult(running.ping).marks.filter((echo) => echo.atMs <= t).length
    : 0;
  const pingsDone = session.blocks.filter(
    (block) => block.ping !== null && pingResult(block.ping).atMs <= t,
  ).length;
  // biome-ignore lint/correctness/useExhaustiveDependencies: t matters only through passed, marksPassed and pingsDone
  const transcript = useMemo(
    () => transcriptAt(node, stream, session.blocks, t, pingResult),
    [node, stream, session.blocks, passed, marksPassed, pingsDone, pingResult],
  );

  const state = currentState(session, transcript);
  const booting = view.power === 'booting';
  const runningPing = running
    ? {
        ping: running.ping,
        marks: pingResult(running.ping)
          .marks.filter((echo) => echo.atMs <= t)
          .map((echo) => echo.mark as PingMark),
      }
    : null;
  return {
    transcript,
    state,
    promptText: booting || runningPing ? '' : prompt(state, view.hostname),
    booting,
    runningPing,
  };
}
