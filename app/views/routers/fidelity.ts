// Why some panel facts carry a "simplified" marker: they rest on IOS behaviour that
// ios-behavior.md tags [M] (recalled, not verified) or [I] (inferred), sections 7.3 and 7.5.

import { IKE_MAX_RETRANSMITS, IKE_RETRANSMIT_MS } from '../../sim/machines/ikeSaMachine';

export const SIMPLIFIED = {
  ikeRetransmit: `IKE retransmission timing is not documented in the sources: the simulator resends an unanswered main mode or quick mode message every ${IKE_RETRANSMIT_MS / 1000} s, ${IKE_MAX_RETRANSMITS} times, then gives up.`,
  dpdRetryDefault:
    'The retry default of 2 s is recalled from Cisco documentation, not verified; the five R-U-THERE retransmissions before "dead" come from secondary sources.',
  idleRange: 'The 60-86400 s range is recalled from Cisco documentation, not verified.',
  idleDeletesIke:
    'When the last IPsec SA to a peer goes idle, the simulator deletes the IKE SA too: recalled from Cisco documentation, not verified.',
  saProgramming:
    'IOS does not document how long the crypto engine takes to program an SA; this delay is chosen to make the race visible (ios-behavior.md 1.1)',
  hsrp: 'HSRP is not in the IOS notes: its states, election and timers (hello 3 s, hold 10 s) are IOS defaults as recalled, and the virtual IP moves to the Active router without ARP.',
  staleRekey:
    'A rekey starts 30 s before the lifetime ends if the SA carried traffic. What IOS does when that rekey meets a stale IKE SA (peer rebooted) is not documented: simplified.',
} as const;
