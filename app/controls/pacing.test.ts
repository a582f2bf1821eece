import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/parseScenario';
import { findPreset } from '../scenario/presets';
import { buildRun, type Run } from '../sim/run';
import {
  ADAPTIVE_IKE_FLIGHT_WALL_MS,
  advance,
  nextEventAtMs,
  pacedRate,
} from '../store/navigation';
import {
  formatRate,
  frameWallMs,
  MAX_FRAME_WALL_MS,
  paceReadout,
  reducedMotionStepTarget,
} from './pacing';

function run(id: string): Run {
  const parsed = parseScenario(findPreset(id)?.document);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return buildRun(parsed.loaded);
}

describe('frameWallMs', () => {
  it('starts at 0, follows the frames, and clamps a long gap (a backgrounded tab)', () => {
    expect(frameWallMs(null, 1234)).toBe(0);
    expect(frameWallMs(1000, 1016.7)).toBeCloseTo(16.7);
    expect(frameWallMs(1000, 61_000)).toBe(MAX_FRAME_WALL_MS);
    expect(frameWallMs(1000, 900)).toBe(0);
  });
});

describe('reducedMotionStepTarget', () => {
  const blackHole = run('reload-black-hole');

  it('goes event by event at 1x', () => {
    let t = 0;
    const seen: number[] = [];
    for (let i = 0; i < 6; i++) {
      t = reducedMotionStepTarget(blackHole, t, 1, true);
      seen.push(t);
    }
    expect(seen).toEqual([5000, 5020, 5040, 5060, 5080, 5100]);
  });

  it('covers more ground at a high speed, never backwards, never past the end', () => {
    const t = reducedMotionStepTarget(blackHole, 10_000, 100, false);
    expect(t).toBe(10_000 + 700 * 100);
    expect(t).toBeGreaterThan(nextEventAtMs(blackHole, 10_000) ?? 0);
    const end = blackHole.durationMs;
    expect(reducedMotionStepTarget(blackHole, end - 10, 1000, false)).toBe(end);
    expect(reducedMotionStepTarget(blackHole, end, 1, true)).toBe(end);
  });
});

describe('the pace read-out', () => {
  const blackHole = run('reload-black-hole');

  it('formats rates with two significant digits at most', () => {
    expect([0.0133, 0.5, 1, 2.5, 8, 40.4, 999.6, 2345, 12_345].map(formatRate)).toEqual([
      '×0.013',
      '×0.5',
      '×1',
      '×2.5',
      '×8',
      '×40',
      '×1000',
      '×2300',
      '×12k',
    ]);
  });

  it('says nothing without adaptive pacing, or at the chosen speed', () => {
    expect(paceReadout(8, pacedRate(blackHole, 5010, 8, false))).toBeNull();
    // 60.5 s: between two pings, the gap to the next packet is skipped no faster than ×1000.
    const quietAt = 60_500;
    expect(paceReadout(1000, pacedRate(blackHole, quietAt, 1000, true))).toBeNull();
  });

  it('says how much slower an IKE exchange runs, and why', () => {
    // 5.010 s: MM1 is between R1 and R2. Its 20 ms flight takes 1.5 s of wall time at ×1.
    const paced = pacedRate(blackHole, 5010, 1, true);
    expect(paced).toMatchObject({ reason: 'ike-in-flight' });
    expect(paced.rate).toBeCloseTo(blackHole.maxFlightMs / ADAPTIVE_IKE_FLIGHT_WALL_MS);
    expect(paceReadout(1, paced)).toBe(`×1 → ${formatRate(paced.rate)} (IKE in flight)`);
    expect(paceReadout(8, pacedRate(blackHole, 5010, 8, true))).toBe(
      `×8 → ${formatRate(paced.rate * 8)} (IKE in flight)`,
    );
    // The read-out is the rate playback really moves at: one wall second advances this far.
    expect(advance(blackHole, 5010, 1, 1, true) - 5010).toBeCloseTo(paced.rate);
  });

  it('says when ESP slows it, and when a quiet stretch is skipped', () => {
    // 60.005 s: a ping's ESP is in flight.
    expect(paceReadout(1, pacedRate(blackHole, 60_005, 1, true))).toMatch(
      /^×1 → ×\d.* \(packets in flight\)$/,
    );
    // 60.5 s: nothing in flight until the next ping at 61 s: 0.5 s skipped in 0.4 s.
    const quiet = pacedRate(blackHole, 60_500, 1, true);
    expect(quiet).toMatchObject({ reason: 'quiet', untilMs: 61_000 });
    expect(paceReadout(1, quiet)).toBe('×1 → ×1.3 (skipping quiet time)');
  });
});
