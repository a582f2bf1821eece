// Every time and claim the ESP scanner lesson narrates, checked against the run, and the other
// side of its "without the command" claim.

import { describe, expect, it } from 'vitest';
import { SCANNER_IP } from '../../scenario/presets/espScanner';
import type { PacketRecord, TraceRecord } from '../../sim/trace';
import { cueRecords, cueTime } from '../cue';
import { editedRun, presetRun } from '../testRuns';
import '../../scenario/presets';
import {
  INV_SPI,
  OWN_DROP,
  R1_DELETE_IN,
  R1_IKE_UP,
  R2_DELETE,
  R2_MM1,
  SPOOF_DROP,
  SPOOF_FROM_MS,
} from './espScanner';

const run = presetRun('esp-scanner');
const scanPackets = (records: readonly TraceRecord[]) =>
  records.filter(
    (r): r is PacketRecord =>
      r.kind === 'packet' && r.event === 'sent' && r.node === 'ISP' && r.proto === 'esp',
  );

describe('esp-scanner, against its run', () => {
  it('the scanner sends one ESP packet every 10 s, each with a new SPI, as "random bytes"', () => {
    const sent = scanPackets(run.records);
    expect(sent.map((r) => r.atMs)).toEqual([
      10_000, 20_000, 30_000, 40_000, 50_000, 90_000, 100_000, 110_000, 120_000, 130_000, 140_000,
      150_000, 160_000, 170_000, 180_000,
    ]);
    expect(new Set(sent.map((r) => r.spi)).size).toBe(sent.length);
    expect(sent.slice(0, 5).every((r) => r.src === SCANNER_IP)).toBe(true);
    expect(sent.slice(5).every((r) => r.src === '10.1.1.1')).toBe(true);
    expect(sent.every((r) => r.inner === 'random bytes' && r.dst === '20.1.1.2')).toBe(true);
  });

  it('0:10 to 0:50: R2 logs every packet (a new SPI each), and calls nobody', () => {
    const drops = cueRecords(run, OWN_DROP).filter((r) => r.atMs < SPOOF_FROM_MS);
    const logs = cueRecords(run, INV_SPI).filter((r) => r.atMs < SPOOF_FROM_MS);
    expect(drops.map((r) => r.atMs)).toEqual([10_010, 20_010, 30_010, 40_010, 50_010]);
    expect(logs.map((r) => r.atMs)).toEqual(drops.map((r) => r.atMs));
    expect(cueTime(run, { ...INV_SPI, nth: 2 })).toBe(20_010);
    const ignoring = run.records.filter(
      (r) => r.kind === 'debug' && r.node === 'R2' && r.text.includes('ignoring request'),
    );
    expect(ignoring).toHaveLength(5);
    expect(run.records.some((r) => r.kind === 'packet' && r.dst === SCANNER_IP)).toBe(false);
  });

  it('1:30: the first forged packet starts one main mode toward the real R1, with INITIAL-CONTACT', () => {
    expect(cueTime(run, SPOOF_DROP)).toBe(90_010);
    const mm1 = cueRecords(run, R2_MM1) as PacketRecord[];
    expect(mm1.map((r) => [r.atMs, r.dst])).toEqual([[90_010, '10.1.1.1']]);
    const mm5 = cueRecords(run, { on: 'packet', node: 'R2', match: '^sent MM5$' });
    expect(mm5.map((r) => (r as PacketRecord).initialContact)).toEqual([true]);
    expect(cueTime(run, R1_IKE_UP)).toBe(90_110);
    expect(cueTime(run, { on: 'state', node: 'R2', match: '^ike QM_IDLE$' })).toBe(90_130);
  });

  it('R2 sends a DELETE naming the scanner’s SPI; R1 processes it and changes nothing', () => {
    const deletes = cueRecords(run, R2_DELETE) as PacketRecord[];
    // The last forged packet, sent at 3:00 when the run ends, has not arrived.
    const forged = scanPackets(run.records).slice(5, -1);
    expect(deletes[0]?.atMs).toBe(90_130);
    expect(deletes.map((r) => r.deleteSpi)).toEqual(forged.map((r) => r.spi));
    expect(deletes.slice(1).map((r) => r.atMs)).toEqual(forged.slice(1).map((r) => r.atMs + 10));
    expect(cueTime(run, R1_DELETE_IN)).toBe(90_150);
    expect(run.records.some((r) => r.kind === 'sa' && r.node === 'R1')).toBe(false);
  });

  it('without the command, R2 only logs the forged packets: no main mode, no DELETE', () => {
    const without = editedRun('esp-scanner', 'R2', (config) =>
      config.replace('crypto isakmp invalid-spi-recovery\n', ''),
    );
    expect(cueRecords(without, R2_MM1)).toHaveLength(0);
    expect(cueRecords(without, R2_DELETE)).toHaveLength(0);
    // The packet sent at 3:00, the end of the run, never arrives.
    expect(cueRecords(without, INV_SPI)).toHaveLength(14);
  });
});
