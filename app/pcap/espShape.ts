// What an IOS transform set makes of a packet on the wire: ESP's IV, padding block and ICV sizes
// (RFC 4303 §2; RFC 2405, 2451, 3602, 4106, 4543, 2403/2404, 4868), the IPsec DOI transform ID
// and attributes quick mode proposes (RFC 2407 §4.4.4, §4.5), and the length of an ESP packet.

import type { Attribute } from './isakmp';

export interface EspShape {
  /** ESP transform ID (RFC 2407 §4.4.4 and the IANA registry). */
  transformId: number;
  keyBits: number | null;
  /** Authentication algorithm attribute (RFC 2407 §4.5), or null for a combined mode. */
  authAlgorithm: number | null;
  ivBytes: number;
  /** Payload plus trailer is padded to a multiple of this (at least 4, RFC 4303 §2.4). */
  blockBytes: number;
  icvBytes: number;
}

const CIPHERS: Record<string, Omit<EspShape, 'authAlgorithm' | 'icvBytes' | 'keyBits'>> = {
  'esp-des': { transformId: 2, ivBytes: 8, blockBytes: 8 },
  'esp-3des': { transformId: 3, ivBytes: 8, blockBytes: 8 },
  'esp-aes': { transformId: 12, ivBytes: 16, blockBytes: 16 },
  // GCM with a 16-byte ICV, GMAC: 8-byte IV, 4-byte alignment (RFC 4106, RFC 4543).
  'esp-gcm': { transformId: 20, ivBytes: 8, blockBytes: 4 },
  'esp-gmac': { transformId: 23, ivBytes: 8, blockBytes: 4 },
  // SEAL is a stream cipher with no IV on the wire; shown with 3DES's ID (it has no IANA one).
  'esp-seal': { transformId: 3, ivBytes: 0, blockBytes: 4 },
  'esp-null': { transformId: 11, ivBytes: 0, blockBytes: 4 },
};

/** HMACs truncated as RFC 2403/2404 (96 bits) and RFC 4868 (half the hash). */
const HMACS: Record<string, { authAlgorithm: number; icvBytes: number }> = {
  'esp-md5-hmac': { authAlgorithm: 1, icvBytes: 12 },
  'esp-sha-hmac': { authAlgorithm: 2, icvBytes: 12 },
  'esp-sha256-hmac': { authAlgorithm: 5, icvBytes: 16 },
  'esp-sha384-hmac': { authAlgorithm: 6, icvBytes: 24 },
  'esp-sha512-hmac': { authAlgorithm: 7, icvBytes: 32 },
};

const shapes = new Map<string, EspShape>();

/** The shape of a transform set as `show crypto ipsec sa` names it: "esp-aes 256 esp-sha-hmac". */
export function espShape(transform: string): EspShape {
  let shape = shapes.get(transform);
  if (shape === undefined) {
    shape = readShape(transform);
    shapes.set(transform, shape);
  }
  return shape;
}

function readShape(transform: string): EspShape {
  const words = transform.split(/\s+/);
  const cipherIndex = words.findIndex((w) => w in CIPHERS);
  const cipherName = words[cipherIndex] ?? 'esp-null';
  const cipher = CIPHERS[cipherName] ?? { transformId: 11, ivBytes: 0, blockBytes: 4 };
  const bits = Number(words[cipherIndex + 1]);
  const aesFamily =
    cipherName === 'esp-aes' || cipherName === 'esp-gcm' || cipherName === 'esp-gmac';
  const keyBits = aesFamily ? (Number.isInteger(bits) && bits > 0 ? bits : 128) : null;
  const hmac = HMACS[words.find((w) => w in HMACS) ?? ''];
  const combined = cipherName === 'esp-gcm' || cipherName === 'esp-gmac';
  return {
    ...cipher,
    keyBits,
    authAlgorithm: hmac?.authAlgorithm ?? null,
    icvBytes: combined ? 16 : (hmac?.icvBytes ?? 0),
  };
}

/**
 * The ESP packet's length after its 8-byte header: IV, the payload padded with the 2-byte
 * trailer to the block, and the ICV.
 */
export function espBodyBytes(shape: EspShape, payloadBytes: number): number {
  const padded = Math.ceil((payloadBytes + 2) / shape.blockBytes) * shape.blockBytes;
  return shape.ivBytes + padded + shape.icvBytes;
}

/** Attributes of the ESP transform quick mode proposes, in the order IOS debug lists them. */
export function espTransformAttributes(
  shape: EspShape,
  mode: 'Tunnel' | 'Transport',
  lifetimeSec: number,
  lifetimeKb: number,
): Attribute[] {
  const list: Attribute[] = [
    { type: 4, value: mode === 'Tunnel' ? 1 : 2 }, // encapsulation mode
    { type: 1, value: 1 }, // SA life type: seconds
    { type: 2, value: lifetimeSec },
    { type: 1, value: 2 }, // SA life type: kilobytes
    { type: 2, value: lifetimeKb },
  ];
  if (shape.authAlgorithm !== null) list.push({ type: 5, value: shape.authAlgorithm });
  if (shape.keyBits !== null) list.push({ type: 6, value: shape.keyBits });
  return list;
}
