// Pure. The numbers of the run summary: pings per flow and invalid-SPI logs per router.

import type { RouterView } from '../sim/snapshot';
import type { TraceRecord } from '../sim/trace';
import { syslogMnemonic } from '../trace/formatText';

/** Consecutive lost pings of one flow: an outage as the pings saw it. */
export interface LossRun {
  /** When the first and the last ping of the run timed out. */
  fromMs: number;
  toMs: number;
  count: number;
}

export interface FlowSummary {
  flow: string;
  ok: number;
  lost: number;
  /** The outages, in time order. */
  lossRuns: LossRun[];
}

export interface InvalidSpiSummary {
  node: string;
  /** %CRYPTO-4-RECVD_PKT_INV_SPI lines logged (IOS rate-limits them). */
  logs: number;
  /** ESP packets dropped for an unknown SPI, from the router's counter at the end. */
  drops: number;
}

export function pingSummaries(records: readonly TraceRecord[]): FlowSummary[] {
  const flows = new Map<string, { summary: FlowSummary; inRun: boolean }>();
  for (const r of records) {
    if (r.kind !== 'ping') continue;
    let flow = flows.get(r.flow);
    if (!flow) {
      flow = { summary: { flow: r.flow, ok: 0, lost: 0, lossRuns: [] }, inRun: false };
      flows.set(r.flow, flow);
    }
    const { summary } = flow;
    if (r.result === 'ok') {
      summary.ok++;
      flow.inRun = false;
      continue;
    }
    summary.lost++;
    const run = summary.lossRuns.at(-1);
    if (flow.inRun && run) {
      run.toMs = r.atMs;
      run.count++;
    } else {
      summary.lossRuns.push({ fromMs: r.atMs, toMs: r.atMs, count: 1 });
    }
    flow.inRun = true;
  }
  return [...flows.values()].map((flow) => flow.summary);
}

export function invalidSpiSummaries(
  routers: readonly string[],
  records: readonly TraceRecord[],
  views: readonly RouterView[],
): InvalidSpiSummary[] {
  const logs = new Map<string, number>();
  for (const r of records) {
    if (r.kind === 'syslog' && syslogMnemonic(r.text) === 'RECVD_PKT_INV_SPI')
      logs.set(r.node, (logs.get(r.node) ?? 0) + 1);
  }
  return routers.map((node) => ({
    node,
    logs: logs.get(node) ?? 0,
    drops: views.find((v) => v.node === node)?.invalidSpiDrops ?? 0,
  }));
}
