import { describe, expect, it } from 'vitest';
import {
  canonicalInterfaceAt,
  isRemovableInterface,
  lookupInterfaceName,
  readInterfaceName,
} from './interfaceName';

describe('lookupInterfaceName', () => {
  it.each([
    ['fa0/0', 'FastEthernet0/0'],
    ['Fa0/0', 'FastEthernet0/0'],
    ['FastEthernet0/1', 'FastEthernet0/1'],
    ['gi0/1', 'GigabitEthernet0/1'],
    ['Gi0/1', 'GigabitEthernet0/1'],
    ['e0/0', 'Ethernet0/0'],
    ['eth1/0', 'Ethernet1/0'],
    ['Tu0', 'Tunnel0'],
    ['tunnel10', 'Tunnel10'],
    ['s0/0/0', 'Serial0/0/0'],
    ['lo0', 'Loopback0'],
    ['Null0', 'Null0'],
    ['fa0/0.10', 'FastEthernet0/0.10'],
  ])('%s is %s', (text, name) => {
    expect(lookupInterfaceName(text)).toEqual({ kind: 'name', name });
  });

  it('reports types it does not simulate, and malformed numbers', () => {
    expect(lookupInterfaceName('Vlan1')).toEqual({ kind: 'unknown-type', type: 'Vlan' });
    expect(lookupInterfaceName('0/0')).toEqual({ kind: 'unknown-type', type: '0/0' });
    expect(lookupInterfaceName('Tunnel')).toEqual({ kind: 'bad-number', type: 'Tunnel' });
    expect(lookupInterfaceName('fa0/x')).toEqual({ kind: 'bad-number', type: 'FastEthernet' });
  });
});

describe('readInterfaceName', () => {
  it('accepts the type and number as one word or two', () => {
    expect(readInterfaceName(['tunnel', '0', 'x'], 0)).toEqual({
      lookup: { kind: 'name', name: 'Tunnel0' },
      wordCount: 2,
    });
    expect(readInterfaceName(['Tu0', '20.1.1.1'], 0)?.wordCount).toBe(1);
    expect(readInterfaceName([], 0)).toBeNull();
  });

  it('canonicalizes a name in place', () => {
    expect(canonicalInterfaceAt(['10.0.0.0', '255.0.0.0', 'tu', '0'], 2)).toEqual([
      '10.0.0.0',
      '255.0.0.0',
      'Tunnel0',
    ]);
    expect(canonicalInterfaceAt(['20.1.1.1'], 0)).toEqual(['20.1.1.1']);
  });
});

describe('isRemovableInterface', () => {
  it('allows deleting virtual interfaces and subinterfaces only', () => {
    expect(isRemovableInterface('Tunnel0')).toBe(true);
    expect(isRemovableInterface('Loopback1')).toBe(true);
    expect(isRemovableInterface('FastEthernet0/0.10')).toBe(true);
    expect(isRemovableInterface('FastEthernet0/0')).toBe(false);
  });
});
