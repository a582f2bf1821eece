// Each ping flow's pings in the order the host sent them, and its outages: the stretches the
// class sees, from the first ping lost to the first ping answered after it. Both the health
// view and the compare outcome measure with these. Pure; one index per run.
//
// Why send order: a lost ping is known when it times out (PING_TIMEOUT_MS after it left), an
// answered one when its reply comes back (an RTT after). When the tunnel comes back, the reply
// to a ping sent after the last lost one can arrive before that lost ping times out; grouping
// results in the order they arrive would end the outage there and start a second, one-ping
// "outage" at the timeout. In send order the outage is one stretch.

import { pingFlows } from '../../scenario/flows';
import { growingIndex } from '../growingIndex';
import type { Run } from '../run';
import { PING_TIMEOUT_MS } from '../simulate';
import type { PingRecord, TraceRecord } from '../trace';

export interface Ping {
  seq: number;
  /** When the host sent it, and when its result was known (the reply, or the timeout). */
  sentAtMs: number;
  resultAtMs: number;
  ok: boolean;
}

/** Consecutive lost pings (in send order) and the answered ping that ended them. */
export interface Outage {
  /** Indexes in the flow's pings of its first and last lost ping. */
  firstIndex: number;
  lastIndex: number;
  /** Send time of its first lost ping. */
  fromMs: number;
  /** Send time of the first answered ping after it; null if none was answered by the end. */
  toMs: number | null;
  /** When the first loss was known (its timeout): the outage is visible from then. */
  seenAtMs: number;
  /** When the reply that ended it came back; null if none did. */
  recoveredAtMs: number | null;
  /** When each of its lost pings timed out, ascending (how many are known at a moment). */
  lostAtMs: number[];
}

export interface FlowPingLog {
  flow: string;
  /** Every ping with a result, in send order. */
  pings: Ping[];
  outages: Outage[];
}

/** Send time of a ping from its result record: the reply less its RTT, or the timeout. */
function sentAt(record: PingRecord): number {
  return record.result === 'ok' ? record.atMs - (record.rttMs ?? 0) : record.atMs - PING_TIMEOUT_MS;
}

/** The flow's outages, from its pings in send order. */
export function outagesOf(pings: readonly Ping[]): Outage[] {
  const outages: Outage[] = [];
  let open: Outage | null = null;
  pings.forEach((ping, index) => {
    if (!ping.ok) {
      if (!open) {
        open = {
          firstIndex: index,
          lastIndex: index,
          fromMs: ping.sentAtMs,
          toMs: null,
          seenAtMs: ping.resultAtMs,
          recoveredAtMs: null,
          lostAtMs: [],
        };
        outages.push(open);
      }
      open.lastIndex = index;
      open.lostAtMs.push(ping.resultAtMs);
    } else if (open) {
      open.toMs = ping.sentAtMs;
      open.recoveredAtMs = ping.resultAtMs;
      open = null;
    }
  });
  return outages;
}

/** Per flow, its pings so far in send order: kept per trace array and grown with it. */
const pingsByFlow = growingIndex<TraceRecord, Map<string, Ping[]>>(
  () => new Map(),
  (byFlow, record) => {
    if (record.kind !== 'ping') return;
    const ping = {
      seq: record.seq,
      sentAtMs: sentAt(record),
      resultAtMs: record.atMs,
      ok: record.result === 'ok',
    };
    const pings = byFlow.get(record.flow) ?? [];
    byFlow.set(record.flow, pings);
    // Results come about in send order but for a timeout, which comes after the replies to the
    // pings sent within PING_TIMEOUT_MS of it: this walks back over those only.
    let i = pings.length;
    while (i > 0 && sendOrder(pings[i - 1] as Ping, ping) > 0) i--;
    pings.splice(i, 0, ping);
  },
);

function sendOrder(a: Ping, b: Ping): number {
  return a.sentAtMs - b.sentAtMs || a.seq - b.seq;
}

const logs = new WeakMap<Run, FlowPingLog[]>();

/**
 * Every flow's pings and outages, in the scenario's flow order (flows without a ping yet
 * included), then any other flow the trace names. Pings still in flight where the run's
 * computed part ends are not in it yet.
 */
export function pingLogs(run: Run): FlowPingLog[] {
  let list = logs.get(run);
  if (list) return list;
  const byFlow = pingsByFlow(run.records);
  const flows = new Set([
    ...pingFlows(run.loaded.scenario.traffic).map((f) => f.id),
    ...byFlow.keys(),
  ]);
  list = [...flows].map((flow) => {
    const pings = (byFlow.get(flow) ?? []).slice();
    return { flow, pings, outages: outagesOf(pings) };
  });
  logs.set(run, list);
  return list;
}
