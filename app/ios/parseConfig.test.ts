import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from './diagnostics';
import { ECHO_MAX_CHARS } from './echo';
import { parseIosConfig } from './parseConfig';
import type { ConfigDiagnostic } from './types';

const errorsOf = (text: string): ConfigDiagnostic[] =>
  parseIosConfig(text).diagnostics.filter((d) => d.severity === 'error');
const unsupportedOf = (text: string): ConfigDiagnostic[] =>
  parseIosConfig(text).diagnostics.filter((d) => d.severity === 'unsupported');
/** The single error of a config, as "line N: message". */
const onlyError = (text: string): string => {
  const errors = errorsOf(text);
  expect(errors).toHaveLength(1);
  return errors.map((d) => `line ${d.line}: ${d.message}`).join('');
};

const R1_STATIC = `hostname R1
!
crypto isakmp policy 10
 encr aes
 hash sha
 authentication pre-share
 group 2
crypto isakmp key cisco123 address 20.1.1.2
crypto isakmp keepalive 10
!
crypto ipsec transform-set TS esp-aes esp-sha-hmac
!
crypto map CMAP 10 ipsec-isakmp
 set peer 20.1.1.2
 set transform-set TS
 match address 101
!
interface FastEthernet0/0
 ip address 10.1.1.1 255.255.255.0
 crypto map CMAP
!
interface FastEthernet0/1
 ip address 192.168.1.1 255.255.255.0
!
ip route 0.0.0.0 0.0.0.0 10.1.1.2
!
access-list 101 permit ip 192.168.1.0 0.0.0.255 192.168.2.0 0.0.0.255
end
`;

describe('a static crypto map router', () => {
  it('parses every crypto-relevant line into the typed config', () => {
    const { config, diagnostics } = parseIosConfig(R1_STATIC);
    expect(config).toEqual({
      hostname: 'R1',
      interfaces: [
        {
          name: 'FastEthernet0/0',
          address: { ip: '10.1.1.1', mask: '255.255.255.0' },
          shutdown: false,
          cryptoMap: 'CMAP',
          tunnel: null,
          nhrp: null,
          ezvpn: null,
          cryptoMapRedundancy: null,
          standby: [],
        },
        {
          name: 'FastEthernet0/1',
          address: { ip: '192.168.1.1', mask: '255.255.255.0' },
          shutdown: false,
          cryptoMap: null,
          tunnel: null,
          nhrp: null,
          ezvpn: null,
          cryptoMapRedundancy: null,
          standby: [],
        },
      ],
      staticRoutes: [{ prefix: '0.0.0.0', mask: '0.0.0.0', nextHop: '10.1.1.2', interface: null }],
      isakmpPolicies: [
        {
          priority: 10,
          encryption: 'aes',
          hash: 'sha',
          authentication: 'pre-share',
          group: 2,
          lifetimeSec: 86400,
        },
      ],
      isakmpKeys: [{ key: 'cisco123', address: '20.1.1.2', mask: null }],
      isakmpKeepalive: { seconds: 10, retrySec: 2, mode: 'on-demand' },
      invalidSpiRecovery: false,
      transformSets: [{ name: 'TS', transforms: ['esp-aes', 'esp-sha-hmac'], mode: 'tunnel' }],
      ipsecProfiles: [],
      cryptoMaps: [
        {
          map: 'CMAP',
          seq: 10,
          dynamicMap: null,
          peers: [{ address: '20.1.1.2', isDefault: false }],
          transformSet: 'TS',
          matchAcl: '101',
          saLifetimeSec: null,
          saLifetimeKb: null,
          idleTime: null,
        },
      ],
      dynamicMaps: [],
      ipsecSaLifetimeSec: 3600,
      ipsecSaLifetimeKb: 4608000,
      ipsecIdleTimeSec: null,
      accessLists: new Map([
        [
          '101',
          [
            {
              action: 'permit',
              protocol: 'ip',
              src: '192.168.1.0',
              srcWildcard: '0.0.0.255',
              dst: '192.168.2.0',
              dstWildcard: '0.0.0.255',
            },
          ],
        ],
      ]),
      ezvpnClients: [],
      ezvpnServerGroups: [],
      cryptoLoggingSession: false,
      aaaNewModel: false,
      aaaLoginLists: [],
      localUsers: [],
      cryptoMapClientAuth: [],
    });
    // `end` closes a pasted running-config silently.
    expect(diagnostics).toEqual([]);
  });

  it('reads the global crypto options and SA settings of a crypto map entry', () => {
    const { config, diagnostics } = parseIosConfig(`crypto isakmp keepalive 60 2 periodic
crypto isakmp invalid-spi-recovery
crypto logging session
crypto ipsec security-association lifetime seconds 1800
crypto ipsec security-association lifetime kilobytes 100000
crypto ipsec security-association idle-time 120
crypto map CMAP 10 ipsec-isakmp
 set peer 20.1.1.2 default
 set peer 30.1.1.3
 set security-association lifetime seconds 900
 set security-association lifetime kilobytes 5000
 set security-association idle-time 600 default
`);
    expect(diagnostics).toEqual([]);
    expect(config).toMatchObject({
      isakmpKeepalive: { seconds: 60, retrySec: 2, mode: 'periodic' },
      invalidSpiRecovery: true,
      cryptoLoggingSession: true,
      ipsecSaLifetimeSec: 1800,
      ipsecSaLifetimeKb: 100000,
      ipsecIdleTimeSec: 120,
    });
    expect(config.cryptoMaps[0]).toMatchObject({
      peers: [
        { address: '20.1.1.2', isDefault: true },
        { address: '30.1.1.3', isDefault: false },
      ],
      saLifetimeSec: 900,
      saLifetimeKb: 5000,
      idleTime: { seconds: 600, returnToDefaultPeer: true },
    });
  });
});

describe('IOS defaults', () => {
  it('fills an ISAKMP policy with DES, SHA, RSA signatures, group 1 and 86400 s', () => {
    const { config } = parseIosConfig('crypto isakmp policy 20\n');
    expect(config.isakmpPolicies).toEqual([
      {
        priority: 20,
        encryption: 'des',
        hash: 'sha',
        authentication: 'rsa-sig',
        group: 1,
        lifetimeSec: 86400,
      },
    ]);
  });

  it('has IPsec SA lifetimes of 3600 s / 4608000 KB, no idle timer and no keepalive', () => {
    const { config } = parseIosConfig('hostname R1\n');
    expect(config.ipsecSaLifetimeSec).toBe(3600);
    expect(config.ipsecSaLifetimeKb).toBe(4608000);
    expect(config.ipsecIdleTimeSec).toBeNull();
    expect(config.isakmpKeepalive).toBeNull();
    expect(parseIosConfig('').config.hostname).toBe('Router');
  });

  it('defaults the keepalive retry to 2 s and the mode to on-demand', () => {
    expect(parseIosConfig('crypto isakmp keepalive 30\n').config.isakmpKeepalive).toEqual({
      seconds: 30,
      retrySec: 2,
      mode: 'on-demand',
    });
    expect(parseIosConfig('crypto isakmp keepalive 30 periodic').config.isakmpKeepalive).toEqual({
      seconds: 30,
      retrySec: 2,
      mode: 'periodic',
    });
  });

  it('makes transform sets tunnel mode and EzVPN clients connect auto in client mode', () => {
    const { config } = parseIosConfig(
      'crypto ipsec transform-set TS esp-3des esp-md5-hmac\ncrypto ipsec client ezvpn EZ\n',
    );
    expect(config.transformSets[0]?.mode).toBe('tunnel');
    expect(config.ezvpnClients[0]).toEqual({
      name: 'EZ',
      peers: [],
      mode: 'client',
      group: null,
      key: null,
      connect: 'auto',
      xauthUser: null,
      xauthMode: null,
    });
  });
});

describe('a dynamic crypto map hub', () => {
  const HUB = `hostname HUB
crypto isakmp policy 10
 encryption 3des
 authentication pre-share
 group 2
crypto isakmp key cisco123 address 0.0.0.0 0.0.0.0
crypto ipsec transform-set TS esp-3des esp-md5-hmac
crypto dynamic-map DMAP 10
 set transform-set TS
 set security-association lifetime seconds 1800
 set security-association idle-time 300 default
 reverse-route
crypto map CMAP 65535 ipsec-isakmp dynamic DMAP
interface FastEthernet0/0
 ip address 20.1.1.2 255.255.255.0
 crypto map CMAP
`;

  it('makes a dynamic map entry and a crypto map entry that instantiates it', () => {
    const { config } = parseIosConfig(HUB);
    expect(config.isakmpKeys).toEqual([{ key: 'cisco123', address: '0.0.0.0', mask: '0.0.0.0' }]);
    expect(config.dynamicMaps).toEqual([
      {
        name: 'DMAP',
        seq: 10,
        transformSet: 'TS',
        matchAcl: null,
        saLifetimeSec: 1800,
        idleTime: { seconds: 300, returnToDefaultPeer: true },
      },
    ]);
    expect(config.cryptoMaps).toEqual([
      expect.objectContaining({ map: 'CMAP', seq: 65535, dynamicMap: 'DMAP', peers: [] }),
    ]);
    expect(config.interfaces[0]?.cryptoMap).toBe('CMAP');
  });

  it('keeps reverse-route as not simulated', () => {
    expect(unsupportedOf(HUB)).toEqual([
      {
        line: 12,
        text: ' reverse-route',
        severity: 'unsupported',
        message: "'reverse-route' is not simulated",
      },
    ]);
  });
});

describe('tunnel interfaces', () => {
  it('reads a GRE tunnel protected by an IPsec profile', () => {
    const { config, diagnostics } =
      parseIosConfig(`crypto ipsec transform-set TS esp-aes 256 esp-sha-hmac
 mode transport
crypto ipsec profile GREPROT
 set transform-set TS
interface Tunnel0
 ip address 172.16.0.1 255.255.255.252
 tunnel source FastEthernet0/0
 tunnel destination 20.1.1.2
 tunnel protection ipsec profile GREPROT
interface FastEthernet0/0
 ip address 10.1.1.1 255.255.255.0
ip route 192.168.2.0 255.255.255.0 Tunnel0
`);
    expect(diagnostics).toEqual([]);
    expect(config.transformSets).toEqual([
      { name: 'TS', transforms: ['esp-aes 256', 'esp-sha-hmac'], mode: 'transport' },
    ]);
    expect(config.ipsecProfiles).toEqual([
      {
        name: 'GREPROT',
        transformSet: 'TS',
        saLifetimeSec: null,
        saLifetimeKb: null,
        idleTimeSec: null,
      },
    ]);
    expect(config.interfaces[0]).toEqual({
      name: 'Tunnel0',
      address: { ip: '172.16.0.1', mask: '255.255.255.252' },
      shutdown: false,
      cryptoMap: null,
      tunnel: {
        source: 'FastEthernet0/0',
        destination: '20.1.1.2',
        mode: 'gre',
        protectionProfile: 'GREPROT',
        key: null,
      },
      nhrp: null,
      ezvpn: null,
      cryptoMapRedundancy: null,
      standby: [],
    });
    expect(config.staticRoutes).toEqual([
      { prefix: '192.168.2.0', mask: '255.255.255.0', nextHop: null, interface: 'Tunnel0' },
    ]);
  });

  it('reads a static VTI (tunnel mode ipsec ipv4)', () => {
    const { config, diagnostics } = parseIosConfig(`crypto isakmp keepalive 10 2 periodic
crypto ipsec transform-set TS esp-aes esp-sha-hmac
crypto ipsec profile VTI
 set transform-set TS
 set security-association lifetime seconds 1200
 set security-association idle-time 600
interface Tunnel 1
 ip address 172.16.1.1 255.255.255.252
 tunnel source 10.1.1.1
 tunnel mode ipsec ipv4
 tunnel destination 20.1.1.2
 tunnel protection ipsec profile VTI
ip route 192.168.2.0 255.255.255.0 Tunnel 1
ip route 192.168.3.0 255.255.255.0 Tunnel1 172.16.1.2
`);
    expect(diagnostics).toEqual([]);
    expect(config.ipsecProfiles[0]).toMatchObject({ saLifetimeSec: 1200, idleTimeSec: 600 });
    expect(config.interfaces[0]?.tunnel).toEqual({
      source: '10.1.1.1',
      destination: '20.1.1.2',
      mode: 'ipsec-ipv4',
      protectionProfile: 'VTI',
      key: null,
    });
    expect(config.staticRoutes.map((route) => [route.interface, route.nextHop])).toEqual([
      ['Tunnel1', null],
      ['Tunnel1', '172.16.1.2'],
    ]);
  });

  it('refuses tunnel commands on an interface that is not a tunnel', () => {
    expect(onlyError('interface fa0/0\n tunnel destination 1.1.1.1\n')).toBe(
      'line 2: FastEthernet0/0 is not a tunnel: tunnel commands are valid on Tunnel interfaces',
    );
  });
});

describe('DMVPN', () => {
  it('reads a hub with mGRE and dynamic multicast mapping', () => {
    const text = `interface Tunnel0
 ip address 172.16.0.1 255.255.255.0
 no ip redirects
 ip mtu 1400
 ip nhrp authentication NHRPKEY
 ip nhrp map multicast dynamic
 ip nhrp network-id 1
 ip nhrp holdtime 300
 ip nhrp redirect
 tunnel source FastEthernet0/0
 tunnel mode gre multipoint
 tunnel key 100
 tunnel protection ipsec profile DMVPN
`;
    const { config } = parseIosConfig(text);
    expect(config.interfaces[0]?.nhrp).toEqual({
      networkId: 1,
      nhs: [],
      maps: [],
      mapMulticast: ['dynamic'],
      holdtimeSec: 300,
      authentication: 'NHRPKEY',
    });
    expect(config.interfaces[0]?.tunnel).toMatchObject({ mode: 'gre-multipoint', key: 100 });
    expect(unsupportedOf(text).map((d) => [d.line, d.message])).toEqual([
      [3, "'no ip redirects' is not simulated"],
      [4, "'ip mtu' is not simulated"],
      [9, "'ip nhrp redirect' is not simulated"],
    ]);
  });

  it('reads a spoke with a static NHRP mapping and its next-hop server', () => {
    const { config, diagnostics } = parseIosConfig(`interface Tunnel0
 ip address 172.16.0.2 255.255.255.0
 ip nhrp map 172.16.0.1 20.1.1.1
 ip nhrp map multicast 20.1.1.1
 ip nhrp network-id 1
 ip nhrp nhs 172.16.0.1
 tunnel source fa0/0
 tunnel mode gre multipoint
 tunnel key 100
 tunnel protection ipsec profile DMVPN shared
`);
    expect(diagnostics).toEqual([]);
    expect(config.interfaces[0]?.nhrp).toEqual({
      networkId: 1,
      nhs: ['172.16.0.1'],
      maps: [{ tunnelIp: '172.16.0.1', nbma: '20.1.1.1' }],
      mapMulticast: ['20.1.1.1'],
      holdtimeSec: 7200,
      authentication: null,
    });
    expect(config.interfaces[0]?.tunnel).toMatchObject({
      source: 'FastEthernet0/0',
      protectionProfile: 'DMVPN',
    });
  });

  it('reads the IOS 15 `ip nhrp nhs IP nbma NBMA multicast` form as nhs, map and multicast', () => {
    const { config } = parseIosConfig(
      'interface Tunnel0\n ip nhrp nhs 172.16.0.1 nbma 20.1.1.1 multicast\n',
    );
    expect(config.interfaces[0]?.nhrp).toMatchObject({
      nhs: ['172.16.0.1'],
      maps: [{ tunnelIp: '172.16.0.1', nbma: '20.1.1.1' }],
      mapMulticast: ['20.1.1.1'],
    });
  });
});

describe('Easy VPN', () => {
  it('reads a client and its outside and inside interfaces', () => {
    const text = `crypto ipsec client ezvpn EZ
 connect manual
 group VPNGROUP key cisco123
 mode network-extension
 peer 20.1.1.1
 peer 20.1.1.3
 xauth userid mode interactive
!
interface FastEthernet0/0
 ip address 10.2.2.2 255.255.255.0
 crypto ipsec client ezvpn EZ
!
interface FastEthernet0/1
 ip address 192.168.2.1 255.255.255.0
 crypto ipsec client ezvpn EZ inside
`;
    const { config } = parseIosConfig(text);
    expect(config.ezvpnClients).toEqual([
      {
        name: 'EZ',
        peers: ['20.1.1.1', '20.1.1.3'],
        mode: 'network-extension',
        group: 'VPNGROUP',
        key: 'cisco123',
        connect: 'manual',
        xauthUser: null,
        xauthMode: 'interactive',
      },
    ]);
    expect(config.interfaces.map((i) => i.ezvpn)).toEqual([
      { name: 'EZ', role: 'outside' },
      { name: 'EZ', role: 'inside' },
    ]);
    expect(unsupportedOf(text)).toEqual([]);
  });

  it('reads a server: group, dynamic map, XAUTH users and the lines it does not simulate', () => {
    const text = `aaa new-model
aaa authentication login EZAUTH local
username user1 password cisco
crypto isakmp client configuration group VPNGROUP
 key cisco123
 pool EZPOOL
 dns 8.8.8.8
crypto dynamic-map DYN 10
 set transform-set TS
crypto map CMAP client authentication list EZAUTH
crypto map CMAP isakmp authorization list EZAUTHOR
crypto map CMAP client configuration address respond
crypto map CMAP 10 ipsec-isakmp dynamic DYN
ip local pool EZPOOL 10.10.10.1 10.10.10.50
`;
    const { config } = parseIosConfig(text);
    expect(config.ezvpnServerGroups).toEqual([
      { name: 'VPNGROUP', key: 'cisco123', pool: 'EZPOOL' },
    ]);
    expect(config.cryptoMaps).toEqual([
      expect.objectContaining({ map: 'CMAP', seq: 10, dynamicMap: 'DYN' }),
    ]);
    // XAUTH for the map's clients, checked against the local users (Cisco "Easy VPN Server").
    expect(config.aaaNewModel).toBe(true);
    expect(config.aaaLoginLists).toEqual([{ name: 'EZAUTH', methods: ['local'] }]);
    expect(config.localUsers).toEqual([{ name: 'user1', password: 'cisco' }]);
    expect(config.cryptoMapClientAuth).toEqual([{ map: 'CMAP', list: 'EZAUTH' }]);
    expect(errorsOf(text)).toEqual([]);
    expect(unsupportedOf(text).map((d) => d.line)).toEqual([7, 11, 12, 14]);
  });

  it("reads the map's client authentication abbreviated as IOS accepts it", () => {
    const { config } = parseIosConfig(`aaa new-model
aaa authentication login EZAUTH local
crypto map CMAP cl auth list EZAUTH
`);
    expect(config.cryptoMapClientAuth).toEqual([{ map: 'CMAP', list: 'EZAUTH' }]);
  });

  it("reads a client's saved XAUTH credentials, and refuses AAA lists without aaa new-model", () => {
    const { config } = parseIosConfig(`crypto ipsec client ezvpn EZ
 username ipsecuser password ipsecpass
 xauth userid mode local
`);
    expect(config.ezvpnClients[0]).toMatchObject({
      xauthUser: { name: 'ipsecuser', password: 'ipsecpass' },
      xauthMode: 'local',
    });
    expect(errorsOf('aaa authentication login EZ local\n')).toEqual([
      expect.objectContaining({ line: 1, message: expect.stringContaining('aaa new-model') }),
    ]);
  });
});

describe('interface names', () => {
  it('are canonical whatever abbreviation is used, and repeated blocks merge', () => {
    const { config } = parseIosConfig(`interface fa0/0
 ip address 10.1.1.1 255.255.255.0
interface Gi0/1
interface e0/0
interface Tu0
interface tunnel 5
interface Serial0/0/0
interface lo0
interface FastEthernet0/0
 shutdown
`);
    expect(config.interfaces.map((i) => i.name)).toEqual([
      'FastEthernet0/0',
      'GigabitEthernet0/1',
      'Ethernet0/0',
      'Tunnel0',
      'Tunnel5',
      'Serial0/0/0',
      'Loopback0',
    ]);
    expect(config.interfaces[0]).toMatchObject({
      address: { ip: '10.1.1.1', mask: '255.255.255.0' },
      shutdown: true,
    });
  });

  it('keeps interface types it does not simulate, with their lines', () => {
    const text = 'interface Vlan1\n ip address 10.9.9.1 255.255.255.0\nhostname R1\n';
    const { config } = parseIosConfig(text);
    expect(config.interfaces).toEqual([]);
    expect(config.hostname).toBe('R1');
    expect(unsupportedOf(text).map((d) => [d.line, d.message])).toEqual([
      [1, "interface type 'Vlan' is not simulated"],
      [2, "not simulated: the line belongs to 'interface Vlan1' (line 1)"],
    ]);
  });
});

describe('modes', () => {
  it('accepts submode lines typed unindented while only the current mode knows them', () => {
    const { config, diagnostics } = parseIosConfig(`crypto map CMAP 10
set peer 20.1.1.2
set transform-set TS
match address 101
interface FastEthernet0/0
ip address 10.1.1.1 255.255.255.0
crypto map CMAP
no shutdown
`);
    expect(diagnostics).toEqual([]);
    expect(config.cryptoMaps[0]).toMatchObject({
      peers: [{ address: '20.1.1.2', isDefault: false }],
      transformSet: 'TS',
      matchAcl: '101',
    });
    expect(config.interfaces[0]).toMatchObject({ cryptoMap: 'CMAP', shutdown: false });
  });

  it('leaves a block on exit, on an unindented !, and on any global command', () => {
    const errors = errorsOf(`crypto map CMAP 10
 set peer 20.1.1.2
exit
set peer 20.1.1.3
crypto map CMAP 20
!
set peer 20.1.1.4
crypto map CMAP 30
hostname R1
set peer 20.1.1.5
`);
    expect(errors.map((d) => d.line)).toEqual([4, 7, 10]);
  });

  it('reads an unindented command that global mode also knows as global', () => {
    const { config } = parseIosConfig(`interface FastEthernet0/0
 ip address 10.2.2.2 255.255.255.0
crypto ipsec client ezvpn EZ
 peer 20.1.1.1
`);
    expect(config.interfaces[0]?.ezvpn).toBeNull();
    expect(config.ezvpnClients[0]?.peers).toEqual(['20.1.1.1']);
  });

  it('reports a refused block once, at its opening line, not again for each line in it', () => {
    const parsed = parseIosConfig(
      'crypto map CMAP 0 ipsec-isakmp\n set peer 20.1.1.2\n match address 101\n',
    );
    expect(parsed.diagnostics.map((d) => [d.line, d.severity, d.message])).toEqual([
      [1, 'error', '0 is out of range: crypto map sequence number must be 1-65535'],
    ]);
  });

  it('cuts user text it repeats in a message', () => {
    const hostname = `R${'x'.repeat(2000)}`;
    const [error] = errorsOf(`hostname ${hostname}\n`);
    expect(error?.message).toBe(
      `'${hostname.slice(0, ECHO_MAX_CHARS)}…' is not a valid host name: it must start with a letter and hold only letters, digits and hyphens`,
    );
    const line = `set peer ${'1'.repeat(60_000)}`;
    const [peer] = errorsOf(`crypto map CMAP 10 ipsec-isakmp\n ${line}\n`);
    expect(peer?.message.length).toBeLessThan(120);
    const unknown = parseIosConfig(`interface Foo${'0'.repeat(60_000)}\n`).diagnostics[0];
    expect(unknown?.message.length).toBeLessThan(120);
  });

  it('refuses a command indented in the wrong block, naming where it belongs', () => {
    expect(onlyError('crypto map CMAP 10\n hash md5\n')).toBe(
      "line 2: 'hash' is not valid in a crypto map entry: it belongs in an ISAKMP policy (crypto isakmp policy PRIORITY)",
    );
    expect(onlyError('interface Tunnel0\n hostname R1\n')).toBe(
      "line 2: 'hostname' is a global command: it cannot be indented inside an interface block",
    );
  });
});

describe('repeated and unusual blocks', () => {
  it('merges a crypto map entry opened twice, as IOS edits the existing entry', () => {
    const { config } = parseIosConfig(
      'crypto map CMAP 10 ipsec-isakmp\n set peer 20.1.1.2\n!\ncrypto map CMAP 10\n match address 101\n',
    );
    expect(config.cryptoMaps).toHaveLength(1);
    expect(config.cryptoMaps[0]).toMatchObject({
      matchAcl: '101',
      peers: [{ address: '20.1.1.2' }],
    });
  });

  it('redefines the transforms of an existing transform set and keeps its mode', () => {
    const { config } = parseIosConfig(`crypto ipsec transform-set TS esp-3des esp-md5-hmac
 mode transport
crypto ipsec transform-set TS esp-aes 192 esp-sha256-hmac
`);
    expect(config.transformSets).toEqual([
      { name: 'TS', transforms: ['esp-aes 192', 'esp-sha256-hmac'], mode: 'transport' },
    ]);
  });

  it('keeps manual crypto map entries and dynamic-map peers as not simulated', () => {
    const text = `crypto map MAN 10 ipsec-manual
 set peer 20.1.1.2
crypto dynamic-map DYN 10
 set peer 20.1.1.2
`;
    const { config } = parseIosConfig(text);
    expect(config.cryptoMaps).toEqual([]);
    expect(config.dynamicMaps[0]?.transformSet).toBeNull();
    expect(unsupportedOf(text).map((d) => d.message)).toEqual([
      'ipsec-manual crypto map entries are not simulated',
      "not simulated: the line belongs to 'crypto map MAN 10 ipsec-manual' (line 1)",
      "'set peer' is not simulated",
    ]);
  });

  it('takes ACL entries from a named list in order, remarks aside', () => {
    const { config, diagnostics } = parseIosConfig(`ip access-list extended VPN
 remark traffic to protect
 deny   ip host 192.168.1.9 any
 permit gre host 10.1.1.1 host 20.1.1.2
 permit 50 any any
`);
    expect(diagnostics).toEqual([]);
    expect(
      config.accessLists.get('VPN')?.map((e) => [e.action, e.protocol, e.src, e.srcWildcard]),
    ).toEqual([
      ['deny', 'ip', '192.168.1.9', '0.0.0.0'],
      ['permit', 'gre', '10.1.1.1', '0.0.0.0'],
      ['permit', '50', '0.0.0.0', '255.255.255.255'],
    ]);
  });
});

describe('set peer', () => {
  it('allows one default peer, which must come first', () => {
    expect(
      onlyError(' \ncrypto map CMAP 10\n set peer 20.1.1.2\n set peer 30.1.1.3 default\n'),
    ).toBe("line 4: the default peer must be the entry's first peer, but 20.1.1.2 came before it");
    expect(
      onlyError('crypto map CMAP 10\n set peer 20.1.1.2 default\n set peer 30.1.1.3 default\n'),
    ).toBe('line 3: 20.1.1.2 is already the default peer: a crypto map entry has one default peer');
  });

  it('lists each peer once, in order', () => {
    const { config } = parseIosConfig(
      'crypto map CMAP 10\n set peer 20.1.1.2 default\n set peer 30.1.1.3\n set peer 20.1.1.2\n',
    );
    expect(config.cryptoMaps[0]?.peers).toEqual([
      { address: '20.1.1.2', isDefault: true },
      { address: '30.1.1.3', isDefault: false },
    ]);
  });

  it('is refused outside a crypto map', () => {
    expect(onlyError('hostname R1\nset peer 20.1.1.2\n')).toBe(
      "line 2: 'set peer' is not a global command: it belongs in a crypto map entry (crypto map NAME SEQ ipsec-isakmp) or a dynamic crypto map entry (crypto dynamic-map NAME SEQ)",
    );
  });
});

describe('errors', () => {
  it('name the line and say precisely what is wrong', () => {
    const text = `hostname R1
!
crypto map CMAP 10 ipsec-isakmp
 set peer 20.1.1
`;
    const [error] = errorsOf(text);
    expect(error && formatDiagnostic(error)).toBe(
      "line 4: 'set peer 20.1.1' — '20.1.1' is not an IPv4 address",
    );
  });

  it.each([
    [
      'crypto isakmp keepalive 5',
      '5 is out of range: keepalive interval in seconds must be 10-3600',
    ],
    ['crypto isakmp keepalive 10 61', '61 is out of range: retry interval in seconds must be 2-60'],
    [
      'crypto isakmp keepalive 10 2 sometimes',
      "unexpected 'sometimes': the command is complete without it",
    ],
    [
      'crypto ipsec security-association idle-time 30',
      '30 is out of range: IPsec SA idle time in seconds must be 60-86400',
    ],
    [
      'crypto ipsec security-association lifetime seconds 60',
      '60 is out of range: IPsec SA lifetime in seconds must be 120-86400',
    ],
    ['crypto isakmp key cisco address', 'incomplete command: expected peer address (A.B.C.D)'],
    ['crypto isakmp policy abc', "'abc' is not a number: expected ISAKMP policy priority"],
    [
      'hostname 1R',
      "'1R' is not a valid host name: it must start with a letter and hold only letters, digits and hyphens",
    ],
    [
      'ip route 10.1.1.0 255.0.0.0 1.1.1.1',
      '10.1.1.0 has bits set outside mask 255.0.0.0: IOS refuses an inconsistent address and mask',
    ],
    [
      'ip route 10.0.0.0 255.0.0.0 Vlan1',
      "'Vlan1' is neither an IPv4 address nor a simulated interface (next-hop address or exit interface)",
    ],
    [
      'interface Tunnel',
      "'Tunnel' is not a valid Tunnel interface: its number is missing or malformed",
    ],
    [
      'access-list 101 permit ip any',
      "incomplete command: expected destination address, 'host A' or 'any' (A.B.C.D)",
    ],
    [
      'access-list 101 permit foo any any',
      "'foo' is not an IP protocol: expected ip, tcp, udp, icmp, gre, esp, ahp, eigrp, ospf, igmp, pim, ipinip, nos, pcp or 0-255",
    ],
  ])('%s', (line, message) => {
    expect(errorsOf(line).map((d) => d.message)).toEqual([message]);
  });

  it.each([
    [
      'crypto ipsec transform-set TS esp-aes esp-sha-hmac esp-md5-hmac',
      "'esp-md5-hmac' conflicts with 'esp-sha-hmac': a set has one ESP authentication transform",
    ],
    [
      'crypto ipsec transform-set TS esp-gcm esp-sha-hmac',
      "'esp-gcm' authenticates by itself: IOS refuses it together with 'esp-sha-hmac'",
    ],
    [
      'crypto ipsec transform-set TS esp-aes 512',
      '512 is not a key size of esp-aes: expected 128, 192, 256',
    ],
    [
      'crypto ipsec transform-set TS',
      'incomplete command: expected transforms, e.g. esp-aes esp-sha-hmac',
    ],
  ])('transform set: %s', (line, message) => {
    expect(errorsOf(line).map((d) => d.message)).toEqual([message]);
  });

  it('report unknown transforms with the valid ones', () => {
    const [error] = errorsOf('crypto ipsec transform-set TS esp-foo esp-sha-hmac');
    expect(error?.message).toMatch(
      /^'esp-foo' is not an IOS transform: expected esp-des, esp-3des/,
    );
  });

  it.each([
    [
      ' ip address 10.1.1.1 255.0.255.0',
      "'255.0.255.0' is not a subnet mask: its one-bits must be contiguous",
    ],
    [
      ' ip address 10.1.1.0 255.255.255.0',
      '10.1.1.0 is the network address of its /24 subnet: IOS refuses it',
    ],
    [' ip address 10.1.1.1', 'incomplete command: expected subnet mask (A.B.C.D)'],
    [
      ' tunnel mode gre',
      'incomplete command: expected tunnel mode variant (gre ip | gre multipoint | ipsec ipv4)',
    ],
    [' tunnel key -1', "'-1' is not a number: expected tunnel key"],
    [
      ' ip nhrp authentication LONGSECRET',
      "'LONGSECRET' is too long: NHRP authentication strings have at most 8 characters",
    ],
    [' ip nhrp map 172.16.0.1', 'incomplete command: expected NBMA address (A.B.C.D)'],
    [' crypto map', 'incomplete command: expected crypto map name'],
  ])('interface: %s', (line, message) => {
    expect(errorsOf(`interface Tunnel0\n${line}\n`).map((d) => [d.line, d.message])).toEqual([
      [2, message],
    ]);
  });

  it.each([
    [' encr aes 512', "unexpected '512': the command is complete without it"],
    [' hash sha1', "'sha1' is not a valid hash: expected sha, md5, sha256, sha384, sha512"],
    [
      ' group 3',
      "'3' is not a valid Diffie-Hellman group: expected 1, 2, 5, 14, 15, 16, 19, 20, 21, 24",
    ],
    [' lifetime 30', '30 is out of range: ISAKMP SA lifetime in seconds must be 60-86400'],
  ])('ISAKMP policy: %s', (line, message) => {
    expect(errorsOf(`crypto isakmp policy 10\n${line}\n`).map((d) => d.message)).toEqual([message]);
  });
});

describe('lines that are not simulated', () => {
  it('are kept and reported, including blocks such as line con 0 and banners', () => {
    const text = `version 15.4
service timestamps debug datetime msec
no service pad
boot-start-marker
boot-end-marker
no ip domain lookup
banner motd ^C
  Authorized access only
^C
line con 0
 logging synchronous
line vty 0 4
 password cisco
 login
crypto map CMAP 10
 set pfs group2
end
`;
    const lines = unsupportedOf(text).map((d) => d.line);
    expect(lines).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16]); // not 17: `end`
    expect(errorsOf(text)).toEqual([]);
  });

  it('include ACL qualifiers the simulator ignores, while the entry itself is kept', () => {
    const text = 'ip access-list extended VPN\n permit tcp host 10.1.1.1 eq 23 any log\n';
    const { config, diagnostics } = parseIosConfig(text);
    expect(config.accessLists.get('VPN')).toEqual([
      {
        action: 'permit',
        protocol: 'tcp',
        src: '10.1.1.1',
        srcWildcard: '0.0.0.0',
        dst: '0.0.0.0',
        dstWildcard: '255.255.255.255',
      },
    ]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      "'eq 23 log' is not simulated: the entry matches as if it were absent",
    ]);
  });

  it('report a standard access list as not simulated', () => {
    const text = 'access-list 10 permit 192.168.1.0 0.0.0.255\n';
    expect(parseIosConfig(text).config.accessLists).toEqual(new Map());
    expect(unsupportedOf(text).map((d) => d.message)).toEqual([
      'access list 10 is a standard IP access list: not simulated',
    ]);
  });
});

describe('robustness', () => {
  const vocabulary = fc.constantFrom(
    'crypto',
    'map',
    'isakmp',
    'ipsec',
    'set',
    'peer',
    'interface',
    'Tunnel0',
    'tunnel',
    'ip',
    'nhrp',
    'no',
    'default',
    'exit',
    'end',
    '!',
    'banner',
    '^C',
    '10',
    '20.1.1',
    '10.1.1.1',
    '255.255.255.0',
    'access-list',
    '101',
    'permit',
    'any',
    'host',
    'ezvpn',
    'transform-set',
    'esp-aes',
  );
  const line = fc
    .tuple(fc.boolean(), fc.array(vocabulary, { maxLength: 6 }))
    .map(([indented, words]) => `${indented ? ' ' : ''}${words.join(' ')}`);

  it('never throws, and reports only lines that exist', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(line, fc.string()), { maxLength: 30 }), (lines) => {
        const text = lines.join('\n');
        const { diagnostics } = parseIosConfig(text);
        const lineCount = text.split('\n').length;
        for (const diagnostic of diagnostics) {
          expect(diagnostic.line).toBeGreaterThanOrEqual(1);
          expect(diagnostic.line).toBeLessThanOrEqual(lineCount);
        }
      }),
    );
  });
});
