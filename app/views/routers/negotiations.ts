// Which peers a router is running quick mode with at time t. The frame's SA tables only list
// installed SAs, so "negotiating" comes from the run's `state` records of the IPsec machines:
// an SA pair whose latest state at t is `negotiating`, counted since the router's last reload
// (a reload ends every negotiation without a record). Pure; one index per run.

import type { Run } from '../../sim/run';
import type { StateRecord } from '../../sim/trace';

interface NodeIndex {
  /** When the router lost its state (reload), in time order. */
  resetsAtMs: number[];
  /** Its IPsec machine transitions, in time order. */
  ipsec: StateRecord[];
}

const indexes = new WeakMap<Run, Map<string, NodeIndex>>();

function nodeIndex(run: Run, node: string): NodeIndex | undefined {
  let index = indexes.get(run);
  if (!index) {
    index = new Map();
    const of = (id: string): NodeIndex => {
      let entry = index?.get(id);
      if (!entry) {
        entry = { resetsAtMs: [], ipsec: [] };
        index?.set(id, entry);
      }
      return entry;
    };
    for (const record of run.records) {
      if (record.kind === 'fault' && record.event === 'reload' && record.node) {
        of(record.node).resetsAtMs.push(record.atMs);
      } else if (record.kind === 'state' && record.machine === 'ipsec') {
        of(record.node).ipsec.push(record);
      }
    }
    indexes.set(run, index);
  }
  return index.get(node);
}

/** Peer addresses with an SA pair in `negotiating` at t (since the router's last reload). */
export function negotiatingPeers(run: Run, node: string, t: number): Set<string> {
  const index = nodeIndex(run, node);
  const peers = new Set<string>();
  if (!index) return peers;
  let sinceMs = Number.NEGATIVE_INFINITY;
  for (const atMs of index.resetsAtMs) if (atMs <= t) sinceMs = atMs;
  const latest = new Map<number | string, StateRecord>();
  for (const record of index.ipsec) {
    if (record.atMs > t) break;
    if (record.atMs < sinceMs) continue;
    latest.set(record.instance ?? record.peer, record);
  }
  for (const record of latest.values()) if (record.to === 'negotiating') peers.add(record.peer);
  return peers;
}
