// Pure. A router's running- and startup-config at a moment of the scenario, replayed from its
// startup-config and its timeline the way the engine's Router applies them (router.ts):
//   config        → the lines are applied to the running-config, all or nothing;
//   write memory  → the startup-config becomes the running-config (ignored while booting);
//   reload        → the running-config goes back to the startup-config; booting for bootMs.

import { applyConfigLines } from '../../ios/applyConfigLines';
import { parseIosConfig } from '../../ios/parseConfig';
import type { Scenario } from '../../scenario/types';

export interface RouterConfigs {
  /** What `show running-config` shows. */
  readonly runningConfig: string;
  /** What `show startup-config` shows, and what a reload restores. */
  readonly startupConfig: string;
}

/** The configuration `lines` leave, or null when the engine refuses them (then nothing changes). */
function configured(running: string, lines: readonly string[]): string | null {
  const applied = applyConfigLines(running, [...lines]);
  if (applied.errors.length > 0) return null;
  const parsed = parseIosConfig(applied.text);
  return parsed.diagnostics.some((d) => d.severity === 'error') ? null : applied.text;
}

/**
 * `node`'s configs once every timeline entry at or before `atMs` has happened. Entries at the
 * same moment apply in document order (the schema sorts the timeline stably). An unknown node
 * or a cloud has empty configs.
 */
export function runningConfigAt(
  scenario: Pick<Scenario, 'nodes' | 'timeline'>,
  node: string,
  atMs: number,
): RouterConfigs {
  const router = scenario.nodes.find((candidate) => candidate.id === node);
  if (router?.kind !== 'router') return { runningConfig: '', startupConfig: '' };
  let startupConfig = router.config;
  let runningConfig = router.config;
  /** While the router boots it does not run EXEC commands (Router.exec checks its power). */
  let bootedAtMs = 0;
  const entries = scenario.timeline
    .map((entry, order) => ({ entry, order }))
    .filter(({ entry }) => entry.atMs <= atMs && 'node' in entry && entry.node === node)
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
        break;
    }
  }
  return { runningConfig, startupConfig };
}
