// ISAKMP policies on the wire: the phase 1 transform attributes an IOS `crypto isakmp policy`
// becomes (RFC 2409 appendix A), which policy a responder accepts, and the sizes the agreed one
// gives to encrypted messages (cipher block, hash length) and to the key exchange.

import { newIsakmpPolicy } from '../ios/config/isakmpPolicyMode';
import type { IsakmpPolicy } from '../ios/types';
import type { Attribute } from './isakmp';

/** IOS 12.4's default policy (priority 65535) when none is configured. */
export const DEFAULT_POLICY: IsakmpPolicy = newIsakmpPolicy(65535);

interface Cipher {
  id: number;
  keyBits?: number;
  blockBytes: number;
}

/** DES when the name is unknown, as IOS's default policy. */
const DES: Cipher = { id: 1, blockBytes: 8 };

const ENCRYPTION: Record<string, Cipher> = {
  des: DES,
  '3des': { id: 5, blockBytes: 8 },
  aes: { id: 7, keyBits: 128, blockBytes: 16 },
  'aes 192': { id: 7, keyBits: 192, blockBytes: 16 },
  'aes 256': { id: 7, keyBits: 256, blockBytes: 16 },
};

const HASH: Record<string, { id: number; bytes: number }> = {
  md5: { id: 1, bytes: 16 },
  sha: { id: 2, bytes: 20 },
  sha256: { id: 4, bytes: 32 },
  sha384: { id: 5, bytes: 48 },
  sha512: { id: 6, bytes: 64 },
};

const AUTHENTICATION: Record<string, number> = { 'pre-share': 1, 'rsa-sig': 3, 'rsa-encr': 4 };

/** Public value length of each DH group (RFC 2409 §6, RFC 3526, RFC 5903, RFC 5114). */
const KE_BYTES: Record<number, number> = {
  1: 96,
  2: 128,
  5: 192,
  14: 256,
  15: 384,
  16: 512,
  19: 64,
  20: 96,
  21: 132,
  24: 256,
};

/** The policies a router offers in MM1, by priority (IOS's default one when it has none). */
export function offeredPolicies(policies: readonly IsakmpPolicy[]): IsakmpPolicy[] {
  const sorted = [...policies].sort((a, b) => a.priority - b.priority);
  return sorted.length > 0 ? sorted : [DEFAULT_POLICY];
}

function sameProtection(a: IsakmpPolicy, b: IsakmpPolicy): boolean {
  return (
    a.encryption === b.encryption &&
    a.hash === b.hash &&
    a.authentication === b.authentication &&
    a.group === b.group
  );
}

/**
 * The offered policy a responder accepts: its own policies in priority order, each checked
 * against the offers in order ("Checking ISAKMP transform 1 against priority 10 policy"), the
 * lifetime aside. The first offer when nothing matches (the simulation negotiated anyway).
 */
export function acceptedPolicy(
  offers: readonly IsakmpPolicy[],
  own: readonly IsakmpPolicy[],
): IsakmpPolicy {
  for (const policy of offeredPolicies(own)) {
    const match = offers.find((offer) => sameProtection(offer, policy));
    if (match) return match;
  }
  return offers[0] ?? DEFAULT_POLICY;
}

/** The transform attributes, in IOS's order: encryption, key length, hash, group, auth, life. */
export function policyAttributes(policy: IsakmpPolicy): Attribute[] {
  const encryption = ENCRYPTION[policy.encryption] ?? DES;
  const list: Attribute[] = [{ type: 1, value: encryption.id }];
  if (encryption.keyBits !== undefined) list.push({ type: 14, value: encryption.keyBits });
  list.push(
    { type: 2, value: HASH[policy.hash]?.id ?? 2 },
    { type: 4, value: policy.group },
    { type: 3, value: AUTHENTICATION[policy.authentication] ?? 1 },
    { type: 11, value: 1 }, // life type: seconds
    { type: 12, value: policy.lifetimeSec },
  );
  return list;
}

export function blockBytes(policy: IsakmpPolicy): number {
  return (ENCRYPTION[policy.encryption] ?? DES).blockBytes;
}

export function hashBytes(policy: IsakmpPolicy): number {
  return HASH[policy.hash]?.bytes ?? 20;
}

export function keyExchangeBytes(policy: IsakmpPolicy): number {
  return KE_BYTES[policy.group] ?? 128;
}
