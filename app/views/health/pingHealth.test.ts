import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../sim/trace';
import { flowStatusAt, indexPings } from './pingHealth';

const ping = (atMs: number, ok: boolean, flow = 'f'): TraceRecord =>
  ok
    ? { atMs, kind: 'ping', flow, seq: atMs / 1000, result: 'ok', rttMs: 40 }
    : { atMs, kind: 'ping', flow, seq: atMs / 1000, result: 'lost' };

// f: ok at 1 s, 2 s; lost at 3, 4, 5 s; ok at 6 s; lost at 7 s (until the end).
const records: TraceRecord[] = [
  { atMs: 0, kind: 'syslog', node: 'R1', text: 'x' },
  ping(1000, true),
  ping(1500, true, 'g'),
  ping(2000, true),
  ping(3000, false),
  ping(4000, false),
  ping(5000, false),
  ping(6000, true),
  ping(7000, false),
];
const [f, g] = indexPings(records, [{ id: 'f', everyMs: 1000 }], 10_000);

describe('indexPings', () => {
  it('indexes each flow, the scenario flows first', () => {
    expect(f?.flow).toBe('f');
    expect(g?.flow).toBe('g');
    expect(f?.lossRuns).toEqual([
      { firstIndex: 2, lastIndex: 4, fromMs: 3000, recoveredAtMs: 6000 },
      { firstIndex: 6, lastIndex: 6, fromMs: 7000, recoveredAtMs: null },
    ]);
  });

  it('cuts the chart into stretches of one result', () => {
    expect(f?.segments).toEqual([
      { fromMs: 1000, toMs: 3000, ok: true },
      { fromMs: 3000, toMs: 6000, ok: false },
      { fromMs: 6000, toMs: 7000, ok: true },
      { fromMs: 7000, toMs: 8000, ok: false },
    ]);
  });

  it('ends a stretch where the traffic pauses', () => {
    const [h] = indexPings([ping(1000, true), ping(2000, true), ping(9000, true)], [], 9500);
    expect(h?.segments).toEqual([
      { fromMs: 1000, toMs: 3000, ok: true },
      { fromMs: 9000, toMs: 9500, ok: true },
    ]);
  });
});

describe('flowStatusAt', () => {
  const at = (t: number) => flowStatusAt(f as NonNullable<typeof f>, t);

  it('counts nothing before the first ping', () => {
    expect(at(999)).toEqual({ ok: 0, lost: 0, outage: null, lastOutage: null });
  });

  it('counts up to the cursor, inclusive', () => {
    expect(at(2000)).toMatchObject({ ok: 2, lost: 0, outage: null, lastOutage: null });
  });

  it('reports an outage in progress with the pings lost so far', () => {
    expect(at(3000)).toMatchObject({ ok: 2, lost: 1, outage: { fromMs: 3000, lost: 1 } });
    expect(at(5999)).toMatchObject({ ok: 2, lost: 3, outage: { fromMs: 3000, lost: 3 } });
  });

  it('reports the last outage once pings come back', () => {
    expect(at(6000)).toEqual({
      ok: 3,
      lost: 3,
      outage: null,
      lastOutage: { fromMs: 3000, recoveredAtMs: 6000, lost: 3 },
    });
  });

  it('reports the newest outage, not an earlier one', () => {
    expect(at(60_000)).toMatchObject({ lost: 4, outage: { fromMs: 7000, lost: 1 } });
  });
});
