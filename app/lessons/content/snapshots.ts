// The `show` snapshots lessons end a "nothing happens" reveal on.

import type { ShowSnapshot } from '../types';

/**
 * Each router's IKE SAs and its IPsec SA counters and outbound SPI, filtered to fit beside the
 * topology on a projector: in a black hole the sender shows
 * QM_IDLE with encaps rising, the receiver no SA for it (tech note 115801).
 */
export function staleTables(...nodes: string[]): readonly ShowSnapshot[] {
  return nodes.map((node) => ({
    node,
    commands: [
      'show crypto isakmp sa | include dst|QM_|MM_',
      'show crypto ipsec sa | include encaps|decaps|current outbound',
    ],
  }));
}
