// Every time and table the DMVPN operations lesson states, checked against the run.

import { describe, expect, it } from 'vitest';
import { DMVPN_OPERATIONS_HOLDTIME_SEC } from '../../scenario/presets/dmvpnOperations';
import type { PacketRecord } from '../../sim/trace';
import { cueTime } from '../cue';
import { showOutputs } from '../showSnapshot';
import { editedRun, presetRun } from '../testRuns';
import '../../scenario/presets';
import {
  HUB_RELOAD,
  hubPeers,
  SIDE_BY_SIDE_MS,
  SPOKE1_BACK,
  SPOKE1_DEAD,
  THIRD_REGISTRATION_MS,
} from './dmvpnOperations';

const run = presetRun('dmvpn-operations');
const sent = (node: string, inner: string) =>
  run.records.filter(
    (r): r is PacketRecord =>
      r.kind === 'packet' && r.event === 'sent' && r.node === node && !!r.inner?.startsWith(inner),
  );
const dmvpnRows = (node: string, atMs: number) =>
  (
    showOutputs(run, atMs, [{ node, commands: ['show dmvpn | include ^ +1 '] }])[0]?.commands[0]
      ?.output ?? []
  ).map((line) => line.trim().split(/\s+/));

describe('dmvpn-operations, against its run', () => {
  it('1:00: the hub lists both spokes as D, SPOKE1 the hub as S, all UP', () => {
    expect(dmvpnRows('HUB', 60_000)).toEqual([
      ['1', '10.1.1.1', '172.16.0.2', 'UP', '00:00:57', 'D'],
      ['1', '30.1.1.3', '172.16.0.3', 'UP', '00:00:57', 'D'],
    ]);
    expect(dmvpnRows('SPOKE1', 60_000)).toEqual([
      ['1', '20.1.1.2', '172.16.0.1', 'UP', '00:00:57', 'S'],
    ]);
  });

  it('1:42: each spoke registers 100 s after the first time, a third of its hold time', () => {
    for (const spoke of ['SPOKE1', 'SPOKE2']) {
      const times = sent(spoke, 'NHRP registration ')
        .map((r) => r.atMs)
        .slice(0, 3);
      expect(times, spoke).toEqual([2_000, 102_000, THIRD_REGISTRATION_MS]);
      expect(102_000 - 2_000).toBe((DMVPN_OPERATIONS_HOLDTIME_SEC * 1000) / 3);
    }
  });

  it('the hub keeps an entry the hold time after the last registration', () => {
    const hub = run.snapshots.get('HUB') ?? [];
    const before = [...hub].reverse().find((s) => s.atMs < 120_000);
    const entry = before?.view.nhrp.find((e) => e.tunnelIp === '172.16.0.2');
    expect(entry?.expiresAtMs).toBe(102_020 + DMVPN_OPERATIONS_HOLDTIME_SEC * 1000);
  });

  it('2:00 reload, 2:30 back; SPOKE1 dead at 2:22 and its main mode answered at 2:32', () => {
    expect(cueTime(run, HUB_RELOAD)).toBe(120_000);
    expect(cueTime(run, { on: 'fault', node: 'HUB', match: '^boot HUB' })).toBe(150_000);
    expect(cueTime(run, SPOKE1_DEAD)).toBe(142_000);
    const probes = run.records.filter(
      (r) =>
        r.kind === 'packet' &&
        r.event === 'sent' &&
        r.node === 'SPOKE1' &&
        r.msg === 'R-U-THERE' &&
        r.atMs > 120_000 &&
        r.atMs < 142_000,
    );
    expect(probes.map((r) => r.atMs)).toEqual([
      130_000, 132_000, 134_000, 136_000, 138_000, 140_000,
    ]);
    expect(dmvpnRows('SPOKE1', 145_000)[0]?.[3]).toBe('IKE');
    const mm2 = run.records.find(
      (r) =>
        r.kind === 'packet' &&
        r.event === 'sent' &&
        r.node === 'HUB' &&
        r.msg === 'MM2' &&
        r.atMs > 150_000 &&
        r.dst === '10.1.1.1',
    );
    expect(Math.floor((mm2?.atMs ?? 0) / 1000)).toBe(152);
  });

  it('3:22: SPOKE1’s pings answer again, right after its registration', () => {
    expect(Math.floor((cueTime(run, SPOKE1_BACK) ?? 0) / 1000)).toBe(202);
    expect(hubPeers(run, THIRD_REGISTRATION_MS - 1)).toEqual([]);
  });

  it('3:35: the hub lists SPOKE1 only; SPOKE2 shows NHRP and resends every 2 s into an invalid SPI', () => {
    expect(hubPeers(run, SIDE_BY_SIDE_MS)).toEqual(['172.16.0.2']);
    expect(dmvpnRows('SPOKE2', SIDE_BY_SIDE_MS)[0]?.[3]).toBe('NHRP');
    const retries = sent('SPOKE2', 'NHRP registration ').filter(
      (r) => r.atMs >= THIRD_REGISTRATION_MS && r.atMs <= SIDE_BY_SIDE_MS,
    );
    expect(retries.map((r) => r.atMs - THIRD_REGISTRATION_MS)).toEqual([
      0, 2_000, 4_000, 6_000, 8_000, 10_000, 12_000,
    ]);
    const dropped = run.records.filter(
      (r) =>
        r.kind === 'packet' &&
        r.event === 'dropped' &&
        r.node === 'HUB' &&
        retries.some((s) => s.packetId === r.packetId),
    );
    expect(dropped).toHaveLength(retries.length);
    expect(dropped.every((r) => r.kind === 'packet' && /invalid SPI/.test(r.reason ?? ''))).toBe(
      true,
    );
    // And nothing heals in the run: SPOKE2 never answers again.
    expect(
      run.records.some(
        (r) =>
          r.kind === 'ping' && r.flow === 'lan3-to-lan2' && r.result === 'ok' && r.atMs > 120_000,
      ),
    ).toBe(false);
  });

  it('playground: SPOKE2 still says NHRP at 6:00; with DPD it is back at its next registration', () => {
    expect(dmvpnRows('SPOKE2', 360_000)[0]?.[3]).toBe('NHRP');
    const withDpd = editedRun('dmvpn-operations', 'SPOKE2', (config) =>
      config.replace('crypto isakmp policy', 'crypto isakmp keepalive 10 2\ncrypto isakmp policy'),
    );
    const back = withDpd.records.find(
      (r) =>
        r.kind === 'ping' && r.flow === 'lan3-to-lan2' && r.result === 'ok' && r.atMs > 120_000,
    );
    expect(Math.floor((back?.atMs ?? 0) / 1000)).toBe(THIRD_REGISTRATION_MS / 1000);
  });
});
