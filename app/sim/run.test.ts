import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/parseScenario';
import { findPreset } from '../scenario/presets';
import type { LoadedScenario } from '../scenario/types';
import { frameAt } from './frame';
import { buildRun, isComplete, type Run, RunBuilder } from './run';

function load(id: string): LoadedScenario {
  const parsed = parseScenario(findPreset(id)?.document);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.loaded;
}

/** Everything of a run but the scenario it came from, as plain data. */
function contents(run: Run) {
  const { loaded: _loaded, ...rest } = run;
  return JSON.parse(
    JSON.stringify(rest, (_key, value) => (value instanceof Map ? [...value] : value)),
  ) as unknown;
}

describe('RunBuilder', () => {
  it.each(['reload-invalid-spi-recovery', 'dpd-backup-peer', 'dmvpn-hub-reload'])(
    '%s: a run built in random slices equals the run built at once',
    (id) => {
      const loaded = load(id);
      const whole = contents(buildRun(loaded));
      const durationMs = loaded.scenario.durationMs;
      fc.assert(
        fc.property(
          fc.uniqueArray(fc.integer({ min: 0, max: durationMs }), { maxLength: 6 }),
          (cuts) => {
            const builder = new RunBuilder(loaded);
            for (const atMs of [...cuts].sort((a, b) => a - b)) {
              const partial = builder.extendTo(atMs);
              expect(partial.computedUntilMs).toBe(atMs);
              expect(isComplete(partial)).toBe(atMs === durationMs);
              expect(partial.records.every((record) => record.atMs <= atMs)).toBe(true);
            }
            expect(contents(builder.extendTo(durationMs))).toEqual(whole);
            expect(builder.done).toBe(true);
          },
        ),
        { numRuns: 8 },
      );
    },
  );

  it.each(['reload-invalid-spi-recovery', 'dmvpn-hub-reload'])(
    '%s: slices bounded by records stop at the end of a millisecond, and add up to the whole run',
    (id) => {
      const loaded = load(id);
      const whole = buildRun(loaded);
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 400 }), (maxNewRecords) => {
          const builder = new RunBuilder(loaded);
          let run = builder.extendTo(0);
          while (!builder.done) {
            const before = run.records.length;
            run = builder.extendTo(Number.POSITIVE_INFINITY, maxNewRecords);
            const added = run.records.slice(before);
            // Every record of the millisecond it stopped at is in, none of a later one.
            expect(added.every((record) => record.atMs <= run.computedUntilMs)).toBe(true);
            const next = whole.records[run.records.length];
            if (next) expect(next.atMs).toBeGreaterThan(run.computedUntilMs);
            // It stops as soon as the budget is reached at a millisecond's end.
            const lastMs = added[added.length - 1]?.atMs;
            const beforeLastMs = added.filter((record) => record.atMs !== lastMs).length;
            if (!builder.done) expect(beforeLastMs).toBeLessThan(maxNewRecords);
          }
          expect(contents(run)).toEqual(contents(whole));
        }),
        { numRuns: 4 },
      );
    },
  );

  it('draws a moment from a partial run as the complete run does', () => {
    const loaded = load('reload-invalid-spi-recovery');
    const whole = buildRun(loaded);
    const builder = new RunBuilder(loaded);
    for (const atMs of [0, 5_150, 150_030, 150_130]) {
      const partial = builder.extendTo(atMs);
      expect(frameAt(partial, atMs)).toEqual(frameAt(whole, atMs));
    }
  });

  it('runs the events at 0 ms on the first slice, and never past the scenario', () => {
    const loaded = load('baseline');
    const builder = new RunBuilder(loaded);
    expect(builder.extendTo(0).computedUntilMs).toBe(0);
    const end = builder.extendTo(Number.MAX_SAFE_INTEGER);
    expect(end.computedUntilMs).toBe(loaded.scenario.durationMs);
    expect(builder.extendTo(1_000).computedUntilMs).toBe(loaded.scenario.durationMs);
  });

  it('indexes the ESP drops for an unknown SPI per router, and no other drop', () => {
    const run = buildRun(load('reload-black-hole'));
    const r2 = run.invalidSpiDropTimes.get('R2') ?? [];
    const drops = run.records.filter((r) => r.kind === 'packet' && r.event === 'dropped');
    expect(drops.some((r) => r.kind === 'packet' && !r.reason?.startsWith('invalid SPI'))).toBe(
      true,
    );
    const expected = drops
      .filter((r) => r.kind === 'packet' && r.node === 'R2' && r.reason?.startsWith('invalid SPI'))
      .map((r) => r.atMs);
    expect(r2.length).toBeGreaterThan(700);
    expect(r2).toEqual(expected);
  });

  it('computes whole milliseconds only', () => {
    const builder = new RunBuilder(load('baseline'));
    expect(builder.extendTo(1_234.9).computedUntilMs).toBe(1_234);
  });
});
