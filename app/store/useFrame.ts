// The frame at a cursor, computed once per (run, t) however many views ask.

import { type Frame, frameAt } from '../sim/frame';
import type { Run } from '../sim/run';

const last = new WeakMap<Run, { t: number; frame: Frame }>();

/**
 * frameAt with a one-entry memo per run: every view rendering the same moment of a run shares one
 * frame (two runs side by side, as compare shows them, do not evict each other).
 */
export function frameFor(run: Run, t: number): Frame {
  const memo = last.get(run);
  if (memo && memo.t === t) return memo.frame;
  const frame = frameAt(run, t);
  last.set(run, { t, frame });
  return frame;
}
