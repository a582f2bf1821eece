// Configuration mode replayed from Cisco's configuration guides: prompts through submodes, the
// lines the app receives as `config` effects, and the parser's refusals shown as IOS shows them.

import { describe, expect, it } from 'vitest';
import { prompt } from './prompt';
import { openSession, routerContext, type } from './testRouter';

describe('prompts through submodes', () => {
  it('conf t → int fa0/0 → crypto map CMAP → end', () => {
    const session = openSession();
    expect(type(session, 'conf t', 'int fa0/0', 'crypto map CMAP', 'end')).toEqual([
      'R1#conf t',
      'Enter configuration commands, one per line.  End with CNTL/Z.',
      'R1(config)#int fa0/0',
      'R1(config-if)#crypto map CMAP',
      'R1(config-if)#end',
      '*Mar  1 00:01:00.000: %SYS-5-CONFIG_I: Configured from console by console',
    ]);
    expect(prompt(session.state, 'R1')).toBe('R1#');
  });

  it('names each submode as IOS does', () => {
    const session = openSession();
    type(session, 'conf t');
    const prompts = [
      'crypto isakmp policy 20',
      'crypto ipsec transform-set TS2 esp-3des esp-md5-hmac',
      'crypto map CMAP 20 ipsec-isakmp',
      'crypto dynamic-map DYN 10',
      'crypto ipsec profile PROF2',
      'ip access-list extended VPN',
      'crypto ipsec client ezvpn EZ',
      'crypto isakmp client configuration group G',
      'interface Tunnel0',
      'interface FastEthernet0/0.10',
      'line con 0',
      'router ospf 1',
    ].map((line) => {
      type(session, line);
      return prompt(session.state, 'R1');
    });
    expect(prompts).toEqual([
      'R1(config-isakmp)#',
      'R1(cfg-crypto-trans)#',
      'R1(config-crypto-map)#',
      'R1(config-crypto-map)#',
      'R1(ipsec-profile)#',
      'R1(config-ext-nacl)#',
      'R1(config-crypto-ezvpn)#',
      'R1(config-isakmp-group)#',
      'R1(config-if)#',
      'R1(config-subif)#',
      'R1(config-line)#',
      'R1(config-router)#',
    ]);
  });

  it('`exit` leaves a submode, then configuration mode', () => {
    const session = openSession();
    expect(type(session, 'conf t', 'crypto isakmp policy 10', 'exit', 'exit')).toEqual([
      'R1#conf t',
      'Enter configuration commands, one per line.  End with CNTL/Z.',
      'R1(config)#crypto isakmp policy 10',
      'R1(config-isakmp)#exit',
      'R1(config)#exit',
      '*Mar  1 00:01:00.000: %SYS-5-CONFIG_I: Configured from console by console',
    ]);
  });

  it('a global command typed in a submode leaves it', () => {
    const session = openSession();
    type(session, 'conf t', 'int fa0/0', 'crypto isakmp keepalive 10');
    expect(session.state.mode).toBe('config');
    type(session, 'int fa0/0', 'crypto map CMAP 10');
    expect(prompt(session.state, 'R1')).toBe('R1(config-crypto-map)#');
  });

  it('follows a hostname change', () => {
    const session = openSession();
    expect(type(session, 'conf t', 'hostname BRANCH1', 'end')[3]).toBe('BRANCH1(config)#end');
  });
});

describe('config effects', () => {
  it('hands each accepted line to the app', () => {
    const session = openSession();
    type(session, 'conf t', 'crypto isakmp invalid-spi-recovery', 'cry isa keep 10 2', 'end');
    expect(session.effects).toEqual([
      { kind: 'config', lines: ['crypto isakmp invalid-spi-recovery'] },
      { kind: 'config', lines: ['crypto isakmp keepalive 10 2'] },
    ]);
    expect(type(session, 'sh run | i crypto isakmp')).toEqual([
      'R1#sh run | i crypto isakmp',
      'crypto isakmp policy 10',
      'crypto isakmp key cisco123 address 20.1.1.2',
      'crypto isakmp invalid-spi-recovery',
      'crypto isakmp keepalive 10 2',
    ]);
  });

  it('removes a setting with `no`', () => {
    const session = openSession(routerContext('R1', 'dpd-backup-peer'));
    type(session, 'conf t', 'no crypto isakmp keepalive', 'end');
    expect(session.effects).toEqual([{ kind: 'config', lines: ['no crypto isakmp keepalive'] }]);
    expect(type(session, 'show running-config | include keepalive')).toEqual([
      'R1#show running-config | include keepalive',
    ]);
  });

  it('puts a submode line after its header, and leaves out lines that change nothing', () => {
    const session = openSession();
    type(
      session,
      'conf t',
      'crypto map CMAP 10 ipsec-isakmp',
      'set peer 30.1.1.3',
      'set peer 30.1.1.3',
      'int fa0/0',
      'crypto map CMAP',
      'no shutdown',
    );
    expect(session.effects).toEqual([
      { kind: 'config', lines: ['crypto map CMAP 10 ipsec-isakmp', 'set peer 30.1.1.3'] },
    ]);
  });

  it('spells out abbreviated keyword arguments', () => {
    const session = openSession();
    type(session, 'conf t', 'cry isa pol 20', 'encr ae', 'auth pre', 'gr 5');
    expect(session.effects).toEqual([
      { kind: 'config', lines: ['crypto isakmp policy 20'] },
      { kind: 'config', lines: ['crypto isakmp policy 20', 'encryption aes'] },
      { kind: 'config', lines: ['crypto isakmp policy 20', 'authentication pre-share'] },
      { kind: 'config', lines: ['crypto isakmp policy 20', 'group 5'] },
    ]);
  });

  it('spells out abbreviated keyword arguments of global commands, as the parser reads them', () => {
    const session = openSession();
    type(session, 'conf t', 'cry isa key K2 add 30.1.1.3', 'cry isa keep 30 5 per');
    expect(session.effects).toEqual([
      { kind: 'config', lines: ['crypto isakmp key K2 address 30.1.1.3'] },
      { kind: 'config', lines: ['crypto isakmp keepalive 30 5 periodic'] },
    ]);
    expect(type(session, 'crypto map CMAP 20 ipsec-')).toEqual([
      'R1(config)#crypto map CMAP 20 ipsec-',
      '% Ambiguous command:  "crypto map CMAP 20 ipsec-"',
      '',
    ]);
  });

  it('runs EXEC commands with `do`', () => {
    const session = openSession();
    const out = type(session, 'conf t', 'crypto map CMAP 10', 'do sh cry isa sa');
    expect(out.slice(3)).toEqual([
      'R1(config-crypto-map)#do sh cry isa sa',
      'IPv4 Crypto ISAKMP SA',
      'dst             src             state          conn-id slot status',
      '20.1.1.2        10.1.1.1        QM_IDLE           1001    0 ACTIVE',
      '',
      'IPv6 Crypto ISAKMP SA',
      '',
    ]);
    expect(type(session, 'do clear crypto sa').slice(1)).toEqual([]);
    expect(session.effects).toEqual([{ kind: 'exec', command: 'clear crypto sa' }]);
  });

  it('keeps lines of blocks the simulator does not model', () => {
    const session = openSession();
    type(session, 'conf t', 'line con 0', 'logging synchronous', 'exit');
    expect(session.effects).toEqual([
      { kind: 'config', lines: ['line con 0'] },
      { kind: 'config', lines: ['line con 0', 'logging synchronous'] },
    ]);
  });
});

describe('refused lines', () => {
  it('puts the marker under the argument the parser refused', () => {
    const session = openSession();
    type(session, 'conf t');
    expect(type(session, 'crypto isakmp keepalive 5')).toEqual([
      'R1(config)#crypto isakmp keepalive 5',
      '                                   ^',
      "% Invalid input detected at '^' marker.",
      '',
    ]);
    expect(type(session, 'crypto map CMAP 10', 'set peer 20.1.1')).toEqual([
      'R1(config)#crypto map CMAP 10',
      'R1(config-crypto-map)#set peer 20.1.1',
      '                               ^',
      "% Invalid input detected at '^' marker.",
      '',
    ]);
    expect(session.effects).toEqual([]);
  });

  it('puts the marker under an unknown keyword', () => {
    const session = openSession();
    type(session, 'conf t');
    expect(type(session, 'crypto isakmp foo')).toEqual([
      'R1(config)#crypto isakmp foo',
      '                         ^',
      "% Invalid input detected at '^' marker.",
      '',
    ]);
  });

  it('reports incomplete commands, from the keywords or from the parser', () => {
    const session = openSession();
    type(session, 'conf t');
    expect(type(session, 'crypto isakmp', 'crypto isakmp keepalive')).toEqual([
      'R1(config)#crypto isakmp',
      '% Incomplete command.',
      '',
      'R1(config)#crypto isakmp keepalive',
      '% Incomplete command.',
      '',
    ]);
  });

  it('reports ambiguous keywords and keyword arguments', () => {
    const session = openSession();
    type(session, 'conf t', 'crypto isakmp policy 10');
    expect(type(session, 'e aes', 'hash sh')).toEqual([
      'R1(config-isakmp)#e aes',
      '% Ambiguous command:  "e aes"',
      '',
      'R1(config-isakmp)#hash sh',
      '% Ambiguous command:  "hash sh"',
      '',
    ]);
  });
});

describe('pasting a configuration', () => {
  it('reads indented block lines and skips `!` comments', () => {
    const session = openSession();
    const pasted = [
      'crypto isakmp policy 20',
      ' encr 3des',
      ' authentication pre-share',
      '!',
      'crypto map CMAP 20 ipsec-isakmp',
      ' set peer 30.1.1.3',
      ' set transform-set TS',
      ' match address 102',
      '!',
      'end',
    ];
    const transcript = type(session, 'conf t', ...pasted);
    // No error; only the note IOS prints for a new crypto map entry, pasted or typed.
    expect(transcript.filter((line) => line.startsWith('%'))).toEqual([
      '% NOTE: This new crypto map will remain disabled until a peer',
    ]);
    expect(session.effects).toHaveLength(7);
    expect(type(session, 'sh run | sec CMAP 20')).toEqual([
      'R1#sh run | sec CMAP 20',
      'crypto map CMAP 20 ipsec-isakmp',
      ' set peer 30.1.1.3',
      ' set transform-set TS',
      ' match address 102',
    ]);
  });
});

describe('an incomplete crypto map entry', () => {
  it('says at once that a new entry stays disabled until it has a peer and an access list', () => {
    const session = openSession();
    expect(type(session, 'conf t', 'crypto map CMAP 20 ipsec-isakmp')).toEqual([
      'R1#conf t',
      'Enter configuration commands, one per line.  End with CNTL/Z.',
      'R1(config)#crypto map CMAP 20 ipsec-isakmp',
      '% NOTE: This new crypto map will remain disabled until a peer',
      '        and a valid access list have been configured.',
    ]);
    // Entering the entry again, or an existing one, says nothing.
    expect(type(session, 'exit', 'crypto map CMAP 20 ipsec-isakmp', 'exit')).toEqual([
      'R1(config-crypto-map)#exit',
      'R1(config)#crypto map CMAP 20 ipsec-isakmp',
      'R1(config-crypto-map)#exit',
    ]);
    expect(type(session, 'crypto map CMAP 10 ipsec-isakmp')).toEqual([
      'R1(config)#crypto map CMAP 10 ipsec-isakmp',
    ]);
  });
});
