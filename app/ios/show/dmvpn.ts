// Pure. `show dmvpn` in the IOS 15 layout: the legend, then per mGRE tunnel an
// "Interface: Tunnel0, IPv4 NHRP Details" block with its Type (Hub or Spoke), the number of
// peers, and one row per NHRP peer. Layout checked against public captures (the NetworkLessons
// note "DMVPN - NHRP session attributes" and hub captures in public lab write-ups): "# Ent" right
// in 5, the NBMA address left in 15, the tunnel address right in 15, State right in 5, UpDn Tm
// right in 8, Attrb right in 5, one space between columns.

import type { DmvpnInterfaceView, DmvpnPeerView, RouterView } from '../../sim/snapshot';
import { renderLines } from './render';
import { formatUptime } from './uptime';

const LEGEND = [
  'Legend: Attrb --> S - Static, D - Dynamic, I - Incomplete',
  '        N - NATed, L - Local, X - No Socket',
  '        T1 - Route Installed, T2 - Nexthop-override',
  '        C - CTS Capable',
  '        # Ent --> Number of NHRP entries with same NBMA peer',
  '        NHS Status: E --> Expecting Replies, R --> Responding, W --> Waiting',
  '        UpDn Time --> Up or Down Time for a Tunnel',
  '='.repeat(74),
];

const HEADER = [
  ' # Ent  Peer NBMA Addr Peer Tunnel Add State  UpDn Tm Attrb',
  ' ----- --------------- --------------- ----- -------- -----',
];

function addressKey(addr: string): number {
  return addr.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
}

/** One row; each peer has one NHRP entry here, so "# Ent" is always 1. */
function peerLine(peer: DmvpnPeerView, nowMs: number): string {
  const upDn = peer.sinceAtMs === null ? 'never' : formatUptime((nowMs - peer.sinceAtMs) / 1000);
  return [
    ' ',
    '1'.padStart(5),
    ' ',
    peer.nbma.padEnd(15),
    ' ',
    peer.tunnelIp.padStart(15),
    ' ',
    peer.state.padStart(5),
    ' ',
    upDn.padStart(8),
    ' ',
    peer.attrb.padStart(5),
  ].join('');
}

function interfaceLines(tunnel: DmvpnInterfaceView, nowMs: number): string[] {
  const peers = tunnel.peers
    .filter((peer) => peer.expiresAtMs === null || peer.expiresAtMs > nowMs)
    .sort((a, b) => addressKey(a.tunnelIp) - addressKey(b.tunnelIp));
  return [
    '',
    `Interface: ${tunnel.interfaceName}, IPv4 NHRP Details`,
    `Type:${tunnel.type}, NHRP Peers:${peers.length},`,
    '',
    ...HEADER,
    ...peers.map((peer) => peerLine(peer, nowMs)),
  ];
}

/**
 * At virtual time `nowMs`, which may be later than the snapshot `view`: ages count on, and a
 * dynamic mapping whose hold time has run out is gone. Nothing on a router without mGRE + NHRP.
 */
export function showDmvpn(view: RouterView, nowMs: number): string {
  const tunnels = view.dmvpn ?? [];
  if (tunnels.length === 0) return '';
  return renderLines([...LEGEND, ...tunnels.flatMap((tunnel) => interfaceLines(tunnel, nowMs))]);
}
