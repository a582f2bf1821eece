// The black hole, stated: a router encrypts toward a peer with an outbound SPI that the peer has
// no inbound SA for, so the peer drops every such packet. Compared across the routers of one
// frame (the peer = the router that owns the flow's current_peer address). Pure.

import type { Frame } from '../../sim/frame';
import type { AddressBook } from './addressBook';

export interface SpiMismatch {
  /** The sender: the router whose current outbound SPI is unknown to its peer. */
  router: string;
  /** The receiver's router id and the address the sender encrypts to. */
  peerRouter: string;
  peer: string;
  spi: number;
  /** The receiver is still running quick mode with the sender: a moment's race, not a hole. */
  peerNegotiating: boolean;
  peerPower: 'up' | 'booting';
  /** The sender's DPD/keepalive state toward the peer ('off' without an IKE SA or DPD). */
  senderDpdState: string;
  /** The sender runs legacy IOS keepalives with the peer rather than DPD. */
  senderLegacyKeepalive: boolean;
}

/**
 * Every (sender, peer) whose current outbound SPI is not among the peer's inbound SPIs.
 * `negotiating(node)` gives the addresses a router is running quick mode with.
 */
export function spiMismatches(
  frame: Frame,
  book: AddressBook,
  negotiating: (node: string) => ReadonlySet<string> = () => new Set(),
): SpiMismatch[] {
  const byId = new Map(frame.routers.map((view) => [view.node, view]));
  const mismatches: SpiMismatch[] = [];
  for (const view of frame.routers) {
    for (const flow of view.ipsec) {
      if (flow.currentOutboundSpi === 0 || flow.outbound.length === 0) continue;
      const peerRouter = book.get(flow.currentPeer);
      const peerView = peerRouter === undefined ? undefined : byId.get(peerRouter);
      if (!peerRouter || !peerView) continue;
      const known = peerView.ipsec.some((f) =>
        f.inbound.some((sa) => sa.spi === flow.currentOutboundSpi),
      );
      if (known) continue;
      const senderAddresses = [...book].filter(([, id]) => id === view.node).map(([a]) => a);
      const peerTalks = negotiating(peerRouter);
      const senderIke = view.ike.find(
        (sa) => sa.peer === flow.currentPeer && sa.dpdState !== 'off',
      );
      mismatches.push({
        router: view.node,
        peerRouter,
        peer: flow.currentPeer,
        spi: flow.currentOutboundSpi,
        peerNegotiating: senderAddresses.some((address) => peerTalks.has(address)),
        peerPower: peerView.power,
        senderDpdState: senderIke?.dpdState ?? 'off',
        senderLegacyKeepalive: senderIke?.liveness === 'legacy-keepalive',
      });
    }
  }
  return mismatches;
}
