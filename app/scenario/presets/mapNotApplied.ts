import { staticPairPreset } from './staticPair';

export const mapNotApplied = staticPairPreset({
  id: 'map-not-applied',
  summary:
    'R1’s crypto map CMAP is complete, but its WAN interface lacks `crypto map CMAP`: no IKE at all, and R1 sends its pings in the clear.',
  teaches:
    'A crypto map set does nothing until it is applied to the interface the traffic leaves through. R1 has the ISAKMP policy, the key, the transform set, the map entry and the ACL, yet FastEthernet0/0 has no `crypto map CMAP`: R1 never looks at the map, starts no IKE, and routes its pings out unencrypted, where the internet drops them, since nobody routes private addresses. `show crypto map` ends with “Interfaces using crypto map CMAP:” and nothing under it; no IKE or IPsec SA ever appears on either router.',
  sources: ['book-ipsec-vpn-design'],
  seed: 28,
  durationMs: 60_000, // [1]
  r1: { wan: [] }, // [2]
});

// [1] One minute, as incomplete-map: nothing changes after the first ping.
// [2] The WAN interface keeps its address and `no shutdown`; only ` crypto map CMAP` is missing.
