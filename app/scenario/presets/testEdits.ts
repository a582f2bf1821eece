// Test helper: a built-in preset with one router's config edited, loaded, for the other side of a
// "without X" claim. Test-only: nothing in the app imports it.

import { parseScenario } from '../parseScenario';
import type { LoadedScenario } from '../types';
import { findPreset } from './index';

export function loadEditedPreset(
  presetId: string,
  node: string,
  edit: (config: string) => string,
): LoadedScenario {
  const preset = findPreset(presetId);
  if (!preset) throw new Error(`no preset ${presetId}`);
  let changed = false;
  const nodes = preset.document.nodes.map((n) => {
    if (n.kind !== 'router' || n.id !== node) return n;
    const config = edit(n.config);
    changed = config !== n.config;
    return { ...n, config };
  });
  if (!changed) throw new Error(`the edit changed nothing in ${node}'s config`);
  const parsed = parseScenario({ ...preset.document, nodes });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.loaded;
}
