// The catalog the first load carries, and the library that loads presets on demand: the catalog
// matches the presets themselves, and a preset arrives only when asked for.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PRESET_ID, PRESET_CATALOG, presetEntry, presetTitle } from './catalog';
import { PRESETS } from './index';
import { loadedPreset, loadPresets, presetLibrary, registerPresets, withPresets } from './library';

describe('PRESET_CATALOG', () => {
  it('lists every preset, in the order of PRESETS, with its title', () => {
    expect(PRESET_CATALOG.map(({ id, title }) => ({ id, title }))).toEqual(
      PRESETS.map(({ id, title }) => ({ id, title })),
    );
    expect(presetEntry(DEFAULT_PRESET_ID)).toBeDefined();
  });

  it("loads each preset's own module", async () => {
    for (const entry of PRESET_CATALOG) {
      expect(await entry.load()).toBe(PRESETS.find((preset) => preset.id === entry.id));
    }
  });

  it('gives each preset document the title the picker shows', () => {
    for (const preset of PRESETS) expect(preset.document.title).toBe(presetTitle(preset.id));
    expect(() => presetTitle('no-such-preset')).toThrow(/missing from PRESET_CATALOG/);
  });
});

describe('the library', () => {
  // Tests start with every preset loaded (testSetup.ts): here the library starts empty, as in a
  // browser that has loaded nothing yet.
  beforeEach(() => presetLibrary.setState({ loaded: {} }, true));
  afterEach(() => registerPresets(PRESETS));

  it('loads only the presets asked for', async () => {
    expect(loadedPreset('baseline')).toBeUndefined();
    expect(await loadPresets(['baseline', 'baseline'])).toEqual([]);
    expect(loadedPreset('baseline')?.document.title).toBe(presetTitle('baseline'));
    expect(Object.keys(presetLibrary.getState().loaded)).toEqual(['baseline']);
  });

  it('skips ids that are not built in, and never reads an inherited property', async () => {
    expect(await loadPresets(['no-such-preset', 'constructor'])).toEqual([]);
    expect(loadedPreset('constructor')).toBeUndefined();
    expect(presetLibrary.getState().loaded).toEqual({});
  });

  it('calls back at once when the presets are loaded, after loading them otherwise', async () => {
    const calls: string[] = [];
    withPresets(['idle-timer'], () => calls.push('after load'));
    expect(calls).toEqual([]);
    await loadPresets(['idle-timer']);
    expect(calls).toEqual(['after load']);
    withPresets(['idle-timer', 'no-such-preset'], () => calls.push('at once'));
    expect(calls).toEqual(['after load', 'at once']);
  });
});
