// Routes the configs do not have but the scenario needs. Real configs often route with OSPF or
// BGP, which the simulator does not run: a router without a route to a crypto peer, or to a host
// a protected pair reaches, gets a static route as a routing protocol would provide it, through
// the tunnel toward a tunnel neighbour, else out of its WAN interface (the WAN cloud delivers by
// address). Each is an assumption the user is told about.

import { parseIpv4 } from '../../ios/ipv4';
import type { RouterConfig, StaticRoute } from '../../ios/types';
import { compilePlan, lookupRoute } from '../../sim/router/forwardingPlan';
import type { HostPair, TunnelNeighbor } from './protectedPairs';
import type { SourceRouter } from './readRouters';
import { wanInterfaces } from './sites';

export interface AssumedRoute {
  router: string;
  route: StaticRoute;
  /** The config line, as `show running-config` writes it. */
  line: string;
  /** Why, for the user: "no route to crypto peer 20.1.1.2". */
  reason: string;
}

const HOST_MASK = '255.255.255.255';

/** The crypto peers a router's config names: map peers, tunnel far ends, NHRP servers, EzVPN servers. */
function cryptoPeers(config: RouterConfig): string[] {
  const peers = [
    ...config.cryptoMaps.flatMap((entry) => entry.peers.map((peer) => peer.address)),
    ...config.interfaces.flatMap((iface) => [
      ...(iface.tunnel?.destination ? [iface.tunnel.destination] : []),
      ...(iface.nhrp?.maps ?? []).map((map) => map.nbma),
    ]),
    ...config.ezvpnClients.flatMap((client) => client.peers),
  ];
  return [...new Set(peers)];
}

function routeLine(route: StaticRoute): string {
  return `ip route ${route.prefix} ${route.mask} ${route.interface ?? route.nextHop}`;
}

/**
 * Adds the missing routes to each router's config (in place) and returns them, in router order:
 * first toward crypto peers, then toward the hosts of each pair, both ways.
 */
export function addAssumedRoutes(
  routers: readonly SourceRouter[],
  pairs: readonly HostPair[],
  neighbors: readonly TunnelNeighbor[],
): AssumedRoute[] {
  const added: AssumedRoute[] = [];
  const byName = new Map(routers.map((router) => [router.hostname, router]));
  const ensure = (
    router: SourceRouter,
    destination: { address: string; prefix: string; mask: string },
    via: { nextHop: string } | null,
    reason: string,
  ) => {
    const chosen = lookupRoute(compilePlan(router.config), parseIpv4(destination.address) ?? 0);
    // Toward a tunnel neighbour, only a route into a tunnel will do (a default route to the
    // internet would send the traffic around the tunnel, in clear).
    if (chosen !== null && (via === null || chosen.iface.config.tunnel !== null)) return;
    const wan = wanInterfaces(router.config).find((iface) => iface.address !== null);
    if (via === null && wan === undefined) return;
    const route: StaticRoute = {
      prefix: destination.prefix,
      mask: destination.mask,
      nextHop: via?.nextHop ?? null,
      interface: via === null ? (wan?.name ?? null) : null,
    };
    router.config.staticRoutes.push(route);
    added.push({ router: router.hostname, route, line: routeLine(route), reason });
  };
  for (const router of routers) {
    for (const peer of cryptoPeers(router.config)) {
      ensure(
        router,
        { address: peer, prefix: peer, mask: HOST_MASK },
        null,
        `no route to crypto peer ${peer}`,
      );
    }
  }
  for (const { src, dst } of pairs) {
    for (const [from, to] of [
      [src, dst],
      [dst, src],
    ] as const) {
      const router = byName.get(from.router);
      if (router === undefined) continue;
      const tunnel = neighbors.find((n) => n.router === from.router && n.neighbor === to.router);
      ensure(
        router,
        { address: to.ip, prefix: to.network, mask: to.mask },
        tunnel === undefined ? null : { nextHop: tunnel.via },
        tunnel === undefined
          ? `no route to ${to.network} (${to.router} ${to.interfaceName})`
          : `no route to ${to.network} (${to.router} ${to.interfaceName}) through the tunnel`,
      );
    }
  }
  return added;
}
