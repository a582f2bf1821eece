// The app's progressive runs: a scenario is shown after its first slice and computed on in the
// background; moving the cursor computes up to it first. Timers are faked: no waiting.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseScenario } from '../scenario/parseScenario';
import { findPreset } from '../scenario/presets';
import { buildRun, isComplete, type Run } from '../sim/run';
import { inject, loadPreset, play, seek, stepForward, tick } from './actions';
import { enableBackgroundRuns } from './runProgress';
import { INITIAL_STATE, useSimStore } from './simStore';

const state = () => useSimStore.getState();
const run = (): Run => {
  const current = state().run;
  if (!current) throw new Error('no run');
  return current;
};

function wholeRun(id: string): Run {
  const parsed = parseScenario(findPreset(id)?.document);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return buildRun(parsed.loaded);
}

enableBackgroundRuns();

describe('progressive runs', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    useSimStore.setState(INITIAL_STATE, true);
    loadPreset('reload-black-hole');
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("shows the cursor's moment at once and computes the rest in the background", () => {
    expect(run().computedUntilMs).toBe(0);
    expect(run().records.every((record) => record.atMs === 0)).toBe(true);
    vi.advanceTimersToNextTimer();
    expect(run().computedUntilMs).toBeGreaterThan(0); // the first slice is shown at once
    vi.runAllTimers();
    expect(isComplete(run())).toBe(true);
    expect(run().records).toEqual(wholeRun('reload-black-hole').records);
  });

  it('computes up to the cursor before showing it: seek, step, play', () => {
    seek(400_000);
    expect(state().t).toBe(400_000);
    expect(run().computedUntilMs).toBeGreaterThanOrEqual(400_000);

    const whole = wholeRun('reload-black-hole');
    const nextAfter = whole.records.find((r) => r.atMs > 400_000 && r.kind !== 'debug')?.atMs;
    stepForward();
    expect(state().t).toBe(nextAfter);
    expect(run().computedUntilMs).toBeGreaterThanOrEqual(state().t);

    play();
    for (let frame = 0; frame < 30; frame++) {
      tick(16);
      expect(state().t).toBeLessThanOrEqual(run().computedUntilMs);
    }
  });

  it('acting at the cursor recomputes from the start up to the cursor at least', () => {
    seek(200_000);
    inject({ action: 'reload', node: 'R1' });
    expect(run().computedUntilMs).toBeGreaterThanOrEqual(200_000);
    expect(state().t).toBe(200_000);
    vi.runAllTimers();
    const reloads = run().records.filter((r) => r.kind === 'fault' && r.event === 'reload');
    expect(reloads.map((r) => `${r.kind === 'fault' ? r.node : ''}@${r.atMs}`)).toContain(
      'R1@200000',
    );
  });

  it('a newly loaded scenario stops the computing of the one before', () => {
    loadPreset('baseline');
    vi.runAllTimers();
    expect(state().presetId).toBe('baseline');
    expect(run().loaded.scenario.title).toBe(findPreset('baseline')?.document.title);
    expect(isComplete(run())).toBe(true);
  });
});
