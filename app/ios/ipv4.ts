// IPv4 addresses as unsigned 32-bit integers (0 .. 2^32-1): parsing, formatting, subnet masks
// and ACL wildcard masks.

const OCTET = /^\d{1,3}$/;

/** The 32-bit value of a dotted-quad address such as "10.1.1.1", or null if `text` is not one. */
export function parseIpv4(text: string): number | null {
  const octets = text.split('.');
  if (octets.length !== 4) return null;
  let value = 0;
  for (const octet of octets) {
    if (!OCTET.test(octet)) return null;
    const octetValue = Number(octet);
    if (octetValue > 255) return null;
    value = value * 256 + octetValue;
  }
  return value;
}

/** The dotted-quad text of a 32-bit value; the inverse of parseIpv4. */
export function formatIpv4(value: number): string {
  const unsigned = value >>> 0;
  return [unsigned >>> 24, (unsigned >>> 16) & 255, (unsigned >>> 8) & 255, unsigned & 255].join(
    '.',
  );
}

/**
 * The prefix length of a subnet mask (255.255.255.0 → 24), or null when its one-bits are not
 * contiguous from the most significant bit, as IOS requires of an interface or route mask.
 */
export function maskToPrefixLen(mask: number): number | null {
  const hostBits = ~mask >>> 0;
  // Contiguous host bits form 2^k - 1: adding one clears them all (2^32 wraps to 0 in `&`).
  if ((hostBits & (hostBits + 1)) !== 0) return null;
  return Math.clz32(hostBits);
}

/** Whether `mask` is a subnet mask (contiguous one-bits); 0.0.0.0 and 255.255.255.255 are. */
export function isValidMask(mask: number): boolean {
  return maskToPrefixLen(mask) !== null;
}

/** Whether `ip` lies in the subnet `network`/`mask` (all three 32-bit values). */
export function inSubnet(ip: number, network: number, mask: number): boolean {
  return (ip & mask) >>> 0 === (network & mask) >>> 0;
}

/**
 * Whether `ip` matches the ACL pair `address wildcard`: bits set in the wildcard are "don't care",
 * the others must equal those of `address`. Wildcards need not be contiguous (IOS accepts
 * 0.0.255.0); `any` is 0.0.0.0 255.255.255.255 and `host A` is A 0.0.0.0.
 */
export function wildcardMatch(ip: number, address: number, wildcard: number): boolean {
  const careBits = ~wildcard;
  return (ip & careBits) >>> 0 === (address & careBits) >>> 0;
}
