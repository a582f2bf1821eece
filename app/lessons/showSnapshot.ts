// What a lesson step's `show` snapshot prints: each router's console output for the step's
// commands at the cursor, with the console's own runner, so that it is what the studio's console
// would print at that moment. Pure.

import { createConsole, prompt, runLine } from '../console';
import { frameAt } from '../sim/frame';
import type { Run } from '../sim/run';
import { consoleContext } from '../views/console/consoleContext';
import type { ShowSnapshot } from './types';

export interface ShownCommand {
  /** `R1#show crypto isakmp sa`: the prompt and the command as typed. */
  echo: string;
  output: readonly string[];
}

export interface ShownRouter {
  node: string;
  commands: ShownCommand[];
}

/** The output of `snapshots` at virtual time `t` of `run` (a router absent then shows none). */
export function showOutputs(
  run: Run,
  t: number,
  snapshots: readonly ShowSnapshot[],
  frame = frameAt(run, t),
): ShownRouter[] {
  return snapshots.map(({ node, commands }) => {
    const view = frame.routers.find((candidate) => candidate.node === node);
    if (view === undefined) return { node, commands: [] };
    const context = consoleContext(run, view, t);
    let state = createConsole(node);
    const shown = commands.map((command) => {
      const echo = `${prompt(state, context.hostname)}${command}`;
      const result = runLine(state, command, context);
      state = result.state;
      return { echo, output: result.output };
    });
    return { node, commands: shown };
  });
}
