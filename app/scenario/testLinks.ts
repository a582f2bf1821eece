// Hand-made lz-string streams for the tests of boundedDecompress and share links: what a hostile
// link can carry. Test-only: nothing in the app imports it.

const URI_SAFE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

/**
 * An lz-string URI-safe payload of about `chars` characters whose every code names the entry one
 * past the dictionary: the previous output plus its first character. n codes expand to about n²/2
 * copies of `character` (50 kB of payload to 246 million), the worst case of the format.
 */
export function explosionPayload(chars: number, character = 'a'): string {
  const out: string[] = [];
  let value = 0;
  let bit = 0;
  /** Bits go low bit first into 6-bit characters, from their high bit down, as lz-string reads. */
  const write = (code: number, bits: number) => {
    for (let i = 0; i < bits; i++) {
      value |= ((code >> i) & 1) << (5 - bit);
      bit++;
      if (bit === 6) {
        out.push(URI_SAFE_ALPHABET.charAt(value));
        value = 0;
        bit = 0;
      }
    }
  };
  write(0, 2);
  write(character.charCodeAt(0), 8);
  let dictSize = 4;
  let numBits = 3;
  let enlargeIn = 4;
  while (out.length < chars) {
    write(dictSize, numBits);
    dictSize++;
    enlargeIn--;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
  write(2, numBits);
  if (bit > 0) out.push(URI_SAFE_ALPHABET.charAt(value));
  return out.join('');
}
