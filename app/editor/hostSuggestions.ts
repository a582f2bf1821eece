// Addresses to offer as a ping's source and destination: for each addressed interface of each
// router that is not a tunnel (a ping must start and end on such a subnet, loadScenario.ts), the
// host .10 of its subnet, as the built-in scenarios place theirs, labelled by router and
// interface. Configs that do not parse offer what they have. Pure.

import { formatIpv4, parseIpv4 } from '../ios/ipv4';
import { parseIosConfig } from '../ios/parseConfig';
import { hostsPings } from '../scenario/loadScenario';
import type { ScenarioNode } from '../scenario/types';

/** The host number the suggestions take in each subnet. */
const HOST_NUMBER = 10;

export interface HostSuggestion {
  address: string;
  /** "R1 FastEthernet0/1". */
  label: string;
}

export function hostSuggestions(nodes: readonly ScenarioNode[]): HostSuggestion[] {
  const suggestions: HostSuggestion[] = [];
  for (const node of nodes) {
    if (node.kind !== 'router') continue;
    for (const iface of parseIosConfig(node.config).config.interfaces) {
      if (!hostsPings(iface)) continue;
      const ip = parseIpv4(iface.address.ip);
      const mask = parseIpv4(iface.address.mask);
      if (ip === null || mask === null) continue;
      const host = ((ip & mask) >>> 0) + HOST_NUMBER;
      // Only where .10 is a host of the subnet (not past its broadcast address).
      if ((host & mask) >>> 0 !== (ip & mask) >>> 0 || host === (ip | ~mask) >>> 0) continue;
      suggestions.push({ address: formatIpv4(host), label: `${node.id} ${iface.name}` });
    }
  }
  return suggestions;
}
