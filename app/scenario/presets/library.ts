// The built-in presets loaded so far, by id. The browser loads a preset's module when it is first
// shown (loadPresets); importing index.ts loads them all (the CLI, the tests, the lessons and
// compare screens). Code that needs a preset's document at once (reading a `#preset=` link,
// picking a preset) reads it here, after loading it.

import { createStore } from 'zustand/vanilla';
import { presetEntry } from './catalog';
import type { Preset } from './preset';

export interface PresetLibrary {
  loaded: Readonly<Record<string, Preset>>;
}

/** A store, so that a view showing a preset's text follows its arrival. */
export const presetLibrary = createStore<PresetLibrary>()(() => ({ loaded: {} }));

/** The preset in `library`, if its module has been loaded; undefined otherwise (or unknown). */
export function presetIn(library: PresetLibrary, id: string): Preset | undefined {
  return Object.hasOwn(library.loaded, id) ? library.loaded[id] : undefined;
}

/** The preset, if its module has been loaded; undefined otherwise (or for an unknown id). */
export function loadedPreset(id: string): Preset | undefined {
  return presetIn(presetLibrary.getState(), id);
}

export function registerPresets(presets: readonly Preset[]): void {
  const missing = presets.filter((preset) => loadedPreset(preset.id) !== preset);
  if (missing.length === 0) return;
  const loaded = { ...presetLibrary.getState().loaded };
  for (const preset of missing) loaded[preset.id] = preset;
  presetLibrary.setState({ loaded });
}

/** A preset whose module could not be loaded (the network, most likely), and why. */
export interface PresetLoadFailure {
  id: string;
  message: string;
}

/**
 * Loads the modules of the presets `ids` names that are not loaded yet. Never rejects: ids not in
 * the catalog are skipped (whoever reads them reports them unknown), and modules that could not
 * be loaded come back as failures.
 */
export async function loadPresets(ids: readonly string[]): Promise<PresetLoadFailure[]> {
  const wanted = [...new Set(ids)].filter((id) => !loadedPreset(id));
  const outcomes = await Promise.allSettled(
    wanted.map(async (id) => {
      const entry = presetEntry(id);
      if (entry) registerPresets([await entry.load()]);
    }),
  );
  return outcomes.flatMap((outcome, i) =>
    outcome.status === 'rejected'
      ? [{ id: wanted[i] as string, message: errorMessage(outcome.reason) }]
      : [],
  );
}

/**
 * Calls `use` once the presets `ids` names are loaded: at once (synchronously) when they already
 * are, else after loadPresets, with its failures.
 */
export function withPresets(
  ids: readonly string[],
  use: (failures: PresetLoadFailure[]) => void,
): void {
  if (ids.every((id) => loadedPreset(id) !== undefined || presetEntry(id) === undefined)) use([]);
  else void loadPresets(ids).then(use);
}

function errorMessage(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}
