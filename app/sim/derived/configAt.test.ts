import { describe, expect, it } from 'vitest';
import { featureHolds, featureState } from '../../scenario/features';
import { parseScenario } from '../../scenario/parseScenario';
import { findPreset } from '../../scenario/presets';
import type { LoadedScenario, Scenario, TimelineEntry } from '../../scenario/types';
import { buildRun } from '../run';
import { Simulation } from '../simulate';
import { configsAt, runningConfigAt, runningRouterConfigAt } from './configAt';

const RECOVERY = 'crypto isakmp invalid-spi-recovery';

function blackHoleLoaded(extra: TimelineEntry[]): LoadedScenario {
  const preset = findPreset('reload-black-hole');
  if (!preset) throw new Error('no preset');
  const parsed = parseScenario({
    ...preset.document,
    timeline: [...(preset.document.timeline ?? []), ...extra],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.loaded;
}

function blackHole(extra: TimelineEntry[] = []): Scenario {
  return blackHoleLoaded(extra).scenario;
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

  it('counts a write memory typed at the very ms the boot ends, as the engine does', () => {
    // R2 is back at 2:30: an action at that moment sees the router up.
    const loaded = blackHoleLoaded([recovery(150_000), save(150_000)]);
    expect(runningConfigAt(loaded.scenario, 'R2', 149_999).runningConfig).not.toContain(RECOVERY);
    expect(runningConfigAt(loaded.scenario, 'R2', 150_000).startupConfig).toContain(RECOVERY);
    const engine = new Simulation(loaded);
    engine.runUntil(150_000);
    expect(engine.routers.get('R2')?.startupText).toContain(RECOVERY);
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

describe('configsAt and runningRouterConfigAt (a run’s configs, replayed once)', () => {
  const document = findPreset('reload-black-hole')?.document;
  const parsed = parseScenario({
    ...document,
    timeline: [
      ...(document?.timeline ?? []),
      { atMs: 60_000, action: 'config', node: 'R2', lines: ['crypto isakmp keepalive 20 3'] },
      recovery(70_000),
      save(80_000),
      { atMs: 90_000, action: 'config', node: 'R2', lines: ['no crypto isakmp keepalive'] },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const run = buildRun(parsed.loaded);
  const featuresAt = (t: number) => {
    const config = runningRouterConfigAt(run, 'R2', t);
    if (!config) throw new Error('no config');
    return featureState(config);
  };

  it('gives what runningConfigAt replays, at every moment', () => {
    for (const t of [0, 59_999, 60_000, 75_000, 80_000, 95_000, 119_999, 120_000, 600_000]) {
      expect(configsAt(run, 'R2', t)).toEqual(runningConfigAt(parsed.loaded.scenario, 'R2', t));
    }
    expect(configsAt(run, 'ISP', 100_000)).toEqual({ runningConfig: '', startupConfig: '' });
  });

  it('parses the running-config once per change, the startup-config being the loaded one', () => {
    expect(runningRouterConfigAt(run, 'R2', 0)).toBe(parsed.loaded.startupConfigs.R2);
    const dpd = runningRouterConfigAt(run, 'R2', 60_000);
    expect(runningRouterConfigAt(run, 'R2', 65_000)).toBe(dpd);
    expect(dpd?.isakmpKeepalive).toMatchObject({ seconds: 20, retrySec: 3 });
    expect(runningRouterConfigAt(run, 'ISP', 60_000)).toBeUndefined();
  });

  it('is what the remedies show: saved lines survive the reload, unsaved ones do not', () => {
    expect(featuresAt(75_000)).toMatchObject({ invalidSpiRecovery: true, idleTimeSec: null });
    expect(featuresAt(75_000).keepalive).toMatchObject({ seconds: 20, retrySec: 3 });
    // Saved at 80 s with DPD on; DPD removed at 90 s without saving; the reload at 120 s
    // restores the saved config: DPD on again, recovery on.
    expect(featuresAt(95_000).keepalive).toBeNull();
    expect(featuresAt(120_000)).toMatchObject({ invalidSpiRecovery: true });
    expect(featureHolds(featuresAt(120_000), { feature: 'keepalive', value: null })).toBe(false);
  });
});
