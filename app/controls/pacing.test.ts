import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/parseScenario';
import { findPreset } from '../scenario/presets';
import { buildRun, type Run } from '../sim/run';
import { nextEventAtMs } from '../store/navigation';
import { frameWallMs, MAX_FRAME_WALL_MS, reducedMotionStepTarget } from './pacing';

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
