// A router's configuration compiled for the data plane: numeric addresses, routes sorted by
// prefix length, ACLs as masks, and the protected flows each crypto construct defines.
// Pure; rebuilt whenever the running-config changes.

import { missingFromDynamicEntry, missingFromEntry } from '../../ios/cryptoMapStatus';
import { formatIpv4, inSubnet, parseIpv4 } from '../../ios/ipv4';
import type {
  AclEntry,
  CryptoMapEntry,
  IdleTime,
  InterfaceConfig,
  RouterConfig,
  TransformSet,
} from '../../ios/types';
import type { ProxyIdent } from '../snapshot';

export const ANY_PROXY: ProxyIdent = { addr: '0.0.0.0', mask: '0.0.0.0', prot: 0, port: 0 };

const ipValueCache = new Map<string, number>();

/**
 * Parses an address the config parser has already validated (0 for anything else). Memoised:
 * IKE messages carry their endpoints as text, and the same few recur in every message.
 */
export function ip(text: string): number {
  let value = ipValueCache.get(text);
  if (value === undefined) {
    value = parseIpv4(text) ?? 0;
    if (ipValueCache.size > 65_536) ipValueCache.clear();
    ipValueCache.set(text, value);
  }
  return value;
}

const ipTextCache = new Map<number, string>();

/** Dotted-quad text of an address; memoised, as the same few addresses recur in every record. */
export function ipText(addr: number): string {
  let text = ipTextCache.get(addr);
  if (text === undefined) {
    text = formatIpv4(addr);
    if (ipTextCache.size > 65_536) ipTextCache.clear();
    ipTextCache.set(addr, text);
  }
  return text;
}
const inNet = inSubnet;

export interface PlanInterface {
  config: InterfaceConfig;
  addr: number | null;
  mask: number;
  /**
   * The address IKE and ESP of the interface's crypto map use: the HSRP virtual IP with
   * `crypto map … redundancy NAME` (when the group NAME has one), else the interface address.
   */
  cryptoAddr: number | null;
}

export interface PlanRoute {
  prefix: number;
  mask: number;
  nextHop: number | null;
  iface: string | null;
}

/** How traffic of one protected flow is negotiated and shown (`show crypto ipsec sa`). */
export interface FlowPolicy {
  /** Interface the SAs hang off (the crypto map's interface, or the tunnel). */
  interfaceName: string;
  /** `Crypto map tag` as IOS prints it: the map name, or `Tunnel0-head-0` for profiles. */
  mapTag: string;
  transform: string;
  mode: 'Tunnel' | 'Transport';
  lifetimeSec: number;
  lifetimeKb: number;
  idle: IdleTime | null;
}

/** One protected flow: the pair of proxies, the peer, and the policy that governs its SAs. */
export interface ProtectedFlow extends FlowPolicy {
  /** Stable identity of the configuration that wants this flow, e.g. "map:CMAP:10". */
  ownerKey: string;
  peer: string;
  localAddr: string;
  proxyLocal: ProxyIdent;
  proxyRemote: ProxyIdent;
  /** Whether IOS can start IKE for this flow (false for dynamic maps: responder-only). */
  canInitiate: boolean;
  /** Identity of the SA this flow needs: peer and both proxies. Pairs with the same key serve it. */
  saKey: string;
  /** The same addresses as numbers, for the per-packet path. */
  localIp: number;
  peerIp: number;
  localNet: number;
  localMask: number;
  remoteNet: number;
  remoteMask: number;
}

type FlowFields = Omit<
  ProtectedFlow,
  'saKey' | 'localIp' | 'peerIp' | 'localNet' | 'localMask' | 'remoteNet' | 'remoteMask'
>;

function proxyKey(p: ProxyIdent): string {
  return `${p.addr}/${p.mask}/${p.prot}`;
}

/** Completes a flow with the numeric forms of its addresses. */
function withNumbers(flow: FlowFields): ProtectedFlow {
  return {
    ...flow,
    saKey: `${flow.peer}|${proxyKey(flow.proxyLocal)}|${proxyKey(flow.proxyRemote)}`,
    localIp: ip(flow.localAddr),
    peerIp: ip(flow.peer),
    localNet: ip(flow.proxyLocal.addr),
    localMask: ip(flow.proxyLocal.mask),
    remoteNet: ip(flow.proxyRemote.addr),
    remoteMask: ip(flow.proxyRemote.mask),
  };
}

/** Whether the flow's proxies cover a packet from `src` to `dst`. */
export function flowCovers(flow: ProtectedFlow, src: number, dst: number): boolean {
  return inNet(src, flow.localNet, flow.localMask) && inNet(dst, flow.remoteNet, flow.remoteMask);
}

interface CompiledAclEntry {
  entry: AclEntry;
  srcNet: number;
  srcMask: number;
  dstNet: number;
  dstMask: number;
}

export interface ForwardingPlan {
  config: RouterConfig;
  interfaces: PlanInterface[];
  routes: PlanRoute[];
  /** Every address this router answers to. */
  ownAddrs: Set<number>;
  /** Extended ACLs with numeric masks (wildcards inverted). */
  acls: Map<string, CompiledAclEntry[]>;
  /** Flows already built for this plan: by the config object that defines them, then by peer. */
  flowCache: Map<object, Map<string, ProtectedFlow | null>>;
  /**
   * Static crypto map entries per map name, in sequence order; only complete ones: an entry
   * without a peer, an access list or an existing transform set protects nothing.
   */
  staticEntries: Map<string, CryptoMapEntry[]>;
  /** Crypto map entries by owner key ("map:CMAP:10"). */
  entriesByOwner: Map<string, CryptoMapEntry>;
}

/**
 * The flow that `source` (an ACL line, a tunnel interface, an EzVPN interface) defines toward
 * `peer` under this plan, built once: the per-packet path allocates nothing for it.
 */
export function cachedFlow(
  plan: ForwardingPlan,
  source: object,
  peer: string,
  build: () => ProtectedFlow | null,
): ProtectedFlow | null {
  let byPeer = plan.flowCache.get(source);
  if (!byPeer) {
    byPeer = new Map();
    plan.flowCache.set(source, byPeer);
  }
  let flow = byPeer.get(peer);
  if (flow === undefined) {
    flow = build();
    byPeer.set(peer, flow);
  }
  return flow;
}

export function compilePlan(config: RouterConfig): ForwardingPlan {
  const interfaces = config.interfaces.map((iface) => {
    const addr = iface.address && !iface.shutdown ? ip(iface.address.ip) : null;
    const vip = iface.standby.find((g) => g.name === iface.cryptoMapRedundancy)?.vip ?? null;
    return {
      config: iface,
      addr,
      mask: iface.address ? ip(iface.address.mask) : 0,
      cryptoAddr: addr !== null && iface.cryptoMapRedundancy !== null && vip ? ip(vip) : addr,
    };
  });
  const routes = config.staticRoutes
    .map((r) => ({
      prefix: ip(r.prefix),
      mask: ip(r.mask),
      nextHop: r.nextHop ? ip(r.nextHop) : null,
      iface: r.interface,
    }))
    .sort((a, b) => popcount(b.mask) - popcount(a.mask));
  const ownAddrs = new Set<number>();
  for (const i of interfaces) if (i.addr !== null) ownAddrs.add(i.addr);
  const acls = new Map<string, CompiledAclEntry[]>();
  for (const [name, entries] of config.accessLists) {
    acls.set(
      name,
      entries.map((entry) => ({
        entry,
        srcNet: ip(entry.src),
        srcMask: ~ip(entry.srcWildcard) >>> 0,
        dstNet: ip(entry.dst),
        dstMask: ~ip(entry.dstWildcard) >>> 0,
      })),
    );
  }
  const staticEntries = new Map<string, CryptoMapEntry[]>();
  const entriesByOwner = new Map<string, CryptoMapEntry>();
  for (const entry of [...config.cryptoMaps].sort((a, b) => a.seq - b.seq)) {
    entriesByOwner.set(`map:${entry.map}:${entry.seq}`, entry);
    if (entry.dynamicMap !== null || missingFromEntry(entry, config).length > 0) continue;
    const list = staticEntries.get(entry.map) ?? [];
    list.push(entry);
    staticEntries.set(entry.map, list);
  }
  return {
    config,
    interfaces,
    routes,
    ownAddrs,
    acls,
    flowCache: new Map(),
    staticEntries,
    entriesByOwner,
  };
}

function popcount(n: number): number {
  let v = n >>> 0;
  let count = 0;
  while (v) {
    v &= v - 1;
    count++;
  }
  return count;
}

export function findInterface(plan: ForwardingPlan, name: string): PlanInterface | undefined {
  return plan.interfaces.find((i) => i.config.name === name);
}

/** The connected interface whose subnet holds `addr`, if any. */
export function connectedInterface(plan: ForwardingPlan, addr: number): PlanInterface | undefined {
  return plan.interfaces.find((i) => i.addr !== null && inNet(addr, i.addr, i.mask));
}

export interface RouteChoice {
  iface: PlanInterface;
  /** Next hop on that interface (for a tunnel: the tunnel address NHRP resolves). */
  nextHop: number;
}

/** Longest-prefix match over connected subnets and static routes (recursive next hops). */
export function lookupRoute(plan: ForwardingPlan, dst: number, depth = 0): RouteChoice | null {
  const connected = connectedInterface(plan, dst);
  if (connected) return { iface: connected, nextHop: dst };
  if (depth > 4) return null;
  for (const route of plan.routes) {
    if (!inNet(dst, route.prefix, route.mask)) continue;
    if (route.iface) {
      const iface = findInterface(plan, route.iface);
      if (!iface || iface.addr === null) continue;
      return { iface, nextHop: route.nextHop ?? dst };
    }
    if (route.nextHop !== null) {
      const viaHop = lookupRoute(plan, route.nextHop, depth + 1);
      if (viaHop) return { iface: viaHop.iface, nextHop: route.nextHop };
    }
  }
  return null;
}

/** The address of a tunnel's `tunnel source` (an interface name or an address). */
export function tunnelSourceAddr(plan: ForwardingPlan, iface: InterfaceConfig): number | null {
  const source = iface.tunnel?.source;
  if (!source) return null;
  const named = findInterface(plan, source);
  if (named) return named.addr;
  return parseIpv4(source);
}

function aclProxy(addr: string, wildcard: string, prot: number): ProxyIdent {
  return { addr, mask: ipText(~ip(wildcard) >>> 0), prot, port: 0 };
}

const PROTOCOL_NUMBERS: Record<string, number> = {
  ip: 0,
  icmp: 1,
  tcp: 6,
  udp: 17,
  gre: 47,
  esp: 50,
  ahp: 51,
};

function protocolNumber(name: string): number {
  return PROTOCOL_NUMBERS[name] ?? (Number.parseInt(name, 10) || 0);
}

/** The first ACL line matching an ICMP/IP packet from src to dst, or null. */
export function matchAcl(
  plan: ForwardingPlan,
  aclName: string,
  src: number,
  dst: number,
): AclEntry | null {
  for (const compiled of plan.acls.get(aclName) ?? []) {
    const protocol = compiled.entry.protocol;
    if (
      (protocol === 'ip' || protocol === 'icmp') &&
      inNet(src, compiled.srcNet, compiled.srcMask) &&
      inNet(dst, compiled.dstNet, compiled.dstMask)
    ) {
      return compiled.entry;
    }
  }
  return null;
}

/**
 * Whether a line of `aclName` permits the proposed proxy identities (the responder's view: local,
 * remote): each must lie within the line's source and destination. IOS accepts a proposal as
 * narrow as or narrower than its ACL and refuses a wider or different one ("proxy identities not
 * supported"); [I] inferred from Cisco's IPsec troubleshooting notes, simplified: protocols and
 * ports are not compared.
 */
function aclPermitsProxies(
  plan: ForwardingPlan,
  aclName: string | null,
  local: ProxyIdent,
  remote: ProxyIdent,
): boolean {
  if (aclName === null) return false;
  const within = (proxy: ProxyIdent, net: number, mask: number) => {
    const proxyMask = ip(proxy.mask);
    return (proxyMask & mask) >>> 0 === mask && inNet(ip(proxy.addr), net, mask);
  };
  return (plan.acls.get(aclName) ?? []).some(
    (line) =>
      line.entry.action === 'permit' &&
      within(local, line.srcNet, line.srcMask) &&
      within(remote, line.dstNet, line.dstMask),
  );
}

function transformOf(config: RouterConfig, name: string | null): TransformSet | undefined {
  return config.transformSets.find((t) => t.name === name);
}

function policyFrom(
  config: RouterConfig,
  interfaceName: string,
  mapTag: string,
  transformSetName: string | null,
  lifetimeSec: number | null,
  lifetimeKb: number | null,
  idle: IdleTime | null,
): FlowPolicy {
  const ts = transformOf(config, transformSetName);
  return {
    interfaceName,
    mapTag,
    transform: ts ? ts.transforms.join(' ') : 'esp-des esp-sha-hmac',
    mode: ts?.mode === 'transport' ? 'Transport' : 'Tunnel',
    lifetimeSec: lifetimeSec ?? config.ipsecSaLifetimeSec,
    lifetimeKb: lifetimeKb ?? config.ipsecSaLifetimeKb,
    // A crypto-map idle time overrides the global one (ios-behavior.md 3, [C]).
    idle:
      idle ??
      (config.ipsecIdleTimeSec
        ? { seconds: config.ipsecIdleTimeSec, returnToDefaultPeer: false }
        : null),
  };
}

export function staticEntryFlow(
  config: RouterConfig,
  iface: PlanInterface,
  entry: CryptoMapEntry,
  acl: AclEntry,
  peer: string,
): ProtectedFlow {
  return withNumbers({
    ...policyFrom(
      config,
      iface.config.name,
      entry.map,
      entry.transformSet,
      entry.saLifetimeSec,
      entry.saLifetimeKb,
      entry.idleTime,
    ),
    ownerKey: `map:${entry.map}:${entry.seq}`,
    peer,
    localAddr: ipText(iface.cryptoAddr ?? 0),
    proxyLocal: aclProxy(acl.src, acl.srcWildcard, protocolNumber(acl.protocol)),
    proxyRemote: aclProxy(acl.dst, acl.dstWildcard, protocolNumber(acl.protocol)),
    canInitiate: true,
  });
}

/** The flow a protected tunnel interface (GRE, mGRE or sVTI) uses toward `peer`. */
export function tunnelFlow(
  plan: ForwardingPlan,
  tunnel: PlanInterface,
  peer: string,
  canInitiate: boolean,
): ProtectedFlow | null {
  const t = tunnel.config.tunnel;
  if (!t?.protectionProfile) return null;
  const profile = plan.config.ipsecProfiles.find((p) => p.name === t.protectionProfile);
  const localAddr = tunnelSourceAddr(plan, tunnel.config);
  if (!profile || localAddr === null) return null;
  const local = ipText(localAddr);
  // GRE tunnel protection protects GRE (protocol 47) between the endpoints; sVTI protects
  // 0.0.0.0/0 both ways (ios-behavior.md 4.4, [C]).
  const gre = t.mode !== 'ipsec-ipv4';
  return withNumbers({
    ...policyFrom(
      plan.config,
      tunnel.config.name,
      `${tunnel.config.name}-head-0`,
      profile.transformSet,
      profile.saLifetimeSec,
      profile.saLifetimeKb,
      profile.idleTimeSec ? { seconds: profile.idleTimeSec, returnToDefaultPeer: false } : null,
    ),
    ownerKey: `tunnel:${tunnel.config.name}`,
    peer,
    localAddr: local,
    proxyLocal: gre ? { addr: local, mask: '255.255.255.255', prot: 47, port: 0 } : ANY_PROXY,
    proxyRemote: gre ? { addr: peer, mask: '255.255.255.255', prot: 47, port: 0 } : ANY_PROXY,
    canInitiate,
  });
}

/** An EzVPN client's flow: its inside LAN to anything (network-extension mode). */
export function ezvpnClientFlow(
  plan: ForwardingPlan,
  outside: PlanInterface,
  peer: string,
): ProtectedFlow | null {
  const name = outside.config.ezvpn?.name;
  const inside = plan.interfaces.find(
    (i) => i.config.ezvpn?.name === name && i.config.ezvpn?.role === 'inside',
  );
  if (!inside || inside.addr === null || outside.addr === null) return null;
  return withNumbers({
    ...policyFrom(plan.config, outside.config.name, name ?? 'EZVPN', null, null, null, null),
    transform: 'esp-aes esp-sha-hmac',
    ownerKey: `ezvpn:${name}`,
    peer,
    localAddr: ipText(outside.addr),
    proxyLocal: {
      addr: ipText((inside.addr & inside.mask) >>> 0),
      mask: ipText(inside.mask),
      prot: 0,
      port: 0,
    },
    proxyRemote: ANY_PROXY,
    canInitiate: true,
  });
}

/**
 * The policy a responder applies to a quick mode from `peer` arriving on `localAddr`: a static
 * crypto map entry that lists the peer, a protected tunnel toward it, an mGRE tunnel, or a
 * dynamic map (which accepts anyone). Proxies come from the proposal, mirrored.
 */
export function responderFlow(
  plan: ForwardingPlan,
  localAddr: number,
  peer: string,
  initiatorLocal: ProxyIdent,
  initiatorRemote: ProxyIdent,
): ProtectedFlow | null {
  const config = plan.config;
  const mirrored = {
    localAddr: ipText(localAddr),
    peer,
    proxyLocal: initiatorRemote,
    proxyRemote: initiatorLocal,
  };
  for (const iface of plan.interfaces) {
    if (iface.cryptoAddr !== localAddr || !iface.config.cryptoMap) continue;
    const entries = config.cryptoMaps
      .filter((e) => e.map === iface.config.cryptoMap)
      .sort((a, b) => a.seq - b.seq);
    for (const entry of entries) {
      if (entry.dynamicMap === null && missingFromEntry(entry, config).length > 0) continue;
      if (
        entry.dynamicMap === null &&
        entry.peers.some((p) => p.address === peer) &&
        aclPermitsProxies(plan, entry.matchAcl, mirrored.proxyLocal, mirrored.proxyRemote)
      ) {
        return withNumbers({
          ...policyFrom(
            config,
            iface.config.name,
            entry.map,
            entry.transformSet,
            entry.saLifetimeSec,
            entry.saLifetimeKb,
            entry.idleTime,
          ),
          ...mirrored,
          ownerKey: `map:${entry.map}:${entry.seq}`,
          canInitiate: true,
        });
      }
      if (entry.dynamicMap !== null) {
        const dyn = config.dynamicMaps
          .filter((d) => d.name === entry.dynamicMap)
          .sort((a, b) => a.seq - b.seq)[0];
        if (!dyn || missingFromDynamicEntry(dyn, config).length > 0) continue;
        return withNumbers({
          ...policyFrom(
            config,
            iface.config.name,
            entry.map,
            dyn.transformSet,
            dyn.saLifetimeSec,
            null,
            dyn.idleTime,
          ),
          ...mirrored,
          ownerKey: `dynamic:${entry.map}:${entry.seq}:${peer}`,
          canInitiate: false,
        });
      }
    }
  }
  for (const tunnel of plan.interfaces) {
    const t = tunnel.config.tunnel;
    if (!t?.protectionProfile || tunnelSourceAddr(plan, tunnel.config) !== localAddr) continue;
    if (t.mode === 'gre-multipoint' || t.destination === peer) {
      const flow = tunnelFlow(plan, tunnel, peer, t.mode !== 'gre-multipoint');
      if (flow) return flow;
    }
  }
  return null;
}
