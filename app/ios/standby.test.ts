// HSRP (`standby …`) and `crypto map NAME redundancy GROUP-NAME` on an interface: parsing,
// malformed forms, and `no` forms through configure-terminal line edits.

import { describe, expect, it } from 'vitest';
import { applyConfigLines } from './applyConfigLines';
import { parseIosConfig } from './parseConfig';

const HEADEND = `hostname HE1
interface FastEthernet0/0
 ip address 20.1.1.2 255.255.255.0
 standby 1 ip 20.1.1.10
 standby 1 priority 110
 standby 1 preempt
 standby 1 name VPN-HA
 standby 1 timers 1 4
 crypto map CMAP redundancy VPN-HA
`;

function wan(text: string) {
  const parsed = parseIosConfig(text);
  return { iface: parsed.config.interfaces[0], diagnostics: parsed.diagnostics };
}

/** The diagnostics of one interface line after `ip address 20.1.1.2/24`. */
function diagnosticsOf(line: string) {
  return wan(`interface FastEthernet0/0\n ip address 20.1.1.2 255.255.255.0\n ${line}\n`)
    .diagnostics;
}

describe('standby (HSRP) on an interface', () => {
  it('reads a group: virtual IP, priority, preempt, name, timers, and the redundancy crypto map', () => {
    const { iface, diagnostics } = wan(HEADEND);
    expect(diagnostics).toEqual([]);
    expect(iface?.standby).toEqual([
      {
        group: 1,
        vip: '20.1.1.10',
        priority: 110,
        preempt: true,
        name: 'VPN-HA',
        helloSec: 1,
        holdSec: 4,
      },
    ]);
    expect(iface?.cryptoMap).toBe('CMAP');
    expect(iface?.cryptoMapRedundancy).toBe('VPN-HA');
  });

  it('defaults: priority 100, hello 3 s, hold 10 s, no preempt; a missing group number is group 0', () => {
    const { iface } = wan(
      'interface FastEthernet0/0\n ip address 20.1.1.2 255.255.255.0\n standby ip 20.1.1.10\n',
    );
    expect(iface?.standby).toEqual([
      {
        group: 0,
        vip: '20.1.1.10',
        priority: 100,
        preempt: false,
        name: null,
        helloSec: 3,
        holdSec: 10,
      },
    ]);
    expect(iface?.cryptoMapRedundancy).toBeNull();
  });

  it('keeps several groups apart', () => {
    const { iface } = wan(`interface FastEthernet0/0
 ip address 20.1.1.2 255.255.255.0
 standby 1 ip 20.1.1.10
 standby 2 ip 20.1.1.20
 standby 2 priority 90
`);
    expect(iface?.standby.map((g) => [g.group, g.vip, g.priority])).toEqual([
      [1, '20.1.1.10', 100],
      [2, '20.1.1.20', 90],
    ]);
  });

  it.each([
    ['standby 1 ip 30.1.1.10', /not in FastEthernet0\/0's subnet/],
    ['standby 1 ip 20.1.1.2', /own address/],
    ['standby 1 ip', /virtual IP address/],
    ['standby 1 ip 20.1.1.300', /./],
    ['standby 1 priority 256', /HSRP priority/],
    ['standby 1 priority high', /HSRP priority/],
    ['standby 256 ip 20.1.1.10', /HSRP group number/],
    ['standby 1 timers 3', /hold time/],
    ['standby 1 timers 5 5', /must be greater than hello time/],
    ['standby 1 timers 0 10', /hello time/],
    ['standby 1 name', /group name/],
    ['standby 1 name A B', /unexpected 'B'/],
    ['standby 1 bogus 3', /HSRP setting/],
    ['crypto map CMAP redundancy', /HSRP group name/],
    ['crypto map CMAP redundancy HA extra', /unexpected 'extra'/],
  ])('refuses `%s`', (line, message) => {
    const errors = diagnosticsOf(line).filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(message);
  });

  it.each([
    ['standby 1 authentication md5 key-string x', "'standby authentication' is not simulated"],
    ['standby 1 track 1 decrement 20', "'standby track' is not simulated"],
    ['standby version 2', "'standby version' is not simulated"],
    ['standby 1 timers msec 200 msec 750', "'standby timers msec' is not simulated"],
    ['standby 1 preempt delay minimum 30', 'preempts at once'],
    ['crypto map CMAP redundancy HA stateful', 'stateful IPsec HA is not simulated'],
  ])('keeps `%s` as not simulated', (line, message) => {
    const diagnostics = diagnosticsOf(line);
    expect(diagnostics.map((d) => d.severity)).toEqual(['unsupported']);
    expect(diagnostics[0]?.message).toContain(message);
  });
});

describe('standby and crypto map redundancy typed in configure terminal', () => {
  const configure = (lines: string[], running = HEADEND) => {
    const { text, errors } = applyConfigLines(running, lines);
    expect(errors).toEqual([]);
    return { text, iface: wan(text).iface };
  };

  it('a new priority replaces the old line', () => {
    const { text, iface } = configure(['interface FastEthernet0/0', 'standby 1 priority 90']);
    expect(text).toContain(' standby 1 priority 90\n');
    expect(text).not.toContain('priority 110');
    expect(iface?.standby[0]?.priority).toBe(90);
  });

  it('no forms restore each default', () => {
    const { text, iface } = configure([
      'interface FastEthernet0/0',
      'no standby 1 priority 110',
      'no standby 1 preempt',
      'no standby 1 timers',
      'no standby 1 name',
    ]);
    expect(text).not.toMatch(/priority|preempt|timers|name VPN-HA\n/);
    expect(iface?.standby[0]).toMatchObject({
      priority: 100,
      preempt: false,
      helloSec: 3,
      holdSec: 10,
      name: null,
    });
  });

  it('no standby 1 ip leaves the group without a virtual IP', () => {
    const { iface } = configure(['interface FastEthernet0/0', 'no standby 1 ip']);
    expect(iface?.standby[0]?.vip).toBeNull();
  });

  it('crypto map CMAP (without redundancy) replaces the redundancy line; no crypto map clears both', () => {
    const plain = configure(['interface FastEthernet0/0', 'crypto map CMAP']);
    expect(plain.text).not.toContain('redundancy');
    expect(plain.iface?.cryptoMapRedundancy).toBeNull();
    const none = configure(['interface FastEthernet0/0', 'no crypto map']);
    expect(none.iface?.cryptoMap).toBeNull();
    expect(none.iface?.cryptoMapRedundancy).toBeNull();
  });

  it('no standby 1 removes every line of group 1 and the group, and leaves group 2', () => {
    const running = HEADEND.replace(' crypto map', ' standby 2 ip 20.1.1.20\n crypto map');
    const { text, iface } = configure(['interface FastEthernet0/0', 'no standby 1'], running);
    expect(text).not.toContain('standby 1');
    expect(iface?.standby.map((g) => g.group)).toEqual([2]);
    // Read from a config text, the no line does the same.
    const read = wan(`${running} no standby 1\n`).iface;
    expect(read?.standby.map((g) => g.group)).toEqual([2]);
  });
});
