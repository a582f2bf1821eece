// Byte building for the capture: big-endian fields (network byte order), the Internet checksum,
// and deterministic "random-looking" bytes for what a capture cannot show in the clear (keys,
// nonces, ciphertext). Pure: the same key gives the same bytes, on every machine.

/** Appends big-endian fields; `finish` returns exactly the bytes written. */
export class ByteWriter {
  private buffer: Uint8Array;
  private used = 0;

  /** `capacityBytes`: the expected size, when known (it grows past it if needed). */
  constructor(capacityBytes = 64) {
    this.buffer = new Uint8Array(capacityBytes);
  }

  get length(): number {
    return this.used;
  }

  private room(bytes: number): void {
    if (this.used + bytes <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.used + bytes) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buffer.subarray(0, this.used));
    this.buffer = grown;
  }

  u8(value: number): this {
    this.room(1);
    this.buffer[this.used++] = value & 0xff;
    return this;
  }

  u16(value: number): this {
    return this.u8(value >>> 8).u8(value);
  }

  u32(value: number): this {
    return this.u16(value >>> 16).u16(value);
  }

  bytes(data: Uint8Array): this {
    this.room(data.length);
    this.buffer.set(data, this.used);
    this.used += data.length;
    return this;
  }

  /** Overwrites a 16-bit field already written at `offset` (lengths and checksums). */
  setU16(offset: number, value: number): this {
    this.buffer[offset] = (value >>> 8) & 0xff;
    this.buffer[offset + 1] = value & 0xff;
    return this;
  }

  /**
   * The bytes written: the writer's own buffer when it is exactly full (no copy), so a later
   * setU16 changes a result already returned (checksums are written that way, last).
   */
  finish(): Uint8Array {
    return this.used === this.buffer.length ? this.buffer : this.buffer.slice(0, this.used);
  }
}

/** The bytes of 16 hex digits (an ISAKMP cookie) or any even-length hex text. */
export function hexBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

const ipv4Numbers = new Map<string, number>();

/** An IPv4 address as written ("10.1.1.1") → uint32 (memoised: a run has few addresses). */
export function ipv4Number(text: string): number {
  let n = ipv4Numbers.get(text);
  if (n === undefined) {
    n = text.split('.').reduce((acc, part) => ((acc << 8) | Number(part)) >>> 0, 0);
    if (ipv4Numbers.size > 65_536) ipv4Numbers.clear();
    ipv4Numbers.set(text, n);
  }
  return n;
}

/** The Internet checksum (RFC 1071) of the concatenated parts, each of any length. */
export function internetChecksum(...parts: Uint8Array[]): number {
  let sum = 0;
  let odd: number | null = null;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      const byte = part[i] as number;
      if (odd === null) odd = byte;
      else {
        sum += (odd << 8) | byte;
        odd = null;
      }
    }
  }
  if (odd !== null) sum += odd << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

/** FNV-1a, 32 bits: a small stable hash of a text key. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * `length` bytes that look random and depend only on `key` (xorshift32 seeded by its hash). Not
 * cryptographic: it stands for ciphertext, DH values and nonces that the simulation never has.
 */
export function opaqueBytes(key: string, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let state = fnv1a(key) || 0x9e3779b9;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    out[i] = state >>> 24;
  }
  return out;
}

/** The smallest multiple of `block` that holds `length`. */
export function roundUp(length: number, block: number): number {
  return Math.ceil(length / block) * block;
}
