// The `show` snapshots lessons end a "nothing happens" reveal on.

import type { ShowSnapshot } from '../types';

/**
 * Each router's IKE SAs and its IPsec SA counters and SPIs: in a black hole the sender shows
 * QM_IDLE with encaps rising, the receiver no SA for it (tech note 115801).
 */
export function staleTables(...nodes: string[]): readonly ShowSnapshot[] {
  return nodes.map((node) => ({
    node,
    commands: ['show crypto isakmp sa', 'show crypto ipsec sa | include encaps|spi:'],
  }));
}
