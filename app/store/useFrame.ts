// The frame at the current cursor, computed once per (run, t) however many views ask.

import { type Frame, frameAt } from '../sim/frame';
import type { Run } from '../sim/run';
import { useSimStore } from './simStore';

let last: { run: Run; t: number; frame: Frame } | null = null;

/** frameAt with a one-entry memo: every view rendering the same moment shares one frame. */
export function frameFor(run: Run, t: number): Frame {
  if (last && last.run === run && last.t === t) return last.frame;
  const frame = frameAt(run, t);
  last = { run, t, frame };
  return frame;
}

export function useFrame(): Frame | null {
  const run = useSimStore((s) => s.run);
  const t = useSimStore((s) => s.t);
  return run ? frameFor(run, t) : null;
}
