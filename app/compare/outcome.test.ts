// The outcome metrics on real runs of the presets: what each remedy buys, measured.

import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/parseScenario';
import { findPreset } from '../scenario/presets';
import { buildRun, type Run } from '../sim/run';
import type { TraceRecord } from '../sim/trace';
import { type FlowOutcome, type RunOutcome, runOutcome } from './outcome';
import { type PreparedCompare, prepareCompare } from './prepare';

const cache = new Map<string, PreparedCompare>();

function compare(payload: string): PreparedCompare {
  const hit = cache.get(payload);
  if (hit) return hit;
  const prepared = prepareCompare(payload);
  if (prepared.kind !== 'ready') throw new Error(`${payload}: ${prepared.kind}`);
  cache.set(payload, prepared.compare);
  return prepared.compare;
}

function flow(outcome: RunOutcome, id: string): FlowOutcome {
  const found = outcome.flows.find((f) => f.flow === id);
  if (!found) throw new Error(`no flow ${id}`);
  return found;
}

const RECOVERY = 'reload-black-hole~R2~invalid-spi-recovery~off~on';

describe('reload-black-hole, invalid-SPI recovery on R2: off vs on', () => {
  it('measures from the reload, with R2 back at its boot', () => {
    const { outcomes } = compare(RECOVERY);
    expect(outcomes.a.disruption).toMatchObject({
      atMs: 120_000,
      event: 'reload',
      subject: 'R2',
      backAtMs: 150_000,
    });
    expect(outcomes.b.disruption).toEqual(outcomes.a.disruption);
  });

  it('off: the pings never recover; every ping after the reload is lost', () => {
    const off = flow(compare(RECOVERY).outcomes.a, 'lan1-to-lan2');
    expect(off.status).toBe('not-recovered');
    expect(off.lostAfter).toBe(off.pingsAfter);
    expect(off.lostAfter).toBeGreaterThan(700);
    expect(off.outage).toMatchObject({ fromMs: 120_000, toMs: null, durationMs: 780_000 });
    expect(off.recoveredAtMs).toBeNull();
  });

  it('on: the pings are answered again within about 3 s of the boot', () => {
    const on = flow(compare(RECOVERY).outcomes.b, 'lan1-to-lan2');
    expect(on.status).toBe('recovered');
    expect(on.recoveryAfterBackMs).toBeGreaterThan(0);
    expect(on.recoveryAfterBackMs).toBeLessThanOrEqual(3_000);
    // One ping a second: the outage lasts as many seconds as pings were lost.
    expect(on.outage?.durationMs).toBe(on.lostAfter * 1000);
    expect(on.laterOutages).toBe(0);
    expect(on.recoveryAfterDisruptionMs).toBe((on.recoveredAtMs ?? 0) - 120_000);
  });

  it('counts the IKE messages spent and the invalid-SPI logs', () => {
    const { a, b } = compare(RECOVERY).outcomes;
    expect(a.ikeAfter.total).toBe(0);
    expect(b.ikeAfter).toMatchObject({ mainMode: 6, quickMode: 3, delete: 1, dpd: 0 });
    expect(b.ikeAfter.total).toBe(10);
    expect(b.ikeTotal.total).toBe(a.ikeTotal.total + 10);
    // Rate-limited to one line a minute while the black hole lasts; one line when it is repaired.
    expect(a.invalidSpiLogs).toBeGreaterThan(10);
    expect(b.invalidSpiLogs).toBe(1);
    expect(a.invalidSpiDrops).toBeGreaterThan(700);
  });

  it('says it in one headline', () => {
    const { comparison } = compare(RECOVERY);
    expect(comparison.headline).toMatch(
      /^With invalid-SPI recovery on R2, the outage lasts \d+ s instead of not recovering in 13 min \(\d+ pings lost vs 779\)\. Pings are answered again [1-3] s after R2 booted\. The price: 10 more IKE messages/,
    );
    const better = comparison.rows.filter((r) => r.better === 'b').map((r) => r.name);
    expect(better).toEqual(
      expect.arrayContaining(['outage.lan1-to-lan2', 'lost.lan1-to-lan2', 'back.lan1-to-lan2']),
    );
    expect(comparison.rows.find((r) => r.name === 'ike')?.better).toBeNull();
  });
});

describe('dpd-idle: on-demand vs periodic, and no DPD vs periodic', () => {
  it('on-demand: the returning user pays for the detection; periodic: one ping', () => {
    const { outcomes, comparison } = compare('dpd-idle-on-demand~R1~keepalive~on-demand~periodic');
    const onDemand = flow(outcomes.a, 'lan1-to-lan3');
    const periodic = flow(outcomes.b, 'lan1-to-lan3');
    expect(outcomes.a.disruption).toMatchObject({
      event: 'link-down',
      atMs: 90_000,
      backAtMs: null,
    });
    // The flow starts at 5:00, after the failure: its outage begins then.
    expect(onDemand.outage?.fromMs).toBe(300_000);
    expect(onDemand.status).toBe('recovered');
    expect(onDemand.lostAfter).toBeGreaterThan(5);
    expect(periodic.lostAfter).toBe(1);
    expect(periodic.outage?.durationMs).toBe(1000);
    expect(outcomes.b.ikeAfter.dpd).toBeGreaterThan(outcomes.a.ikeAfter.dpd);
    // The flow stopped before the failure: nothing to measure there.
    expect(flow(outcomes.a, 'lan1-to-lan2').status).toBe('no-traffic');
    expect(comparison.headline).toMatch(
      /^With periodic DPD on R1, the outage lasts 1 s instead of \d+ s \(1 ping lost vs \d+\)\. The price: \d+ more IKE messages \(DPD \+\d+\)\.$/,
    );
  });

  it('no DPD: R1 never fails over; periodic DPD does', () => {
    const { outcomes } = compare('dpd-idle-on-demand~R1~keepalive~off~periodic');
    expect(flow(outcomes.a, 'lan1-to-lan3').status).toBe('not-recovered');
    expect(outcomes.a.ikeAfter.total).toBe(0);
    expect(flow(outcomes.b, 'lan1-to-lan3').status).toBe('recovered');
  });

  it('the preset pair agrees with the feature pair', () => {
    const presets = compare('dpd-idle-on-demand~dpd-idle-periodic').outcomes;
    const feature = compare('dpd-idle-on-demand~R1~keepalive~on-demand~periodic').outcomes;
    expect(flow(presets.b, 'lan1-to-lan3').lostAfter).toBe(
      flow(feature.b, 'lan1-to-lan3').lostAfter,
    );
  });
});

describe('idle-timer: 120 s vs off', () => {
  it('is measured from the first answered ping (no fault), and the idle timer costs a bring-up', () => {
    const { outcomes, comparison } = compare('idle-timer~R1~idle-time~120~off');
    expect(outcomes.a.disruption).toBeNull();
    const idle = flow(outcomes.a, 'lan1-to-lan2');
    const none = flow(outcomes.b, 'lan1-to-lan2');
    // The first echo of the first bring-up is lost on both sides and is not an outage.
    expect(none.lostTotal).toBe(1);
    expect(none.status).toBe('unaffected');
    // With the idle timer the SAs are gone at 6:00: the first echo then starts a new bring-up.
    expect(idle.status).toBe('recovered');
    expect(idle.outage?.fromMs).toBe(360_000);
    expect(idle.lostAfter).toBe(1);
    expect(outcomes.a.ikeTotal).toMatchObject({ mainMode: 12, quickMode: 6, delete: 2 }); // the pair's DELETE, then the ISAKMP SA's
    expect(outcomes.b.ikeTotal).toMatchObject({ mainMode: 6, quickMode: 3, delete: 0 });
    expect(comparison.rows.some((r) => r.name.startsWith('recovery.'))).toBe(false);
    expect(comparison.headline).toMatch(
      /^Without an IPsec idle timer on R1, no ping is lost instead of an outage of 1 s/,
    );
  });
});

describe('runOutcome on small hand-made traces', () => {
  const base = (() => {
    const preset = findPreset('baseline');
    const parsed = parseScenario(preset?.document);
    if (!parsed.ok) throw new Error('baseline');
    return buildRun(parsed.loaded);
  })();
  const withRecords = (records: TraceRecord[]): Run => ({ ...base, records, durationMs: 20_000 });
  const ping = (atMs: number, seq: number, ok: boolean): TraceRecord =>
    ok
      ? { atMs, kind: 'ping', flow: 'lan1-to-lan2', seq, result: 'ok', rttMs: 40 }
      : { atMs: atMs + 2000, kind: 'ping', flow: 'lan1-to-lan2', seq, result: 'lost' };

  it('counts a ping in flight at the fault, and later outages separately', () => {
    const records: TraceRecord[] = [
      ping(1040, 0, true),
      { atMs: 2500, kind: 'fault', event: 'link-down', link: 'R1-ISP' } as TraceRecord,
      ping(2000, 1, false),
      ping(3000, 2, false),
      ping(4040, 3, true),
      ping(5000, 4, false),
      ping(6040, 5, true),
    ].sort((x, y) => x.atMs - y.atMs);
    const f = runOutcome(withRecords(records)).flows[0];
    expect(f?.lostAfter).toBe(3);
    expect(f?.outage).toEqual({ fromMs: 2000, toMs: 4000, durationMs: 2000, lost: 2 });
    expect(f?.recoveredAtMs).toBe(4040);
    expect(f?.recoveryAfterDisruptionMs).toBe(1540);
    expect(f?.recoveryAfterBackMs).toBeNull();
    expect(f?.laterOutages).toBe(1);
  });

  it('keeps one outage when the recovering reply beats the last lost ping’s timeout', () => {
    const records: TraceRecord[] = [
      ping(1040, 0, true),
      { atMs: 1500, kind: 'fault', event: 'reload', node: 'R2' } as TraceRecord,
      ping(2000, 1, false),
      ping(3000, 2, false),
      ping(4040, 3, true),
    ].sort((x, y) => x.atMs - y.atMs);
    const f = runOutcome(withRecords(records)).flows[0];
    expect(f?.outage).toEqual({ fromMs: 2000, toMs: 4000, durationMs: 2000, lost: 2 });
    expect(f?.laterOutages).toBe(0);
  });

  it('reports a flow with no pings after the fault as no traffic', () => {
    const records: TraceRecord[] = [
      ping(1040, 0, true),
      { atMs: 9000, kind: 'fault', event: 'reload', node: 'R1' },
    ];
    expect(runOutcome(withRecords(records)).flows[0]?.status).toBe('no-traffic');
  });
});

describe('the black hole with DPD typed on R1 at 1:00', () => {
  it('measures the outage the health view shows: 33 pings, 120 s to 153 s', () => {
    const document = structuredClone(findPreset('reload-black-hole')?.document);
    document?.timeline?.push({
      atMs: 60_000,
      action: 'config',
      node: 'R1',
      lines: ['crypto isakmp keepalive 10'],
    });
    const parsed = parseScenario(document);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const f = flow(runOutcome(buildRun(parsed.loaded)), 'lan1-to-lan2');
    expect(f.status).toBe('recovered');
    expect(f.outage).toEqual({ fromMs: 120_000, toMs: 153_000, durationMs: 33_000, lost: 33 });
    expect(f.recoveredAtMs).toBe(153_040);
    expect(f.laterOutages).toBe(0);
  });
});
