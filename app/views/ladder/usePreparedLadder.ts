// The ladder's model for the view, prepared in slices: the first showing of a long run reads its
// whole trace (the heaviest run the studio allows: 290,000 packets and 800,000 records, seconds of
// work), which must not block the page. A slice reads items until SLICE_WALL_MS have passed, then
// yields to the browser until a 0 ms timer; meanwhile the view says how far it has come. A run
// being computed that the ladder already shows keeps showing its last model until the new one is
// ready, so the ladder does not flash back to "preparing".

import { useEffect, useMemo, useState } from 'react';
import type { Run } from '../../sim/run';
import { type LadderModel, type LadderPreparation, prepareLadder } from './ladderModel';

/**
 * Wall time of a slice (ms): on a machine whose cores are busy with other work a slice takes
 * several times this, and stays under the 200 ms a task may block (as runProgress's slices).
 */
const SLICE_WALL_MS = 12;
/** Items read between two looks at the clock: well under a millisecond of work. */
const ITEMS_PER_STEP = 500;

/** Prepares the ladder of `run` for about SLICE_WALL_MS: the model, or how far it came. */
function prepareSlice(run: Run): LadderPreparation {
  const untilWallMs = performance.now() + SLICE_WALL_MS;
  let preparation = prepareLadder(run, ITEMS_PER_STEP);
  while (!preparation.model && performance.now() < untilWallMs) {
    preparation = prepareLadder(run, ITEMS_PER_STEP);
  }
  return preparation;
}

export interface PreparedLadder {
  /** The model to show: this run's, or while it is prepared the last one of the same trace. */
  model: LadderModel | null;
  /** True while the run's model is being prepared. */
  preparing: boolean;
  /** How far (0–1). */
  fraction: number;
}

export function usePreparedLadder(run: Run | null): PreparedLadder {
  // A first slice as the run renders: a short run's whole ladder is there at once.
  const atOnce = useMemo(() => (run ? prepareSlice(run) : null), [run]);
  const [sliced, setSliced] = useState<{ run: Run; preparation: LadderPreparation } | null>(null);
  const [last, setLast] = useState<{ records: Run['records']; model: LadderModel } | null>(null);

  useEffect(() => {
    if (!run || !atOnce || atOnce.model) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const slice = () => {
      const preparation = prepareSlice(run);
      setSliced({ run, preparation });
      if (!preparation.model) timer = setTimeout(slice, 0);
    };
    timer = setTimeout(slice, 0);
    return () => clearTimeout(timer);
  }, [run, atOnce]);

  const preparation = sliced?.run === run ? sliced.preparation : atOnce;
  const ready = preparation?.model ?? null;
  if (run && ready && (last?.model !== ready || last.records !== run.records)) {
    setLast({ records: run.records, model: ready });
  }
  const model = ready ?? (run && last?.records === run.records ? last.model : null);
  return { model, preparing: ready === null && run !== null, fraction: preparation?.fraction ?? 0 };
}
