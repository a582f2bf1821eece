import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../sim/trace';
import { indexInvalidSpi, invalidSpiAt } from './invalidSpiIndex';

const text = "%CRYPTO-4-RECVD_PKT_INV_SPI: decaps: rec'd IPSEC packet has invalid spi";
const drop = (atMs: number, reason: string): TraceRecord => ({
  atMs,
  kind: 'packet',
  event: 'dropped',
  packetId: atMs,
  src: '10.1.1.1',
  dst: '20.1.1.2',
  proto: 'esp',
  node: 'R2',
  reason,
});

const records: TraceRecord[] = [
  drop(1000, 'R2 is reloading'),
  drop(2000, 'invalid SPI 0x7FCBADA1: no inbound SA'),
  { atMs: 2000, kind: 'syslog', node: 'R2', text },
  { atMs: 2000, kind: 'debug', node: 'R2', text },
  drop(3000, 'invalid SPI 0x7FCBADA1: no inbound SA'),
  { atMs: 62_000, kind: 'syslog', node: 'R2', text },
  { atMs: 63_000, kind: 'syslog', node: 'R1', text: '%CRYPTO-5-SESSION_STATUS: up' },
];

describe('invalid SPI counts', () => {
  const [r2, ...others] = indexInvalidSpi(records, ['R1', 'R2']);

  it('lists only the routers that log or drop for an invalid SPI', () => {
    expect(r2?.node).toBe('R2');
    expect(others).toEqual([]);
  });

  it('counts syslogs (not debug) and invalid-SPI drops (not others) up to t', () => {
    const times = r2 as NonNullable<typeof r2>;
    expect(invalidSpiAt(times, 1999)).toEqual({ logs: 0, drops: 0 });
    expect(invalidSpiAt(times, 2000)).toEqual({ logs: 1, drops: 1 });
    expect(invalidSpiAt(times, 61_999)).toEqual({ logs: 1, drops: 2 });
    expect(invalidSpiAt(times, 62_000)).toEqual({ logs: 2, drops: 2 });
  });
});
