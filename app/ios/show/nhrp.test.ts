import { describe, expect, it } from 'vitest';
import type { NhrpEntryView, RouterView } from '../../sim/snapshot';
import { showIpNhrp } from './nhrp';

function router(nhrp: NhrpEntryView[]): RouterView {
  return {
    node: 'HUB',
    hostname: 'HUB',
    power: 'up',
    addresses: [],
    ike: [],
    ipsec: [],
    nhrp,
    invalidSpiDrops: 0,
  };
}

const spoke: NhrpEntryView = {
  tunnelIp: '172.16.0.2',
  mask: '255.255.255.255',
  interfaceName: 'Tunnel0',
  nbma: '10.1.1.1',
  type: 'dynamic',
  createdSec: 612,
  expiresInSec: 6587,
  createdAtMs: 0,
  expiresAtMs: 7_199_000,
};

describe('showIpNhrp', () => {
  it('prints a registered spoke in the 12.4 layout, flags as a 12.4 hub capture prints them', () => {
    expect(showIpNhrp(router([spoke]))).toBe(
      [
        '172.16.0.2/32 via 172.16.0.2, Tunnel0 created 00:10:12, expire 01:49:47',
        // Quoted from a 12.4 hub: `Type: dynamic, Flags: authoritative unique registered`.
        '  Type: dynamic, Flags: authoritative unique registered',
        '  NBMA address: 10.1.1.1',
        '',
      ].join('\n'),
    );
  });

  it('prints static mappings as never expiring, sorted by address', () => {
    const hub: NhrpEntryView = {
      tunnelIp: '172.16.0.1',
      mask: '255.255.255.255',
      interfaceName: 'Tunnel0',
      nbma: '30.1.1.3',
      type: 'static',
      createdSec: 93600,
      expiresInSec: null,
      createdAtMs: 0,
      expiresAtMs: null,
    };
    const lines = showIpNhrp(router([{ ...spoke, tunnelIp: '172.16.0.10' }, hub])).split('\n');
    expect(lines.slice(0, 3)).toEqual([
      '172.16.0.1/32 via 172.16.0.1, Tunnel0 created 1d02h, never expire',
      // Quoted from a 12.4 spoke: `Type: static, Flags: authoritative used`.
      '  Type: static, Flags: authoritative used',
      '  NBMA address: 30.1.1.3',
    ]);
    expect(lines[3]).toBe(
      '172.16.0.10/32 via 172.16.0.10, Tunnel0 created 00:10:12, expire 01:49:47',
    );
  });

  it('derives the prefix length from the mask', () => {
    expect(showIpNhrp(router([{ ...spoke, mask: '255.255.255.0' }]))).toMatch(
      /^172\.16\.0\.2\/24 via/,
    );
  });

  it('prints nothing for an empty cache', () => {
    expect(showIpNhrp(router([]))).toBe('');
  });
});
