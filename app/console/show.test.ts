// The `show` commands the console formats itself, against a real baseline run: crypto map,
// crypto session, configurations, logging, version, and output modifiers.

import { describe, expect, it } from 'vitest';
import { applyPipe } from './exec/pipe';
import { uptimeText } from './show/showVersion';
import { openSession, routerContext, type } from './testRouter';

describe('show crypto map', () => {
  it('prints the 12.4 layout from the configuration and the current peer', () => {
    expect(type(openSession(), 'show crypto map')).toEqual([
      'R1#show crypto map',
      'Crypto Map "CMAP" 10 ipsec-isakmp',
      '        Peer = 20.1.1.2',
      '        Extended IP access list 101',
      '            access-list 101 permit ip 192.168.1.0 0.0.0.255 192.168.2.0 0.0.0.255',
      '        Current peer: 20.1.1.2',
      '        Security association lifetime: 4608000 kilobytes/3600 seconds',
      '        PFS (Y/N): N',
      '        Transform sets={ TS, }',
      '        Interfaces using crypto map CMAP:',
      '                FastEthernet0/0',
      '',
    ]);
  });

  it('shows the default peer tried again after DPD, then the backup once that main mode timed out', () => {
    const currentPeer = (atMs: number) =>
      type(openSession(routerContext('R1', 'dpd-backup-peer', atMs)), 'sh cry map').filter((line) =>
        line.includes('eer'),
      );
    expect(currentPeer(220_000)).toEqual([
      '        Peer = 20.1.1.2',
      '        Peer = 30.1.1.3',
      '        Current peer: 20.1.1.2',
    ]);
    expect(currentPeer(300_000)).toContain('        Current peer: 30.1.1.3');
  });

  it('lists no interface under a map that is not applied, and R1 has no IKE SA at all', () => {
    const session = openSession(routerContext('R1', 'map-not-applied', 30_000));
    expect(type(session, 'sh cry map').slice(-3)).toEqual([
      '        Transform sets={ TS, }',
      '        Interfaces using crypto map CMAP:',
      '',
    ]);
    // The header and not one SA under it.
    expect(type(session, 'show crypto isakmp sa').slice(1, 4)).toEqual([
      'IPv4 Crypto ISAKMP SA',
      'dst             src             state          conn-id slot status',
      '',
    ]);
  });

  it('warns of an entry that is incomplete, and says what it lacks', () => {
    const lines = type(openSession(routerContext('R1', 'incomplete-map')), 'sh cry map');
    expect(lines.slice(1, 4)).toEqual([
      'Crypto Map "CMAP" 10 ipsec-isakmp',
      '        WARNING: This crypto map is in an incomplete state!',
      '                (transform set TS-AES is not defined)',
    ]);
  });

  it('names the template of a dynamic entry', () => {
    const lines = type(openSession(routerContext('HUB', 'dynamic-map-hub-reload')), 'sh cry map');
    expect(lines).toContain('        Dynamic map template tag: DYN');
  });
});

describe('show crypto session', () => {
  it('shows an UP-ACTIVE session with its IKE SA and flow', () => {
    expect(type(openSession(), 'show crypto session')).toEqual([
      'R1#show crypto session',
      'Crypto session current status',
      '',
      'Interface: FastEthernet0/0',
      'Session status: UP-ACTIVE',
      'Peer: 20.1.1.2 port 500',
      '  IKE SA: local 10.1.1.1/500 remote 20.1.1.2/500 Active',
      '  IPSEC FLOW: permit ip 192.168.1.0/255.255.255.0 192.168.2.0/255.255.255.0',
      '        Active SAs: 2, origin: crypto map',
      '',
    ]);
  });

  it('shows the flow DOWN before the first ping', () => {
    expect(type(openSession(routerContext('R1', 'baseline', 1_000)), 'sh cry sess')).toEqual([
      'R1#sh cry sess',
      'Crypto session current status',
      '',
      'Interface: FastEthernet0/0',
      'Session status: DOWN',
      'Peer: 20.1.1.2 port 500',
      '  IPSEC FLOW: permit ip 192.168.1.0/255.255.255.0 192.168.2.0/255.255.255.0',
      '        Active SAs: 0, origin: crypto map',
      '',
    ]);
  });
});

describe('configurations', () => {
  it('frames the running configuration with its size', () => {
    const lines = type(openSession(), 'show running-config');
    expect(lines.slice(0, 6)).toEqual([
      'R1#show running-config',
      'Building configuration...',
      '',
      'Current configuration : 589 bytes',
      '!',
      'hostname R1',
    ]);
    expect(lines.slice(-2)).toEqual(['end', '']);
  });

  it('filters with `| section`: a matching block comes whole', () => {
    expect(type(openSession(), 'show running-config | section crypto isakmp')).toEqual([
      'R1#show running-config | section crypto isakmp',
      'crypto isakmp policy 10',
      ' encr aes',
      ' authentication pre-share',
      ' group 2',
      'crypto isakmp key cisco123 address 20.1.1.2',
    ]);
  });

  it('shows the startup configuration with NVRAM use', () => {
    const lines = type(openSession(), 'show startup-config');
    expect(lines[1]).toBe('Using 589 out of 245752 bytes');
    const empty = openSession({ ...routerContext(), startupConfig: '' });
    expect(type(empty, 'sh start')).toEqual(['R1#sh start', 'startup-config is not present']);
  });
});

describe('show logging', () => {
  it('lists the buffered syslog lines with IOS timestamps', () => {
    const lines = type(openSession(), 'show logging');
    expect(lines[1]).toMatch(/^Syslog logging: enabled/);
    expect(lines.at(-1)).toBe(
      '*Mar  1 00:00:05.160: %CRYPTO-5-SESSION_STATUS: Crypto tunnel is UP  .  Peer 20.1.1.2:500       Id: 20.1.1.2',
    );
  });

  it('keeps what fits in the 4096-byte buffer', () => {
    const logging = Array.from({ length: 100 }, (_, index) => ({
      atMs: index * 1000,
      text: `%CRYPTO-4-RECVD_PKT_INV_SPI: message ${index}`,
    }));
    const lines = type(openSession({ ...routerContext(), logging }), 'show logging');
    const buffered = lines.slice(lines.indexOf('Log Buffer (4096 bytes):') + 2);
    expect(buffered.join('\n').length).toBeLessThanOrEqual(4096);
    expect(buffered.at(-1)).toBe('*Mar  1 00:01:39.000: %CRYPTO-4-RECVD_PKT_INV_SPI: message 99');
  });
});

describe('show version', () => {
  it('prints the uptime since the last boot and the interfaces', () => {
    const lines = type(openSession({ ...routerContext(), nowMs: 3_900_000 }), 'show version');
    expect(lines).toContain('R1 uptime is 1 hour, 5 minutes');
    expect(lines).toContain('System returned to ROM by power-on');
    expect(lines).toContain('2 FastEthernet interfaces');
  });

  it('spells durations as IOS does', () => {
    expect(uptimeText(59_000)).toBe('0 minutes');
    expect(uptimeText(60_000)).toBe('1 minute');
    expect(uptimeText(8 * 86_400_000 + 60_000)).toBe('1 week, 1 day, 0 hours, 1 minute');
  });
});

describe('output modifiers', () => {
  const lines = ['interface Tunnel0', ' ip address 10.0.0.1 255.255.255.0', '!', 'end'];
  const pipe = (modifier: string, pattern: string) =>
    applyPipe(
      lines,
      new Map([
        ['pipe', modifier],
        ['pattern', pattern],
      ]),
    );

  it('includes, excludes, begins and sections', () => {
    expect(pipe('include', 'address')).toEqual([' ip address 10.0.0.1 255.255.255.0']);
    expect(pipe('exclude', '^ ')).toEqual(['interface Tunnel0', '!', 'end']);
    expect(pipe('begin', '^!')).toEqual(['!', 'end']);
    expect(pipe('section', 'Tunnel')).toEqual(lines.slice(0, 2));
  });

  it('matches an expression JavaScript refuses as plain text', () => {
    expect(pipe('include', 'address (')).toEqual([]);
    expect(pipe('include', 'Tunnel0')).toEqual(['interface Tunnel0']);
  });
});
