// Pure. Loads a preset through parseScenario and runs it: what the first page shows.

import { parseScenario } from '../scenario/parseScenario';
import { findPreset, type Preset } from '../scenario/presets';
import type { ScenarioError } from '../scenario/types';
import { simulate } from '../sim';
import type { RouterView } from '../sim/snapshot';
import type { TraceRecord } from '../sim/trace';

export interface PresetRun {
  preset: Preset | undefined;
  /** Node ids of the routers, in scenario order. */
  routers: string[];
  records: TraceRecord[];
  views: RouterView[];
  endMs: number;
  /** Why there is no trace: the preset is unknown, fails to parse, or the engine threw. */
  errors: ScenarioError[];
}

export function runPreset(id: string): PresetRun {
  const preset = findPreset(id);
  const empty = { preset, routers: [], records: [], views: [], endMs: 0 };
  if (!preset)
    return { ...empty, errors: [{ path: 'preset', message: `no preset has the id "${id}"` }] };
  const parsed = parseScenario(preset.document);
  if (!parsed.ok) return { ...empty, errors: parsed.errors };
  const routers = parsed.loaded.scenario.nodes.filter((n) => n.kind === 'router').map((n) => n.id);
  try {
    const result = simulate(parsed.loaded);
    return { preset, routers, ...result, errors: [] };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ...empty, routers, errors: [{ path: 'simulation', message: `stopped: ${message}` }] };
  }
}
