import { describe, expect, it } from 'vitest';
import { simulate } from '../sim';
import { baseDocument, loadDocument } from '../sim/testScenarios';
import { dmvpnScenario, PRESETS } from './presets';
import type { ScenarioDocument } from './schema';
import { estimateWork, STUDIO_TRACE_RECORDS_MAX, workLimitError } from './workEstimate';

const HOUR_MS = 3_600_000;

/** A preset's document, as a copy to change. */
function preset(id: string): ScenarioDocument {
  return structuredClone(baseDocument(id));
}

/** The baseline preset for an hour, without its timeline, each config with `extra` appended. */
function baselineHour(extra = '', change: Partial<ScenarioDocument> = {}): ScenarioDocument {
  const document = preset('baseline');
  const nodes = document.nodes.map((node) =>
    node.kind === 'router' ? { ...node, config: `${node.config}\n${extra}\n` } : node,
  );
  return { ...document, nodes, durationMs: HOUR_MS, timeline: [], ...change };
}

/** Scenarios where each part of the estimate dominates. */
const HEAVY: ReadonlyArray<[string, ScenarioDocument]> = [
  [
    'pings every 10 ms',
    baselineHour('', {
      durationMs: 600_000,
      traffic: [
        {
          ...(preset('baseline').traffic?.[0] as NonNullable<ScenarioDocument['traffic']>[number]),
          everyMs: 10,
        },
      ],
    }),
  ],
  [
    'periodic DPD, 10 spokes, no traffic',
    { ...dmvpnScenario(10), durationMs: HOUR_MS, traffic: [], timeline: [] },
  ],
  [
    'periodic DPD set by the timeline',
    baselineHour('', {
      timeline: [
        {
          atMs: 1000,
          action: 'config',
          node: 'R1',
          lines: ['crypto isakmp keepalive 10 2 periodic'],
        },
      ],
    }),
  ],
  ['HSRP hellos', { ...preset('hsrp-headend-failover'), durationMs: HOUR_MS }],
  ['legacy keepalives', { ...preset('legacy-keepalive'), durationMs: HOUR_MS }],
  [
    'IPsec rekeys every 2 min',
    baselineHour('crypto ipsec security-association lifetime seconds 120'),
  ],
  [
    'an idle time shorter than the ping interval',
    baselineHour('crypto ipsec security-association idle-time 60', {
      traffic: [
        {
          ...(preset('baseline').traffic?.[0] as NonNullable<ScenarioDocument['traffic']>[number]),
          everyMs: 61_000,
        },
      ],
    }),
  ],
];

describe('estimateWork', () => {
  it.each([...PRESETS.map((p): [string, ScenarioDocument] => [p.id, p.document]), ...HEAVY])(
    'is at least the real trace of %s, and at most twice it',
    // dmvpn-scale simulates 179,000 records: seconds on a busy machine.
    { timeout: 60_000 },
    (name, document) => {
      const loaded = loadDocument(document);
      const real = simulate(loaded).records.length;
      const estimated = estimateWork(loaded).records;
      expect(estimated).toBeGreaterThanOrEqual(real);
      // incomplete-map's and map-not-applied's pings leave in the clear and die at the ISP (3
      // records each), where the estimate counts a tunnel's ESP both ways: an upper bound, only
      // looser.
      const inClear = name === 'incomplete-map' || name === 'map-not-applied';
      expect(estimated).toBeLessThanOrEqual((inClear ? 3 : 2) * real);
    },
  );

  it('counts only up to an end it is given', () => {
    const loaded = loadDocument(baselineHour());
    expect(estimateWork(loaded, HOUR_MS / 4).parts.pings).toBeLessThan(
      estimateWork(loaded).parts.pings / 3,
    );
  });

  it('leaves every preset within the studio limit', () => {
    for (const { id, document } of PRESETS)
      expect(workLimitError(loadDocument(document), STUDIO_TRACE_RECORDS_MAX), id).toBeNull();
  });
});

describe('workLimitError', () => {
  it('says how big a week of pings every 10 ms is and what to shorten', () => {
    const document = preset('baseline');
    const week = {
      ...document,
      durationMs: 7 * 24 * HOUR_MS,
      traffic: document.traffic?.map((flow) => ({ ...flow, everyMs: 10 })),
    };
    expect(workLimitError(loadDocument(week), 20_000_000)).toEqual({
      path: '(document)',
      message:
        'would make about 363 million trace records; the limit is 20 million: shorten the duration (7 d), or ping less often (flow lan1-to-lan2 every 10 ms)',
    });
  });

  it('names the fastest periodic DPD when probes are most of the work', () => {
    const hub = { ...dmvpnScenario(50), durationMs: 7 * 24 * HOUR_MS, traffic: [], timeline: [] };
    expect(workLimitError(loadDocument(hub), 1_000_000)?.message).toBe(
      "would make about 36.8 million trace records; the limit is 1 million: shorten the duration (7 d), or probe peers less often (SPOKE1's periodic keepalive every 10 s)",
    );
  });
});
