import { describe, expect, it } from 'vitest';
import { presetRun } from '../../lessons/testRuns';
import { RunBuilder } from '../../sim/run';
import type { PacketRecord } from '../../sim/trace';
import { ladderLayout, ladderWindow, scaleAt, timeAtY, yAt } from './ladderLayout';
import {
  ALL_PACKETS,
  busiestPair,
  filteredLadder,
  ladderModel,
  ladderPairs,
  OPEN_ON_PAIR_ABOVE_LANES,
  openingFilter,
} from './ladderModel';

const run = presetRun('reload-invalid-spi-recovery');
const model = ladderModel(run);

/** The packets on the wire between fromMs and toMs, read from the trace records themselves. */
function tracePacketsBetween(fromMs: number, toMs: number): number[] {
  const sent = new Map<number, PacketRecord>();
  const endMs = new Map<number, number>();
  for (const record of run.records) {
    if (record.kind !== 'packet') continue;
    if (record.event === 'sent') sent.set(record.packetId, record);
    else if (sent.has(record.packetId)) endMs.set(record.packetId, record.atMs);
  }
  return [...sent.values()]
    .filter((p) => p.atMs <= toMs && (endMs.get(p.packetId) ?? p.arrivesAtMs ?? p.atMs) >= fromMs)
    .map((p) => p.packetId);
}

describe('the ladder model', () => {
  it('has an arrow for every packet of the trace, from its sender to its receiver', () => {
    const sent = run.records.filter(
      (r): r is PacketRecord => r.kind === 'packet' && r.event === 'sent',
    );
    expect(model.arrows.map((a) => a.packetId)).toEqual(sent.map((p) => p.packetId));
    const first = model.arrows.find((a) => a.msg === 'MM1');
    expect(first).toMatchObject({ src: 'R1', dst: 'R2', dropped: null, endFraction: 1 });
    expect(model.lanes).toEqual(['R1', 'R2']);
  });

  it('ends a dropped packet where it died with the trace’s reason, and R2’s DELETE names the SPI R2 logged', () => {
    const invalid = run.records.find(
      (r) => r.kind === 'syslog' && r.node === 'R2' && r.text.includes('RECVD_PKT_INV_SPI'),
    );
    const loggedSpi = invalid?.kind === 'syslog' ? /spi=(0x[0-9A-F]+)/.exec(invalid.text)?.[1] : '';
    expect(loggedSpi).toMatch(/^0x/);
    const dropped = model.arrows.filter((a) => a.msg === 'ESP' && a.spi === loggedSpi && a.dropped);
    // While R2 reloads, then for the SPI it no longer knows, at R2 itself.
    expect(dropped.some((a) => a.dropped === 'R2 is reloading')).toBe(true);
    const invalidAtR2 = dropped.filter((a) => a.dropped?.startsWith(`invalid SPI ${loggedSpi}`));
    expect(invalidAtR2.length).toBeGreaterThan(0);
    expect(invalidAtR2.every((a) => a.droppedAt === 'R2' && a.endFraction === 1)).toBe(true);
    const deleteFromR2 = model.arrows.find((a) => a.msg === 'DELETE' && a.src === 'R2');
    expect(deleteFromR2).toMatchObject({ dst: 'R1', spi: loggedSpi });
    expect(deleteFromR2?.look.label).toBe(`DELETE ${loggedSpi}`);
    expect(model.marks.some((m) => m.kind === 'warning' && m.node === 'R2')).toBe(true);
  });

  it('draws, for a window, exactly the trace’s packets on the wire in it', () => {
    const layout = ladderLayout(model, 0, run.computedUntilMs, scaleAt(1));
    for (const [fromMs, toMs] of [
      [149_000, 152_000],
      [150_010, 150_030],
      [0, 5_000],
    ] as const) {
      const window = ladderWindow(model, layout, yAt(layout, fromMs), yAt(layout, toMs));
      expect(window.arrows.map((a) => a.packetId)).toEqual(tracePacketsBetween(fromMs, toMs));
    }
  });

  it('folds quiet stretches and keeps every packet, each arrow running down', () => {
    const layout = ladderLayout(model, 0, run.computedUntilMs, scaleAt(1));
    expect(layout.gaps.length).toBeGreaterThan(100);
    expect(layout.heightPx).toBeLessThan(run.computedUntilMs * scaleAt(1).pxPerMs * 0.2);
    const whole = ladderWindow(model, layout, 0, layout.heightPx);
    expect(whole.arrows).toHaveLength(run.sentPackets.length);
    expect(whole.marks).toHaveLength(model.marks.length);
    for (const arrow of model.arrows) {
      expect(yAt(layout, arrow.endMs)).toBeGreaterThanOrEqual(yAt(layout, arrow.atMs));
    }
    const moments = [
      ...model.arrows.flatMap((a) => [a.atMs, a.endMs]),
      ...model.marks.map((m) => m.atMs),
    ];
    for (const gap of layout.gaps) {
      expect(moments.some((t) => t > gap.fromMs && t < gap.toMs)).toBe(false);
    }
    // y and time are each other's inverse (to the ms) across folds.
    for (const t of [0, 1_234, 150_140, run.computedUntilMs]) {
      expect(timeAtY(layout, yAt(layout, t))).toBeCloseTo(t, 3);
    }
  });

  it('is the same built slice by slice as built whole', () => {
    const builder = new RunBuilder(run.loaded);
    let sliced = ladderModel(builder.extendTo(60_000));
    expect(sliced.arrows.length).toBeLessThan(model.arrows.length);
    for (const untilMs of [150_010, 150_150, run.durationMs]) {
      sliced = ladderModel(builder.extendTo(untilMs));
    }
    expect(sliced).toEqual(model);
  });

  it('filters by kind and by pair of lifelines', () => {
    const ike = filteredLadder(model, { ...ALL_PACKETS, kind: 'ike' });
    expect(ike.arrows.length).toBeGreaterThan(0);
    expect(ike.arrows.every((a) => !['ESP', 'IP', 'HSRP'].includes(a.msg))).toBe(true);
    const dpd = filteredLadder(model, { ...ALL_PACKETS, kind: 'dpd' });
    expect(dpd.arrows.every((a) => a.msg.startsWith('R-U-THERE'))).toBe(true);
    const noEsp = filteredLadder(model, { ...ALL_PACKETS, kind: 'no-esp', marks: false });
    expect(noEsp.arrows.some((a) => a.msg === 'ESP')).toBe(false);
    expect(noEsp.marks).toEqual([]);
    expect(ladderPairs(model)).toEqual([['R1', 'R2']]);
    const pair = filteredLadder(model, { ...ALL_PACKETS, pair: ['R1', 'R2'] });
    expect(pair.arrows).toHaveLength(model.arrows.length);
  });
});

describe('what the ladder opens on', () => {
  it('shows every lifeline for a few routers', () => {
    expect(model.lanes.length).toBeLessThanOrEqual(OPEN_ON_PAIR_ABOVE_LANES);
    expect(openingFilter(model, null)).toEqual(ALL_PACKETS);
  });

  it('opens dmvpn-scale (51 routers) on its busiest pair, or the selected router’s', () => {
    const scale = ladderModel(presetRun('dmvpn-scale'));
    expect(scale.lanes.length).toBeGreaterThan(OPEN_ON_PAIR_ABOVE_LANES);
    const between = (a: string, b: string) =>
      scale.arrows.filter((x) => (x.src === a && x.dst === b) || (x.src === b && x.dst === a))
        .length;
    const counts = ladderPairs(scale).map((pair) => between(pair[0], pair[1]));
    const pair = openingFilter(scale, null).pair;
    expect(pair).not.toBeNull();
    const [a, b] = pair as readonly [string, string];
    expect(between(a, b)).toBe(Math.max(...counts));
    const spoke = scale.lanes.find((lane) => lane !== a && lane !== b && lane.startsWith('SPOKE'));
    const ofSpoke = busiestPair(scale, spoke ?? null);
    expect(ofSpoke).toContain(spoke);
    expect(openingFilter(scale, spoke ?? null)).toEqual({ ...ALL_PACKETS, pair: ofSpoke });
  });
});
