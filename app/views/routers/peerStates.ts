// A router's view grouped by peer, and the three statechart chips of each peer (IKE, IPsec,
// DPD/keepalive) as plain data: what the state is (`data-state`), how it reads, and its tone.
// The engine decides the states; this only names them. Pure.

import type { HsrpGroupView, IkeSaView, IpsecFlowView, RouterView } from '../../sim/snapshot';

/** IOS DPD resends R-U-THERE five times (ios-behavior.md 2.1 [C-2]). */
export const DPD_RETRIES = 5;
/** Legacy IOS keepalives: three misses and the peer is dead (ios-behavior.md 0.2 [C-2]). */
export const LEGACY_KEEPALIVES = 3;

export interface PeerModel {
  /** The peer's address as IOS names it (IKE peer / current_peer). */
  peer: string;
  /** The most advanced IKE SA with this peer, if any. */
  ike: IkeSaView | undefined;
  /** `show crypto ipsec sa` flows whose current peer is this peer. */
  flows: IpsecFlowView[];
}

/** Every peer the router has an IKE SA or a crypto flow with, IKE peers first. */
export function peersOf(view: RouterView): PeerModel[] {
  const order: string[] = [];
  const add = (peer: string) => {
    if (peer && !order.includes(peer)) order.push(peer);
  };
  for (const sa of view.ike) add(sa.peer);
  for (const flow of view.ipsec) add(flow.currentPeer);
  return order.map((peer) => ({
    peer,
    ike: bestIkeSa(view.ike.filter((sa) => sa.peer === peer)),
    flows: view.ipsec.filter((flow) => flow.currentPeer === peer),
  }));
}

/** QM_IDLE wins over a main mode in progress; among equals, the newest (highest conn-id). */
function bestIkeSa(sas: IkeSaView[]): IkeSaView | undefined {
  let best: IkeSaView | undefined;
  for (const sa of sas) {
    if (!best) best = sa;
    else if ((sa.state === 'QM_IDLE') !== (best.state === 'QM_IDLE')) {
      if (sa.state === 'QM_IDLE') best = sa;
    } else if (sa.connId > best.connId) best = sa;
  }
  return best;
}

export type Tone = 'ok' | 'pending' | 'warn' | 'bad' | 'off';

export interface Chip {
  machine: 'ike' | 'ipsec' | 'dpd' | 'hsrp';
  /** The machine's state, for `data-state`. */
  state: string;
  /** What the chip says after its machine name. */
  text: string;
  tone: Tone;
}

export function ikeChip(ike: IkeSaView | undefined): Chip {
  if (!ike) return { machine: 'ike', state: 'none', text: 'no SA', tone: 'off' };
  const done = ike.state === 'QM_IDLE';
  return { machine: 'ike', state: ike.state, text: ike.state, tone: done ? 'ok' : 'pending' };
}

/** Installed SA pair → active; a quick mode in progress → negotiating; else none. */
export function ipsecChip(flows: readonly IpsecFlowView[], negotiating: boolean): Chip {
  const active = flows.some((f) => f.inbound.length > 0 && f.outbound.length > 0);
  if (active) return { machine: 'ipsec', state: 'active', text: 'SA pair active', tone: 'ok' };
  const half = flows.some((f) => f.inbound.length > 0 || f.outbound.length > 0);
  if (negotiating || half) {
    return { machine: 'ipsec', state: 'negotiating', text: 'negotiating', tone: 'pending' };
  }
  return { machine: 'ipsec', state: 'none', text: 'no SA', tone: 'off' };
}

/**
 * DPD per RFC 3706 as IOS runs it, or legacy IOS keepalives (liveness 'legacy-keepalive').
 * `retransmits` overrides the view's dpdRetry when known from the run (see probeRound.ts).
 */
export function dpdChip(ike: IkeSaView | undefined, retransmits?: number | null): Chip {
  const legacy = ike?.liveness === 'legacy-keepalive';
  const name = legacy ? 'keepalive' : 'DPD';
  if (!ike || ike.liveness === 'none' || ike.dpdState === 'off') {
    return { machine: 'dpd', state: 'off', text: 'off', tone: 'off' };
  }
  switch (ike.dpdState) {
    case 'quiet':
      return { machine: 'dpd', state: 'quiet', text: 'quiet', tone: 'ok' };
    case 'worried':
      return { machine: 'dpd', state: 'worried', text: 'worried: peer silent', tone: 'warn' };
    case 'probing': {
      const retry = Math.max(ike.dpdRetry, retransmits ?? 0);
      const text = legacy
        ? `keepalive ${Math.min(retry + 1, LEGACY_KEEPALIVES)} of ${LEGACY_KEEPALIVES}`
        : retry === 0
          ? 'R-U-THERE sent'
          : `retry ${Math.min(retry, DPD_RETRIES)} of ${DPD_RETRIES}`;
      return { machine: 'dpd', state: 'probing', text, tone: 'warn' };
    }
    case 'dead':
      return { machine: 'dpd', state: 'dead', text: 'peer dead', tone: 'bad' };
    default:
      return { machine: 'dpd', state: ike.dpdState, text: `${name} ${ike.dpdState}`, tone: 'off' };
  }
}

/** "192.168.1.0/24" for an IOS proxy identity (address and dotted mask). */
export function prefix(addr: string, mask: string): string {
  const bits = mask
    .split('.')
    .map((octet) => Number(octet).toString(2).replace(/0/g, '').length)
    .reduce((sum, n) => sum + n, 0);
  return `${addr}/${bits}`;
}

/** One HSRP group: "Active 20.1.1.10" (the router answers for the virtual IP) or another state. */
export function hsrpChip(group: HsrpGroupView): Chip {
  const tone: Tone =
    group.state === 'Active'
      ? 'ok'
      : group.state === 'Standby' || group.state === 'Init'
        ? 'off'
        : 'pending';
  return { machine: 'hsrp', state: group.state, text: `${group.state} ${group.vip}`, tone };
}
