// The views' indexes grow with a run being computed (growingIndex): read at every slice of a run
// built in slices, they end equal to those of the same run built at once, and no index reads the
// whole trace again at each slice.

import { describe, expect, it } from 'vitest';
import { timelineMarkers } from '../controls/timelineMarkers';
import { parseScenario } from '../scenario/parseScenario';
import { findPreset } from '../scenario/presets';
import type { LoadedScenario } from '../scenario/types';
import { negotiatingPeers } from '../sim/derived/negotiations';
import { pingLogs } from '../sim/derived/pingOutages';
import { buildRun, type Run, RunBuilder } from '../sim/run';
import { indexInvalidSpi } from './health/invalidSpiIndex';
import { indexPings } from './health/pingHealth';
import { buildLogRows } from './log/logRows';
import { topologyIndex } from './topology/topologyIndex';

function load(id: string): LoadedScenario {
  const parsed = parseScenario(findPreset(id)?.document);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.loaded;
}

const ROUTERS = ['R1', 'R2'];

/** What the views index of a run, as plain data. */
function indexes(run: Run) {
  const topology = topologyIndex(run);
  return JSON.parse(
    JSON.stringify(
      {
        markers: timelineMarkers(run),
        pingLogs: pingLogs(run),
        pings: indexPings(run),
        invalidSpi: indexInvalidSpi(run.records, run.invalidSpiDropTimes, ROUTERS),
        logRows: buildLogRows(run.records, 'logs', new Set(['R1'])),
        bootTimes: topology.bootTimes,
        generations: topology.generations,
        hasHsrp: topology.hasHsrp,
        negotiating: ROUTERS.map((node) =>
          [0, 60_000, 120_000, run.durationMs].map((t) => [...negotiatingPeers(run, node, t)]),
        ),
      },
      (_key, value) =>
        value instanceof Map ? [...value] : value instanceof Int32Array ? [...value] : value,
    ),
  ) as unknown;
}

describe('the views’ indexes of a run computed in slices', () => {
  it.each(['reload-black-hole', 'reload-invalid-spi-recovery', 'hsrp-headend-failover'])(
    '%s: read at every slice, they end equal to those of the run built at once',
    (id) => {
      const loaded = load(id);
      const builder = new RunBuilder(loaded);
      let run = builder.extendTo(0);
      while (!builder.done) {
        indexes(run);
        run = builder.extendTo(run.computedUntilMs + 7_000);
      }
      expect(indexes(run)).toEqual(indexes(buildRun(loaded)));
    },
  );
});
