// `show crypto isakmp peers`: one entry per peer the router holds an IKE SA with, as 12.4 prints
// it (layout recalled, no capture in our notes): `Peer: A Port: 500 Local: B`, then the peer's
// phase 1 identity, its address here (pre-shared keys by address).

import type { RouterView } from '../../sim/snapshot';
import { localAddress } from './showCryptoSession';

export function showIsakmpPeers(view: RouterView): string[] {
  const seen = new Set<string>();
  return view.ike.flatMap((sa) => {
    if (seen.has(sa.peer)) return [];
    seen.add(sa.peer);
    return [`Peer: ${sa.peer} Port: 500 Local: ${localAddress(sa)}`, ` Phase1 id: ${sa.peer}`];
  });
}
