import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyConfigLines } from './applyConfigLines';
import { parseIosConfig } from './parseConfig';

const RUNNING = `hostname R1
!
crypto isakmp policy 10
 encr aes
 authentication pre-share
 group 2
crypto isakmp key cisco123 address 20.1.1.2
crypto isakmp keepalive 10 2
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
access-list 101 permit ip 192.168.1.0 0.0.0.255 192.168.2.0 0.0.0.255
end
`;

/** Applies `lines` to RUNNING and expects no error. */
function apply(lines: string[], running = RUNNING): string {
  const { text, errors } = applyConfigLines(running, lines);
  expect(errors).toEqual([]);
  expect(parseIosConfig(text).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return text;
}

/** RUNNING with `before` replaced by `after`. */
const edited = (before: string, after: string): string => {
  expect(RUNNING).toContain(before);
  return RUNNING.replace(before, after);
};

describe('global lines', () => {
  it('adds crypto isakmp invalid-spi-recovery beside the other crypto isakmp lines', () => {
    const text = apply(['crypto isakmp invalid-spi-recovery']);
    expect(text).toBe(
      edited(
        'crypto isakmp keepalive 10 2\n',
        'crypto isakmp keepalive 10 2\ncrypto isakmp invalid-spi-recovery\n',
      ),
    );
    expect(parseIosConfig(text).config.invalidSpiRecovery).toBe(true);
  });

  it('writes abbreviated keyword arguments in full, and a no line with them finds its line', () => {
    const text = apply(['cry isa key K2 add 30.1.1.3']);
    expect(text).toBe(
      edited(
        'crypto isakmp keepalive 10 2\n',
        'crypto isakmp keepalive 10 2\ncrypto isakmp key K2 address 30.1.1.3\n',
      ),
    );
    expect(apply(['no cry isa key K2 add 30.1.1.3'], text)).toBe(RUNNING);
  });

  it('removes it again with its no form', () => {
    const added = apply(['crypto isakmp invalid-spi-recovery']);
    expect(apply(['no crypto isakmp invalid-spi-recovery'], added)).toBe(RUNNING);
  });

  it('replaces a keepalive rather than adding a second one', () => {
    const text = apply(['crypto isakmp keepalive 60 2 periodic']);
    expect(text).toBe(
      edited('crypto isakmp keepalive 10 2\n', 'crypto isakmp keepalive 60 2 periodic\n'),
    );
    expect(parseIosConfig(text).config.isakmpKeepalive).toEqual({
      seconds: 60,
      retrySec: 2,
      mode: 'periodic',
    });
  });

  it('removes the keepalive whatever its arguments', () => {
    expect(apply(['no crypto isakmp keepalive'])).toBe(
      edited('crypto isakmp keepalive 10 2\n', ''),
    );
    expect(apply(['no crypto isakmp keepalive 30 5'])).toBe(
      edited('crypto isakmp keepalive 10 2\n', ''),
    );
  });

  it('replaces the hostname and a global idle time', () => {
    const once = apply(['hostname R9', 'crypto ipsec security-association idle-time 120']);
    const twice = apply(['crypto ipsec security-association idle-time 300'], once);
    expect(twice.match(/idle-time/g)).toHaveLength(1);
    expect(parseIosConfig(twice).config).toMatchObject({ hostname: 'R9', ipsecIdleTimeSec: 300 });
    expect(apply(['no crypto ipsec security-association idle-time'], twice)).not.toContain(
      'idle-time',
    );
  });

  it('appends a line of a new family at the end, before end, after a separator', () => {
    expect(apply(['ip route 0.0.0.0 0.0.0.0 10.1.1.2'])).toBe(
      edited('end\n', '!\nip route 0.0.0.0 0.0.0.0 10.1.1.2\nend\n'),
    );
  });

  it('keeps a numbered ACL in order and removes the whole list with any no form', () => {
    const second = 'access-list 101 permit ip 192.168.1.0 0.0.0.255 192.168.3.0 0.0.0.255';
    const text = apply([second, 'hostname R1']);
    expect(text).toContain(
      'access-list 101 permit ip 192.168.1.0 0.0.0.255 192.168.2.0 0.0.0.255\n' +
        `${second}\nend\n`,
    );
    // IOS: `no access-list 101 ...` deletes all of list 101, whatever follows the number.
    expect(apply(['no access-list 101 permit ip any any'], text)).not.toContain('access-list');
  });

  it('keeps a no line for a feature IOS shows as turned off, and drops it when turned on', () => {
    const off = apply(['no ip domain lookup']);
    expect(off).toContain('!\nno ip domain lookup\nend\n');
    expect(apply(['ip domain lookup'], off)).toBe(RUNNING.replace('end\n', '!\nend\n'));
  });

  it('writes `shutdown` in place of `no shutdown`, and the interface is shut', () => {
    const up = RUNNING.replace(' crypto map CMAP\n', ' crypto map CMAP\n no shutdown\n');
    const shut = apply(['interface FastEthernet0/0', 'shutdown'], up);
    expect(shut).toContain(' crypto map CMAP\n shutdown\n');
    expect(shut).not.toContain('no shutdown');
    expect(parseIosConfig(shut).config.interfaces[0]?.shutdown).toBe(true);
  });
});

describe('blocks', () => {
  it('adds set security-association idle-time 600 default inside crypto map CMAP 10', () => {
    const text = apply(['crypto map CMAP 10', 'set security-association idle-time 600 default']);
    expect(text).toBe(
      edited(
        ' match address 101\n',
        ' match address 101\n set security-association idle-time 600 default\n',
      ),
    );
    expect(parseIosConfig(text).config.cryptoMaps[0]?.idleTime).toEqual({
      seconds: 600,
      returnToDefaultPeer: true,
    });
  });

  it('adds a peer after the existing ones, and removes it with no set peer', () => {
    const text = apply(['crypto map CMAP 10 ipsec-isakmp', 'set peer 30.1.1.3']);
    expect(text).toBe(edited(' set peer 20.1.1.2\n', ' set peer 20.1.1.2\n set peer 30.1.1.3\n'));
    expect(apply(['crypto map CMAP 10', 'no set peer 30.1.1.3'], text)).toBe(RUNNING);
  });

  it('removes a whole crypto map entry with no crypto map NAME SEQ', () => {
    expect(apply(['no crypto map CMAP 10'])).toBe(
      edited(
        'crypto map CMAP 10 ipsec-isakmp\n set peer 20.1.1.2\n set transform-set TS\n match address 101\n!\n',
        '',
      ),
    );
  });

  it('follows the mode: exit, end and global commands leave the block', () => {
    const text = apply([
      'interface fa0/0',
      'shut',
      'exit',
      'crypto isakmp invalid-spi-recovery',
      'interface Tu0',
      'ip address 172.16.0.1 255.255.255.0',
      'tunnel source fa0/0',
      'tunnel destination 20.1.1.2',
      'end',
    ]);
    expect(text).toContain(
      'interface FastEthernet0/0\n ip address 10.1.1.1 255.255.255.0\n crypto map CMAP\n shutdown\n',
    );
    expect(text).toContain(
      '!\ninterface Tunnel0\n ip address 172.16.0.1 255.255.255.0\n tunnel source FastEthernet0/0\n tunnel destination 20.1.1.2\nend\n',
    );
    const tunnel = parseIosConfig(text).config.interfaces.find((i) => i.name === 'Tunnel0');
    expect(tunnel?.tunnel).toMatchObject({ source: 'FastEthernet0/0', destination: '20.1.1.2' });
  });

  it('replaces a setting inside a block and applies its no forms', () => {
    const text = apply([
      'interface FastEthernet0/0',
      'ip address 10.1.1.9 255.255.255.0',
      'no crypto map',
      'no shutdown',
    ]);
    expect(text).toBe(
      edited(
        ' ip address 10.1.1.1 255.255.255.0\n crypto map CMAP\n',
        ' ip address 10.1.1.9 255.255.255.0\n',
      ),
    );
  });

  it('keeps the fuller header when a block is reopened with its short form', () => {
    expect(apply(['crypto map CMAP 10', 'exit'])).toBe(RUNNING);
  });

  it('applies a line typed in interface mode that global mode also knows to the interface', () => {
    const text = apply(['interface FastEthernet0/0', 'crypto ipsec client ezvpn EZ']);
    expect(text).toContain(' crypto map CMAP\n crypto ipsec client ezvpn EZ\n');
    expect(parseIosConfig(text).config.interfaces[0]?.ezvpn).toEqual({
      name: 'EZ',
      role: 'outside',
    });
  });

  it('puts lines typed in a block that is not simulated into that block', () => {
    const text = apply([
      'interface Vlan1',
      'ip address 10.9.9.1 255.255.255.0',
      'exit',
      'line con 0',
      'logging synchronous',
    ]);
    expect(text).toContain(
      '!\ninterface Vlan1\n ip address 10.9.9.1 255.255.255.0\n!\nline con 0\n logging synchronous\nend\n',
    );
  });

  it('replaces a redefined transform set line and keeps its mode', () => {
    const transport = apply([
      'crypto ipsec transform-set TS esp-aes esp-sha-hmac',
      'mode transport',
    ]);
    const text = apply(['crypto ipsec transform-set TS esp-aes 256 esp-sha256-hmac'], transport);
    expect(text).toBe(
      edited(
        'crypto ipsec transform-set TS esp-aes esp-sha-hmac\n',
        'crypto ipsec transform-set TS esp-aes 256 esp-sha256-hmac\n mode transport\n',
      ),
    );
  });

  it('starts from an empty running config', () => {
    expect(
      apply(['hostname R2', 'interface Loopback0', 'ip address 2.2.2.2 255.255.255.255'], ''),
    ).toBe('hostname R2\n!\ninterface Loopback0\n ip address 2.2.2.2 255.255.255.255\n');
  });
});

describe('refused lines', () => {
  it('are left out and reported with the index of the typed line', () => {
    const { text, errors } = applyConfigLines(RUNNING, [
      'crypto map CMAP 10',
      'set peer 20.1.1',
      'set peer 30.1.1.3 default',
      'exit',
      'set peer 40.1.1.4',
      'crypto isakmp keepalive 5',
    ]);
    expect(text).toBe(RUNNING);
    expect(errors.map((e) => [e.line, e.text, e.message])).toEqual([
      [2, 'set peer 20.1.1', "'20.1.1' is not an IPv4 address"],
      [
        3,
        'set peer 30.1.1.3 default',
        "the default peer must be the entry's first peer, but 20.1.1.2 came before it",
      ],
      [
        5,
        'set peer 40.1.1.4',
        "'set peer' is not a global command: it belongs in a crypto map entry (crypto map NAME SEQ ipsec-isakmp) or a dynamic crypto map entry (crypto dynamic-map NAME SEQ)",
      ],
      [
        6,
        'crypto isakmp keepalive 5',
        '5 is out of range: keepalive interval in seconds must be 10-3600',
      ],
    ]);
  });

  it('leave the mode as it was, as IOS does after invalid input', () => {
    const { text, errors } = applyConfigLines(RUNNING, [
      'crypto map CMAP 10',
      'crypto isakmp keepalive 5',
      'set peer 30.1.1.3',
    ]);
    expect(errors.map((e) => e.line)).toEqual([2]);
    expect(text).toContain(' set peer 20.1.1.2\n set peer 30.1.1.3\n');
  });

  it('include a refused block opening line, and the lines typed in it', () => {
    const { text, errors } = applyConfigLines(RUNNING, [
      'crypto ipsec transform-set T2 esp-aes esp-foo',
      'mode transport',
    ]);
    expect(text).toBe(RUNNING);
    expect(errors.map((e) => e.line)).toEqual([1, 2]);
  });

  it('include deleting a physical interface and EXEC commands', () => {
    const { text, errors } = applyConfigLines(RUNNING, [
      'no interface FastEthernet0/0',
      'do show running-config',
    ]);
    expect(text).toBe(RUNNING);
    expect(errors.map((e) => e.message)).toEqual([
      'FastEthernet0/0 is a physical interface: IOS cannot delete it',
      "'do' runs an EXEC command: it is not a configuration line",
    ]);
  });

  it('do not depend on errors already in the running config', () => {
    const broken = `${RUNNING}crypto isakmp keepalive 5\n`;
    const { errors } = applyConfigLines(broken, ['hostname R2']);
    expect(errors).toEqual([]);
  });
});

describe('any session', () => {
  const typedLine = fc.constantFrom(
    'crypto map CMAP 10',
    'crypto map CMAP 20 ipsec-isakmp',
    'set peer 20.1.1.3',
    'set peer 20.1.1.4 default',
    'no set peer 20.1.1.2',
    'set security-association idle-time 600 default',
    'no crypto map CMAP 10',
    'interface Tu0',
    'interface fa0/0',
    'ip address 172.16.0.1 255.255.255.0',
    'no ip address',
    'tunnel source fa0/0',
    'shutdown',
    'no shutdown',
    'crypto isakmp keepalive 60 2 periodic',
    'no crypto isakmp keepalive',
    'crypto isakmp invalid-spi-recovery',
    'hostname R7',
    'access-list 101 permit ip any any',
    'no access-list 101',
    'set peer 1.2.3',
    'exit',
    'end',
    '!',
    'frobnicate now',
  );

  it('never throws and never leaves an error in the running config', () => {
    fc.assert(
      fc.property(fc.array(typedLine, { maxLength: 12 }), (lines) => {
        const { text } = applyConfigLines(RUNNING, lines);
        expect(parseIosConfig(text).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      }),
    );
  });
});
