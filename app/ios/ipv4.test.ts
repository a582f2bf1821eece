import { describe, expect, it } from 'vitest';
import {
  formatIpv4,
  inSubnet,
  isValidMask,
  maskToPrefixLen,
  parseIpv4,
  wildcardMatch,
} from './ipv4';

const ip = (text: string): number => {
  const value = parseIpv4(text);
  if (value === null) throw new Error(`test address ${text} is invalid`);
  return value;
};

describe('parseIpv4 / formatIpv4', () => {
  it('reads dotted quads as unsigned 32-bit values', () => {
    expect(parseIpv4('0.0.0.0')).toBe(0);
    expect(parseIpv4('10.1.1.1')).toBe(0x0a010101);
    expect(parseIpv4('255.255.255.255')).toBe(0xffffffff);
  });

  it.each(['20.1.1', '1.2.3.4.5', '256.1.1.1', '1.2.3.-4', '1.2.3.x', '', '1..2.3', '1.2.3.1234'])(
    'refuses %j',
    (text) => {
      expect(parseIpv4(text)).toBeNull();
    },
  );

  it('formats values back, treating negative int32 results as unsigned', () => {
    expect(formatIpv4(0x0a010101)).toBe('10.1.1.1');
    expect(formatIpv4(0xffffffff)).toBe('255.255.255.255');
    expect(formatIpv4(~0)).toBe('255.255.255.255');
    expect(formatIpv4(ip('192.168.1.0') | 0)).toBe('192.168.1.0');
  });
});

describe('masks', () => {
  it.each([
    ['0.0.0.0', 0],
    ['128.0.0.0', 1],
    ['255.0.0.0', 8],
    ['255.255.255.0', 24],
    ['255.255.255.252', 30],
    ['255.255.255.255', 32],
  ])('%s is /%i', (mask, prefixLen) => {
    expect(maskToPrefixLen(ip(mask))).toBe(prefixLen);
    expect(isValidMask(ip(mask))).toBe(true);
  });

  it.each(['255.0.255.0', '0.0.0.255', '255.255.255.253'])('%s is not contiguous', (mask) => {
    expect(maskToPrefixLen(ip(mask))).toBeNull();
    expect(isValidMask(ip(mask))).toBe(false);
  });
});

describe('inSubnet', () => {
  it('compares the network bits only', () => {
    const lan = ip('192.168.1.0');
    const mask = ip('255.255.255.0');
    expect(inSubnet(ip('192.168.1.77'), lan, mask)).toBe(true);
    expect(inSubnet(ip('192.168.2.1'), lan, mask)).toBe(false);
    expect(inSubnet(ip('8.8.8.8'), 0, 0)).toBe(true);
    expect(inSubnet(ip('255.255.255.255'), ip('255.255.255.255'), ip('255.255.255.255'))).toBe(
      true,
    );
  });
});

describe('wildcardMatch', () => {
  it('matches the bits the wildcard does not mark as "don\'t care"', () => {
    const lan = ip('192.168.1.0');
    expect(wildcardMatch(ip('192.168.1.200'), lan, ip('0.0.0.255'))).toBe(true);
    expect(wildcardMatch(ip('192.168.2.200'), lan, ip('0.0.0.255'))).toBe(false);
  });

  it('treats any and host as IOS does', () => {
    expect(wildcardMatch(ip('1.2.3.4'), 0, ip('255.255.255.255'))).toBe(true);
    expect(wildcardMatch(ip('10.1.1.1'), ip('10.1.1.1'), 0)).toBe(true);
    expect(wildcardMatch(ip('10.1.1.2'), ip('10.1.1.1'), 0)).toBe(false);
  });

  it('accepts non-contiguous wildcards', () => {
    // 10.X.1.Y: the second and fourth octets are free.
    const wildcard = ip('0.255.0.255');
    expect(wildcardMatch(ip('10.77.1.9'), ip('10.0.1.0'), wildcard)).toBe(true);
    expect(wildcardMatch(ip('10.77.2.9'), ip('10.0.1.0'), wildcard)).toBe(false);
  });
});
