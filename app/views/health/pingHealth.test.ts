import { beforeAll, describe, expect, it } from 'vitest';
import { outagesOf, type Ping } from '../../sim/derived/pingOutages';
import { loadPreset, seek } from '../../store/actions';
import { applyConsoleEffects } from '../../store/consoleActions';
import { INITIAL_STATE, useSimStore } from '../../store/simStore';
import { lasted } from './durations';
import { type FlowPings, flowPings, flowStatusAt, indexPings } from './pingHealth';

const ping = (seq: number, ok: boolean, rttMs = 40): Ping => ({
  seq,
  sentAtMs: seq * 1000,
  resultAtMs: seq * 1000 + (ok ? rttMs : 2000),
  ok,
});

function flowOf(pings: Ping[], endMs = 20_000): FlowPings {
  return flowPings({ flow: 'f', pings, outages: outagesOf(pings) }, 1000, endMs);
}

// Sent at 1…8 s: ok, ok, lost ×3, ok, lost (until the end). Results: ok +40 ms, lost +2 s.
const f = flowOf([
  ping(1, true),
  ping(2, true),
  ping(3, false),
  ping(4, false),
  ping(5, false),
  ping(6, true),
  ping(7, true),
  ping(8, false),
]);

describe('flowPings', () => {
  it('cuts the chart into stretches of one result, drawn when each result is known', () => {
    expect(f.segments).toEqual([
      { fromMs: 1040, toMs: 5000, ok: true },
      { fromMs: 5000, toMs: 6040, ok: false },
      { fromMs: 6040, toMs: 10_000, ok: true },
      { fromMs: 10_000, toMs: 11_000, ok: false },
    ]);
  });

  it('draws a loss that times out after its outage ended inside that outage', () => {
    // Ping 4 is lost (known at 6 s) but ping 5's reply came back at 5.04 s.
    const g = flowOf([
      ping(1, true),
      ping(2, false),
      ping(3, false),
      ping(4, false),
      ping(5, true),
    ]);
    expect(g.segments).toEqual([
      { fromMs: 1040, toMs: 4000, ok: true },
      { fromMs: 4000, toMs: 5040, ok: false },
      { fromMs: 5040, toMs: 6040, ok: true },
    ]);
  });

  it('ends a stretch where the traffic pauses', () => {
    const h = flowOf([ping(1, true), ping(2, true), ping(9, true)], 9500);
    expect(h.segments).toEqual([
      { fromMs: 1040, toMs: 3040, ok: true },
      { fromMs: 9040, toMs: 9500, ok: true },
    ]);
  });
});

describe('flowStatusAt', () => {
  const at = (t: number) => flowStatusAt(f, t);

  it('counts nothing before the first result', () => {
    expect(at(1039)).toEqual({ ok: 0, lost: 0, outage: null, lastOutage: null });
  });

  it('counts up to the cursor, inclusive', () => {
    expect(at(2040)).toMatchObject({ ok: 2, lost: 0, outage: null, lastOutage: null });
  });

  it('reports an outage in progress from its first lost ping’s send, with the pings lost so far', () => {
    expect(at(4999)).toMatchObject({ lost: 0, outage: null });
    expect(at(5000)).toMatchObject({ ok: 2, lost: 1, outage: { fromMs: 3000, lost: 1 } });
    expect(at(6039)).toMatchObject({ ok: 2, lost: 2, outage: { fromMs: 3000, lost: 2 } });
  });

  it('reports the last outage once a reply comes back, and its last loss when it is known', () => {
    expect(at(6040)).toEqual({
      ok: 3,
      lost: 2,
      outage: null,
      lastOutage: { fromMs: 3000, toMs: 6000, recoveredAtMs: 6040, lost: 2 },
    });
    expect(at(7000)).toMatchObject({ lost: 3, lastOutage: { lost: 3 } });
  });

  it('reports the newest outage, not an earlier one', () => {
    expect(at(60_000)).toMatchObject({ lost: 4, outage: { fromMs: 8000, lost: 1 } });
  });
});

describe('DPD configured from the console at 1:00 in the black hole', () => {
  let flow: FlowPings;
  beforeAll(() => {
    useSimStore.setState(INITIAL_STATE, true);
    loadPreset('reload-black-hole');
    seek(60_000);
    const router = useSimStore.getState().document?.nodes?.find((n) => n.id === 'R1');
    const running = router?.kind === 'router' ? router.config : '';
    applyConsoleEffects('R1', [{ kind: 'config', lines: ['crypto isakmp keepalive 10'] }], running);
    seek(900_000);
    const run = useSimStore.getState().run;
    if (!run) throw new Error('no run');
    const found = indexPings(run).find((pings) => pings.flow === 'lan1-to-lan2');
    if (!found) throw new Error('no flow');
    flow = found;
  });

  it('counts the black hole under way: pings sent from the reload on are lost', () => {
    expect(flowStatusAt(flow, 140_000).outage).toEqual({ fromMs: 120_000, lost: 19 });
  });

  it('reports the outage the class saw: 33 pings from the reload to the first reply', () => {
    // Ping results in the trace: lost from 122 s (sent at 120 s) to 154 s (sent at 152 s); the
    // ping sent at 153 s is answered at 153.04 s, before the one sent at 152 s times out.
    const last = flowStatusAt(flow, 300_000).lastOutage;
    expect(last).toEqual({ fromMs: 120_000, toMs: 153_000, recoveredAtMs: 153_040, lost: 33 });
    expect(lasted((last?.toMs ?? 0) - (last?.fromMs ?? 0))).toBe('33 s');
    // Not "under 1 s, 1 ping lost": no second outage starts at the late timeout.
    expect(flow.outages.filter((o) => o.fromMs >= 120_000)).toHaveLength(1);
    expect(flowStatusAt(flow, 153_500).lastOutage?.lost).toBe(32);
  });
});
