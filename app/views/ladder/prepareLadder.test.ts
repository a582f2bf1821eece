import { describe, expect, it } from 'vitest';
import { presetRun } from '../../lessons/testRuns';
import { RunBuilder } from '../../sim/run';
import {
  busiestPair,
  type LadderModel,
  type LadderPreparation,
  ladderModel,
  ladderPairs,
  prepareLadder,
} from './ladderModel';

const run = presetRun('reload-invalid-spi-recovery');
const whole = ladderModel(run);

/** Prepares `target` `budget` items at a time until its model is whole; the calls it took. */
function prepareAll(target: Parameters<typeof prepareLadder>[0], budget: number) {
  const fractions: number[] = [];
  let preparation: LadderPreparation = prepareLadder(target, budget);
  while (!preparation.model) {
    fractions.push(preparation.fraction);
    preparation = prepareLadder(target, budget);
  }
  return { model: preparation.model, fractions };
}

describe('the ladder prepared in slices', () => {
  it('reads a bounded number of items per call, says how far it came, and builds the same model', () => {
    const fresh = new RunBuilder(run.loaded).extendTo(run.durationMs);
    const items = fresh.sentPackets.length + fresh.records.length + fresh.localDrops.length;
    const { model, fractions } = prepareAll(fresh, 97);
    // One call per 97 items, give or take the last.
    expect(fractions.length).toBeGreaterThanOrEqual(Math.floor(items / 97) - 1);
    expect(
      fractions.every((f, i) => f < 1 && f > (i === 0 ? 0 : (fractions[i - 1] as number))),
    ).toBe(true);
    expect(model).toEqual(whole);
    // Once whole, the same model at once.
    expect(prepareLadder(fresh, 1).model).toBe(model);
  });

  it('is the same when the run grows while its ladder is prepared', () => {
    const builder = new RunBuilder(run.loaded);
    for (const untilMs of [60_000, 150_010, 150_150, run.durationMs]) {
      const slice = builder.extendTo(untilMs);
      // Part of it only: the next slice of the run arrives before the ladder is whole.
      for (let i = 0; i < 20; i++) prepareLadder(slice, 53);
    }
    const { model } = prepareAll(builder.extendTo(run.durationMs), 53);
    expect(model).toEqual(whole);
  });

  it('counts the pairs as it goes, as the arrows count them', () => {
    const scale = ladderModel(presetRun('dmvpn-scale'));
    const fromArrows: LadderModel = { ...scale, pairs: undefined };
    expect(scale.pairs?.reduce((sum, { count }) => sum + count, 0)).toBe(scale.arrows.length);
    expect(ladderPairs(scale)).toEqual(ladderPairs(fromArrows));
    for (const router of [null, 'HUB', 'SPOKE7', 'SPOKE50']) {
      expect(busiestPair(scale, router)).toEqual(busiestPair(fromArrows, router));
    }
  });
});
