// Address mistakes across routers that still give a runnable scenario, said rather than run
// silently: the same address on two routers (packets to it reach only the first), and subnets
// that overlap without being the same (hosts in the overlap are on both routers' LANs). One subnet
// on two routers is a shared segment (an HSRP pair, a transit link) and is fine.

import { lexConfig } from '../ios/config/lexer';
import { readInterfaceName } from '../ios/interfaceName';
import { formatIpv4, maskToPrefixLen, parseIpv4 } from '../ios/ipv4';
import type { RouterConfig } from '../ios/types';
import type { ConfigLineNote } from './types';

/** An interface address of a router, with the config line that sets it. */
interface Place {
  node: string;
  interfaceName: string;
  ip: number;
  mask: number;
  tunnel: boolean;
  line: number;
  text: string;
}

/** Most collisions reported: past them, more notes would bury the first ones. */
export const ADDRESS_COLLISIONS_MAX = 100;

/**
 * Per router (every router of `configs`, in its order), a note at each line whose address
 * collides with another router's, naming that router, its line and its interface. Linear in the
 * number of addresses (after a sort), whatever the configs hold.
 */
export function addressWarnings(
  configs: ReadonlyMap<string, { text: string; config: RouterConfig }>,
): Record<string, ConfigLineNote[]> {
  const warnings: Record<string, ConfigLineNote[]> = {};
  const places: Place[] = [];
  for (const [node, { text, config }] of configs) {
    warnings[node] = [];
    places.push(...addressPlaces(node, text, config));
  }
  const pairs = [...sameAddresses(places), ...overlappingSubnets(places)];
  for (const { first, second, message } of pairs.slice(0, ADDRESS_COLLISIONS_MAX)) {
    for (const [own, other] of [
      [first, second],
      [second, first],
    ] as const) {
      warnings[own.node]?.push({ line: own.line, text: own.text, message: message(own, other) });
    }
  }
  return warnings;
}

type Message = (own: Place, other: Place) => string;

/** Two places of different routers that collide; `first` comes first in node order. */
interface Collision {
  first: Place;
  second: Place;
  message: Message;
}

/** Each address also found on an earlier router, with the first router that has it. */
function sameAddresses(places: readonly Place[]): Collision[] {
  const owners = new Map<number, Place>();
  const collisions: Collision[] = [];
  for (const place of places) {
    const first = owners.get(place.ip);
    if (first === undefined) owners.set(place.ip, place);
    else if (first.node !== place.node) {
      const message: Message = (own, other) =>
        `${formatIpv4(own.ip)} is also the address of ${where(other)}: packets to it go to ${first.node} only`;
      collisions.push({ first, second: place, message });
    }
  }
  return collisions;
}

/**
 * Subnets of different routers (tunnels aside) where one holds the other and they differ. Subnets
 * are nested or apart, so a sweep in address order keeps the ones holding the current one on a
 * stack (one entry per distinct subnet: at most 33).
 */
function overlappingSubnets(places: readonly Place[]): Collision[] {
  const order = new Map(places.map((place, index) => [place, index]));
  const sorted = places
    .filter((place) => !place.tunnel)
    .map((place) => ({ place, network: (place.ip & place.mask) >>> 0 }))
    .sort((x, y) => x.network - y.network || x.place.mask - y.place.mask);
  const open: Array<{ place: Place; network: number; last: number }> = [];
  const collisions: Collision[] = [];
  for (const { place, network } of sorted) {
    while ((open.at(-1)?.last ?? Number.POSITIVE_INFINITY) < network) open.pop();
    for (const holder of open) {
      if (holder.place.node === place.node || holder.place.mask === place.mask) continue;
      const inOrder = (order.get(holder.place) ?? 0) < (order.get(place) ?? 0);
      const [first, second] = inOrder ? [holder.place, place] : [place, holder.place];
      const message: Message = (own, other) =>
        `${subnet(own)} (${own.interfaceName}) overlaps ${subnet(other)} of ${where(other)}: hosts in ${subnet(place)} are on both routers`;
      collisions.push({ first, second, message });
    }
    const top = open.at(-1);
    if (top?.network !== network || top.place.mask !== place.mask) {
      open.push({ place, network, last: (network | ~place.mask) >>> 0 });
    }
  }
  return collisions;
}

function where(place: Place): string {
  return `${place.node} (config line ${place.line}, ${place.interfaceName})`;
}

function subnet(place: Place): string {
  return `${formatIpv4((place.ip & place.mask) >>> 0)}/${maskToPrefixLen(place.mask)}`;
}

/**
 * The addressed interfaces of a parsed config, each with the last `ip address` line of its block
 * in the text (the one in force). An interface whose line is not found (its lines written
 * unindented) is placed at its `interface` line.
 */
function addressPlaces(node: string, text: string, config: RouterConfig): Place[] {
  const lines = new Map<string, { line: number; text: string }>();
  let current: string | null = null;
  for (const line of lexConfig(text)) {
    if (line.kind !== 'command') continue;
    const [first, second] = line.words.map((word) => word.toLowerCase());
    if (!line.indented) {
      const found = first === 'interface' ? readInterfaceName(line.words, 1) : null;
      current = found?.lookup.kind === 'name' ? found.lookup.name : null;
      if (current !== null && !lines.has(current))
        lines.set(current, { line: line.lineNo, text: line.raw });
    } else if (current !== null && first === 'ip' && second === 'address') {
      lines.set(current, { line: line.lineNo, text: line.raw });
    }
  }
  return config.interfaces.flatMap((iface) => {
    const ip = iface.address === null ? null : parseIpv4(iface.address.ip);
    const mask = iface.address === null ? null : parseIpv4(iface.address.mask);
    const at = lines.get(iface.name);
    if (ip === null || mask === null || at === undefined) return [];
    const tunnel = iface.tunnel !== null || iface.name.startsWith('Tunnel');
    return [{ node, interfaceName: iface.name, ip, mask, tunnel, ...at }];
  });
}
