// The three statechart chips of each peer (IKE, IPsec, DPD/keepalive) as plain data: what the
// state is (`data-state`), how it reads, and its tone. The engine decides the states and
// app/sim/derived which IKE SA counts for a peer; this only names them. Pure.

import { type ProbeRound, probeRound } from '../../sim/derived/probeRound';
import type { HsrpGroupView, IkeSaView, IpsecFlowView } from '../../sim/snapshot';

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

/** DPD per RFC 3706 as IOS runs it, or legacy IOS keepalives (liveness 'legacy-keepalive'). */
export function dpdChip(ike: IkeSaView | undefined): Chip {
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
      const round = probeRound(ike);
      const text = round ? probeText(round) : 'probing';
      return { machine: 'dpd', state: 'probing', text, tone: 'warn' };
    }
    case 'dead':
      return { machine: 'dpd', state: 'dead', text: 'peer dead', tone: 'bad' };
    default:
      return { machine: 'dpd', state: ike.dpdState, text: `${name} ${ike.dpdState}`, tone: 'off' };
  }
}

/** "R-U-THERE sent", "retry 2 of 5" (IOS: "DPD/R_U_THERE retransmit 2 of 5"), "keepalive 2 of 3". */
export function probeText(round: ProbeRound): string {
  if (round.kind === 'keepalive') return `keepalive ${round.sent} of ${round.max}`;
  return round.retransmit === 0
    ? 'R-U-THERE sent'
    : `retry ${round.retransmit} of ${round.maxRetransmits}`;
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
