// Pure. `show ip nhrp` in the IOS 12.4 layout: one line for address, interface and times, then
// Type/Flags and NBMA lines indented by two (15.x breaks the first line in two). The layout is
// not quoted in ios-behavior.md; Type static/dynamic and the expiry are (section 5), the Flags
// are (section 8.5).

import type { NhrpEntryView, RouterView } from '../../sim/snapshot';
import { renderLines } from './render';
import { formatUptime } from './uptime';

function ipv4ToNumber(addr: string): number {
  return addr.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
}

/** Prefix length of a dotted mask: "255.255.255.255" → 32. */
function prefixLength(mask: string): number {
  let bits = 0;
  for (let n = ipv4ToNumber(mask); n > 0; n = Math.floor(n / 2)) bits += n % 2;
  return bits;
}

/**
 * Flags as 12.4 prints them [C-2, ios-behavior.md 8.5]: a hub's dynamic entry, learnt from the
 * spoke's own registration, `authoritative unique registered`; a spoke's static mapping of its
 * hub, which its registrations and traffic go through, `authoritative used`.
 */
function flags(entry: NhrpEntryView): string {
  return entry.type === 'dynamic' ? 'authoritative unique registered' : 'authoritative used';
}

function entryLines(entry: NhrpEntryView): string[] {
  const expiry =
    entry.expiresInSec === null ? 'never expire' : `expire ${formatUptime(entry.expiresInSec)}`;
  return [
    `${entry.tunnelIp}/${prefixLength(entry.mask)} via ${entry.tunnelIp}, ${entry.interfaceName} created ${formatUptime(entry.createdSec)}, ${expiry}`,
    `  Type: ${entry.type}, Flags: ${flags(entry)}`,
    `  NBMA address: ${entry.nbma}`,
  ];
}

/** Entries in address order, as IOS walks its NHRP cache [I]. */
export function showIpNhrp(view: RouterView): string {
  const sorted = [...view.nhrp].sort((a, b) => ipv4ToNumber(a.tunnelIp) - ipv4ToNumber(b.tunnelIp));
  return renderLines(sorted.flatMap(entryLines));
}
