// Test-only: a router console over a real simulation run, and a driver that types lines and
// returns the transcript as a terminal would show it. Config and `write memory` effects are
// applied to the context the way the app applies them, so later lines see them.

import { applyConfigLines } from '../ios/applyConfigLines';
import { parseIosConfig } from '../ios/parseConfig';
import { parseScenario } from '../scenario/parseScenario';
import { findPreset } from '../scenario/presets';
import { simulate } from '../sim';
import { prompt } from './prompt';
import { runLine } from './runLine';
import { createConsole } from './session';
import type { ConsoleContext, ConsoleEffect, ConsoleState } from './types';

const contexts = new Map<string, ConsoleContext>();

/** What `node` shows `untilMs` into preset `presetId` (default: one minute of the baseline). */
export function routerContext(
  node = 'R1',
  presetId = 'baseline',
  untilMs = 60_000,
): ConsoleContext {
  const key = `${presetId} ${node} ${untilMs}`;
  const cached = contexts.get(key);
  if (cached !== undefined) return cached;
  const context = simulatedContext(node, presetId, untilMs);
  contexts.set(key, context);
  return context;
}

function simulatedContext(node: string, presetId: string, untilMs: number): ConsoleContext {
  const preset = findPreset(presetId);
  if (preset === undefined) throw new Error(`no preset ${presetId}`);
  const parsed = parseScenario(preset.document);
  if (!parsed.ok) throw new Error(`preset ${presetId} does not load`);
  const { views, records } = simulate(parsed.loaded, { untilMs });
  const view = views.find((candidate) => candidate.node === node);
  const router = parsed.loaded.scenario.nodes.find((candidate) => candidate.id === node);
  if (view === undefined || router?.kind !== 'router') throw new Error(`no router ${node}`);
  return {
    hostname: view.hostname,
    view,
    runningConfig: router.config,
    startupConfig: router.config,
    logging: records.flatMap((record) =>
      record.kind === 'syslog' && record.node === node ? [record] : [],
    ),
    nowMs: untilMs,
  };
}

export interface Session {
  state: ConsoleState;
  context: ConsoleContext;
  effects: ConsoleEffect[];
}

export function openSession(context: ConsoleContext = routerContext()): Session {
  return { state: createConsole(context.view.node), context, effects: [] };
}

function applied(context: ConsoleContext, effect: ConsoleEffect): ConsoleContext {
  if (effect.kind === 'config') {
    const runningConfig = applyConfigLines(context.runningConfig, effect.lines).text;
    return { ...context, runningConfig, hostname: parseIosConfig(runningConfig).config.hostname };
  }
  if (effect.kind === 'exec' && effect.command === 'write memory') {
    return { ...context, startupConfig: context.runningConfig };
  }
  return context;
}

/** Types each line and returns what the terminal shows: `prompt + line`, then the output. */
export function type(session: Session, ...lines: string[]): string[] {
  return lines.flatMap((line) => {
    const echo = prompt(session.state, session.context.hostname) + line;
    const result = runLine(session.state, line, session.context);
    session.state = result.state;
    session.effects.push(...result.effects);
    session.context = result.effects.reduce(applied, session.context);
    return [echo, ...result.output];
  });
}
