// What one router's console shows at the cursor: the transcript (recomputed only when a line is
// typed, the run changes, or the cursor passes a line of this router), the prompt, and the ping
// still waiting for the cursor.

import { useMemo } from 'react';
import { type ConsoleState, prompt } from '../../console';
import { countAtOrBefore, type Run } from '../../sim/run';
import type { RouterView } from '../../sim/snapshot';
import type { ConsolePing } from '../../store/consoleActions';
import { useSimStore } from '../../store/simStore';
import { pingResultIn } from './consoleCommands';
import { type PingMark, pingMarksAt } from './consolePing';
import { currentState, freshSession, storedSession, useConsoleStore } from './consoleSessions';
import { consoleStream } from './consoleStream';
import { type Transcript, transcriptAt } from './transcript';

export interface RunningPing {
  readonly ping: ConsolePing;
  readonly marks: PingMark[];
}

export interface ConsoleView {
  readonly transcript: Transcript;
  readonly state: ConsoleState;
  /** The prompt before the input: '' while the router boots. */
  readonly promptText: string;
  readonly booting: boolean;
  /** The last ping typed, while the cursor has not reached its end. */
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

  // The transcript changes only when the cursor passes a stream record or a ping's end.
  const passed = countAtOrBefore(stream.times, t);
  const lastPing = [...session.blocks].reverse().find((block) => block.ping !== null)?.ping ?? null;
  const lastPingDoneAtMs = lastPing ? pingResult(lastPing).atMs : null;
  const pingsDone = session.blocks.filter(
    (block) => block.ping !== null && pingResult(block.ping).atMs <= t,
  ).length;
  // biome-ignore lint/correctness/useExhaustiveDependencies: t matters only through passed and pingsDone
  const transcript = useMemo(
    () => transcriptAt(node, stream, session.blocks, t, pingResult),
    [node, stream, session.blocks, passed, pingsDone, pingResult],
  );

  const state = currentState(session, transcript);
  const booting = view.power === 'booting';
  const runningPing =
    lastPing && lastPingDoneAtMs !== null && t < lastPingDoneAtMs && t >= lastPing.startMs
      ? { ping: lastPing, marks: pingMarksAt(run, lastPing, t) }
      : null;
  return {
    transcript,
    state,
    promptText: booting ? '' : prompt(state, view.hostname),
    booting,
    runningPing,
  };
}
