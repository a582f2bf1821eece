import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../sim/trace';
import { buildLogRows, cursorRows, type LogRows, rowOfRecord } from './logRows';

const records: TraceRecord[] = [
  { atMs: 0, kind: 'syslog', node: 'R1', text: '%X-4-Y: a' },
  { atMs: 0, kind: 'debug', node: 'R2', text: 'b' },
  { atMs: 10, kind: 'fault', event: 'link-down', link: 'R2-ISP' },
  { atMs: 10, kind: 'ping', flow: 'f', seq: 0, result: 'ok', rttMs: 40 },
  { atMs: 20, kind: 'debug', node: 'R1', text: 'c' },
  { atMs: 20, kind: 'syslog', node: 'R2', text: '%X-5-Z: d' },
  {
    atMs: 30,
    kind: 'packet',
    event: 'sent',
    packetId: 1,
    src: '10.1.1.1',
    dst: '20.1.1.2',
    proto: 'esp',
    node: 'R1',
  },
];

const kinds = (rows: LogRows) => [...rows.recordIndex].map((i) => records[i]?.kind);

describe('buildLogRows', () => {
  it('keeps the chosen kinds, and faults as landmarks in every view', () => {
    const none = new Set<string>();
    expect(kinds(buildLogRows(records, 'logs', none))).toEqual([
      'syslog',
      'debug',
      'fault',
      'debug',
      'syslog',
    ]);
    expect(kinds(buildLogRows(records, 'syslog', none))).toEqual(['syslog', 'fault', 'syslog']);
    expect(kinds(buildLogRows(records, 'debug', none))).toEqual(['debug', 'fault', 'debug']);
    expect(kinds(buildLogRows(records, 'packets', none))).toEqual(['fault', 'packet']);
    expect(buildLogRows(records, 'all', none).recordIndex).toHaveLength(records.length);
  });

  it('hides the lines of hidden routers, never the records without a router', () => {
    const rows = buildLogRows(records, 'all', new Set(['R2']));
    expect([...rows.recordIndex]).toEqual([0, 2, 3, 4, 6]);
    expect(rows.atMs).toEqual([0, 10, 10, 20, 30]);
  });
});

describe('cursorRows', () => {
  const rows = buildLogRows(records, 'logs', new Set());
  // rows at 0, 0, 10, 20, 20

  it('has nothing before the first line', () => {
    expect(cursorRows(rows, -1)).toEqual({ count: 0, first: -1, last: -1 });
  });

  it('counts the lines at or before t and finds those at the latest moment', () => {
    expect(cursorRows(rows, 0)).toEqual({ count: 2, first: 0, last: 1 });
    expect(cursorRows(rows, 9)).toEqual({ count: 2, first: 0, last: 1 });
    expect(cursorRows(rows, 10)).toEqual({ count: 3, first: 2, last: 2 });
    expect(cursorRows(rows, 1e9)).toEqual({ count: 5, first: 3, last: 4 });
  });

  it('works on an empty log', () => {
    expect(cursorRows(buildLogRows([], 'all', new Set()), 5)).toEqual({
      count: 0,
      first: -1,
      last: -1,
    });
  });
});

describe('rowOfRecord', () => {
  const rows = buildLogRows(records, 'logs', new Set()); // records 0, 1, 2, 4, 5
  it('finds the row of a record within a range of rows', () => {
    expect(rowOfRecord(rows, 4, 0, 4)).toBe(3);
    expect(rowOfRecord(rows, 5, 3, 4)).toBe(4);
  });
  it('is -1 for a record outside the range or not shown', () => {
    expect(rowOfRecord(rows, 4, 0, 2)).toBe(-1);
    expect(rowOfRecord(rows, 3, 0, 4)).toBe(-1);
    expect(rowOfRecord(rows, 0, 1, 4)).toBe(-1);
  });
});
