// The black hole, stated: a router encrypts toward a peer with an outbound SPI that the peer
// has no inbound SA for, so the peer drops every such packet as an invalid SPI. The peer is the
// router that answers to the flow's current_peer address at that moment (addressBook.ts: an
// HSRP virtual IP names the headend Active now). Every view that flags a stale SPI reads
// staleSpisAt; the router panels add whether the peer is still running quick mode (a moment's
// race), which needs the run. Pure; one answer per frame.

import type { Frame } from '../frame';
import type { Run } from '../run';
import { addressBookAt, addressesOf } from './addressBook';
import { negotiatingPeers } from './negotiations';
import { ikeSaToward } from './peers';

export interface StaleSpi {
  /** The sender: the router whose current outbound SPI is unknown to its peer. */
  router: string;
  /** The receiver's router id and the address the sender encrypts to. */
  peerRouter: string;
  peer: string;
  spi: number;
  peerPower: 'up' | 'booting';
  /** The sender's DPD/keepalive state toward the peer ('off' without an IKE SA or DPD). */
  senderDpdState: string;
  /** The sender runs legacy IOS keepalives with the peer rather than DPD. */
  senderLegacyKeepalive: boolean;
}

export interface SpiMismatch extends StaleSpi {
  /** The receiver is still running quick mode with the sender: a moment's race, not a hole. */
  peerNegotiating: boolean;
}

const staleCache = new WeakMap<Frame, StaleSpi[]>();
const mismatchCache = new WeakMap<Frame, SpiMismatch[]>();

/**
 * Every (sender, flow) whose current outbound SPI is not among the inbound SPIs of the router
 * answering to its current_peer, in router then flow order. A flow whose peer no router answers
 * to (an HSRP address between two Actives, a host outside the scenario) is not compared.
 */
export function staleSpisAt(frame: Frame): StaleSpi[] {
  let stale = staleCache.get(frame);
  if (stale) return stale;
  stale = [];
  const book = addressBookAt(frame);
  const byId = new Map(frame.routers.map((view) => [view.node, view]));
  const inbound = new Map<string, Set<number>>();
  for (const view of frame.routers) {
    const spis = new Set<number>();
    for (const flow of view.ipsec) for (const sa of flow.inbound) spis.add(sa.spi);
    inbound.set(view.node, spis);
  }
  for (const view of frame.routers) {
    for (const flow of view.ipsec) {
      if (flow.currentOutboundSpi === 0) continue;
      const peerRouter = book.get(flow.currentPeer);
      const peerView = peerRouter === undefined ? undefined : byId.get(peerRouter);
      if (peerRouter === undefined || !peerView) continue;
      if (inbound.get(peerRouter)?.has(flow.currentOutboundSpi)) continue;
      const senderIke = ikeSaToward(view, flow.currentPeer);
      stale.push({
        router: view.node,
        peerRouter,
        peer: flow.currentPeer,
        spi: flow.currentOutboundSpi,
        peerPower: peerView.power,
        senderDpdState: senderIke?.dpdState ?? 'off',
        senderLegacyKeepalive: senderIke?.liveness === 'legacy-keepalive',
      });
    }
  }
  staleCache.set(frame, stale);
  return stale;
}

/** staleSpisAt, each with whether its peer is running quick mode with the sender. */
export function spiMismatches(run: Run, frame: Frame): SpiMismatch[] {
  let mismatches = mismatchCache.get(frame);
  if (mismatches) return mismatches;
  const stale = staleSpisAt(frame);
  const book = stale.length > 0 ? addressBookAt(frame) : undefined;
  const addresses = new Map<string, string[]>();
  mismatches = stale.map((entry) => {
    const peerTalks = negotiatingPeers(run, entry.peerRouter, frame.atMs);
    let sender = addresses.get(entry.router);
    if (!sender) {
      sender = book ? addressesOf(book, entry.router) : [];
      addresses.set(entry.router, sender);
    }
    return { ...entry, peerNegotiating: sender.some((address) => peerTalks.has(address)) };
  });
  mismatchCache.set(frame, mismatches);
  return mismatches;
}
