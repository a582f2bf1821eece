import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenario/parseScenario';
import { findPreset } from '../../scenario/presets';
import type { ScenarioDocument } from '../../scenario/schema';
import { buildRun } from '../run';
import type { PingRecord } from '../trace';
import { outagesOf, type Ping, pingLogs } from './pingOutages';

const sent = (seq: number, ok: boolean, rttMs = 40): Ping => ({
  seq,
  sentAtMs: seq * 1000,
  resultAtMs: seq * 1000 + (ok ? rttMs : 2000),
  ok,
});

describe('outagesOf', () => {
  it('runs from the first lost ping to the first answered after it, in send order', () => {
    const pings = [sent(1, true), sent(2, false), sent(3, false), sent(4, true), sent(5, false)];
    expect(outagesOf(pings)).toEqual([
      {
        firstIndex: 1,
        lastIndex: 2,
        fromMs: 2000,
        toMs: 4000,
        seenAtMs: 4000,
        recoveredAtMs: 4040,
        lostAtMs: [4000, 5000],
      },
      {
        firstIndex: 4,
        lastIndex: 4,
        fromMs: 5000,
        toMs: null,
        seenAtMs: 7000,
        recoveredAtMs: null,
        lostAtMs: [7000],
      },
    ]);
  });

  it('keeps one outage when a reply comes back before the last lost ping times out', () => {
    // Ping 3 is lost (known at 5 s); ping 4 is answered at 4.04 s, before that timeout.
    const outages = outagesOf([sent(1, true), sent(2, false), sent(3, false), sent(4, true)]);
    expect(outages).toHaveLength(1);
    expect(outages[0]).toMatchObject({ fromMs: 2000, toMs: 4000, recoveredAtMs: 4040 });
    expect(outages[0]?.lostAtMs).toEqual([4000, 5000]);
  });
});

/** The black hole with `crypto isakmp keepalive 10` typed on R1 at 1:00 (a config event). */
function blackHoleWithDpdAt60s(): ScenarioDocument {
  const document = structuredClone(findPreset('reload-black-hole')?.document) as ScenarioDocument;
  document.timeline = [
    ...(document.timeline ?? []),
    { atMs: 60_000, action: 'config', node: 'R1', lines: ['crypto isakmp keepalive 10'] },
  ];
  return document;
}

describe('pingLogs on a run', () => {
  it('measures the black hole that DPD ends as one outage, as the trace has it', () => {
    const parsed = parseScenario(blackHoleWithDpdAt60s());
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const run = buildRun(parsed.loaded);
    const [log] = pingLogs(run);
    // From the trace: the pings sent from the reload on are lost until R1's DPD has declared
    // R2 dead and IKE has come up again; the first reply after them closes the outage.
    const records = run.records.filter(
      (r): r is PingRecord => r.kind === 'ping' && r.flow === 'lan1-to-lan2',
    );
    const lostAfterReload = records.filter((r) => r.result === 'lost' && r.atMs > 120_000);
    const firstLostSeq = Math.min(...lostAfterReload.map((r) => r.seq));
    const lastLostSeq = Math.max(...lostAfterReload.map((r) => r.seq));
    const recovery = records.find((r) => r.result === 'ok' && r.seq === lastLostSeq + 1);
    expect(lostAfterReload).toHaveLength(lastLostSeq - firstLostSeq + 1);
    expect(recovery).toMatchObject({ atMs: 153_040, rttMs: 40 });
    // The reply to the recovering ping came back before the last lost ping timed out.
    expect(lostAfterReload.at(-1)?.atMs).toBe(154_000);

    const outage = log?.outages.at(-1);
    expect(log?.outages).toHaveLength(2); // the bring-up's first echo, then the black hole
    expect(outage).toMatchObject({
      fromMs: 120_000,
      toMs: 153_000,
      seenAtMs: 122_000,
      recoveredAtMs: 153_040,
    });
    expect(outage?.lostAtMs).toHaveLength(33);
    expect(outage?.lostAtMs).toHaveLength(lostAfterReload.length);
  });
});
