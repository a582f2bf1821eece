// The two-router picture of the misconfiguration presets (and of manual-clear and esp-scanner): R1 and R2 each
// behind the ISP with a static crypto map toward the other, one ping flow from LAN 1 to LAN 2.
// Each preset changes only what it is about (a key, a policy, a transform set, a lifetime, the
// commands on its timeline).

import type { SourceId } from '../../sources/sources';
import { SCENARIO_FORMAT, SCENARIO_VERSION, type TimelineEntry, type TrafficFlow } from '../types';
import { presetTitle } from './catalog';
import { lanPrefix, R1, R2, type StaticMapOptions, staticMapRouter } from './configs';
import type { Preset } from './preset';
import { ispTopology, LEFT, ping, RIGHT } from './topology';

/** What differs in a router's static map configuration from the shared one. */
type Changes = Partial<Omit<StaticMapOptions, 'site' | 'peers'>>;

export interface StaticPairOptions {
  id: string;
  summary: string;
  teaches: string;
  sources: readonly SourceId[];
  seed: number;
  durationMs: number;
  r1?: Changes;
  r2?: Changes;
  /** The ping flow's echo size in bytes (default: the scenario default, 100). */
  pingSizeBytes?: number;
  /** The traffic instead of that ping flow (default: the ping flow from LAN 1 to LAN 2). */
  traffic?: readonly TrafficFlow[];
  /** What happens during the run (default: nothing). */
  timeline?: readonly TimelineEntry[];
  /** The teaching scenario of our IOS notes it reproduces (default: the failures' 8.9). */
  notesScenario?: string;
}

export function staticPairPreset(options: StaticPairOptions): Preset {
  const { id, summary, teaches, sources, seed, durationMs } = options;
  const title = presetTitle(id);
  const flow = ping('lan1-to-lan2', R1, R2);
  return {
    id,
    title,
    summary,
    teaches,
    notesScenario: options.notesScenario ?? '8.9',
    sources,
    cryptoStyle: 'static-map',
    document: {
      format: SCENARIO_FORMAT,
      version: SCENARIO_VERSION,
      title,
      description: summary,
      seed,
      durationMs,
      ...ispTopology([
        {
          id: 'R1',
          ...LEFT,
          config: staticMapRouter({
            site: R1,
            peers: [R2.wanIp],
            remote: lanPrefix(R2),
            ...options.r1,
          }),
        },
        {
          id: 'R2',
          ...RIGHT,
          config: staticMapRouter({
            site: R2,
            peers: [R1.wanIp],
            remote: lanPrefix(R1),
            ...options.r2,
          }),
        },
      ]),
      traffic: options.traffic
        ? [...options.traffic]
        : [
            options.pingSizeBytes === undefined
              ? flow
              : { ...flow, sizeBytes: options.pingSizeBytes },
          ],
      timeline: [...(options.timeline ?? [])],
    },
  };
}
