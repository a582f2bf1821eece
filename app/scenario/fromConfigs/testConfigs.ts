// For tests: the startup-configs of a preset's routers as plain config files, and the run of the
// scenario inferred from them.

import { simulate } from '../../sim';
import type { TraceRecord } from '../../sim/trace';
import { parseScenario } from '../parseScenario';
import { findPreset } from '../presets';
import { inferScenario } from './inferScenario';
import type { ConfigSource } from './types';

/** Each router of the preset as `<id>.cfg` holding its startup-config, in document order. */
export function presetConfigFiles(presetId: string): ConfigSource[] {
  const preset = findPreset(presetId);
  if (preset === undefined) throw new Error(`no preset ${presetId}`);
  return preset.document.nodes.flatMap((node) =>
    node.kind === 'router' ? [{ name: `${node.id}.cfg`, text: node.config }] : [],
  );
}

/** The records of the scenario inferred from `sources`, run up to `untilMs`. */
export function runInferred(sources: readonly ConfigSource[], untilMs: number): TraceRecord[] {
  const inference = inferScenario(sources);
  if (!inference.ok) throw new Error(JSON.stringify(inference.errors));
  const loaded = parseScenario(inference.document);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return simulate(loaded.loaded, { untilMs }).records;
}
