import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../sim/trace';
import { indexInvalidSpi, invalidSpiAt } from './invalidSpiIndex';

const text = "%CRYPTO-4-RECVD_PKT_INV_SPI: decaps: rec'd IPSEC packet has invalid spi";
const records: TraceRecord[] = [
  { atMs: 2000, kind: 'syslog', node: 'R2', text },
  { atMs: 2000, kind: 'debug', node: 'R2', text },
  { atMs: 62_000, kind: 'syslog', node: 'R2', text },
  { atMs: 63_000, kind: 'syslog', node: 'R1', text: '%CRYPTO-5-SESSION_STATUS: up' },
];
/** As Run.invalidSpiDropTimes has them: ESP drops for an unknown SPI, per router. */
const dropTimes = new Map([['R2', [2000, 3000]]]);

describe('invalid SPI counts', () => {
  const [r2, ...others] = indexInvalidSpi(records, dropTimes, ['R1', 'R2']);

  it('lists only the routers that log or drop for an invalid SPI', () => {
    expect(r2?.node).toBe('R2');
    expect(others).toEqual([]);
  });

  it('counts syslogs (not debug) and invalid-SPI drops up to t', () => {
    const times = r2 as NonNullable<typeof r2>;
    expect(invalidSpiAt(times, 1999)).toEqual({ logs: 0, drops: 0 });
    expect(invalidSpiAt(times, 2000)).toEqual({ logs: 1, drops: 1 });
    expect(invalidSpiAt(times, 61_999)).toEqual({ logs: 1, drops: 2 });
    expect(invalidSpiAt(times, 62_000)).toEqual({ logs: 2, drops: 2 });
  });
});
