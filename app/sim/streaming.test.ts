import { describe, expect, it } from 'vitest';
import type { ScenarioDocument } from '../scenario/schema';
import { STREAM_SLICE_MS, simulate, simulateStreaming } from './simulate';
import { baseDocument, loadDocument } from './testScenarios';
import type { TraceRecord } from './trace';

/** A preset's document, as a copy to change. */
function preset(id: string): ScenarioDocument {
  return structuredClone(baseDocument(id));
}

describe('simulateStreaming', () => {
  it.each(['reload-black-hole', 'dmvpn-hub-reload', 'hsrp-headend-failover', 'rekey-race'])(
    'hands over %s trace, byte for byte, and the same end tables',
    (id) => {
      const loaded = loadDocument(preset(id));
      const slices: TraceRecord[][] = [];
      const streamed = simulateStreaming(loaded, { untilMs: 250_000 }, (records) =>
        slices.push(records),
      );
      const whole = simulate(loaded, { untilMs: 250_000 });
      expect(JSON.stringify(slices.flat())).toBe(JSON.stringify(whole.records));
      expect(streamed.endMs).toBe(whole.endMs);
      expect(JSON.stringify(streamed.views)).toBe(JSON.stringify(whole.views));
    },
  );

  it('hands over one slice of virtual time at a time, in order', () => {
    const document = { ...preset('baseline'), durationMs: 600_000 };
    const slices: TraceRecord[][] = [];
    simulateStreaming(loadDocument(document), {}, (records) => slices.push(records));
    expect(slices.length).toBeGreaterThanOrEqual(600_000 / STREAM_SLICE_MS);
    let lastAtMs = 0;
    for (const records of slices) {
      const first = records[0]?.atMs ?? 0;
      const last = records.at(-1)?.atMs ?? 0;
      expect(first).toBeGreaterThanOrEqual(lastAtMs);
      expect(last - first).toBeLessThan(STREAM_SLICE_MS);
      lastAtMs = last;
    }
  });
});
