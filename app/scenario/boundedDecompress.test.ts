import fc from 'fast-check';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decompressBounded } from './boundedDecompress';
import { explosionPayload } from './testLinks';

const MAX = 2 * 1024 * 1024;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const payloadChar = fc.integer({ min: 0, max: 63 }).map((i) => ALPHABET.charAt(i));

/** lz-string's own answer, whatever it is. */
function lzString(payload: string): { text: string | null } | { threw: true } {
  try {
    return { text: LZString.decompressFromEncodedURIComponent(payload) };
  } catch {
    return { threw: true };
  }
}

describe('decompressBounded', () => {
  it('gives back what lz-string compressed, any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (text) => {
        fc.pre(text !== '');
        const payload = LZString.compressToEncodedURIComponent(text);
        expect(decompressBounded(payload, MAX)).toEqual({ ok: true, text });
      }),
      { seed: 1, numRuns: 500 },
    );
  });

  it('refuses output past the bound, at exactly the bound', () => {
    const text = 'abc'.repeat(1000);
    const payload = LZString.compressToEncodedURIComponent(text);
    expect(decompressBounded(payload, text.length)).toEqual({ ok: true, text });
    expect(decompressBounded(payload, text.length - 1)).toEqual({ ok: false, reason: 'too-long' });
  });

  it('measures the worst-case expansion without building it', () => {
    // 200 kB of payload would make lz-string build billions of characters for seconds, then throw.
    const payload = explosionPayload(200_000);
    expect(decompressBounded(payload, MAX)).toEqual({ ok: false, reason: 'too-long' });
    // A small one is a real (if silly) stream: the bound is what stops the big one.
    const small = explosionPayload(100);
    const decoded = decompressBounded(small, MAX);
    expect(decoded.ok && /^a+$/.test(decoded.text)).toBe(true);
  });

  it('names a character outside the alphabet and where it is', () => {
    expect(decompressBounded('BYUwNm*DAEoZQ', MAX)).toEqual({
      ok: false,
      reason: 'bad-character',
      character: '*',
      index: 6,
    });
  });

  it('reads spaces as "+", as lz-string does', () => {
    const payload = LZString.compressToEncodedURIComponent('hello 1111');
    expect(payload).toBe('BYUwNmD2AECM+yA');
    expect(decompressBounded('BYUwNmD2AECM yA', MAX)).toEqual({ ok: true, text: 'hello 1111' });
  });

  it('calls empty, cut and undefined-code streams damaged', () => {
    const payload = LZString.compressToEncodedURIComponent('hello, hello, hello world');
    expect(decompressBounded('', MAX)).toEqual({ ok: false, reason: 'damaged' });
    expect(decompressBounded(payload.slice(0, 4), MAX)).toEqual({ ok: false, reason: 'damaged' });
    // First code 3 names an entry before there is one.
    expect(decompressBounded('w', MAX)).toEqual({ ok: false, reason: 'damaged' });
  });

  it('agrees with lz-string on random payloads', () => {
    fc.assert(
      fc.property(fc.array(payloadChar, { maxLength: 300 }), (chars) => {
        const payload = chars.join('');
        const ours = decompressBounded(payload, MAX);
        const theirs = lzString(payload);
        if (ours.ok) expect(theirs).toEqual({ text: ours.text });
        // lz-string makes "undefined…" garbage from a first code 3; we call that damaged.
        const firstCodeIs3 = (ALPHABET.indexOf(payload.charAt(0)) & 0b110000) === 0b110000;
        if ('text' in theirs && theirs.text && !firstCodeIs3) expect(ours.ok).toBe(true);
      }),
      { seed: 2, numRuns: 3000 },
    );
  });

  it('agrees with lz-string on cut and mutated compressions', () => {
    const stream = fc
      .tuple(fc.string({ minLength: 1, maxLength: 400 }), fc.nat(), fc.nat(), payloadChar)
      .map(([text, cut, at, character]) => {
        const payload = LZString.compressToEncodedURIComponent(text);
        const mutated = `${payload.slice(0, at % payload.length)}${character}${payload.slice((at % payload.length) + 1)}`;
        return mutated.slice(0, payload.length - (cut % 3));
      });
    fc.assert(
      fc.property(stream, (payload) => {
        const ours = decompressBounded(payload, MAX);
        const theirs = lzString(payload);
        if (ours.ok) expect(theirs).toEqual({ text: ours.text });
        const firstCodeIs3 = (ALPHABET.indexOf(payload.charAt(0)) & 0b110000) === 0b110000;
        if ('text' in theirs && theirs.text && !firstCodeIs3) expect(ours.ok).toBe(true);
      }),
      { seed: 3, numRuns: 2000 },
    );
  });
});
