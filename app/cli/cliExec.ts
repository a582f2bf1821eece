// `--at <time> --exec "<router>: <command>"`: commands typed at a router's console at one moment
// of the run, with the console's own runner (app/console), so that the output is what the app's
// console shows at that cursor. One console session per router, opened as the app opens it
// (`R1#`), runs that router's commands in the order given: `disable`, `terminal monitor` or a
// pending question carry over to the next command.
//
// The runner only reads: a command that would change the run (configuration lines, `write
// memory`, `reload`, `clear`, `ping`) is refused, as its effect belongs in the scenario's timeline.

import { type ConsoleEffect, type ConsoleState, createConsole, prompt, runLine } from '../console';
import { parseIosConfig } from '../ios/parseConfig';
import type { LoadedScenario } from '../scenario/types';
import { frameAt } from '../sim/frame';
import { RunBuilder } from '../sim/run';
import { formatTime } from '../trace/formatText';
import { consoleContext } from '../views/console/consoleContext';

/** One `--exec` argument, parsed: which router and the line as typed. */
export interface ExecRequest {
  /** The router as named on the command line: its node id or its hostname. */
  readonly router: string;
  readonly line: string;
}

/** What one command printed. */
export interface ExecOutput {
  readonly atMs: number;
  /** The router's node id. */
  readonly node: string;
  /** The prompt the console showed before the line (`R1#`, `R1>`). */
  readonly prompt: string;
  /**
   * The line as typed, without surrounding blanks: what the console echoes after the prompt.
   * IOS echoes what was typed; it does not spell abbreviations out (`sh cry isa sa` stays so).
   */
  readonly command: string;
  /** The lines the console printed after the echo. */
  readonly output: readonly string[];
}

/** `R1: show crypto isakmp sa` → router and line; null when there is no `router:` part. */
export function parseExecArg(text: string): ExecRequest | null {
  const colon = text.indexOf(':');
  if (colon <= 0) return null;
  const router = text.slice(0, colon).trim();
  const line = text.slice(colon + 1).trim();
  return router === '' || line === '' ? null : { router, line };
}

/** What an effect would change in the run, for the refusal; null when it changes nothing. */
function changeOf(effect: ConsoleEffect): string | null {
  switch (effect.kind) {
    case 'debug':
      return null;
    case 'config':
      return 'configures the router';
    case 'exec':
      return `runs ${effect.command}`;
    case 'reload':
      return 'reloads the router';
    case 'ping':
      return 'sends a ping';
  }
}

/**
 * Runs `requests` at `atMs` of `loaded`'s run (atMs within the run). Errors name the argument:
 * an unknown router (the routers are listed), a command that would change the run.
 */
export function runExecs(
  loaded: LoadedScenario,
  atMs: number,
  requests: readonly ExecRequest[],
): { outputs: ExecOutput[] } | { errors: string[] } {
  const routers = loaded.scenario.nodes.flatMap((node) =>
    node.kind === 'router'
      ? [{ id: node.id, hostname: parseIosConfig(node.config).config.hostname }]
      : [],
  );
  const nodeOf = (name: string) =>
    routers.find((node) => node.id === name) ?? routers.find((node) => node.hostname === name);
  const errors = requests.flatMap(({ router, line }) =>
    nodeOf(router) === undefined
      ? [
          `--exec "${router}: ${line}": no router ${router} (routers: ${routers.map((node) => node.id).join(', ')})`,
        ]
      : [],
  );
  if (errors.length > 0) return { errors };

  const run = new RunBuilder(loaded).extendTo(atMs);
  const frame = frameAt(run, atMs);
  const sessions = new Map<string, ConsoleState>();
  const outputs: ExecOutput[] = [];
  for (const { router, line } of requests) {
    const node = nodeOf(router)?.id as string;
    const view = frame.routers.find((candidate) => candidate.node === node);
    if (view === undefined) {
      errors.push(`--exec "${router}: ${line}": ${node} has no console at this moment`);
      continue;
    }
    const context = consoleContext(run, view, atMs);
    const state = sessions.get(node) ?? createConsole(node);
    const result = runLine(state, line, context);
    const change = result.effects.map(changeOf).find((text) => text !== null);
    if (change) {
      errors.push(
        `--exec "${router}: ${line}": ${change}; the runner only reads the routers (put this in the scenario's timeline)`,
      );
      continue;
    }
    sessions.set(node, result.state);
    outputs.push({
      atMs,
      node,
      prompt: prompt(state, context.hostname),
      command: line,
      output: result.output,
    });
  }
  return errors.length > 0 ? { errors } : { outputs };
}

/**
 * The lines printed after the trace. text: a `! console at <time>` header, then per command a
 * blank line, the echo (`R1#show crypto isakmp sa`) and the output. jsonl: one
 * `{"kind":"exec","atMs","node","command","output"}` object per command, output joined by `\n`.
 */
export function execLines(outputs: readonly ExecOutput[], format: 'text' | 'jsonl'): string[] {
  if (format === 'jsonl') {
    return outputs.map(({ atMs, node, command, output }) =>
      JSON.stringify({ kind: 'exec', atMs, node, command, output: output.join('\n') }),
    );
  }
  const first = outputs[0];
  if (first === undefined) return [];
  return [
    '',
    `! console at ${formatTime(first.atMs)}`,
    ...outputs.flatMap(({ prompt: shown, command, output }) => [
      '',
      `${shown}${command}`,
      ...output,
    ]),
  ];
}
