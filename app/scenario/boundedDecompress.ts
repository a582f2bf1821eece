// lz-string decompression with a bound on the output, for untrusted share links.
//
// lz-string's decoder is LZW-like: each code can name a dictionary entry one character longer than
// the previous one, so n codes can expand to about n²/2 characters. A hostile 50 kB link makes
// lz-string 1.5.0 build 246 million characters (half a gigabyte) and a 200 kB one runs for seconds
// and then throws. lz-string cannot be told to stop early, so `decompressBounded` first walks the
// code stream the way lz-string's `_decompress` does, keeping only the length of each dictionary
// entry (linear in the input, no strings built), and hands the payload to lz-string only when the
// output is proven to fit.

import LZString from 'lz-string';

/** The alphabet of lz-string's compressToEncodedURIComponent, in the order of its 6-bit values. */
const URI_SAFE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const BITS_PER_CHAR = 6;

export type Decompressed =
  | { ok: true; text: string }
  /** A character outside the alphabet, at `index` of the payload (after spaces became "+"). */
  | { ok: false; reason: 'bad-character'; character: string; index: number }
  /** The stream is cut short, names a code it never defined, or decompresses to nothing. */
  | { ok: false; reason: 'damaged' }
  /** The output would be longer than maxChars. */
  | { ok: false; reason: 'too-long' };

/**
 * Decompresses the output of lz-string's compressToEncodedURIComponent, refusing (without
 * building it) any output longer than `maxChars`. Spaces count as "+", as in lz-string (a "+"
 * that went through form decoding). Total: never throws; time is linear in payload.length + maxChars.
 */
export function decompressBounded(payload: string, maxChars: number): Decompressed {
  const input = payload.replaceAll(' ', '+');
  const values: number[] = [];
  for (let index = 0; index < input.length; index++) {
    const character = input.charAt(index);
    const value = URI_SAFE_ALPHABET.indexOf(character);
    if (value === -1) return { ok: false, reason: 'bad-character', character, index };
    values.push(value);
  }
  const length = decompressedLength(values, maxChars);
  if (length === 'damaged' || length === 'too-long') return { ok: false, reason: length };
  let text: unknown;
  try {
    text = LZString.decompressFromEncodedURIComponent(input);
  } catch {
    return { ok: false, reason: 'damaged' };
  }
  // decompressedLength mirrors lz-string, so this holds; checked so that no mismatch slips by.
  if (typeof text !== 'string' || text.length !== length) return { ok: false, reason: 'damaged' };
  return { ok: true, text };
}

/**
 * The length of lz-string 1.5.0's `_decompress` output for these 6-bit values, or why there is
 * none. Step for step as lz-string: bits are read low bit first, from the high bit of each value
 * down, and values past the end read as 0. Stops as soon as the output passes maxChars.
 */
function decompressedLength(
  values: readonly number[],
  maxChars: number,
): number | 'damaged' | 'too-long' {
  let index = 1;
  let value = values[0] ?? 0;
  let position = 1 << (BITS_PER_CHAR - 1);
  const readBits = (count: number): number => {
    let bits = 0;
    for (let power = 0; power < count; power++) {
      if ((value & position) !== 0) bits += 2 ** power;
      position >>= 1;
      if (position === 0) {
        position = 1 << (BITS_PER_CHAR - 1);
        value = values[index++] ?? 0;
      }
    }
    return bits;
  };

  // Codes 0 and 1 bring a new 8- or 16-bit character, 2 ends the stream; 3 and up name entries.
  const literalBits = (code: number) => (code === 0 ? 8 : 16);
  const first = readBits(2);
  // 2 is an empty output; 3 names an entry before there is one (lz-string then makes garbage).
  if (first > 1) return 'damaged';
  readBits(literalBits(first));
  // entryLengths[code] is the length of dictionary entry `code`; 0 to 2 are the control codes.
  const entryLengths = [0, 0, 0, 1];
  let enlargeIn = 4;
  let numBits = 3;
  let previousLength = 1;
  let total = 1;
  const grow = () => {
    enlargeIn--;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  };
  for (;;) {
    if (index > values.length) return 'damaged';
    let code = readBits(numBits);
    if (code === 2) return total;
    if (code < 2) {
      readBits(literalBits(code));
      code = entryLengths.push(1) - 1;
      grow();
    }
    // A code one past the dictionary is the previous entry plus its own first character.
    const entryLength =
      entryLengths[code] ?? (code === entryLengths.length ? previousLength + 1 : 0);
    if (entryLength === 0) return 'damaged';
    total += entryLength;
    if (total > maxChars) return 'too-long';
    entryLengths.push(previousLength + 1);
    grow();
    previousLength = entryLength;
  }
}
