import { beforeEach, describe, expect, it } from 'vitest';
import { presetRun } from '../lessons/testRuns';
import { parseScenario } from '../scenario/parseScenario';
import { dmvpnScenario } from '../scenario/presets';
import { buildRun } from '../sim/run';
import { loadPreset, play } from '../store/actions';
import { INITIAL_STATE, useSimStore } from '../store/simStore';
import { BURST_MS, keyMomentTimes } from './keyMoments';
import { shortcutFor } from './shortcuts';
import { timelineMarkers } from './timelineMarkers';

const state = useSimStore.getState;
const press = (key: string) => {
  const shortcut = shortcutFor(key, 'page');
  if (!shortcut) throw new Error(`no shortcut for ${key}`);
  shortcut.run();
};

/** What the markers say happens at atMs (kinds and labels), to assert on meaning. */
function markersAtMs(atMs: number): string[] {
  const run = state().run;
  if (!run) throw new Error('no run');
  return timelineMarkers(run)
    .filter((m) => m.atMs === atMs)
    .map((m) => `${m.kind}: ${m.label}`);
}

describe('key moments of the black hole', () => {
  beforeEach(() => {
    useSimStore.setState(INITIAL_STATE);
    expect(loadPreset('reload-black-hole')).toBe(true);
  });

  it('from 0: the SAs installed, R2 reloads, R2 boots, the first INV_SPI warning, the next one', () => {
    press('.');
    expect(markersAtMs(state().t)).toContainEqual(
      expect.stringMatching(/^sa-installed: 00:00:05\.\d{3} R2 installed inbound SA 0x/),
    );
    // R1 installs its pair 20 ms later: the same moment, not another stop.
    press('.');
    expect(state().t).toBe(120_000);
    expect(markersAtMs(120_000)).toContain('reload: 00:02:00.000 R2 reloads');
    press('.');
    expect(state().t).toBe(150_000);
    expect(markersAtMs(150_000)).toContain('boot: 00:02:30.000 R2 has booted');
    press('.');
    expect(markersAtMs(state().t)).toContainEqual(
      expect.stringMatching(/^syslog-warning: 00:02:30\.020 R2: %CRYPTO-4-RECVD_PKT_INV_SPI/),
    );
    const firstWarning = state().t;
    press('>');
    // IOS logs the same flow's INV_SPI once a minute.
    expect(state().t).toBe(firstWarning + 60_000);
    // And back.
    press(',');
    expect(state().t).toBe(firstWarning);
    press('<');
    expect(state().t).toBe(150_000);
    press(',');
    expect(state().t).toBe(120_000);
  });

  it('pauses where it lands, and stays at the ends', () => {
    play();
    press('.');
    expect(state().playing).toBe(false);
    const first = state().t;
    press(',');
    expect(state().t).toBe(first);
    useSimStore.setState({ t: state().run?.durationMs ?? 0 });
    press('.');
    expect(state().t).toBe(state().run?.durationMs);
  });
});

describe('keyMomentTimes', () => {
  it('makes a burst of one kind one moment: twenty spokes installing SAs', () => {
    const parsed = parseScenario({ ...dmvpnScenario(20), durationMs: 60_000 });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const run = buildRun(parsed.loaded);
    const installs = timelineMarkers(run).filter((m) => m.kind === 'sa-installed');
    expect(installs.length).toBeGreaterThanOrEqual(80);
    const times = keyMomentTimes(run);
    expect(times.length).toBeLessThan(installs.length / 10);
    expect(times[0]).toBe(installs[0]?.atMs);
    for (let i = 1; i < times.length; i++)
      expect((times[i] as number) - (times[i - 1] as number)).toBeGreaterThan(0);
    // Within a burst no two stops of one kind are closer than BURST_MS.
    const installStops = times.filter((t) => installs.some((m) => m.atMs === t));
    for (let i = 1; i < installStops.length; i++)
      expect((installStops[i] as number) - (installStops[i - 1] as number)).toBeGreaterThanOrEqual(
        BURST_MS,
      );
  });

  it('finds the link going down and back up in dpd-backup-peer', () => {
    const run = presetRun('dpd-backup-peer');
    const linkDown = timelineMarkers(run).find((m) => m.kind === 'link-down');
    expect(linkDown).toBeDefined();
    expect(keyMomentTimes(run)).toContain(linkDown?.atMs);
  });
});
