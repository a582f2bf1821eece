// How many R-U-THERE (or legacy KEEPALIVE) probes a router has sent in its current probing
// round, from the run's packets. Works around the router snapshots, which are not retaken at
// each DPD retransmission (so the frame's dpdRetry stays at the round's first value). Pure.

import type { Run } from '../../sim/run';
import type { StateRecord } from '../../sim/trace';

const rounds = new WeakMap<Run, Map<string, StateRecord[]>>();

function probingEntries(run: Run, node: string, peer: string): StateRecord[] {
  let index = rounds.get(run);
  if (!index) {
    index = new Map();
    for (const record of run.records) {
      if (record.kind !== 'state' || record.machine !== 'dpd' || record.to !== 'probing') continue;
      const key = `${record.node}|${record.peer}`;
      const list = index.get(key) ?? [];
      list.push(record);
      index.set(key, list);
    }
    rounds.set(run, index);
  }
  return index.get(`${node}|${peer}`) ?? [];
}

function firstSentAtOrAfter(run: Run, atMs: number): number {
  let lo = 0;
  let hi = run.sentPackets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((run.sentPackets[mid]?.atMs ?? 0) < atMs) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Retransmissions so far in the probing round that was under way at t (0 = the first probe is
 * out), or null when no round had started by t.
 */
export function probeRetransmits(run: Run, node: string, peer: string, t: number): number | null {
  let startMs: number | null = null;
  for (const entry of probingEntries(run, node, peer)) {
    if (entry.atMs > t) break;
    startMs = entry.atMs;
  }
  if (startMs === null) return null;
  let probes = 0;
  for (let i = firstSentAtOrAfter(run, startMs); i < run.sentPackets.length; i++) {
    const packet = run.sentPackets[i];
    if (!packet || packet.atMs > t) break;
    if (packet.node !== node || packet.dst !== peer) continue;
    if (packet.msg === 'R-U-THERE' || packet.msg === 'KEEPALIVE') probes++;
  }
  return Math.max(0, probes - 1);
}
