// A router's SA tables at the current virtual time, as plain data for the show commands and
// the router panels.

import { missingFromEntry } from '../ios/cryptoMapStatus';
import { dmvpnInterfaces } from './dmvpnView';
import { ANY_PROXY, type ForwardingPlan, ipText, staticEntryFlow } from './router/forwardingPlan';
import type { Router } from './router/router';
import type { SaPair } from './router/routerState';
import type { IkeSaView, IpsecFlowView, RouterView, SaEntryView } from './snapshot';

const NEGOTIATION_STATES = new Set([
  'MM_NO_STATE',
  'MM_SA_SETUP',
  'MM_KEY_EXCH',
  'MM_KEY_AUTH',
  'AG_NO_STATE',
  'AG_INIT_EXCH',
  'CONF_XAUTH',
  'CONF_ADDR',
  'QM_IDLE',
]);

function ikeViews(router: Router, nowMs: number): IkeSaView[] {
  return router.ike.all().map((sa) => {
    const ctx = sa.host.context;
    const state = NEGOTIATION_STATES.has(sa.host.state) ? sa.host.state : 'MM_NO_STATE';
    const liveness = sa.liveness;
    const elapsedSec = sa.established ? (nowMs - sa.establishedAtMs) / 1000 : 0;
    return {
      connId: sa.connId,
      keysDerived: sa.keysDerived,
      dst: sa.role === 'initiator' ? sa.peer : sa.local,
      src: sa.role === 'initiator' ? sa.local : sa.peer,
      peer: sa.peer,
      role: sa.role,
      state,
      status: 'ACTIVE',
      lifetimeRemainingSec: Math.max(0, Math.floor(ctx.lifetimeSec - elapsedSec)),
      expiresAtMs: sa.established ? sa.establishedAtMs + ctx.lifetimeSec * 1000 : null,
      liveness:
        sa.livenessMode === null
          ? 'none'
          : sa.livenessMode === 'legacy'
            ? 'legacy-keepalive'
            : 'dpd',
      dpdState: liveness ? liveness.state : 'off',
      dpdRetry: liveness?.state === 'probing' ? liveness.context.retransmits : 0,
    };
  });
}

/** What `show crypto ipsec sa` prints as the remaining kilobytes of an SA that carried `bytes`. */
export function remainingKb(lifetimeKb: number, bytes: number): number {
  return Math.max(0, lifetimeKb - Math.floor(bytes / 1024));
}

function saEntry(
  pair: SaPair,
  spi: number,
  direction: 'inbound' | 'outbound',
  nowMs: number,
): SaEntryView {
  const ctx = pair.host.context;
  const sinceMs = pair.installedAtMs || pair.createdAtMs;
  const idle = ctx.idleSec;
  const bytes = direction === 'inbound' ? pair.bytesIn : pair.bytesOut;
  const programmedAtMs = direction === 'inbound' ? pair.inboundProgrammedAtMs : pair.installedAtMs;
  return {
    spi,
    transform: pair.flow.transform,
    mode: pair.flow.mode,
    connId: pair.saConnId + (direction === 'outbound' ? 1 : 0),
    flowId: pair.flowId + (direction === 'outbound' ? 1 : 0),
    cryptoMap: pair.flow.mapTag,
    lifetimeKb: ctx.lifetimeKb,
    remainingKb: remainingKb(ctx.lifetimeKb, bytes),
    remainingSec: Math.max(0, Math.floor(ctx.lifetimeSec - (nowMs - sinceMs) / 1000)),
    idleRemainingSec:
      idle === null ? null : Math.max(0, Math.ceil(idle - (nowMs - pair.lastActivityAtMs) / 1000)),
    idleTimeSec: idle,
    expiresAtMs: sinceMs + ctx.lifetimeSec * 1000,
    lastActivityAtMs: pair.lastActivityAtMs,
    programmedAtMs,
    programming: nowMs < programmedAtMs,
    status: 'ACTIVE',
  };
}

function ipsecViews(router: Router, nowMs: number): IpsecFlowView[] {
  const flows = new Map<string, IpsecFlowView & { newestAtMs?: number }>();
  const pairs = [...router.sa.live()].sort((a, b) => a.id - b.id);
  for (const pair of pairs) {
    const f = pair.flow;
    const key = `${f.interfaceName}|${f.peer}|${f.proxyLocal.addr}/${f.proxyLocal.mask}|${f.proxyRemote.addr}/${f.proxyRemote.mask}`;
    let view = flows.get(key);
    if (!view) {
      view = {
        interfaceName: f.interfaceName,
        cryptoMapTag: f.mapTag,
        localAddr: f.localAddr,
        localIdent: f.proxyLocal ?? ANY_PROXY,
        remoteIdent: f.proxyRemote ?? ANY_PROXY,
        currentPeer: f.peer,
        encaps: 0,
        decaps: 0,
        sendErrors: 0,
        recvErrors: 0,
        currentOutboundSpi: 0,
        inbound: [],
        outbound: [],
        newestAtMs: -1,
      };
      flows.set(key, view);
    }
    view.encaps += pair.encaps;
    view.decaps += pair.decaps;
    if (pair.inboundInstalled) view.inbound.push(saEntry(pair, pair.inboundSpi, 'inbound', nowMs));
    if (pair.outboundInstalled) {
      view.outbound.push(saEntry(pair, pair.outboundSpi, 'outbound', nowMs));
      if (pair.installedAtMs >= (view.newestAtMs ?? -1)) {
        view.newestAtMs = pair.installedAtMs;
        view.currentOutboundSpi = pair.outboundSpi;
      }
    }
  }
  addIdleCryptoMapFlows(router, flows);
  return [...flows.values()].map(({ newestAtMs: _, ...view }) => view);
}

/**
 * A static crypto map entry with no SA still shows its flow, with zero counters and
 * `current outbound spi: 0x0(0)`, as IOS does (a rebooted router shows its proxies but no SA).
 */
function addIdleCryptoMapFlows(router: Router, flows: Map<string, IpsecFlowView>): void {
  const config = router.config;
  for (const iface of router.plan.interfaces) {
    const mapName = iface.config.cryptoMap;
    if (!mapName || iface.addr === null) continue;
    for (const entry of router.plan.staticEntries.get(mapName) ?? []) {
      if (!entry.matchAcl) continue;
      const peer = router.sa.currentPeer(`map:${entry.map}:${entry.seq}`);
      if (!peer) continue;
      for (const acl of config.accessLists.get(entry.matchAcl) ?? []) {
        if (acl.action !== 'permit') continue;
        const flow = staticEntryFlow(config, iface, entry, acl, peer);
        const covered = [...flows.values()].some(
          (v) =>
            v.interfaceName === flow.interfaceName &&
            v.localIdent.addr === flow.proxyLocal.addr &&
            v.remoteIdent.addr === flow.proxyRemote.addr,
        );
        if (covered) continue;
        flows.set(`idle|${flow.ownerKey}|${acl.src}|${acl.dst}`, {
          interfaceName: flow.interfaceName,
          cryptoMapTag: flow.mapTag,
          localAddr: flow.localAddr,
          localIdent: flow.proxyLocal,
          remoteIdent: flow.proxyRemote,
          currentPeer: peer,
          encaps: 0,
          decaps: 0,
          sendErrors: 0,
          recvErrors: 0,
          currentOutboundSpi: 0,
          inbound: [],
          outbound: [],
        });
      }
    }
  }
}

/** Each plan's own addresses as text, shared by every snapshot taken under that plan. */
const planAddresses = new WeakMap<ForwardingPlan, string[]>();

function addressesOf(plan: ForwardingPlan): string[] {
  let addresses = planAddresses.get(plan);
  if (!addresses) {
    addresses = [...plan.ownAddrs].map(ipText);
    planAddresses.set(plan, addresses);
  }
  return addresses;
}

export function routerView(router: Router, nowMs: number): RouterView {
  const view: RouterView = {
    node: router.id,
    hostname: router.config.hostname,
    power: router.power,
    addresses: addressesOf(router.plan),
    ike: ikeViews(router, nowMs),
    ipsec: ipsecViews(router, nowMs),
    nhrp: router.nhrp.view(),
    invalidSpiDrops: router.invalidSpiDrops,
  };
  const tunnels = router.plan.interfaces.flatMap((i) =>
    i.config.tunnel?.mode === 'gre-multipoint' && i.config.nhrp
      ? [{ interfaceName: i.config.name, nhs: i.config.nhrp.nhs }]
      : [],
  );
  if (tunnels.length > 0) {
    view.dmvpn = dmvpnInterfaces(
      tunnels,
      view.nhrp,
      router.nhrp.registrations(),
      view.ike,
      view.ipsec,
    );
  }
  const hsrp = router.hsrp.views(router.plan);
  if (hsrp.length > 0) view.hsrp = hsrp;
  const incomplete = incompleteMaps(router);
  if (incomplete.length > 0) view.incompleteMaps = incomplete;
  const unapplied = unappliedMaps(router);
  if (unapplied.length > 0) view.unappliedMaps = unapplied;
  return view;
}

/**
 * The crypto map sets that no interface uses: IOS consults a crypto map only on the interface it
 * is applied to, so such a set negotiates nothing and traffic leaves in the clear (Cisco IOS
 * Security Configuration Guide, "Applying crypto map sets to interfaces").
 */
function unappliedMaps(router: Router): string[] {
  const inUse = new Set(router.plan.interfaces.map((i) => i.config.cryptoMap));
  return [...new Set(router.config.cryptoMaps.map((entry) => entry.map))].filter(
    (map) => !inUse.has(map),
  );
}

/** The crypto map entries of the maps on this router's interfaces that protect nothing. */
function incompleteMaps(router: Router): string[] {
  const config = router.config;
  const inUse = new Set(router.plan.interfaces.map((i) => i.config.cryptoMap));
  return config.cryptoMaps.flatMap((entry) => {
    if (!inUse.has(entry.map)) return [];
    const missing = missingFromEntry(entry, config);
    return missing.length > 0 ? [`${entry.map} ${entry.seq}: ${missing.join(', ')}`] : [];
  });
}
