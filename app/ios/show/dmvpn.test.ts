import { describe, expect, it } from 'vitest';
import { routerViewOf } from '../../sim/derived/viewFixtures';
import type { DmvpnInterfaceView, RouterView } from '../../sim/snapshot';
import { showDmvpn } from './dmvpn';

function router(dmvpn: DmvpnInterfaceView[] | undefined): RouterView {
  return routerViewOf({ node: 'HUB', ...(dmvpn ? { dmvpn } : {}) });
}

// Quoted from a public IOS 15 hub capture (a DMVPN lab write-up) and the spoke capture of the
// NetworkLessons note "DMVPN - NHRP session attributes" (its spoke row: `1 3.3.3.3 172.16.1.3 UP
// 03:45:07 S`); the column widths are those of the dashes under the header.
const HUB_CAPTURE = [
  'Interface: Tunnel0, IPv4 NHRP Details',
  'Type:Hub, NHRP Peers:2,',
  '',
  ' # Ent  Peer NBMA Addr Peer Tunnel Add State  UpDn Tm Attrb',
  ' ----- --------------- --------------- ----- -------- -----',
  '     1 172.16.0.3          192.168.1.3    UP 00:22:05     D',
  '     1 172.16.0.4          192.168.1.4    UP 00:03:44     D',
];
const SPOKE_NHRP_ROW = '     1 172.30.84.1          172.29.0.1  NHRP    never    SC';

describe('showDmvpn', () => {
  it('prints a hub’s dynamic peers in the layout of the quoted capture', () => {
    const nowMs = 10_000_000;
    const out = showDmvpn(
      router([
        {
          interfaceName: 'Tunnel0',
          type: 'Hub',
          peers: [
            // Out of order on purpose: rows come sorted by tunnel address.
            {
              nbma: '172.16.0.4',
              tunnelIp: '192.168.1.4',
              state: 'UP',
              sinceAtMs: nowMs - 224_000,
              expiresAtMs: nowMs + 1,
              attrb: 'D',
            },
            {
              nbma: '172.16.0.3',
              tunnelIp: '192.168.1.3',
              state: 'UP',
              sinceAtMs: nowMs - 1_325_000,
              expiresAtMs: null,
              attrb: 'D',
            },
          ],
        },
      ]),
      nowMs,
    );
    const lines = out.split('\n');
    expect(lines[0]).toBe('Legend: Attrb --> S - Static, D - Dynamic, I - Incomplete');
    expect(lines).toContain('        UpDn Time --> Up or Down Time for a Tunnel');
    const start = lines.indexOf('Interface: Tunnel0, IPv4 NHRP Details');
    expect(lines[start - 2]).toMatch(/^=+$/);
    expect(lines.slice(start, start + HUB_CAPTURE.length)).toEqual(HUB_CAPTURE);
  });

  it('prints a spoke’s unanswered NHS as the capture’s NHRP row, "never" up', () => {
    const out = showDmvpn(
      router([
        {
          interfaceName: 'Tunnel84',
          type: 'Spoke',
          peers: [
            {
              nbma: '172.30.84.1',
              tunnelIp: '172.29.0.1',
              state: 'NHRP',
              sinceAtMs: null,
              expiresAtMs: null,
              attrb: 'S',
            },
          ],
        },
      ]),
      0,
    );
    // The capture's Attrb is SC (C: CTS capable, not simulated): the rest of the row matches.
    expect(out).toContain(`${SPOKE_NHRP_ROW.slice(0, -2)} S\n`);
    expect(out).toContain('Type:Spoke, NHRP Peers:1,\n');
  });

  it('leaves out a dynamic peer whose hold time has run out, and prints nothing without DMVPN', () => {
    const peer = {
      nbma: '10.1.1.1',
      tunnelIp: '172.16.0.2',
      state: 'UP' as const,
      sinceAtMs: 0,
      expiresAtMs: 300_000,
      attrb: 'D' as const,
    };
    const hub = router([{ interfaceName: 'Tunnel0', type: 'Hub', peers: [peer] }]);
    expect(showDmvpn(hub, 299_999)).toContain('Type:Hub, NHRP Peers:1,');
    expect(showDmvpn(hub, 300_000)).toContain('Type:Hub, NHRP Peers:0,');
    expect(showDmvpn(router(undefined), 0)).toBe('');
  });
});
