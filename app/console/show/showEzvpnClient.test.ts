import { describe, expect, it } from 'vitest';
import { openSession, routerContext, type } from '../testRouter';

describe('show crypto ipsec client ezvpn', () => {
  it('on the Easy VPN remote: the phase, the tunnel name and IPSEC_ACTIVE (section 8.5 capture)', () => {
    const client = routerContext('R1', 'ezvpn-client-reload', 60_000);
    expect(type(openSession(client), 'sh cry ipsec client ezvpn')).toEqual([
      'R1#sh cry ipsec client ezvpn',
      'Easy VPN Remote Phase: 6',
      '',
      'Tunnel name : EZ',
      'Inside interface list: FastEthernet0/1',
      'Outside interface: FastEthernet0/0',
      'Current State: IPSEC_ACTIVE',
      'Last Event: SOCKET_UP',
      'Mode: NETWORK_EXTENSION',
      'Current EzVPN Peer: 20.1.1.2',
      '',
    ]);
  });

  it('while aggressive mode is under way, the client is not active yet', () => {
    const dialing = routerContext('R1', 'ezvpn-client-reload', 10);
    const lines = type(openSession(dialing), 'sh cry ipsec client ezvpn');
    expect(lines).toContain('Current State: IKE_PEND');
  });

  it('prints nothing on a router that is no Easy VPN remote', () => {
    const server = routerContext('R2', 'ezvpn-client-reload', 60_000);
    expect(type(openSession(server), 'sh cry ipsec client ezvpn')).toEqual([
      'R2#sh cry ipsec client ezvpn',
    ]);
  });
});
