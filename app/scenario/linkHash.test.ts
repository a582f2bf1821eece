import { beforeAll, describe, expect, it } from 'vitest';
import {
  carriesScenario,
  decodeLinkHash,
  encodePresetHash,
  HASH_MAX_CHARS,
  LINK_PATH,
  presetIdOfHash,
} from './linkHash';
import { DEFAULT_PRESET_ID, findPreset } from './presets';
import { registerPresets } from './presets/library';

// What the first load reads without the codec: preset links whole, and which links need it.

beforeAll(() => {
  const preset = findPreset(DEFAULT_PRESET_ID);
  if (preset) registerPresets([preset]);
});

describe('linkHash', () => {
  it('reads a preset link with its moment, without any scenario reader', () => {
    const hash = encodePresetHash(DEFAULT_PRESET_ID, {
      atMs: 150_020,
      paused: true,
      selected: 'R2',
    });
    expect(hash).toBe(`#preset=${DEFAULT_PRESET_ID}&t=150020&p=1&sel=R2`);
    expect(decodeLinkHash(hash, null)).toMatchObject({
      ok: true,
      presetId: DEFAULT_PRESET_ID,
      atMs: 150_020,
      paused: true,
      selected: 'R2',
    });
    expect(presetIdOfHash(hash)).toBe(DEFAULT_PRESET_ID);
    expect(carriesScenario(hash)).toBe(false);
  });

  it('says which links carry a scenario, the ones that need the codec', () => {
    expect(carriesScenario('#s=N4Ig&c=0badf00d&t=5')).toBe(true);
    expect(carriesScenario('t=5&s=')).toBe(true);
    for (const hash of ['', '#', '#preset=baseline', '#lesson=black-hole&step=2', '#x=s'])
      expect(carriesScenario(hash), hash).toBe(false);
    expect(carriesScenario(`#s=${'A'.repeat(HASH_MAX_CHARS)}`)).toBe(false);
  });

  it('without the reader, a scenario link is an error that says why, with the other errors', () => {
    expect(decodeLinkHash('#s=N4Ig&t=soon', null, 'the reader could not be loaded')).toEqual({
      ok: false,
      errors: [
        { path: LINK_PATH, message: 'the reader could not be loaded' },
        { path: LINK_PATH, message: 't=soon is not a time in ms' },
      ],
    });
  });

  it('hands the s= and c= parts to the reader, and checks t against what it read', () => {
    const seen: unknown[] = [];
    const document = findPreset(DEFAULT_PRESET_ID)?.document;
    if (!document) throw new Error('no default preset');
    const reader = (payload: string, checksum: string | undefined) => {
      seen.push([payload, checksum]);
      return { ok: true as const, document, durationMs: 1000 };
    };
    expect(decodeLinkHash('#c=0badf00d&s=a%2Bb&t=999', reader)).toMatchObject({ ok: true });
    expect(seen).toEqual([['a+b', '0badf00d']]);
    expect(decodeLinkHash('#s=x&t=1001', reader)).toEqual({
      ok: false,
      errors: [{ path: LINK_PATH, message: "t=1001 is past the scenario's end (durationMs 1000)" }],
    });
  });
});
