// Which hosts talk through a tunnel: pairs of hosts on two routers whose traffic the configs
// protect. A static crypto map protects what its access list permits; a protected tunnel (GRE,
// sVTI, DMVPN) carries the traffic between the routers at its two ends; an EzVPN client protects
// its inside LAN toward the server. A dynamic crypto map only answers, so it adds no pair of its
// own: its peers' maps do.

import { inSubnet, parseIpv4 } from '../../ios/ipv4';
import type { InterfaceConfig, RouterConfig } from '../../ios/types';
import { compilePlan, matchAcl } from '../../sim/router/forwardingPlan';
import type { SourceRouter } from './readRouters';
import { type Host, hostsOf } from './sites';

/** Two routers joined by a protected tunnel: `via` is the far end's tunnel address. */
export interface TunnelNeighbor {
  router: string;
  neighbor: string;
  /** The neighbour's address on the tunnel subnet: the next hop toward its hosts. */
  via: string;
}

/** A ping's two ends; `src` is on a router that can start the negotiation. */
export interface HostPair {
  src: Host;
  dst: Host;
}

const ip = (text: string): number => parseIpv4(text) ?? 0;

/** The router that owns an address (on any interface), if one does. */
export function ownerOf(
  routers: readonly SourceRouter[],
  address: string,
): SourceRouter | undefined {
  return routers.find((router) =>
    router.config.interfaces.some((iface) => iface.address?.ip === address),
  );
}

function protectedTunnels(config: RouterConfig): InterfaceConfig[] {
  return config.interfaces.filter(
    (iface) => iface.tunnel?.protectionProfile != null && iface.address !== null,
  );
}

/** The addresses a tunnel's far ends are known by: its destination, or its NHRP mappings. */
function farEnds(tunnel: InterfaceConfig): string[] {
  const t = tunnel.tunnel;
  if (t === null) return [];
  if (t.mode !== 'gre-multipoint') return t.destination === null ? [] : [t.destination];
  return (tunnel.nhrp?.maps ?? []).map((map) => map.nbma);
}

/**
 * The routers each protected tunnel reaches: the router owning a far end, with its tunnel
 * address on the same subnet. A DMVPN hub knows its spokes only from their registrations, so a
 * spoke's mapping of the hub makes both neighbours.
 */
export function tunnelNeighbors(routers: readonly SourceRouter[]): TunnelNeighbor[] {
  const found: TunnelNeighbor[] = [];
  const add = (router: string, neighbor: string, via: string) => {
    if (!found.some((n) => n.router === router && n.neighbor === neighbor)) {
      found.push({ router, neighbor, via });
    }
  };
  for (const router of routers) {
    for (const tunnel of protectedTunnels(router.config)) {
      const own = tunnel.address;
      if (own === null) continue;
      for (const end of farEnds(tunnel)) {
        const far = ownerOf(routers, end);
        if (far === undefined || far === router) continue;
        const farTunnel = protectedTunnels(far.config).find(
          (candidate) =>
            candidate.address !== null &&
            inSubnet(ip(candidate.address.ip), ip(own.ip) & ip(own.mask), ip(own.mask)),
        );
        if (farTunnel?.address == null) continue;
        add(router.hostname, far.hostname, farTunnel.address.ip);
        add(far.hostname, router.hostname, own.ip);
      }
    }
  }
  return found;
}

/** Pairs a static crypto map entry's access list permits, from its router's hosts. */
function cryptoMapPairs(router: SourceRouter, others: readonly Host[]): HostPair[] {
  const { config } = router;
  const applied = new Set(config.interfaces.map((iface) => iface.cryptoMap));
  const plan = compilePlan(config);
  const own = hostsOf(router.hostname, config);
  return config.cryptoMaps
    .filter(
      (entry) => entry.dynamicMap === null && entry.matchAcl !== null && applied.has(entry.map),
    )
    .flatMap((entry) =>
      own.flatMap((src) =>
        others
          .filter(
            (dst) =>
              matchAcl(plan, entry.matchAcl ?? '', ip(src.ip), ip(dst.ip))?.action === 'permit',
          )
          .map((dst) => ({ src, dst })),
      ),
    );
}

/** An EzVPN client's inside hosts toward the hosts of the server it names. */
function ezvpnPairs(router: SourceRouter, routers: readonly SourceRouter[]): HostPair[] {
  const { config } = router;
  return config.ezvpnClients.flatMap((client) => {
    const server = client.peers.map((peer) => ownerOf(routers, peer)).find((r) => r !== undefined);
    if (server === undefined) return [];
    const inside = new Set(
      config.interfaces
        .filter((iface) => iface.ezvpn?.name === client.name && iface.ezvpn.role === 'inside')
        .map((iface) => iface.name),
    );
    const own = hostsOf(router.hostname, config).filter((host) => inside.has(host.interfaceName));
    const far = hostsOf(server.hostname, server.config);
    return own.flatMap((src) => far.map((dst) => ({ src, dst })));
  });
}

/**
 * Every protected pair, each once (a mirrored access list names it from both sides): in router
 * order, crypto maps, then tunnels (from the router that names the far end), then EzVPN.
 */
export function protectedPairs(
  routers: readonly SourceRouter[],
  neighbors: readonly TunnelNeighbor[],
): HostPair[] {
  const hostsByRouter = new Map(routers.map((r) => [r.hostname, hostsOf(r.hostname, r.config)]));
  const pairs: HostPair[] = [];
  const seen = new Set<string>();
  const add = (pair: HostPair) => {
    const key = [pair.src.ip, pair.dst.ip].sort().join(' ');
    if (seen.has(key) || pair.src.router === pair.dst.router) return;
    seen.add(key);
    pairs.push(pair);
  };
  for (const router of routers) {
    const others = routers
      .filter((other) => other !== router)
      .flatMap((other) => hostsByRouter.get(other.hostname) ?? []);
    cryptoMapPairs(router, others).forEach(add);
    for (const { neighbor } of neighbors.filter((n) => n.router === router.hostname)) {
      for (const src of hostsByRouter.get(router.hostname) ?? []) {
        for (const dst of hostsByRouter.get(neighbor) ?? []) add({ src, dst });
      }
    }
    ezvpnPairs(router, routers).forEach(add);
  }
  return pairs;
}
