// `npm run bench`: wall time of the simulation core on the two scenarios issue #2 names.
// Reports numbers as JSON (median of 3 runs after one warm-up); asserts nothing.

import { parseScenario } from '../app/scenario/parseScenario';
import { dmvpnScenario, findPreset } from '../app/scenario/presets';
import type { LoadedScenario } from '../app/scenario/types';
import { simulate } from '../app/sim';

const DAY_MS = 24 * 3600 * 1000;
const HOUR_MS = 3600 * 1000;

function load(document: unknown): LoadedScenario {
  const result = parseScenario(document);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return result.loaded;
}

function measure(name: string, loaded: LoadedScenario) {
  simulate(loaded); // warm-up: JIT and module initialisation
  const timesMs: number[] = [];
  let records = 0;
  let pings = 0;
  let pingsOk = 0;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    const result = simulate(loaded);
    timesMs.push(performance.now() - t0);
    records = result.records.length;
    pings = result.records.filter((r) => r.kind === 'ping').length;
    pingsOk = result.records.filter((r) => r.kind === 'ping' && r.result === 'ok').length;
  }
  timesMs.sort((a, b) => a - b);
  return {
    name,
    virtualMs: loaded.scenario.durationMs,
    wallMsMedian: Math.round(timesMs[1] ?? 0),
    wallMsRuns: timesMs.map((t) => Math.round(t)),
    traceRecords: records,
    pings,
    pingsOk,
  };
}

const baseline = findPreset('baseline');
if (!baseline) throw new Error('preset "baseline" is missing');
const twoRouters = load({
  ...baseline.document,
  title: 'Two routers, 24 h, one ping a second',
  durationMs: DAY_MS,
  timeline: [],
});
const hub = load({ ...dmvpnScenario(50), durationMs: HOUR_MS });

const results = [
  measure('two-routers-24h-1pps', twoRouters),
  measure('dmvpn-hub-50-spokes-1h-periodic-dpd', hub),
];
console.log(JSON.stringify({ node: process.version, results }, null, 2));
