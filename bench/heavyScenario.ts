// Scenarios of a chosen size in trace records, by the page's own estimate: a preset run for as
// long as it takes (its pings made faster if asked). The heaviest runs the studio allows are these
// at STUDIO_TRACE_RECORDS_MAX: the baseline's two routers pinging every 100 ms (mostly packets),
// and the 50-spoke DMVPN hub (51 routers' tables snapshotted at every change, periodic DPD).

import { loadScenarioDocument } from '../app/scenario/loadScenario';
import { findPreset } from '../app/scenario/presets';
import type { ScenarioDocument } from '../app/scenario/schema';
import { estimateWork } from '../app/scenario/workEstimate';

/** Estimated records of the document, or an error if it does not load. */
export function estimatedRecordsOf(document: ScenarioDocument): number {
  const result = loadScenarioDocument(document);
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('; '));
  return estimateWork(result.loaded).records;
}

/**
 * Preset `presetId` lasting whole seconds, about `estimatedRecords`; every flow pings every
 * `pingEveryMs` when given.
 */
export function heavyScenario(
  presetId: string,
  estimatedRecords: number,
  pingEveryMs?: number,
): ScenarioDocument {
  const preset = findPreset(presetId);
  if (!preset) throw new Error(`no preset ${presetId}`);
  const withDuration = (durationMs: number): ScenarioDocument => ({
    ...preset.document,
    title: `${preset.title}, for longer`,
    durationMs,
    traffic: (preset.document.traffic ?? []).map((flow) => ({
      ...flow,
      everyMs: pingEveryMs ?? flow.everyMs,
    })),
  });
  // The estimate is linear in the duration past the first minutes: scale one measurement.
  const probeMs = 3_600_000;
  const perMs = estimatedRecordsOf(withDuration(probeMs)) / probeMs;
  return withDuration(Math.floor(estimatedRecords / perMs / 1000) * 1000);
}
