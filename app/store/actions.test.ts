import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findPreset, PRESETS } from '../scenario/presets';
import { presetTitle } from '../scenario/presets/catalog';
import { loadPresets, presetLibrary, registerPresets } from '../scenario/presets/library';
import type { ScenarioDocument } from '../scenario/schema';
import {
  faster,
  inject,
  loadDocument,
  loadPreset,
  play,
  seek,
  setFeature,
  slower,
  stepBack,
  stepForward,
  tick,
} from './actions';
import { INITIAL_STATE, useSimStore } from './simStore';

const state = () => useSimStore.getState();

function mm1Senders(): string[] {
  return (state().run?.records ?? [])
    .filter((r) => r.kind === 'packet' && r.event === 'sent' && r.msg === 'MM1')
    .map((r) => (r.kind === 'packet' ? `${r.node}@${r.atMs}` : ''));
}

describe('store actions', () => {
  beforeEach(() => {
    useSimStore.setState(INITIAL_STATE, true);
    loadPreset('reload-black-hole');
  });

  it('loads a preset paused at 0 with a run', () => {
    expect(state()).toMatchObject({
      presetId: 'reload-black-hole',
      t: 0,
      playing: false,
      errors: [],
    });
    expect(state().run?.durationMs).toBe(900_000);
  });

  it('refuses at once a scenario too big to run in the page, saying what to shorten', () => {
    const document = findPreset('baseline')?.document as ScenarioDocument;
    const week = {
      ...document,
      durationMs: 7 * 24 * 3_600_000,
      traffic: document.traffic?.map((flow) => ({ ...flow, everyMs: 10 })),
    };
    const started = Date.now();
    loadDocument(week);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(state().run).toBeNull();
    expect(state().errors).toEqual([
      {
        path: '(document)',
        message:
          'would make about 363 million trace records; the limit is 1 million: shorten the duration (7 d), or ping less often (flow lan1-to-lan2 every 10 ms)',
      },
    ]);
  });

  it('reports an unknown preset without throwing', () => {
    expect(loadPreset('no-such-thing')).toBe(false);
    expect(state().errors[0]?.message).toMatch(/no-such-thing/);
  });

  describe('a preset not loaded yet (the browser loads presets on demand)', () => {
    beforeEach(() => presetLibrary.setState({ loaded: {} }, true));
    afterEach(() => registerPresets(PRESETS));

    it('shows it once its module has arrived, from its start, paused', async () => {
      seek(200_000);
      expect(loadPreset('idle-timer')).toBe(true);
      expect(state().presetId).toBe('reload-black-hole');
      await loadPresets(['idle-timer']);
      expect(state()).toMatchObject({ presetId: 'idle-timer', t: 0, playing: false, errors: [] });
      expect(state().document?.title).toBe(presetTitle('idle-timer'));
    });

    it('is not shown when another scenario was asked for meanwhile: the last pick wins', async () => {
      loadPreset('idle-timer');
      loadPreset('baseline');
      await loadPresets(['idle-timer', 'baseline']);
      expect(state().presetId).toBe('baseline');
      loadPreset('legacy-keepalive');
      const other = PRESETS.find((preset) => preset.id === 'rekey-race');
      if (other) loadDocument(other.document, other.id);
      await loadPresets(['legacy-keepalive']);
      expect(state().presetId).toBe('rekey-race');
    });
  });

  it('acting in the past adds the event at the cursor, recomputes the future and keeps t', () => {
    seek(60_000);
    inject({ action: 'exec', node: 'R1', command: 'clear crypto sa' });
    expect(state().t).toBe(60_000);
    expect(state().presetId).toBeNull();
    expect(state().document?.timeline?.map((e) => [e.atMs, e.action])).toEqual([
      [120_000, 'reload'],
      [60_000, 'exec'],
    ]);
    const deletes = (state().run?.records ?? []).filter(
      (r) => r.kind === 'packet' && r.event === 'sent' && r.msg === 'DELETE' && r.node === 'R1',
    );
    expect(deletes[0]?.atMs).toBe(60_000);
  });

  it('a feature toggle edits the startup-config, so it survives the reload and R2 recovers', () => {
    expect(mm1Senders().filter((s) => s.startsWith('R2'))).toEqual([]);
    const errors = setFeature('R2', { feature: 'invalidSpiRecovery', on: true });
    expect(errors).toEqual([]);
    const r2 = state().document?.nodes?.find((n) => n.id === 'R2');
    expect(r2?.kind === 'router' && r2.config).toContain('crypto isakmp invalid-spi-recovery');
    expect(mm1Senders()).toContain('R2@150020');
    setFeature('R2', { feature: 'invalidSpiRecovery', on: false });
    expect(mm1Senders().filter((s) => s.startsWith('R2'))).toEqual([]);
  });

  it('steps land on event times and stepping back returns to the same moments', () => {
    const forward: number[] = [];
    for (let i = 0; i < 6; i++) {
      stepForward();
      forward.push(state().t);
    }
    expect(forward[0]).toBe(5_000);
    expect([...forward].sort((a, b) => a - b)).toEqual(forward);
    const back: number[] = [];
    for (let i = 0; i < 5; i++) {
      stepBack();
      back.push(state().t);
    }
    expect(back).toEqual(forward.slice(0, 5).reverse());
  });

  it('playing advances t by wall time at the chosen speed, and stops at the end', () => {
    useSimStore.setState({ adaptive: false, speed: 10 });
    play();
    tick(100);
    expect(state().t).toBe(1_000);
    faster();
    expect(state().speed).toBe(25);
    slower();
    slower();
    expect(state().speed).toBe(5);
    seek(899_999);
    tick(1_000);
    expect(state()).toMatchObject({ t: 900_000, playing: false });
  });

  it('adaptive playback is slow while a packet flies and skips quiet time', () => {
    seek(5_000); // MM1 leaves R1 at 5 s and flies 20 ms
    play();
    tick(100);
    expect(state().t - 5_000).toBeLessThan(5); // watchable: a few ms of virtual time per 100 ms
    seek(29_100); // quiet until the ping that leaves R1 at 30 s
    tick(100);
    expect(state().t).toBeLessThanOrEqual(30_000);
    expect(state().t).toBeGreaterThan(29_100 + 100);
  });
});
