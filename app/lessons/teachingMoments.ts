// Test helper: the moments a class stops on in a preset's run, where the topology must stay
// legible: every step cue of the lessons built on it, and the moments its labels are busiest
// (the first DELETE and the first R-U-THERE halfway across, the first burst of drops).

import type { Run } from '../sim/run';
import { cueTime } from './cue';
import { LESSONS } from './lessons';
import { presetRun } from './testRuns';

export interface TeachingMoment {
  atMs: number;
  /** What happens then, for a test's message: "black-hole step 4", "DELETE in flight". */
  why: string;
}

/** Halfway through the first whole flight of an ISAKMP message (one that arrives). */
function firstInFlight(run: Run, msg: string): number | undefined {
  const sent = run.sentPackets.find((p) => p.msg === msg && p.arrivesAtMs !== undefined);
  if (sent?.arrivesAtMs === undefined) return undefined;
  return Math.round((sent.atMs + sent.arrivesAtMs) / 2);
}

/** The first moment some packet is dropped. */
function firstDrop(run: Run): number | undefined {
  return run.records.find((r) => r.kind === 'packet' && r.event === 'dropped')?.atMs;
}

/** The moments of `presetId`, in time order, without repeats. */
export function teachingMoments(presetId: string): TeachingMoment[] {
  const run = presetRun(presetId);
  const moments: TeachingMoment[] = [];
  const add = (atMs: number | undefined, why: string) => {
    if (atMs === undefined || atMs > run.durationMs) return;
    if (!moments.some((m) => m.atMs === atMs)) moments.push({ atMs, why });
  };
  for (const lesson of LESSONS.filter((l) => l.presetId === presetId)) {
    lesson.steps.forEach((step, i) => {
      if ('cue' in step) add(cueTime(run, step.cue), `${lesson.id} step ${i + 1}`);
    });
  }
  add(firstInFlight(run, 'DELETE'), 'DELETE in flight');
  add(firstInFlight(run, 'R-U-THERE'), 'R-U-THERE in flight');
  add(firstDrop(run), 'first drops');
  return moments.sort((a, b) => a.atMs - b.atMs);
}
