// Pure. A router's running- and startup-config at a moment of the scenario, replayed from its
// startup-config and its timeline the way the engine's Router applies them (router.ts):
//   config        → the lines are applied to the running-config, all or nothing;
//   write memory  → the startup-config becomes the running-config (ignored while booting);
//   reload        → the running-config goes back to the startup-config; booting for bootMs.
// An entry at the very ms a boot ends finds the router up: the engine runs the actions of a
// millisecond after its own events, the boot among them (agenda.ts).
// The console reads it, and the remedy toggles show the features of the running-config at the
// cursor, wherever its lines were typed (console, timeline) and whatever a reload undid.

import { applyConfigLines } from '../../ios/applyConfigLines';
import { parseIosConfig } from '../../ios/parseConfig';
import type { RouterConfig } from '../../ios/types';
import type { LoadedScenario, Scenario } from '../../scenario/types';
import { lastAtOrBefore, type Run } from '../run';

export interface RouterConfigs {
  /** What `show running-config` shows. */
  readonly runningConfig: string;
  /** What `show startup-config` shows, and what a reload restores. */
  readonly startupConfig: string;
}

/** The configs after one timeline entry (or at power-on, atMs 0). */
interface ConfigStep extends RouterConfigs {
  atMs: number;
  /** The running-config parsed, once asked for. */
  parsed?: RouterConfig;
}

type ScenarioPart = Pick<Scenario, 'nodes' | 'timeline'>;

/** The configuration `lines` leave, or null when the engine refuses them (then nothing changes). */
function configured(running: string, lines: readonly string[]): string | null {
  const applied = applyConfigLines(running, [...lines]);
  if (applied.errors.length > 0) return null;
  const parsed = parseIosConfig(applied.text);
  return parsed.diagnostics.some((d) => d.severity === 'error') ? null : applied.text;
}

/**
 * `node`'s configs at power-on and after each of its timeline entries, in time order. Entries at
 * the same moment apply in document order (the schema sorts the timeline stably). An unknown
 * node or a cloud has empty configs.
 */
function configSteps(scenario: ScenarioPart, node: string, untilMs: number): ConfigStep[] {
  const router = scenario.nodes.find((candidate) => candidate.id === node);
  if (router?.kind !== 'router') return [{ atMs: 0, runningConfig: '', startupConfig: '' }];
  let startupConfig = router.config;
  let runningConfig = router.config;
  const steps: ConfigStep[] = [{ atMs: 0, runningConfig, startupConfig }];
  /** While the router boots it does not run EXEC commands (Router.exec checks its power). */
  let bootedAtMs = 0;
  const entries = scenario.timeline
    .map((entry, order) => ({ entry, order }))
    .filter(({ entry }) => entry.atMs <= untilMs && 'node' in entry && entry.node === node)
    .sort((a, b) => a.entry.atMs - b.entry.atMs || a.order - b.order);
  for (const { entry } of entries) {
    switch (entry.action) {
      case 'config':
        runningConfig = configured(runningConfig, entry.lines) ?? runningConfig;
        break;
      case 'exec':
        if (entry.command === 'write memory' && entry.atMs >= bootedAtMs) {
          startupConfig = runningConfig;
        }
        break;
      case 'reload':
        runningConfig = startupConfig;
        bootedAtMs = entry.atMs + router.bootMs;
        break;
      default:
        continue;
    }
    steps.push({ atMs: entry.atMs, runningConfig, startupConfig });
  }
  return steps;
}

/** `node`'s configs once every timeline entry at or before `atMs` has happened. */
export function runningConfigAt(scenario: ScenarioPart, node: string, atMs: number): RouterConfigs {
  const { runningConfig, startupConfig } = configSteps(scenario, node, atMs).at(-1) as ConfigStep;
  return { runningConfig, startupConfig };
}

const histories = new WeakMap<LoadedScenario, Map<string, ConfigStep[]>>();

function history(run: Run, node: string): ConfigStep[] {
  let byNode = histories.get(run.loaded);
  if (!byNode) {
    byNode = new Map();
    histories.set(run.loaded, byNode);
  }
  let steps = byNode.get(node);
  if (!steps) {
    steps = configSteps(run.loaded.scenario, node, Number.POSITIVE_INFINITY);
    (steps[0] as ConfigStep).parsed = run.loaded.startupConfigs[node];
    byNode.set(node, steps);
  }
  return steps;
}

/** runningConfigAt for a run's scenario, replayed once per run and router. */
export function configsAt(run: Run, node: string, atMs: number): RouterConfigs {
  const step = lastAtOrBefore(history(run, node), atMs) as ConfigStep;
  return { runningConfig: step.runningConfig, startupConfig: step.startupConfig };
}

/**
 * The running-config at `atMs`, parsed: the same object for as long as it does not change, so a
 * view can memoise on it. Undefined for a cloud or an unknown node.
 */
export function runningRouterConfigAt(
  run: Run,
  node: string,
  atMs: number,
): RouterConfig | undefined {
  if (run.loaded.startupConfigs[node] === undefined) return undefined;
  const step = lastAtOrBefore(history(run, node), atMs) as ConfigStep;
  step.parsed ??= parseIosConfig(step.runningConfig).config;
  return step.parsed;
}
