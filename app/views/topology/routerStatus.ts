// What a router glyph shows at one moment, derived from the frame's router views: power and the
// reload countdown, the IKE state toward each peer, and the SA mismatch ("stale SPI") when this
// router's current outbound SPI toward a peer is not among that peer's inbound SPIs, i.e. the
// peer will drop every packet sent with it. Pure: the views never decide protocol behaviour,
// they only compare two routers' tables as the frame holds them.

import type { Frame } from '../../sim/frame';
import type { RouterView } from '../../sim/snapshot';
import { formatSpi } from '../../sim/trace';
import type { TopologyIndex } from './topologyIndex';

/** established: QM_IDLE; negotiating: MM_*; none: no usable IKE SA. */
export type IkeCategory = 'established' | 'negotiating' | 'none';

export interface PeerIke {
  peerAddr: string;
  /** The peer's node id when it is a router of the scenario. */
  peerNode: string | undefined;
  /** QM_IDLE, MM_NO_STATE … MM_KEY_AUTH, or 'none'. */
  state: string;
  category: IkeCategory;
}

export interface StaleSpi {
  /** "0xB761863E" */
  spi: string;
  peerNode: string;
}

export interface RouterStatus {
  id: string;
  hostname: string;
  power: 'up' | 'booting';
  /** Whole seconds until the reload ends (rounded up), or null when up or unknown. */
  bootInSec: number | null;
  /** One entry per peer: IKE peers in table order, then peers with only an IPsec flow. */
  peers: PeerIke[];
  stale: StaleSpi[];
  invalidSpiDrops: number;
  /** The router's first HSRP group: "Active 20.1.1.10", "Standby"…; null without HSRP. */
  hsrp: string | null;
}

export function ikeCategory(state: string): IkeCategory {
  if (state === 'QM_IDLE') return 'established';
  if (state.startsWith('MM_')) return 'negotiating';
  return 'none';
}

/**
 * The IKE state toward a peer: of its ACTIVE SAs, QM_IDLE first, then the newest (highest
 * conn-id); 'none' without one. Same choice as the router panels.
 */
function ikeStateToward(view: RouterView, peerAddr: string): string {
  let best: { connId: number; state: string } | undefined;
  for (const sa of view.ike) {
    if (sa.peer !== peerAddr || sa.status !== 'ACTIVE') continue;
    const established = sa.state === 'QM_IDLE';
    if (!best || (established && best.state !== 'QM_IDLE')) best = sa;
    else if (established === (best.state === 'QM_IDLE') && sa.connId > best.connId) best = sa;
  }
  return best?.state ?? 'none';
}

function peerAddresses(view: RouterView): string[] {
  const peers: string[] = [];
  const seen = new Set<string>();
  const add = (addr: string) => {
    if (!addr || addr === '0.0.0.0' || seen.has(addr)) return;
    seen.add(addr);
    peers.push(addr);
  };
  for (const sa of view.ike) add(sa.peer);
  for (const flow of view.ipsec) add(flow.currentPeer);
  return peers;
}

/** First boot time strictly after t, from an ascending list. */
function nextBootAfter(times: readonly number[] | undefined, t: number): number | undefined {
  if (!times) return undefined;
  for (const at of times) if (at > t) return at;
  return undefined;
}

/** Every router's status at the frame's time, by router id. O(routers + SAs). */
export function routerStatuses(frame: Frame, index: TopologyIndex): Map<string, RouterStatus> {
  const inbound = new Map<string, Set<number>>();
  for (const view of frame.routers) {
    const spis = new Set<number>();
    for (const flow of view.ipsec) for (const sa of flow.inbound) spis.add(sa.spi);
    inbound.set(view.node, spis);
  }
  // An HSRP virtual IP names whichever router is Active for it now, as the routers report it.
  const vipOwners = new Map<string, string>();
  for (const view of frame.routers) {
    for (const group of view.hsrp ?? [])
      if (group.state === 'Active' && !vipOwners.has(group.vip))
        vipOwners.set(group.vip, view.node);
  }
  const nodeOf = (addr: string) => index.addressToNode.get(addr) ?? vipOwners.get(addr);
  const statuses = new Map<string, RouterStatus>();
  for (const view of frame.routers) {
    const peers = peerAddresses(view).map((peerAddr): PeerIke => {
      const state = ikeStateToward(view, peerAddr);
      return {
        peerAddr,
        peerNode: nodeOf(peerAddr),
        state,
        category: ikeCategory(state),
      };
    });
    const stale: StaleSpi[] = [];
    for (const flow of view.ipsec) {
      if (flow.currentOutboundSpi === 0) continue;
      const peerNode = nodeOf(flow.currentPeer);
      const peerInbound = peerNode === undefined ? undefined : inbound.get(peerNode);
      if (peerNode === undefined || peerInbound === undefined) continue;
      if (!peerInbound.has(flow.currentOutboundSpi)) {
        stale.push({ spi: formatSpi(flow.currentOutboundSpi), peerNode });
      }
    }
    const bootAt =
      view.power === 'booting'
        ? nextBootAfter(index.bootTimes.get(view.node), frame.atMs)
        : undefined;
    statuses.set(view.node, {
      id: view.node,
      hostname: view.hostname || view.node,
      power: view.power,
      bootInSec: bootAt === undefined ? null : Math.ceil((bootAt - frame.atMs) / 1000),
      peers,
      stale,
      invalidSpiDrops: view.invalidSpiDrops,
      hsrp: hsrpText(view),
    });
  }
  return statuses;
}

function hsrpText(view: RouterView): string | null {
  const group = view.hsrp?.[0];
  if (!group) return null;
  return group.state === 'Active' ? `Active ${group.vip}` : group.state;
}

/** The value of `data-ike-state`: the state toward the first peer, or 'none'. */
export function firstPeerState(status: RouterStatus): string {
  return status.peers[0]?.state ?? 'none';
}

/**
 * A string that changes exactly when the glyph's drawing changes: lets memoised glyphs skip
 * re-rendering on frames where only t moved.
 */
export function statusKey(status: RouterStatus): string {
  const peers = status.peers.map((p) => `${p.peerAddr}=${p.state}`).join(',');
  const stale = status.stale.map((s) => `${s.spi}>${s.peerNode}`).join(',');
  return `${status.hostname}|${status.power}|${status.bootInSec}|${peers}|${stale}|${status.invalidSpiDrops}|${status.hsrp}`;
}
