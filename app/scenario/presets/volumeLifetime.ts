import { staticPairPreset } from './staticPair';

export const volumeLifetime = staticPairPreset({
  id: 'volume-lifetime',
  summary:
    'R1’s crypto map limits its SAs to 2560 KB and large pings fill them in two minutes: the SA is renegotiated before its volume runs out.',
  teaches:
    'An IPsec SA has two lifetimes, seconds and kilobytes, and is renegotiated 30 s before the first or when 90 % of the second is used, whichever comes first. R1 proposes 2560 KB, R2 the default 4608000 KB, and both use the smaller. `show crypto ipsec sa` counts the kilobytes down; at 90 % R1 starts quick mode, traffic moves to the new SA with no ping lost, and the old pair goes 30 s later.',
  sources: ['cg-security-lifetimes'],
  seed: 25,
  durationMs: 300_000, // [1]
  r1: { extraMap: [' set security-association lifetime kilobytes 2560'] }, // [2]
  pingSizeBytes: 18_000, // [3]
});

// [1] Five minutes: two rekeys by volume, about 131 s apart, long before the hour of seconds.
// [2] 2560 KB is the smallest lifetime IOS accepts.
// [3] 18,000-byte pings (IOS's largest is 18,024) make 18,060-byte ESP packets: 2560 KB is 145
//     of them, 90 % is the 131st.
