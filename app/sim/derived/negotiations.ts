// Which peers a router is running quick mode with at time t. The frame's SA tables only list
// installed SAs, so "negotiating" comes from the run's `state` records of the IPsec machines:
// an SA pair whose latest state at t is `negotiating`, counted since the router's last reload
// (a reload ends every negotiation without a record). Pure; one index per trace, grown with it.

import { growingIndex } from '../growingIndex';
import { countAtOrBefore, type Run } from '../run';
import type { StateRecord, TraceRecord } from '../trace';

interface NodeIndex {
  /** When the router lost its state (reload), in time order. */
  resetsAtMs: number[];
  /** Its IPsec machine transitions, in time order, and their times. */
  ipsec: StateRecord[];
  ipsecAtMs: number[];
  /** The last answer, for the records up to t it was computed from (see negotiatingPeers). */
  last: { resets: number; transitions: number; peers: Set<string> } | null;
}

/** Per router: kept per trace array and grown with it (growingIndex). */
const nodeIndexes = growingIndex<TraceRecord, Map<string, NodeIndex>>(
  () => new Map(),
  (index, record) => {
    const of = (id: string): NodeIndex => {
      let entry = index.get(id);
      if (!entry) {
        entry = { resetsAtMs: [], ipsec: [], ipsecAtMs: [], last: null };
        index.set(id, entry);
      }
      return entry;
    };
    if (record.kind === 'fault' && record.event === 'reload' && record.node) {
      of(record.node).resetsAtMs.push(record.atMs);
    } else if (record.kind === 'state' && record.machine === 'ipsec') {
      const entry = of(record.node);
      entry.ipsec.push(record);
      entry.ipsecAtMs.push(record.atMs);
    }
  },
);

function nodeIndex(run: Run, node: string): NodeIndex | undefined {
  return nodeIndexes(run.records).get(node);
}

/**
 * Peer addresses with an SA pair in `negotiating` at t (since the router's last reload). The
 * answer depends only on how many reloads and transitions are at or before t (binary searches),
 * so while those counts stay the same, every frame gets the same Set, unchanged: do not mutate it.
 */
export function negotiatingPeers(run: Run, node: string, t: number): ReadonlySet<string> {
  const index = nodeIndex(run, node);
  if (!index) return new Set<string>();
  const resets = countAtOrBefore(index.resetsAtMs, t);
  const transitions = countAtOrBefore(index.ipsecAtMs, t);
  const last = index.last;
  if (last && last.resets === resets && last.transitions === transitions) return last.peers;
  const sinceMs = resets > 0 ? (index.resetsAtMs[resets - 1] as number) : Number.NEGATIVE_INFINITY;
  const latest = new Map<number | string, StateRecord>();
  for (let i = 0; i < transitions; i++) {
    const record = index.ipsec[i] as StateRecord;
    if (record.atMs < sinceMs) continue;
    latest.set(record.instance ?? record.peer, record);
  }
  const peers = new Set<string>();
  for (const record of latest.values()) if (record.to === 'negotiating') peers.add(record.peer);
  index.last = { resets, transitions, peers };
  return peers;
}
