// Where each router meets the WAN and where its hosts are: the interfaces that carry crypto (a
// crypto map, an EzVPN outside binding, a tunnel's source) face the WAN cloud; every other
// connected subnet gets a host.

import { formatIpv4, parseIpv4 } from '../../ios/ipv4';
import type { InterfaceConfig, RouterConfig } from '../../ios/types';

/** A host on a router's connected subnet: the address pings start from or go to. */
export interface Host {
  router: string;
  /** Dotted quad. */
  ip: string;
  /** The subnet, for routes toward it. */
  network: string;
  mask: string;
  /** The router's interface on that subnet (for messages). */
  interfaceName: string;
}

/** The host's offset in its subnet when it fits, as the presets' LAN hosts (.10). */
const HOST_OFFSET = 10;

function addressOf(iface: InterfaceConfig): { ip: number; mask: number } | null {
  if (iface.address === null) return null;
  return { ip: parseIpv4(iface.address.ip) ?? 0, mask: parseIpv4(iface.address.mask) ?? 0 };
}

/** The interface a tunnel's `tunnel source` names, by name or by address. */
export function tunnelSourceInterface(
  config: RouterConfig,
  tunnel: InterfaceConfig,
): InterfaceConfig | undefined {
  const source = tunnel.tunnel?.source;
  if (source === null || source === undefined) return undefined;
  return config.interfaces.find(
    (iface) => iface.name === source || (iface.address !== null && iface.address.ip === source),
  );
}

/** The router's interfaces that carry crypto toward the WAN, in config order. */
export function wanInterfaces(config: RouterConfig): InterfaceConfig[] {
  const sources = new Set(
    config.interfaces.flatMap((iface) => {
      const source = iface.tunnel === null ? undefined : tunnelSourceInterface(config, iface);
      return source === undefined ? [] : [source.name];
    }),
  );
  return config.interfaces.filter(
    (iface) =>
      iface.tunnel === null &&
      (iface.cryptoMap !== null || iface.ezvpn?.role === 'outside' || sources.has(iface.name)),
  );
}

/**
 * A host on each connected subnet that is neither a tunnel nor a WAN interface: .10 of the
 * subnet when it fits and is not the router's own address, else the first such address; on a
 * loopback, the loopback's own address (the router pings from it).
 */
export function hostsOf(hostname: string, config: RouterConfig): Host[] {
  const wan = new Set(wanInterfaces(config).map((iface) => iface.name));
  return config.interfaces.flatMap((iface): Host[] => {
    const address = addressOf(iface);
    if (address === null || iface.shutdown || iface.tunnel !== null || wan.has(iface.name)) {
      return [];
    }
    const network = (address.ip & address.mask) >>> 0;
    const broadcast = (network | ~address.mask) >>> 0;
    const pick = iface.name.startsWith('Loopback')
      ? address.ip
      : [network + HOST_OFFSET, network + 1, network + 2].find(
          (candidate) => candidate < broadcast && candidate !== address.ip,
        );
    if (pick === undefined) return [];
    return [
      {
        router: hostname,
        ip: formatIpv4(pick),
        network: formatIpv4(network),
        mask: formatIpv4(address.mask),
        interfaceName: iface.name,
      },
    ];
  });
}
