import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenario/parseScenario';
import { findPreset } from '../../scenario/presets';
import type { Scenario, TimelineEntry } from '../../scenario/types';
import { runningConfigAt } from './runningConfigAt';

const RECOVERY = 'crypto isakmp invalid-spi-recovery';

function blackHole(extra: TimelineEntry[] = []): Scenario {
  const preset = findPreset('reload-black-hole');
  if (!preset) throw new Error('no preset');
  const parsed = parseScenario({
    ...preset.document,
    timeline: [...(preset.document.timeline ?? []), ...extra],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.loaded.scenario;
}

function startupOf(scenario: Scenario, node: string): string {
  const router = scenario.nodes.find((n) => n.id === node);
  return router?.kind === 'router' ? router.config : '';
}

const recovery = (atMs: number): TimelineEntry => ({
  atMs,
  action: 'config',
  node: 'R2',
  lines: [RECOVERY],
});
const save = (atMs: number): TimelineEntry => ({
  atMs,
  action: 'exec',
  node: 'R2',
  command: 'write memory',
});

describe('runningConfigAt', () => {
  it('is the startup-config when nothing was typed', () => {
    const scenario = blackHole();
    const configs = runningConfigAt(scenario, 'R2', 600_000);
    expect(configs.runningConfig).toBe(startupOf(scenario, 'R2'));
    expect(configs.startupConfig).toBe(startupOf(scenario, 'R2'));
  });

  it('applies a config entry from its moment on, to the running-config only', () => {
    const scenario = blackHole([recovery(60_000)]);
    expect(runningConfigAt(scenario, 'R2', 59_999).runningConfig).not.toContain(RECOVERY);
    const at = runningConfigAt(scenario, 'R2', 60_000);
    expect(at.runningConfig).toContain(RECOVERY);
    expect(at.startupConfig).not.toContain(RECOVERY);
    expect(runningConfigAt(scenario, 'R1', 60_000).runningConfig).not.toContain(RECOVERY);
  });

  it('loses unsaved lines at a reload and keeps saved ones', () => {
    const unsaved = blackHole([recovery(60_000)]);
    expect(runningConfigAt(unsaved, 'R2', 119_999).runningConfig).toContain(RECOVERY);
    expect(runningConfigAt(unsaved, 'R2', 120_000).runningConfig).not.toContain(RECOVERY);

    const saved = blackHole([recovery(60_000), save(90_000)]);
    expect(runningConfigAt(saved, 'R2', 90_000).startupConfig).toContain(RECOVERY);
    expect(runningConfigAt(saved, 'R2', 300_000).runningConfig).toContain(RECOVERY);
  });

  it('takes entries at the same moment in document order', () => {
    const savedAfter = blackHole([recovery(60_000), save(60_000)]);
    expect(runningConfigAt(savedAfter, 'R2', 60_000).startupConfig).toContain(RECOVERY);
    const savedBefore = blackHole([save(60_000), recovery(60_000)]);
    expect(runningConfigAt(savedBefore, 'R2', 60_000).startupConfig).not.toContain(RECOVERY);
  });

  it('ignores write memory while the router boots (the engine does too)', () => {
    // R2 reloads at 2:00 and boots for 30 s.
    const scenario = blackHole([recovery(130_000), save(140_000), save(400_000)]);
    expect(runningConfigAt(scenario, 'R2', 140_000).startupConfig).not.toContain(RECOVERY);
    expect(runningConfigAt(scenario, 'R2', 400_000).startupConfig).toContain(RECOVERY);
  });

  it('leaves the config alone when the engine refuses the lines', () => {
    const scenario = blackHole([
      { atMs: 60_000, action: 'config', node: 'R2', lines: ['crypto isakmp keepalive 5000'] },
    ]);
    expect(runningConfigAt(scenario, 'R2', 60_000).runningConfig).toBe(startupOf(scenario, 'R2'));
  });

  it('has empty configs for a cloud or an unknown node', () => {
    const scenario = blackHole();
    expect(runningConfigAt(scenario, 'ISP', 0)).toEqual({ runningConfig: '', startupConfig: '' });
    expect(runningConfigAt(scenario, 'nope', 0)).toEqual({ runningConfig: '', startupConfig: '' });
  });
});
