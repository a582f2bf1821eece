// Seeded pseudo-random source: every random value in a run (SPIs, cookies, message IDs, DPD
// sequence numbers) is drawn from one of these, in a fixed order, so a scenario replays exactly.
// Algorithm: mulberry32 (public domain, Tommy Ettinger), 32-bit state, period 2^32.

export interface Rng {
  /** A uniformly distributed unsigned 32-bit integer. */
  nextUint32(): number;
  /** An integer in [min, max], both inclusive; max - min < 2^32. */
  nextInt(min: number, max: number): number;
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const nextUint32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  return {
    nextUint32,
    nextInt(min, max) {
      const span = max - min + 1;
      return min + (nextUint32() % span);
    },
  };
}
