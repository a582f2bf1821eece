// What a router glyph shows at one moment, from the frame and its derivations (app/sim/derived,
// which the router panels and the compare columns read too): power and the reload countdown,
// the state of the IKE SA that counts toward each peer, and the stale SPIs ("SA mismatch") this
// router encrypts with, which its peer will drop. Pure: the views never decide protocol
// behaviour.

import { addressBookAt } from '../../sim/derived/addressBook';
import { peersOf } from '../../sim/derived/peers';
import { staleSpisAt } from '../../sim/derived/spiMismatches';
import type { Frame } from '../../sim/frame';
import type { RouterView } from '../../sim/snapshot';
import { formatSpi, type NegotiationCause } from '../../sim/trace';
import type { TopologyIndex } from './topologyIndex';

/** established: QM_IDLE; negotiating: MM_*, AG_*, CONF_XAUTH, CONF_ADDR; none: no usable IKE SA. */
export type IkeCategory = 'established' | 'negotiating' | 'none';

export interface PeerIke {
  peerAddr: string;
  /** The peer's node id when it is a router of the scenario. */
  peerNode: string | undefined;
  /** QM_IDLE, MM_NO_STATE … MM_KEY_AUTH, AG_*, CONF_XAUTH, CONF_ADDR, or 'none'. */
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
  /** Negotiations this router refused that still keep a tunnel down: why it is not up. */
  failures: NegotiationFailure[];
  /** Crypto map entries in use that protect nothing ("CMAP 10: …"). */
  incompleteMaps: string[];
  /** Crypto map sets applied to no interface. */
  unappliedMaps: string[];
}

export interface NegotiationFailure {
  peerAddr: string;
  peerNode: string | undefined;
  phase: 1 | 2;
  cause: NegotiationCause;
  reason: string;
}

export function ikeCategory(state: string): IkeCategory {
  if (state === 'QM_IDLE') return 'established';
  if (state.startsWith('MM_') || state.startsWith('AG_') || state.startsWith('CONF_'))
    return 'negotiating';
  return 'none';
}

/** First boot time strictly after t, from an ascending list. */
function nextBootAfter(times: readonly number[] | undefined, t: number): number | undefined {
  if (!times) return undefined;
  for (const at of times) if (at > t) return at;
  return undefined;
}

/** Every router's status at the frame's time, by router id. O(routers + SAs). */
export function routerStatuses(frame: Frame, index: TopologyIndex): Map<string, RouterStatus> {
  const book = addressBookAt(frame);
  const stale = staleSpisAt(frame);
  const statuses = new Map<string, RouterStatus>();
  for (const view of frame.routers) {
    const peers = peersOf(view).map((peer): PeerIke => {
      const state = peer.ike?.state ?? 'none';
      return {
        peerAddr: peer.address,
        peerNode: book.get(peer.address),
        state,
        category: ikeCategory(state),
      };
    });
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
      stale: stale
        .filter((s) => s.router === view.node)
        .map((s) => ({ spi: formatSpi(s.spi), peerNode: s.peerRouter })),
      invalidSpiDrops: view.invalidSpiDrops,
      hsrp: hsrpText(view),
      failures: frame.failures
        .filter((f) => f.node === view.node)
        .map((f) => ({
          peerAddr: f.peer,
          peerNode: book.get(f.peer),
          phase: f.phase,
          cause: f.cause,
          reason: f.reason,
        })),
      incompleteMaps: view.incompleteMaps ?? [],
      unappliedMaps: view.unappliedMaps ?? [],
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
  const failures = status.failures.map((f) => `${f.peerAddr}:${f.phase}:${f.reason}`).join(',');
  return `${status.hostname}|${status.power}|${status.bootInSec}|${peers}|${stale}|${status.invalidSpiDrops}|${status.hsrp}|${failures}|${status.incompleteMaps.join(',')}|${status.unappliedMaps.join(',')}`;
}
