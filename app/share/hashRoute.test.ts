import LZString from 'lz-string';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodePresetHash, LINK_PATH } from '../scenario/linkHash';
import { DEFAULT_PRESET_ID, findPreset, PRESETS } from '../scenario/presets';
import {
  loadedPreset,
  loadPresets,
  presetLibrary,
  registerPresets,
} from '../scenario/presets/library';
import { encodeShareHash } from '../scenario/scenarioUrl';
import type { ScenarioDocument } from '../scenario/schema';
import {
  defaultRoute,
  type HashRoute,
  lessonHash,
  presetRoute,
  presetsOfHash,
  routeFromHash,
} from './hashRoute';
import { loadLinkCodec } from './linkCodecStore';

const BLACK_HOLE = findPreset(DEFAULT_PRESET_ID)?.document as ScenarioDocument;

function errorsOf(route: HashRoute) {
  if (route.kind !== 'error') throw new Error(`expected an error route, got ${route.kind}`);
  return route.errors;
}

// Shared scenarios (`s=`) are read by the link codec, loaded first as main.tsx does.
beforeAll(async () => {
  await loadLinkCodec();
});

describe('routeFromHash', () => {
  it('opens the default preset at 0, paused, for an empty hash', () => {
    for (const hash of ['', '#']) {
      expect(routeFromHash(hash)).toEqual({
        kind: 'scenario',
        document: BLACK_HOLE,
        presetId: DEFAULT_PRESET_ID,
        atMs: 0,
        paused: true,
        selected: null,
        view: 'topology',
        chart: 'ike',
      });
    }
    expect(defaultRoute()).toEqual(routeFromHash(''));
  });

  it('reads the selected router of a link', () => {
    expect(
      routeFromHash(encodePresetHash('baseline', { atMs: 5000, selected: 'R2' })),
    ).toMatchObject({ kind: 'scenario', presetId: 'baseline', atMs: 5000, selected: 'R2' });
    expect(errorsOf(routeFromHash('#preset=baseline&sel=HUB'))[0]?.message).toContain(
      'sel=HUB names no router of this scenario',
    );
  });

  it('reads a preset link with its moment: playing unless p=1', () => {
    expect(routeFromHash(encodePresetHash('baseline', { atMs: 5000 }))).toMatchObject({
      kind: 'scenario',
      presetId: 'baseline',
      atMs: 5000,
      paused: false,
    });
    expect(routeFromHash(encodePresetHash('baseline', { atMs: 5000, paused: true }))).toMatchObject(
      { atMs: 5000, paused: true },
    );
  });

  it('opens a link without t at 0, paused, as picking a preset does', () => {
    expect(routeFromHash('#preset=baseline')).toEqual(presetRoute('baseline'));
    expect(routeFromHash(encodeShareHash({ document: BLACK_HOLE }))).toMatchObject({
      kind: 'scenario',
      presetId: null,
      atMs: 0,
      paused: true,
    });
  });

  it('reads a shared scenario at its moment', () => {
    const edited = { ...BLACK_HOLE, title: 'Edited', durationMs: 200_000 };
    const route = routeFromHash(encodeShareHash({ document: edited, atMs: 150_020, paused: true }));
    expect(route).toMatchObject({ kind: 'scenario', presetId: null, atMs: 150_020, paused: true });
    if (route.kind === 'scenario') {
      expect(route.document.title).toBe('Edited');
      expect(route.document.durationMs).toBe(200_000);
    }
  });

  it('passes lessons and comparisons through', () => {
    const lesson = (id: string, step = 1) => ({ kind: 'lesson', id, step, stepError: null });
    expect(routeFromHash('#lesson=black-hole')).toEqual(lesson('black-hole'));
    expect(routeFromHash('#lesson=a%20b&step=2')).toEqual(lesson('a b', 2));
    expect(routeFromHash('#lesson=%E0%A4%A')).toEqual(lesson('%E0%A4%A'));
    expect(routeFromHash('#compare=x&y=%zz')).toEqual({ kind: 'compare', payload: 'x&y=%zz' });
    expect(routeFromHash('#compare')).toEqual({ kind: 'compare', payload: '' });
    expect(routeFromHash('#lessons')).toEqual({ kind: 'lessons' });
    expect(routeFromHash('#lesson')).toEqual(lesson(''));
    expect(routeFromHash('#lesson&x=1')).toEqual(lesson(''));
    expect(routeFromHash('#compare=a\nb')).toEqual({ kind: 'compare', payload: 'a\nb' });
    expect(routeFromHash('#lessonx=1').kind).toBe('error');
  });

  it('reads a lesson link’s step, 1-based, wherever it stands among the parameters', () => {
    expect(routeFromHash('#lesson=black-hole&step=3')).toMatchObject({ step: 3, stepError: null });
    expect(routeFromHash('#lesson=black-hole&x=1&step=07')).toMatchObject({ step: 7 });
    expect(routeFromHash('#lesson=black-hole&step=%34')).toMatchObject({ step: 4 });
    // Past the lesson's end is for the player to clamp: the route does not know the length.
    expect(routeFromHash('#lesson=black-hole&step=999')).toMatchObject({ step: 999 });
    expect(routeFromHash(`#lesson=black-hole&step=${'9'.repeat(400)}`)).toMatchObject({
      step: Number.MAX_SAFE_INTEGER,
      stepError: null,
    });
    expect(routeFromHash(lessonHash('a b&c', 5))).toEqual({
      kind: 'lesson',
      id: 'a b&c',
      step: 5,
      stepError: null,
    });
  });

  it('opens a mangled step at step 1 and says why, naming what the link said', () => {
    for (const [value, shown] of [
      ['abc', '“abc”'],
      ['0', '“0”'],
      ['00', '“00”'],
      ['-2', '“-2”'],
      ['2.5', '“2.5”'],
      ['', '“”'],
      ['3x', '“3x”'],
      ['%zz', '“%zz”'],
      ['<b>1</b>', '“<b>1</b>”'],
    ] as const) {
      const route = routeFromHash(`#lesson=black-hole&step=${value}`);
      expect(route, value).toMatchObject({ kind: 'lesson', id: 'black-hole', step: 1 });
      const error = route.kind === 'lesson' ? route.stepError : null;
      expect(error, value).toContain(shown);
      expect(error, value).toMatch(/not a step number .* opens at its first step/);
    }
    expect(routeFromHash('#lesson=black-hole&step').kind).toBe('lesson');
    const long = routeFromHash(`#lesson=black-hole&step=${'x'.repeat(500)}`);
    expect(long.kind === 'lesson' && long.stepError?.length).toBeLessThan(140);
  });

  it('turns a bad link into errors with paths, over the default preset', () => {
    const valid = encodeShareHash({ document: BLACK_HOLE, atMs: 1000 });
    const bad = [
      '#s=garbage!!!',
      valid.slice(0, valid.length / 2),
      '#preset=no-such-preset',
      '#t=5000',
      '#hello',
      `#s=${LZString.compressToEncodedURIComponent(JSON.stringify({ ...BLACK_HOLE, version: 99 }))}`,
    ];
    for (const hash of bad) {
      const route = routeFromHash(hash);
      expect(route.kind, hash).toBe('error');
      if (route.kind === 'error') expect(route.fallback).toEqual(defaultRoute());
      const errors = errorsOf(route);
      expect(errors.length).toBeGreaterThan(0);
      for (const error of errors) {
        expect(error.path).not.toBe('');
        expect(error.message).not.toBe('');
      }
    }
    expect(errorsOf(routeFromHash('#preset=no-such-preset'))).toEqual([
      { path: LINK_PATH, message: 'no built-in scenario is called "no-such-preset"' },
    ]);
    expect(
      errorsOf(routeFromHash(bad[5] ?? ''))
        .map((e) => e.message)
        .join(' '),
    ).toMatch(/version/);
  });

  it('keeps hostile text as data', () => {
    const title = '<img src=x onerror="window.__pwned=1">';
    const route = routeFromHash(encodeShareHash({ document: { ...BLACK_HOLE, title } }));
    expect(route.kind === 'scenario' && route.document.title).toBe(title);
  });
});

describe('presetsOfHash: what to load before routeFromHash', () => {
  beforeEach(() => presetLibrary.setState({ loaded: {} }, true));
  afterEach(() => registerPresets(PRESETS));

  it('names the default, and the preset a link names', () => {
    expect(presetsOfHash('')).toEqual([DEFAULT_PRESET_ID]);
    expect(presetsOfHash('#lessons')).toEqual([DEFAULT_PRESET_ID]);
    expect(presetsOfHash(encodeShareHash({ document: BLACK_HOLE }))).toEqual([DEFAULT_PRESET_ID]);
    expect(presetsOfHash('#t=5000&preset=dpd-backup-peer')).toEqual([
      DEFAULT_PRESET_ID,
      'dpd-backup-peer',
    ]);
  });

  it('is enough: a preset link opens once they are loaded, and says so when they are not', async () => {
    const hash = encodePresetHash('dpd-backup-peer', { atMs: 90_000, paused: true });
    await loadPresets([DEFAULT_PRESET_ID]);
    expect(errorsOf(routeFromHash(hash))).toEqual([
      { path: LINK_PATH, message: 'the built-in scenario "dpd-backup-peer" could not be loaded' },
    ]);
    await loadPresets(presetsOfHash(hash));
    expect(routeFromHash(hash)).toMatchObject({
      kind: 'scenario',
      presetId: 'dpd-backup-peer',
      document: loadedPreset('dpd-backup-peer')?.document,
      atMs: 90_000,
      paused: true,
    });
  });
});
