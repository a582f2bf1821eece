import { describe, expect, it } from 'vitest';
import { LINK_PATH } from '../scenario/linkHash';
import { DEFAULT_PRESET_ID, dmvpnScenario, findPreset } from '../scenario/presets';
import { decodeShareHash } from '../scenario/scenarioUrl';
import type { ScenarioDocument } from '../scenario/schema';
import { scenarioFileName } from './fileNames';
import { pageBase } from './hashRoute';
import { shareLink } from './shareLink';

const BLACK_HOLE = findPreset(DEFAULT_PRESET_ID)?.document as ScenarioDocument;
const BASE = 'http://127.0.0.1:4173/';

describe('shareLink', () => {
  it('links a preset by id, at the moment, paused or playing', () => {
    const paused = shareLink(BASE, {
      presetId: 'baseline',
      document: BLACK_HOLE,
      atMs: 150_020,
      paused: true,
    });
    expect(paused).toEqual({
      ok: true,
      url: `${BASE}#preset=baseline&t=150020&p=1`,
      hash: '#preset=baseline&t=150020&p=1',
    });
    const playing = shareLink(BASE, {
      presetId: 'baseline',
      document: BLACK_HOLE,
      atMs: 0,
      paused: false,
    });
    expect(playing.ok && playing.hash).toBe('#preset=baseline&t=0');
  });

  it('keeps the selected router, and the link opens with it selected', () => {
    const moment = { document: BLACK_HOLE, atMs: 200_000, paused: true, selected: 'R2' };
    const preset = shareLink(BASE, { ...moment, presetId: 'baseline' });
    expect(preset.ok && preset.hash).toBe('#preset=baseline&t=200000&p=1&sel=R2');
    const edited = shareLink(BASE, { ...moment, presetId: null });
    if (!edited.ok) throw new Error('no link');
    expect(decodeShareHash(edited.hash)).toMatchObject({ ok: true, selected: 'R2' });
  });

  it('carries an edited scenario whole, and the link decodes to it at the same moment', () => {
    const edited = { ...BLACK_HOLE, title: 'Edited' };
    const link = shareLink(BASE, { presetId: null, document: edited, atMs: 150_020, paused: true });
    if (!link.ok) throw new Error('no link');
    expect(link.url.startsWith(`${BASE}#s=`)).toBe(true);
    expect(decodeShareHash(link.hash)).toMatchObject({
      ok: true,
      presetId: null,
      atMs: 150_020,
      paused: true,
      document: { title: 'Edited' },
    });
  });

  it('refuses a scenario too large for a link, saying why', () => {
    const link = shareLink(BASE, {
      presetId: null,
      document: dmvpnScenario(198),
      atMs: 0,
      paused: true,
    });
    expect(link.ok).toBe(false);
    if (!link.ok) {
      expect(link.errors[0]?.path).toBe(LINK_PATH);
      expect(link.errors[0]?.message).toMatch(/lines of router configuration/);
    }
  });

  it('refuses what the decoder refuses (a cursor past the end)', () => {
    const link = shareLink(BASE, {
      presetId: null,
      document: BLACK_HOLE,
      atMs: BLACK_HOLE.durationMs + 1,
      paused: true,
    });
    expect(link.ok).toBe(false);
  });
});

describe('pageBase', () => {
  it('is the address without its hash', () => {
    expect(pageBase({ origin: 'https://a.example', pathname: '/app/', search: '?x=1' })).toBe(
      'https://a.example/app/?x=1',
    );
  });
});

describe('scenarioFileName', () => {
  it('names the file after the title, safe for any file system', () => {
    expect(scenarioFileName('R2 reloads: the black hole')).toBe(
      'R2 reloads - the black hole.tunnelscope.json',
    );
    expect(scenarioFileName('<img src=x onerror="window.__pwned=1">')).toBe(
      'img src=x onerror= - window.__pwned=1.tunnelscope.json',
    );
    expect(scenarioFileName('a/b\\c\u0000d')).toBe('a - b - c - d.tunnelscope.json');
    expect(scenarioFileName('  ...  ')).toBe('scenario.tunnelscope.json');
    expect(scenarioFileName('x'.repeat(200))).toBe(`${'x'.repeat(80)}.tunnelscope.json`);
  });
});
