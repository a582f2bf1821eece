// Pure. One router at the cursor in a few words, for the compare columns: its power, its IKE
// state per peer, the SPI it encrypts with (flagged when no router holds that SPI inbound: the
// black hole), DPD probing, and the invalid-SPI drops so far.

import type { RouterConfig } from '../ios/types';
import type { RouterView } from '../sim/snapshot';
import { formatSpi } from '../sim/trace';
import { plural } from '../views/health/durations';

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

/** Which router owns each interface address: "20.1.1.2" → "R2", to name IKE peers. */
export function addressOwners(
  configs: Readonly<Record<string, RouterConfig>>,
): Map<string, string> {
  const owners = new Map<string, string>();
  for (const [node, config] of Object.entries(configs))
    for (const iface of config.interfaces) if (iface.address) owners.set(iface.address.ip, node);
  return owners;
}

/** Every inbound SPI some router holds at this moment. */
export function inboundSpis(routers: readonly RouterView[]): Set<number> {
  const spis = new Set<number>();
  for (const router of routers)
    for (const flow of router.ipsec) for (const sa of flow.inbound) spis.add(sa.spi);
  return spis;
}

function dpdText(state: string, retry: number): string | null {
  if (state === 'probing') return `DPD probing ${retry}/5`;
  if (state === 'worried') return 'DPD worried';
  if (state === 'dead') return 'DPD: peer dead';
  return null;
}

export function summariseRouter(
  view: RouterView,
  inbound: ReadonlySet<number>,
  owners: ReadonlyMap<string, string> = new Map(),
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
  const ike = view.ike.filter((sa) => sa.status === 'ACTIVE');
  if (ike.length <= MAX_LISTED_PEERS) {
    for (const sa of ike) {
      parts.push({ text: `IKE with ${owners.get(sa.peer) ?? sa.peer} ${sa.state}`, alert: false });
      const dpd = dpdText(sa.dpdState, sa.dpdRetry);
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
    const stale = !inbound.has(flow.currentOutboundSpi);
    if (stale) staleOutbound++;
    outboundParts.push({
      text: `out ${formatSpi(flow.currentOutboundSpi)}${stale ? ' ⚠ peer has no such SA' : ''}`,
      alert: stale,
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
