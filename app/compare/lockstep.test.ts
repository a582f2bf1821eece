import { describe, expect, it } from 'vitest';
import { nextEventAtMs } from '../store/navigation';
import {
  advancePair,
  nextPairEventAtMs,
  pairDurationMs,
  previousPairEventAtMs,
  reducedMotionPairTarget,
  runTime,
} from './lockstep';
import { timelineMarkers } from './markers';
import { prepareCompare } from './prepare';

function ready(payload: string) {
  const prepared = prepareCompare(payload);
  if (prepared.kind !== 'ready') throw new Error(payload);
  return prepared.compare;
}

describe('one cursor over two runs', () => {
  const { runs, outcomes } = ready('reload-black-hole~R2~invalid-spi-recovery~off~on');

  it('steps to the next event of either run', () => {
    // Just after the boot only B (recovery on) has IKE traffic: the step stops there.
    const t = 150_000;
    const next = nextPairEventAtMs(runs, t);
    expect(next).toBe(
      Math.min(nextEventAtMs(runs[0], t) ?? Infinity, nextEventAtMs(runs[1], t) ?? Infinity),
    );
    expect(previousPairEventAtMs(runs, next)).toBeLessThan(next);
    expect(nextPairEventAtMs(runs, pairDurationMs(runs))).toBe(pairDurationMs(runs));
    expect(previousPairEventAtMs(runs, 0)).toBe(0);
  });

  it('advances by the slower of the two runs, never past the end', () => {
    expect(advancePair(runs, 0, 100, 10, false)).toBe(1000);
    const adaptive = advancePair(runs, 120_000, 16, 1, true);
    expect(adaptive).toBeGreaterThan(120_000);
    expect(advancePair(runs, pairDurationMs(runs) - 1, 10_000, 1000, false)).toBe(
      pairDurationMs(runs),
    );
    expect(reducedMotionPairTarget(runs, 0, 700, 1, true)).toBeGreaterThan(0);
  });

  it('holds a shorter run at its end', () => {
    const { runs: mixed } = ready('gre-tp-reload~dmvpn-hub-reload');
    const [short, long] = mixed[0].durationMs < mixed[1].durationMs ? mixed : [mixed[1], mixed[0]];
    expect(pairDurationMs(mixed)).toBe(long.durationMs);
    expect(runTime(short, long.durationMs)).toBe(short.durationMs);
    expect(advancePair(mixed, short.durationMs, 100, 10, false)).toBe(short.durationMs + 1000);
  });

  it('marks the fault once for both sides and each side’s recovery', () => {
    const markers = timelineMarkers(outcomes.a, outcomes.b);
    expect(markers.map((m) => [m.kind, m.side])).toEqual([
      ['fault', 'both'],
      ['back', 'both'],
      ['recovered', 'b'],
    ]);
    expect(markers[0]?.label).toBe('R2 reloads');
  });
});

describe('prepareCompare', () => {
  it('shows the picker for no payload or a blank one', () => {
    expect(prepareCompare(null).kind).toBe('picker');
    expect(prepareCompare('  ').kind).toBe('picker');
  });

  it('gives the parse error for a bad payload', () => {
    const prepared = prepareCompare('reload-black-hole~R9~invalid-spi-recovery~off~on');
    expect(prepared).toEqual({
      kind: 'error',
      spec: null,
      errors: ['"R9" is not a router of reload-black-hole; its routers are R1, R2'],
    });
  });
});
