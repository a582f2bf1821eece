// A built-in preset for a view that shows its text: loaded on demand, the view re-rendered when it
// arrives.

import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { Preset } from '../scenario/presets';
import { loadPresets, presetIn, presetLibrary } from '../scenario/presets/library';

/** The preset `id` names (none for undefined), once its module is loaded; loads it if need be. */
export function useLoadedPreset(id: string | undefined): Preset | undefined {
  const preset = useStore(presetLibrary, (library) =>
    id === undefined ? undefined : presetIn(library, id),
  );
  useEffect(() => {
    if (id !== undefined && preset === undefined) void loadPresets([id]);
  }, [id, preset]);
  return preset;
}
