import { useMemo } from 'react';
import { pingFlows } from '../../scenario/flows';
import type { Run } from '../../sim/run';
import { indexInvalidSpi } from './invalidSpiIndex';
import { indexPings } from './pingHealth';

/** What the health views show of a run, indexed once per run: pings per flow, invalid SPIs. */
export function useHealthIndex(run: Run | null) {
  return useMemo(() => {
    if (!run) return null;
    const { scenario } = run.loaded;
    const routers = scenario.nodes.filter((n) => n.kind === 'router').map((n) => n.id);
    return {
      flows: indexPings(run),
      routes: new Map(pingFlows(scenario.traffic).map((f) => [f.id, `${f.src} → ${f.dst}`])),
      invalidSpi: indexInvalidSpi(run.records, run.invalidSpiDropTimes, routers),
    };
  }, [run]);
}
