// The scanner flow kind in the engine: packets on the scanner's schedule, paused and resumed by
// the timeline, a new seeded SPI each, the same SPIs on every run.

import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/parseScenario';
import { findPreset } from '../scenario/presets';
import type { ScenarioDocument } from '../scenario/schema';
import { simulate } from './simulate';
import type { PacketRecord, TraceRecord } from './trace';

const preset = findPreset('esp-scanner');

function runOf(edit: (doc: ScenarioDocument) => ScenarioDocument): TraceRecord[] {
  if (!preset) throw new Error('no esp-scanner preset');
  const parsed = parseScenario(edit(structuredClone(preset.document)));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return simulate(parsed.loaded).records;
}

const scanSent = (records: readonly TraceRecord[]) =>
  records.filter(
    (r): r is PacketRecord => r.kind === 'packet' && r.event === 'sent' && r.node === 'ISP',
  );

describe('esp-scan flows', () => {
  it('stop and start again with the timeline, and say so in the trace', () => {
    const records = runOf((doc) => ({
      ...doc,
      traffic: (doc.traffic ?? []).filter((flow) => flow.id === 'scan-own'),
      timeline: [
        { atMs: 25_000, action: 'traffic', flow: 'scan-own', state: 'stop' },
        { atMs: 42_000, action: 'traffic', flow: 'scan-own', state: 'start' },
      ],
    }));
    expect(scanSent(records).map((r) => r.atMs)).toEqual([10_000, 20_000, 42_000, 52_000]);
    const faults = records
      .filter((r) => r.kind === 'fault')
      .map((r) => [r.atMs, r.event, r.detail]);
    expect(faults).toEqual([
      [10_000, 'traffic-start', 'random-SPI ESP'],
      [25_000, 'traffic-stop', 'random-SPI ESP'],
      [42_000, 'traffic-start', 'random-SPI ESP'],
      [60_000, 'traffic-stop', 'random-SPI ESP'],
    ]);
  });

  it('draws its SPIs from the seed: the same on every run, others with another seed', () => {
    const spis = (seed: number) => scanSent(runOf((doc) => ({ ...doc, seed }))).map((r) => r.spi);
    expect(spis(30)).toEqual(spis(30));
    expect(spis(31)).not.toEqual(spis(30));
    expect(spis(30).every((spi) => spi !== undefined && Number(spi) >= 0x100)).toBe(true);
  });

  it('forging a peer every 100 ms: one main mode, the SPIs of its 130 ms queued, then one DELETE each', () => {
    const records = runOf((doc) => ({
      ...doc,
      durationMs: 95_000,
      traffic: (doc.traffic ?? []).flatMap((flow) =>
        flow.id === 'scan-spoofed' ? [{ ...flow, everyMs: 100, stopMs: 91_000 }] : [],
      ),
    }));
    const sent = (msg: string) =>
      records.filter(
        (r): r is PacketRecord =>
          r.kind === 'packet' && r.event === 'sent' && r.node === 'R2' && r.msg === msg,
      );
    expect(sent('MM1').map((r) => r.atMs)).toEqual([90_010]);
    const forged = scanSent(records);
    expect(forged).toHaveLength(10);
    const deletes = sent('DELETE');
    // The SPIs of 1:30.010 and 1:30.110 wait for the IKE SA (up at 1:30.130); later ones go at once.
    expect(deletes.map((r) => [r.atMs, r.deleteSpi])).toEqual(
      forged.map((r, i) => [i < 2 ? 90_130 : r.atMs + 10, r.spi]),
    );
  });

  it('is dropped where it names an address nobody owns', () => {
    const records = runOf((doc) => ({
      ...doc,
      traffic: [
        {
          id: 's',
          kind: 'esp-scan',
          from: 'ISP',
          src: '203.0.113.66',
          dst: '20.1.1.99',
          everyMs: 10_000,
          startMs: 0,
          stopMs: 5_000,
        },
      ],
    }));
    const [sent] = scanSent(records);
    const fate = records.find(
      (r) => r.kind === 'packet' && r.event === 'dropped' && r.packetId === sent?.packetId,
    );
    expect(fate).toMatchObject({ node: 'ISP', reason: 'no router owns 20.1.1.99 on the internet' });
  });
});
