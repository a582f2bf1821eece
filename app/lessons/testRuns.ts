// Test helper: the run of a built-in preset, built once per test file.

import { parseScenario } from '../scenario/parseScenario';
import { findPreset } from '../scenario/presets';
import { loadEditedPreset } from '../scenario/presets/testEdits';
import { buildRun, type Run } from '../sim/run';

const runs = new Map<string, Run>();

export function presetRun(presetId: string): Run {
  let run = runs.get(presetId);
  if (!run) {
    const preset = findPreset(presetId);
    if (!preset) throw new Error(`no preset ${presetId}`);
    const parsed = parseScenario(preset.document);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    run = buildRun(parsed.loaded);
    runs.set(presetId, run);
  }
  return run;
}

/** The run of a preset with one router's config edited: the other side of a "without X" claim. */
export function editedRun(presetId: string, node: string, edit: (config: string) => string): Run {
  return buildRun(loadEditedPreset(presetId, node, edit));
}
