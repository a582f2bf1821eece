// `show crypto ipsec client ezvpn` on an Easy VPN remote, with the lines a public capture shows
// (`Easy VPN Remote Phase: 6`, `Tunnel name : EZVPN`, `Current State: IPSEC_ACTIVE`, `Last
// Event: …`), then the interfaces, the mode and the current peer. Simplified: the states between
// the dial and IPSEC_ACTIVE, and the events, are recalled names mapped onto the simulation's
// stages (aggressive mode IKE_PEND, XAUTH XAUTH_REQ, mode config MODE_CONFIG_REQ, quick mode
// IPSEC_PEND); in
// network-extension mode the server assigns no address, and the simulated mode config carries
// none either, so no `Address:` or DNS lines are printed.

import type { EzvpnClient, RouterConfig } from '../../ios/types';
import type { RouterView } from '../../sim/snapshot';

interface ClientState {
  readonly state: string;
  readonly lastEvent: string;
}

/** Where the client's session with `peer` stands, read from its SAs. */
function clientState(view: RouterView, client: EzvpnClient, peer: string | null): ClientState {
  const ike = view.ike.find((sa) => sa.peer === peer && sa.status === 'ACTIVE');
  const ipsecUp = view.ipsec.some(
    (flow) => flow.currentPeer === peer && flow.currentOutboundSpi !== 0,
  );
  if (ipsecUp) return { state: 'IPSEC_ACTIVE', lastEvent: 'SOCKET_UP' };
  if (ike === undefined) {
    return client.connect === 'manual'
      ? { state: 'CONNECT_REQUIRED', lastEvent: 'CONNECT_REQUIRED' }
      : { state: 'READY', lastEvent: 'CONN_DOWN' };
  }
  if (ike.state === 'CONF_XAUTH') return { state: 'XAUTH_REQ', lastEvent: 'IKE_COMPLETE' };
  if (ike.state === 'CONF_ADDR') return { state: 'MODE_CONFIG_REQ', lastEvent: 'IKE_COMPLETE' };
  if (ike.state === 'QM_IDLE') return { state: 'IPSEC_PEND', lastEvent: 'MODE_CONFIG_REPLY' };
  return { state: 'IKE_PEND', lastEvent: 'CONN_UP' };
}

const MODE_NAMES: Record<EzvpnClient['mode'], string> = {
  client: 'CLIENT',
  'network-extension': 'NETWORK_EXTENSION',
  'network-plus': 'NETWORK_EXTENSION_PLUS',
};

function clientLines(view: RouterView, config: RouterConfig, client: EzvpnClient): string[] {
  const on = (role: 'inside' | 'outside') =>
    config.interfaces
      .filter((iface) => iface.ezvpn?.name === client.name && iface.ezvpn.role === role)
      .map((iface) => iface.name);
  const peer =
    client.peers.find((candidate) => view.ike.some((sa) => sa.peer === candidate)) ??
    client.peers[0] ??
    null;
  const { state, lastEvent } = clientState(view, client, peer);
  return [
    `Tunnel name : ${client.name}`,
    `Inside interface list: ${on('inside').join(', ')}`,
    `Outside interface: ${on('outside').join(', ')}`,
    `Current State: ${state}`,
    `Last Event: ${lastEvent}`,
    `Mode: ${MODE_NAMES[client.mode]}`,
    ...(peer === null ? [] : [`Current EzVPN Peer: ${peer}`]),
    '',
  ];
}

/** One block per `crypto ipsec client ezvpn` of the router; nothing on a router without one. */
export function showEzvpnClient(view: RouterView, config: RouterConfig): string[] {
  if (config.ezvpnClients.length === 0) return [];
  return [
    'Easy VPN Remote Phase: 6',
    '',
    ...config.ezvpnClients.flatMap((client) => clientLines(view, config, client)),
  ];
}
