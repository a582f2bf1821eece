// Configs as people have them: typed without indentation, with IOS abbreviations, or pasted from
// `show running-config`, with the lines the simulator does not model among them.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseIosConfig } from '../parseConfig';
import { lookupCommand } from './commandTable';
import { GLOBAL_COMMANDS, modeOpenedBy, withArgumentsSpelled } from './modeEngine';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../scenario/fromConfigs/fixtures/${name}`, import.meta.url), 'utf8');

const errorsOf = (text: string) =>
  parseIosConfig(text).diagnostics.filter((d) => d.severity === 'error');

describe('abbreviated keywords', () => {
  it('reads a unique prefix of each command word, in global and interface mode', () => {
    const { config, diagnostics } = parseIosConfig(
      [
        'ho R1',
        'cry isa pol 10',
        'encr aes',
        'auth pre-share',
        'cry ipsec transform-set TS esp-aes esp-sha-hmac',
        'cry map CMAP 10 ipsec-isakmp',
        'set pe 20.1.1.2',
        'set trans TS',
        'mat add 101',
        'int g0/0',
        'ip add 10.1.1.1 255.255.255.0',
        'cry map CMAP',
        'shut',
        'no shut',
      ].join('\n'),
    );
    expect(diagnostics).toEqual([]);
    expect(config.hostname).toBe('R1');
    expect(config.isakmpPolicies[0]).toMatchObject({ priority: 10, encryption: 'aes' });
    expect(config.cryptoMaps[0]).toMatchObject({
      map: 'CMAP',
      seq: 10,
      peers: [{ address: '20.1.1.2', isDefault: false }],
      transformSet: 'TS',
      matchAcl: '101',
    });
    expect(config.interfaces).toEqual([
      expect.objectContaining({
        name: 'GigabitEthernet0/0',
        address: { ip: '10.1.1.1', mask: '255.255.255.0' },
        cryptoMap: 'CMAP',
        shutdown: false,
      }),
    ]);
  });

  it('a keyword typed in full wins over longer keywords it begins', () => {
    const found = lookupCommand(GLOBAL_COMMANDS, [
      'crypto',
      'isakmp',
      'key',
      'K',
      'address',
      '1.1.1.1',
    ]);
    expect(found !== null && 'spec' in found ? found.spec.path : found).toBe('crypto isakmp key');
  });

  it('an ambiguous prefix is an error naming what it may abbreviate', () => {
    expect(errorsOf('cry i')).toEqual([
      expect.objectContaining({
        line: 1,
        message: "ambiguous command: 'i' may abbreviate 'ikev2', 'ipsec', 'isakmp'",
      }),
    ]);
    expect(errorsOf('interface FastEthernet0/0\n ip a 10.1.1.1 255.255.255.0')).toEqual([
      expect.objectContaining({
        line: 2,
        message: "ambiguous command: 'a' may abbreviate 'access-group', 'address'",
      }),
    ]);
  });
});

describe('blocks typed without indentation', () => {
  it('keep their lines until a global command: the lab report (ip add in an interface)', () => {
    const { config, diagnostics } = parseIosConfig(fixture('lab-branch.cfg'));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(config.interfaces.map((i) => [i.name, i.address?.ip, i.cryptoMap])).toEqual([
      ['Loopback0', '2.2.2.2', null],
      ['GigabitEthernet0/0', '172.16.31.1', null],
      ['GigabitEthernet1/0', '203.0.113.2', 'CMAP'],
      ['GigabitEthernet2/0', '10.4.0.1', null],
    ]);
    // OSPF and BGP are not simulated: their lines are information, not errors.
    const network = diagnostics.find((d) => d.text === 'network 10.4.0.0 0.0.0.255 area 0');
    expect(network).toMatchObject({
      severity: 'unsupported',
      message: "not simulated: the line belongs to 'router ospf 1' (line 30)",
    });
    const neighbor = diagnostics.find((d) => d.text.startsWith('neighbor 203.0.113.1 remote-as'));
    expect(neighbor?.message).toBe(
      "not simulated: the line belongs to 'router bgp 10101' (line 35)",
    );
  });

  it('an interface command IOS also knows globally stays in the typed interface', () => {
    const typed = parseIosConfig(
      'interface FastEthernet0/1\nip address 192.168.1.1 255.255.255.0\ncrypto ipsec client ezvpn EZ inside',
    );
    expect(typed.diagnostics).toEqual([]);
    expect(typed.config.interfaces[0]?.ezvpn).toEqual({ name: 'EZ', role: 'inside' });
    // In show running-config form, the unindented line after an indented block is global.
    const shown = parseIosConfig(
      'interface FastEthernet0/1\n ip address 192.168.1.1 255.255.255.0\ncrypto ipsec client ezvpn EZ\n connect auto',
    );
    expect(shown.diagnostics).toEqual([]);
    expect(shown.config.ezvpnClients.map((c) => [c.name, c.connect])).toEqual([['EZ', 'auto']]);
  });

  it('a line neither the interface nor global mode knows stays in the interface', () => {
    const { config, diagnostics } = parseIosConfig(
      'interface GigabitEthernet0/0\ncarrier-delay 2\nip address 10.1.1.1 255.255.255.0\nno shutdown',
    );
    expect(diagnostics).toEqual([
      expect.objectContaining({
        line: 2,
        severity: 'unsupported',
        message: 'unknown interface command: kept, not simulated',
      }),
    ]);
    expect(config.interfaces[0]?.address).toEqual({ ip: '10.1.1.1', mask: '255.255.255.0' });
  });
});

describe('abbreviated keyword arguments', () => {
  it('reads a unique prefix of a keyword inside a command, as IOS does', () => {
    const { config, diagnostics } = parseIosConfig(
      [
        'cry isa key K add 10.0.0.2',
        'cry isa keep 10 3 per',
        'cry map CMAP 10 ipsec-i',
        ' set pe 10.0.0.2 def',
        'int Tu0',
        ' tun mode gre multi',
      ].join('\n'),
    );
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(config.isakmpKeys).toEqual([{ key: 'K', address: '10.0.0.2', mask: null }]);
    expect(config.isakmpKeepalive).toEqual({ seconds: 10, retrySec: 3, mode: 'periodic' });
    expect(config.cryptoMaps[0]?.peers).toEqual([{ address: '10.0.0.2', isDefault: true }]);
  });

  it('reads abbreviated keywords in access lists, HSRP timers and crypto map options', () => {
    const { config, diagnostics } = parseIosConfig(
      [
        'access-list 101 perm ic ho 10.0.0.1 an',
        'ip access-list extended VPN',
        ' permit ip 192.168.1.0 0.0.0.255 h 192.168.2.1',
        'crypto map CMAP local-add g0/0',
        'int g0/0',
        ' standby 1 timers ms 200 750',
        ' crypto map CMAP red HA',
      ].join('\n'),
    );
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(config.accessLists.get('101')?.[0]).toMatchObject({
      action: 'permit',
      protocol: 'icmp',
      src: '10.0.0.1',
      srcWildcard: '0.0.0.0',
      dst: '0.0.0.0',
      dstWildcard: '255.255.255.255',
    });
    expect(config.accessLists.get('VPN')?.[0]).toMatchObject({ dst: '192.168.2.1' });
    expect(diagnostics.map((d) => d.message)).toEqual([
      "'crypto map NAME local-address' is not simulated",
      "'standby timers msec' is not simulated",
    ]);
  });

  it('refuses a word that abbreviates several keyword arguments, naming them', () => {
    expect(errorsOf('crypto map CMAP 10 ipsec-')).toEqual([
      expect.objectContaining({
        line: 1,
        message: "ambiguous command: 'ipsec-' may abbreviate 'ipsec-isakmp', 'ipsec-manual'",
      }),
    ]);
  });

  it('spells them out where show running-config would', () => {
    expect(withArgumentsSpelled(null, ['cry', 'isa', 'key', 'K', 'ADD', '10.0.0.2'])).toEqual([
      'cry',
      'isa',
      'key',
      'K',
      'address',
      '10.0.0.2',
    ]);
    const policy = modeOpenedBy(['crypto', 'isakmp', 'policy', '10']);
    expect(withArgumentsSpelled(policy, ['auth', 'pre'])).toEqual(['auth', 'pre-share']);
    // A key that happens to begin a keyword is a key: only keyword positions are spelled.
    expect(
      withArgumentsSpelled(null, ['crypto', 'isakmp', 'key', 'add', 'add', '10.0.0.2']),
    ).toEqual(['crypto', 'isakmp', 'key', 'add', 'address', '10.0.0.2']);
  });
});

describe('show running-config output', () => {
  it('reads its header, banner and not simulated blocks without an error', () => {
    const { config, diagnostics } = parseIosConfig(fixture('lab-cloud.cfg'));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(config.hostname).toBe('CLOUD');
    expect(config.cryptoMaps[0]).toMatchObject({ map: 'CMAP', matchAcl: '100' });
    const texts = diagnostics.map((d) => d.text);
    expect(texts).not.toContain('Building configuration...');
    expect(texts).not.toContain('Current configuration : 1402 bytes');
    expect(diagnostics.find((d) => d.text === 'Authorized access only')?.message).toBe(
      'banner text is not simulated',
    );
    expect(diagnostics.find((d) => d.text === ' logging synchronous')).toMatchObject({
      severity: 'unsupported',
    });
  });

  it('takes a pasted session prompt for what it is, not a command', () => {
    expect(parseIosConfig('R1#show running-config\nhostname R1').diagnostics).toEqual([]);
  });
});
