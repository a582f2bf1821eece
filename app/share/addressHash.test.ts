import LZString from 'lz-string';
import { describe, expect, it, vi } from 'vitest';
import { sameScenarioHash } from '../scenario/linkHash';
import { DEFAULT_PRESET_ID, dmvpnScenario, findPreset } from '../scenario/presets';
import { decodeShareHash, encodeShareHash, LINK_CONFIG_LINES_MAX } from '../scenario/scenarioUrl';
import type { ScenarioDocument } from '../scenario/schema';
import { addressHashFor, linkLimitExceeded } from './addressHash';

const BLACK_HOLE = findPreset(DEFAULT_PRESET_ID)?.document as ScenarioDocument;

describe('addressHashFor', () => {
  it('names an untouched preset by id', () => {
    expect(addressHashFor('baseline', BLACK_HOLE)).toBe('#preset=baseline');
  });

  it('carries any other scenario whole, without t or p', () => {
    const hash = addressHashFor(null, BLACK_HOLE);
    expect(hash).toBe(encodeShareHash({ document: BLACK_HOLE }));
    expect(hash && decodeShareHash(hash).ok).toBe(true);
  });

  it('gives null when the scenario is past what a link carries', () => {
    const huge = dmvpnScenario(198);
    expect(addressHashFor(null, huge)).toBeNull();
    expect(linkLimitExceeded(huge, encodeShareHash({ document: huge }))).toMatch(
      new RegExp(`at most ${LINK_CONFIG_LINES_MAX}`),
    );
    const longTail = 'x'.repeat(250_000);
    expect(linkLimitExceeded(BLACK_HOLE, `#s=${longTail}`)).toMatch(/characters long/);
  });

  it('gives null for a scenario of too many config lines without compressing it', () => {
    const compress = vi.spyOn(LZString, 'compressToEncodedURIComponent');
    expect(addressHashFor(null, dmvpnScenario(198))).toBeNull();
    expect(compress).not.toHaveBeenCalled();
    compress.mockRestore();
  });
});

describe('sameScenarioHash', () => {
  it('ignores t, p and the order of the parts', () => {
    const plain = encodeShareHash({ document: BLACK_HOLE });
    const atMoment = encodeShareHash({ document: BLACK_HOLE, atMs: 150_020, paused: true });
    expect(sameScenarioHash(atMoment, plain)).toBe(true);
    const [s, c] = plain.slice(1).split('&');
    expect(sameScenarioHash(`#p=1&${c}&t=5&${s}`, plain)).toBe(true);
    expect(sameScenarioHash('#preset=baseline&t=5000', '#preset=baseline')).toBe(true);
  });

  it('tells scenarios apart', () => {
    expect(sameScenarioHash('#preset=baseline', '#preset=reload-black-hole')).toBe(false);
    expect(sameScenarioHash('', '#preset=baseline')).toBe(false);
    const other = encodeShareHash({ document: { ...BLACK_HOLE, title: 'Other' } });
    expect(sameScenarioHash(other, encodeShareHash({ document: BLACK_HOLE }))).toBe(false);
  });
});
