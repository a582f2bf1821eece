import { beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleEffect } from '../console';
import type { Scenario } from '../scenario/types';
import { runningConfigAt } from '../sim/derived/configAt';
import type { Run } from '../sim/run';
import { loadPreset, seek } from './actions';
import { addConsolePing, applyConsoleEffects, pingSourceToward } from './consoleActions';
import { computeAll } from './runProgress';
import { INITIAL_STATE, useSimStore } from './simStore';
import { frameFor } from './useFrame';

const state = () => useSimStore.getState();

function routerConfig(node: string): string {
  const router = state().document?.nodes?.find((n) => n.id === node);
  return router?.kind === 'router' ? router.config : '';
}

/** Answered pings of the preset's LAN flow after `afterMs`. */
function lanRepliesAfter(afterMs: number): number {
  return (state().run?.records ?? []).filter(
    (r) => r.kind === 'ping' && r.flow === 'lan1-to-lan2' && r.result === 'ok' && r.atMs > afterMs,
  ).length;
}

describe('console effects', () => {
  beforeEach(() => {
    useSimStore.setState(INITIAL_STATE, true);
    loadPreset('reload-black-hole');
  });

  it('config lines become one timeline entry at the cursor; the run follows, t stays', () => {
    seek(200_000);
    expect(lanRepliesAfter(200_000)).toBe(0);
    const effects: ConsoleEffect[] = [
      { kind: 'config', lines: ['crypto isakmp invalid-spi-recovery'] },
    ];
    applyConsoleEffects('R2', effects, routerConfig('R2'));
    expect(state().t).toBe(200_000);
    expect(state().document?.timeline).toContainEqual({
      atMs: 200_000,
      action: 'config',
      node: 'R2',
      lines: ['crypto isakmp invalid-spi-recovery'],
    });
    // R2 now answers R1's stale SPI by negotiating again: the black hole closes.
    expect(lanRepliesAfter(200_000)).toBeGreaterThan(0);
  });

  it('exec commands and reload become timeline entries; debug changes nothing', () => {
    seek(60_000);
    const before = state().document;
    applyConsoleEffects('R1', [{ kind: 'debug', isakmp: true }], routerConfig('R1'));
    expect(state().document).toBe(before);
    applyConsoleEffects(
      'R1',
      [
        { kind: 'exec', command: 'write memory' },
        { kind: 'exec', command: 'clear crypto sa' },
        { kind: 'reload' },
      ],
      routerConfig('R1'),
    );
    expect(
      state()
        .document?.timeline?.filter((entry) => entry.atMs === 60_000)
        .map((entry) => ('command' in entry ? entry.command : entry.action)),
    ).toEqual(['write memory', 'clear crypto sa', 'reload']);
  });

  it('write memory typed at the very ms a reload ends: the engine and the console both save', () => {
    // reload-black-hole: R2 reloads at 2:00 and is back at 2:30.
    seek(150_000);
    const r2 = frameFor(state().run as Run, 150_000).routers.find((v) => v.node === 'R2');
    expect(r2?.power).toBe('up');
    applyConsoleEffects(
      'R2',
      [
        { kind: 'config', lines: ['crypto isakmp invalid-spi-recovery'] },
        { kind: 'exec', command: 'write memory' },
      ],
      routerConfig('R2'),
    );
    seek(300_000);
    applyConsoleEffects('R2', [{ kind: 'reload' }], routerConfig('R2'));
    computeAll();
    const scenario = state().run?.loaded.scenario as Scenario;
    // The console's copy: the line is in the startup-config, so back after the second reload.
    expect(runningConfigAt(scenario, 'R2', 330_000).runningConfig).toContain(
      'crypto isakmp invalid-spi-recovery',
    );
    // The engine's: after the second boot R2 recovers R1's stale SPI on its own.
    const recoveries = (state().run?.records ?? []).filter(
      (r) => r.kind === 'packet' && r.event === 'sent' && r.node === 'R2' && r.msg === 'MM1',
    );
    expect(recoveries.some((r) => r.atMs > 330_000)).toBe(true);
  });

  it('a ping becomes a flow of `repeat` echoes from the router at the cursor, ended by 2 s per echo', () => {
    seek(60_000);
    const started = applyConsoleEffects(
      'R1',
      [{ kind: 'ping', dst: '192.168.2.10', repeat: 5, sizeBytes: 100 }],
      routerConfig('R1'),
    ).pings;
    expect(started).toEqual([
      {
        ok: true,
        ping: {
          flowId: 'console-R1-1',
          node: 'R1',
          dst: '192.168.2.10',
          src: '10.1.1.1',
          repeat: 5,
          sizeBytes: 100,
          startMs: 60_000,
        },
      },
    ]);
    expect(state().document?.traffic).toContainEqual({
      id: 'console-R1-1',
      kind: 'ping',
      src: '10.1.1.1',
      dst: '192.168.2.10',
      everyMs: 1000,
      startMs: 60_000,
      stopMs: 70_000,
      sizeBytes: 100,
      repeat: 5,
    });
    expect(state().t).toBe(60_000);
    const echoes = (state().run?.records ?? []).filter(
      (r) => r.kind === 'ping' && r.flow === 'console-R1-1',
    );
    // From the outside address the echo matches no crypto ACL: it leaves in the clear and is
    // lost, as on a real router. Exactly five echoes are sent.
    expect(echoes.map((r) => (r.kind === 'ping' ? r.result : ''))).toEqual([
      'lost',
      'lost',
      'lost',
      'lost',
      'lost',
    ]);
  });

  it('a ping sourced from the LAN interface goes through the tunnel', () => {
    seek(60_000);
    const started = addConsolePing(
      'R1',
      { kind: 'ping', dst: '192.168.2.10', source: '192.168.1.1', repeat: 3, sizeBytes: 100 },
      routerConfig('R1'),
    );
    expect(started).toMatchObject({
      ok: true,
      ping: { src: '192.168.1.1', source: '192.168.1.1' },
    });
    const echoes = (state().run?.records ?? []).filter(
      (r) => r.kind === 'ping' && r.flow === 'console-R1-1',
    );
    expect(echoes.map((r) => (r.kind === 'ping' ? r.result : ''))).toEqual(['ok', 'ok', 'ok']);
    const again = addConsolePing(
      'R1',
      { kind: 'ping', dst: '20.1.1.2', repeat: 1, sizeBytes: 100 },
      routerConfig('R1'),
    );
    expect(again).toMatchObject({ ok: true, ping: { flowId: 'console-R1-2' } });
  });

  it('leaves the scenario alone when the flow would not load', () => {
    seek(60_000);
    const before = state().document;
    const started = addConsolePing(
      'R1',
      { kind: 'ping', dst: '192.168.2.10', repeat: 5, sizeBytes: 100 },
      '',
    );
    expect(started).toEqual({ ok: false, message: 'R1 has no IP address to ping from' });
    expect(state().document).toBe(before);
  });
});

describe('pingSourceToward', () => {
  it('picks the address of the interface the route leaves by', () => {
    loadPreset('reload-black-hole');
    const config = routerConfig('R1');
    expect(pingSourceToward(config, '192.168.2.10')).toBe('10.1.1.1');
    expect(pingSourceToward(config, '192.168.1.10')).toBe('192.168.1.1');
  });
});
