import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../sim/trace';
import { invalidSpiSummaries, pingSummaries } from './summarize';
import { filterTrace } from './traceFilter';

const ping = (atMs: number, seq: number, ok: boolean, flow = 'f'): TraceRecord =>
  ok
    ? { atMs, kind: 'ping', flow, seq, result: 'ok', rttMs: 40 }
    : { atMs, kind: 'ping', flow, seq, result: 'lost' };

describe('pingSummaries', () => {
  it('counts per flow and groups consecutive losses into outages', () => {
    const records = [
      ping(1000, 0, false),
      ping(2000, 1, true),
      ping(3000, 2, false),
      ping(4000, 3, false),
      ping(4500, 0, true, 'g'),
      ping(5000, 4, true),
    ];
    expect(pingSummaries(records)).toEqual([
      {
        flow: 'f',
        ok: 2,
        lost: 3,
        lossRuns: [
          { fromMs: 1000, toMs: 1000, count: 1 },
          { fromMs: 3000, toMs: 4000, count: 2 },
        ],
      },
      { flow: 'g', ok: 1, lost: 0, lossRuns: [] },
    ]);
  });
});

describe('invalidSpiSummaries', () => {
  it('counts RECVD_PKT_INV_SPI lines per router, with zero for quiet routers', () => {
    const text = '%CRYPTO-4-RECVD_PKT_INV_SPI: decaps: spi=0x1(1)';
    const records: TraceRecord[] = [
      { atMs: 0, kind: 'syslog', node: 'R2', text },
      { atMs: 1, kind: 'debug', node: 'R2', text },
      { atMs: 2, kind: 'syslog', node: 'R2', text: '%CRYPTO-5-SESSION_STATUS: up' },
    ];
    expect(invalidSpiSummaries(['R1', 'R2'], records, [])).toEqual([
      { node: 'R1', logs: 0, drops: 0 },
      { node: 'R2', logs: 1, drops: 0 },
    ]);
  });
});

describe('filterTrace', () => {
  const records: TraceRecord[] = [
    { atMs: 0, kind: 'syslog', node: 'R1', text: '%X-4-Y: a' },
    { atMs: 0, kind: 'debug', node: 'R2', text: 'b' },
    { atMs: 0, kind: 'fault', event: 'link-down', link: 'R2-ISP' },
    ping(0, 0, true),
  ];
  it('keeps events in every view and hides routers', () => {
    expect(filterTrace(records, 'logs', new Set()).map((r) => r.kind)).toEqual([
      'syslog',
      'debug',
      'fault',
    ]);
    expect(filterTrace(records, 'all', new Set(['R2'])).map((r) => r.kind)).toEqual([
      'syslog',
      'fault',
      'ping',
    ]);
    expect(filterTrace(records, 'packets', new Set()).map((r) => r.kind)).toEqual(['fault']);
  });
});
