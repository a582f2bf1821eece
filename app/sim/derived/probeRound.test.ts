import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenario/parseScenario';
import { findPreset } from '../../scenario/presets';
import { frameAt } from '../frame';
import { buildRun } from '../run';
import { ikeSaToward } from './peers';
import { probeRound } from './probeRound';
import { ikeView } from './viewFixtures';

describe('probeRound', () => {
  it('is null unless the liveness machine is probing', () => {
    expect(probeRound(undefined)).toBeNull();
    expect(probeRound(ikeView({ dpdState: 'worried' }))).toBeNull();
    expect(probeRound(ikeView({ liveness: 'none', dpdState: 'probing' }))).toBeNull();
  });

  it('counts legacy keepalives sent of three', () => {
    const legacy = ikeView({ liveness: 'legacy-keepalive', dpdState: 'probing', dpdRetry: 2 });
    expect(probeRound(legacy)).toEqual({ kind: 'keepalive', sent: 3, max: 3 });
  });

  it('follows R1’s DPD round in the HSRP failover, retransmit by retransmit, as IOS logs it', () => {
    const parsed = parseScenario(findPreset('hsrp-headend-failover')?.document);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const run = buildRun(parsed.loaded);
    const at = (t: number) => {
      const r1 = frameAt(run, t).routers.find((view) => view.node === 'R1');
      return r1 && probeRound(ikeSaToward(r1, '20.1.1.10'));
    };
    // IOS: "ISAKMP:(1001):DPD/R_U_THERE retransmit k of 5 to 20.1.1.10" (debug crypto isakmp).
    const retransmits = run.records.flatMap((r) => {
      if (r.kind !== 'debug' || r.node !== 'R1') return [];
      const match = /DPD\/R_U_THERE retransmit (\d) of 5/.exec(r.text);
      return match ? [{ atMs: r.atMs, k: Number(match[1]) }] : [];
    });
    expect(retransmits.map((r) => r.k)).toEqual([1, 2, 3, 4, 5]);
    const first = retransmits[0]?.atMs ?? 0;
    expect(at(first - 1)).toEqual({ kind: 'dpd', retransmit: 0, maxRetransmits: 5 });
    for (const { atMs, k } of retransmits) {
      expect(at(atMs)).toEqual({ kind: 'dpd', retransmit: k, maxRetransmits: 5 });
    }
  });
});
