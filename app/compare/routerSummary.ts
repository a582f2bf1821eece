// Pure. One router at the cursor in a few words, for the compare columns: its power, its IKE
// state per peer, the SPI it encrypts with (flagged when its peer does not hold it: the black
// hole), DPD probing, and the invalid-SPI drops so far. What counts as a peer's IKE SA, a stale
// SPI or a probe round is the run's (app/sim/derived), as in the studio's views.

import { type AddressBook, peerKey } from '../sim/derived/addressBook';
import { peersOf } from '../sim/derived/peers';
import { type ProbeRound, probeRound } from '../sim/derived/probeRound';
import type { StaleSpi } from '../sim/derived/spiMismatches';
import type { IkeSaView, RouterView } from '../sim/snapshot';
import { formatSpi } from '../sim/trace';
import { plural } from '../views/health/durations';
import { probeText } from '../views/routers/peerStates';

/** More peers than this are counted, not listed (a DMVPN hub). */
const MAX_LISTED_PEERS = 3;

/** booting: reloading; up: QM_IDLE or an outbound SA; negotiating: IKE under way; none. */
export type RouterTone = 'booting' | 'up' | 'negotiating' | 'none';

export interface RouterSummary {
  node: string;
  tone: RouterTone;
  /** The word on the router box: "QM_IDLE", "MM_KEY_EXCH", "no SA", "booting". */
  state: string;
  /** Details, each a short phrase: "IKE 20.1.1.2 QM_IDLE", "out 0x7FCBADA1 ⚠ stale". */
  parts: Array<{ text: string; alert: boolean }>;
  /** Outbound SPIs no router holds inbound: packets sent with them are dropped. */
  staleOutbound: number;
  invalidSpiDrops: number;
}

function dpdText(ike: IkeSaView): string | null {
  const round: ProbeRound | null = probeRound(ike);
  if (round) return round.kind === 'dpd' ? `DPD ${probeText(round)}` : probeText(round);
  if (ike.dpdState === 'worried') return 'DPD worried';
  if (ike.dpdState === 'dead') return 'DPD: peer dead';
  return null;
}

/**
 * `stale`: the frame's stale SPIs (staleSpisAt), of any router; `book`: who answers to each
 * address at the frame's moment.
 */
export function summariseRouter(
  view: RouterView,
  stale: readonly StaleSpi[],
  book: AddressBook,
): RouterSummary {
  const parts: RouterSummary['parts'] = [];
  const invalidSpiDrops = view.invalidSpiDrops;
  if (view.power === 'booting') {
    return {
      node: view.node,
      tone: 'booting',
      state: 'booting',
      parts: [{ text: 'reloading: no SAs, no IKE', alert: true }],
      staleOutbound: 0,
      invalidSpiDrops,
    };
  }
  const ike = peersOf(view).flatMap((peer) => (peer.ike ? [peer.ike] : []));
  if (ike.length <= MAX_LISTED_PEERS) {
    for (const sa of ike) {
      parts.push({ text: `IKE with ${peerKey(sa.peer, book)} ${sa.state}`, alert: false });
      const dpd = dpdText(sa);
      if (dpd) parts.push({ text: dpd, alert: sa.dpdState !== 'worried' });
    }
  } else {
    // A hub: count peers per state instead of listing them.
    const byState = new Map<string, number>();
    for (const sa of ike) byState.set(sa.state, (byState.get(sa.state) ?? 0) + 1);
    const counts = [...byState].map(([state, n]) => `${state} ×${n}`).join(', ');
    parts.push({ text: `IKE with ${ike.length} peers: ${counts}`, alert: false });
    const probing = ike.filter((sa) => sa.dpdState === 'probing' || sa.dpdState === 'dead').length;
    if (probing > 0) parts.push({ text: `DPD probing or dead: ${probing}`, alert: true });
  }
  let staleOutbound = 0;
  let encaps = 0;
  let decaps = 0;
  let outbound = 0;
  const outboundParts: RouterSummary['parts'] = [];
  for (const flow of view.ipsec) {
    encaps += flow.encaps;
    decaps += flow.decaps;
    if (flow.currentOutboundSpi === 0) continue;
    outbound++;
    const spi = flow.currentOutboundSpi;
    const unknown = stale.some(
      (s) => s.router === view.node && s.peer === flow.currentPeer && s.spi === spi,
    );
    if (unknown) staleOutbound++;
    outboundParts.push({
      text: `out ${formatSpi(spi)}${unknown ? ' ⚠ peer has no such SA' : ''}`,
      alert: unknown,
    });
  }
  if (outbound <= MAX_LISTED_PEERS) parts.push(...outboundParts);
  else {
    parts.push({ text: `${outbound} outbound SAs`, alert: false });
    if (staleOutbound > 0)
      parts.push({ text: `⚠ ${staleOutbound} with an SPI the peer lacks`, alert: true });
  }
  if (outbound > 0 || encaps + decaps > 0)
    parts.push({ text: `encaps ${encaps} · decaps ${decaps}`, alert: false });
  if (ike.length === 0 && outbound === 0)
    parts.push({ text: 'no IKE SA, no IPsec SA', alert: false });
  if (invalidSpiDrops > 0)
    parts.push({
      text: `⚠ ${plural(invalidSpiDrops, 'invalid-SPI drop')}`,
      alert: true,
    });

  const settled = ike.find((sa) => sa.state === 'QM_IDLE');
  const negotiating = ike.find((sa) => sa.state !== 'QM_IDLE');
  let tone: RouterTone = 'none';
  let state = 'no SA';
  if (settled || outbound > 0) {
    tone = 'up';
    state = settled ? 'QM_IDLE' : 'IPsec SA';
  } else if (negotiating) {
    tone = 'negotiating';
    state = negotiating.state;
  }
  return { node: view.node, tone, state, parts, staleOutbound, invalidSpiDrops };
}

/** Routers a column lists: all of them, or in a crowded scenario the ones worth a look. */
export function routersToList(
  summaries: readonly RouterSummary[],
  max: number,
): { shown: RouterSummary[]; hidden: number } {
  if (summaries.length <= max) return { shown: [...summaries], hidden: 0 };
  const notable = (s: RouterSummary) => s.tone !== 'up' || s.parts.some((p) => p.alert);
  const ordered = [...summaries.filter(notable), ...summaries.filter((s) => !notable(s))];
  return { shown: ordered.slice(0, max), hidden: summaries.length - max };
}
