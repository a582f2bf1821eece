import { describe, expect, it } from 'vitest';
import { openSession, routerContext, type } from '../testRouter';

// The header and row layout of the Cisco IOS IP Addressing Services Command Reference's
// `show ip interface brief` example (12.4): columns at 0, 27, 43, 47, 54 and 76.
const HEADER =
  'Interface                  IP-Address      OK? Method Status                Protocol';

describe('show ip interface brief', () => {
  it('lists the configured interfaces, up, with the addresses of the startup-config', () => {
    expect(type(openSession(), 'sh ip int br')).toEqual([
      'R1#sh ip int br',
      HEADER,
      'FastEthernet0/0            10.1.1.1        YES NVRAM  up                    up',
      'FastEthernet0/1            192.168.1.1     YES NVRAM  up                    up',
    ]);
  });

  it('shows `shutdown` typed at the console as administratively down, a new address as manual', () => {
    const session = openSession();
    type(session, 'conf t', 'int fa0/1', 'shutdown', 'ip address 192.168.9.1 255.255.255.0', 'end');
    expect(type(session, 'show ip interface brief').slice(2)).toEqual([
      'FastEthernet0/0            10.1.1.1        YES NVRAM  up                    up',
      'FastEthernet0/1            192.168.9.1     YES manual administratively down down',
    ]);
    expect(type(session, 'sh run | sec FastEthernet0/1')).toContain(' shutdown');
    type(session, 'conf t', 'int fa0/1', 'no shutdown', 'end');
    expect(type(session, 'sh ip int br').at(-1)).toMatch(/192\.168\.9\.1 +YES manual up +up$/);
  });

  it('takes the WAN interface down with the link; a tunnel over it keeps its status, not its protocol', () => {
    const svti = routerContext('R1', 'svti-reload', 60_000);
    expect(type(openSession({ ...svti, linksDown: true }), 'sh ip int br').slice(1)).toEqual([
      HEADER,
      'FastEthernet0/0            10.1.1.1        YES NVRAM  down                  down',
      'FastEthernet0/1            192.168.1.1     YES NVRAM  up                    up',
      'Tunnel0                    172.16.0.1      YES NVRAM  up                    down',
    ]);
  });
});
