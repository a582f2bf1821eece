// `show ip interface brief` in the IOS 12.4 layout (Cisco IOS IP Addressing Services Command
// Reference): one row per interface of the running configuration, hardware ones first (a real
// router also lists the interfaces nobody configured; the simulator knows only the configured
// ones).
//
//     Interface                  IP-Address      OK? Method Status                Protocol
//     FastEthernet0/0            10.1.1.1        YES NVRAM  up                    up
//
// Status and Protocol: `administratively down`/`down` after `shutdown`; `down`/`down` for the
// interfaces facing the wire while the router's links are down (the interfaces its routes leave
// through toward a next hop: simplified, the topology's links name no interface); a tunnel is
// `up` with its protocol `down` while its source interface is down. Method: `NVRAM` for an
// address the startup-config holds, `manual` for one typed since, `unset` without an address.

import { inSubnet, parseIpv4 } from '../../ios/ipv4';
import type { InterfaceConfig, RouterConfig } from '../../ios/types';

const HEADER =
  'Interface                  IP-Address      OK? Method Status                Protocol';

type Status = readonly [status: string, protocol: string];

const UP: Status = ['up', 'up'];
const ADMIN_DOWN: Status = ['administratively down', 'down'];
const DOWN: Status = ['down', 'down'];

export interface InterfaceBriefInput {
  readonly running: RouterConfig;
  readonly startup: RouterConfig;
  /** Every link of the router to the network is down (the topology's cable is pulled). */
  readonly linksDown: boolean;
}

/** The interfaces the router's routes leave through toward a next hop: its WAN side. */
function wireFacing(config: RouterConfig): Set<string> {
  const names = new Set<string>();
  for (const route of config.staticRoutes) {
    if (route.interface !== null) names.add(route.interface);
    const hop = route.nextHop === null ? null : parseIpv4(route.nextHop);
    if (hop === null) continue;
    for (const iface of config.interfaces) {
      const ip = iface.address === null ? null : parseIpv4(iface.address.ip);
      const mask = iface.address === null ? null : parseIpv4(iface.address.mask);
      if (ip !== null && mask !== null && iface.tunnel === null && inSubnet(hop, ip, mask)) {
        names.add(iface.name);
      }
    }
  }
  return names;
}

function physicalStatus(iface: InterfaceConfig, down: ReadonlySet<string>): Status {
  if (iface.shutdown) return ADMIN_DOWN;
  return down.has(iface.name) ? DOWN : UP;
}

function statusOf(iface: InterfaceConfig, config: RouterConfig, down: ReadonlySet<string>): Status {
  const own = physicalStatus(iface, down);
  const source = iface.tunnel?.source ?? null;
  if (own !== UP || source === null) return own;
  const sourceIface = config.interfaces.find(
    (candidate) => candidate.name === source || candidate.address?.ip === source,
  );
  if (sourceIface === undefined) return ['up', 'down'];
  return physicalStatus(sourceIface, down) === UP ? UP : ['up', 'down'];
}

function method(iface: InterfaceConfig, startup: RouterConfig): string {
  if (iface.address === null) return 'unset';
  const saved = startup.interfaces.find((candidate) => candidate.name === iface.name)?.address;
  return saved?.ip === iface.address.ip && saved.mask === iface.address.mask ? 'NVRAM' : 'manual';
}

export function showIpInterfaceBrief({
  running,
  startup,
  linksDown,
}: InterfaceBriefInput): string[] {
  const down = linksDown ? wireFacing(running) : new Set<string>();
  // IOS lists the hardware interfaces first, then the virtual ones (Loopback, Tunnel).
  const virtual = (iface: InterfaceConfig) => (/^(Loopback|Tunnel)/.test(iface.name) ? 1 : 0);
  const ordered = [...running.interfaces].sort((a, b) => virtual(a) - virtual(b));
  return [
    HEADER,
    ...ordered.map((iface) => {
      const [status, protocol] = statusOf(iface, running, down);
      const address = iface.address?.ip ?? 'unassigned';
      return `${iface.name.padEnd(27)}${address.padEnd(16)}YES ${method(iface, startup).padEnd(7)}${status.padEnd(22)}${protocol}`;
    }),
  ];
}
