import { staticPairPreset } from './staticPair';

export const incompleteMap = staticPairPreset({
  id: 'incomplete-map',
  summary:
    'R1’s crypto map names transform set TS-AES, which does not exist: the entry is incomplete and R1 sends its pings in the clear.',
  teaches:
    'A crypto map entry needs a peer, a `match address` and a transform set that exists; without one of them IOS leaves it disabled and says so when it is configured. R1 negotiates nothing: its pings leave unencrypted, and the internet drops them, since nobody routes private addresses. `show crypto map` shows the entry incomplete; no IKE or IPsec SA ever appears.',
  sources: ['cg-security-lifetimes'],
  seed: 24,
  durationMs: 60_000, // [1]
  r1: { mapTransformSet: 'TS-AES' }, // [2]
});

// [1] One minute: nothing changes after the first ping.
// [2] The transform set is called TS; TS-AES is the name the map was written with.
