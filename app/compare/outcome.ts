// What a run cost, measured from its trace: per ping flow the pings lost and the outage after
// the disruption, the time to recovery, and the IKE messages and invalid-SPI log lines it took.
// Pure: one pass over run.records and the run's ping log, no view state.
//
// Definitions (the contract the table and the headline rely on):
// - The disruption is the run's first `reload` or `link-down` fault; `backAtMs` is when that
//   router booted or that link came up again (null if it did not). A run without one (the idle
//   timer scenarios) is measured from each flow's first answered ping instead: what is lost once
//   the tunnel was up.
// - A ping is "after" the disruption when its result came at or after it (a ping in flight at
//   the fault counts). Times of pings are their send times (reply time − rtt, timeout time −
//   PING_TIMEOUT_MS), so with one ping a second an outage of N lost pings lasts N seconds.
// - The outage is the run's outage (app/sim/derived/pingOutages.ts, which the health view shows
//   too) that holds the first ping lost after the disruption: pings in send order, from the
//   first lost one's send to the send of the first ping answered after it (or to the end of the
//   run: not recovered). Later losses are counted in `lostAfter` and `laterOutages`.
// - Time to recovery: from the disruption to the reply of that first answered ping; and from
//   `backAtMs` (the router is back / the link is up) to the same reply.

import { pingFlows } from '../scenario/flows';
import { type FlowPingLog, pingLogs } from '../sim/derived/pingOutages';
import type { Run } from '../sim/run';
import type { IkeMsg } from '../sim/trace';

export interface Disruption {
  atMs: number;
  event: 'reload' | 'link-down';
  /** The router that reloads or the link that goes down. */
  subject: string;
  /** "R2 reloads", "link R2-ISP goes down". */
  label: string;
  /** When the router booted / the link came back up, or null if it never did in the run. */
  backAtMs: number | null;
  /** "R2 booted", "the link came back up". */
  backLabel: string;
  /** Short nouns for table rows: "R2's reload" / "R2's boot", "the R2-ISP failure" / "R2-ISP up". */
  noun: string;
  backNoun: string;
}

export type FlowStatus = 'no-traffic' | 'unaffected' | 'recovered' | 'not-recovered';

export interface FlowOutcome {
  flow: string;
  src: string;
  dst: string;
  everyMs: number;
  status: FlowStatus;
  /** Where the measurement starts: the disruption, or the flow's first answered ping (sent). */
  fromMs: number;
  pingsAfter: number;
  lostAfter: number;
  lostTotal: number;
  pingsTotal: number;
  /** The first outage after fromMs, or null if no ping was lost. */
  outage: {
    fromMs: number;
    /** Send time of the first answered ping after it, or null: not recovered by the end. */
    toMs: number | null;
    /** Its length; to the end of the run when not recovered. */
    durationMs: number;
    lost: number;
  } | null;
  /** Reply time of the ping that ended the outage. */
  recoveredAtMs: number | null;
  /** recoveredAtMs − disruption, and − backAtMs (null without them). */
  recoveryAfterDisruptionMs: number | null;
  recoveryAfterBackMs: number | null;
  /** Runs of lost pings after the first outage. */
  laterOutages: number;
}

export interface IkeCounts {
  total: number;
  mainMode: number;
  quickMode: number;
  delete: number;
  /** DPD R-U-THERE(-ACK) and legacy keepalives. */
  dpd: number;
}

export interface RunOutcome {
  durationMs: number;
  disruption: Disruption | null;
  flows: FlowOutcome[];
  /** ISAKMP packets sent from the disruption on (the whole run without one). */
  ikeAfter: IkeCounts;
  ikeTotal: IkeCounts;
  /** %CRYPTO-4-RECVD_PKT_INV_SPI lines logged (rate-limited by IOS), whole run. */
  invalidSpiLogs: number;
  /** ESP packets dropped for an unknown SPI, whole run. */
  invalidSpiDrops: number;
}

const IKE_KIND: Partial<Record<IkeMsg, Exclude<keyof IkeCounts, 'total'>>> = {
  MM1: 'mainMode',
  MM2: 'mainMode',
  MM3: 'mainMode',
  MM4: 'mainMode',
  MM5: 'mainMode',
  MM6: 'mainMode',
  // Phase 1 all the same: an Easy VPN client's aggressive mode, XAUTH and mode config.
  AM1: 'mainMode',
  AM2: 'mainMode',
  AM3: 'mainMode',
  'CFG-REQUEST': 'mainMode',
  'CFG-REPLY': 'mainMode',
  'XAUTH-REQUEST': 'mainMode',
  'XAUTH-REPLY': 'mainMode',
  'XAUTH-STATUS': 'mainMode',
  'XAUTH-ACK': 'mainMode',
  QM1: 'quickMode',
  QM2: 'quickMode',
  QM3: 'quickMode',
  DELETE: 'delete',
  'R-U-THERE': 'dpd',
  'R-U-THERE-ACK': 'dpd',
  KEEPALIVE: 'dpd',
  'KEEPALIVE-ACK': 'dpd',
};

const emptyCounts = (): IkeCounts => ({ total: 0, mainMode: 0, quickMode: 0, delete: 0, dpd: 0 });

function findDisruption(run: Run): Disruption | null {
  const records = run.records;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    if (r?.kind !== 'fault') continue;
    if (r.event === 'reload' && r.node) {
      const node = r.node;
      const boot = records.find(
        (b, j) => j > i && b.kind === 'fault' && b.event === 'boot' && b.node === node,
      );
      return {
        atMs: r.atMs,
        event: 'reload',
        subject: node,
        label: `${node} reloads`,
        backAtMs: boot?.atMs ?? null,
        backLabel: `${node} booted`,
        noun: `${node}’s reload`,
        backNoun: `${node}’s boot`,
      };
    }
    if (r.event === 'link-down' && r.link) {
      const link = r.link;
      const up = records.find(
        (u, j) => j > i && u.kind === 'fault' && u.event === 'link-up' && u.link === link,
      );
      return {
        atMs: r.atMs,
        event: 'link-down',
        subject: link,
        label: `link ${link} goes down`,
        backAtMs: up?.atMs ?? null,
        backLabel: `link ${link} came back up`,
        noun: `the ${link} failure`,
        backNoun: `${link} coming back up`,
      };
    }
  }
  return null;
}

function flowOutcome(
  flow: { id: string; src: string; dst: string; everyMs: number },
  log: FlowPingLog | undefined,
  disruption: Disruption | null,
  durationMs: number,
): FlowOutcome {
  const sorted = log?.pings ?? [];
  const firstOk = sorted.find((p) => p.ok);
  // With a disruption: pings whose result came at or after it. Without: pings sent after the
  // first answered one (the first echo of a bring-up is lost by design and is not an outage).
  const fromMs = disruption ? disruption.atMs : (firstOk?.sentAtMs ?? durationMs);
  const after = disruption
    ? sorted.filter((p) => p.resultAtMs >= disruption.atMs)
    : sorted.filter((p) => firstOk !== undefined && p.sentAtMs > firstOk.sentAtMs);
  const lostAfter = after.filter((p) => !p.ok).length;
  const base = {
    flow: flow.id,
    src: flow.src,
    dst: flow.dst,
    everyMs: flow.everyMs,
    fromMs,
    pingsAfter: after.length,
    lostAfter,
    lostTotal: sorted.filter((p) => !p.ok).length,
    pingsTotal: sorted.length,
    outage: null,
    recoveredAtMs: null,
    recoveryAfterDisruptionMs: null,
    recoveryAfterBackMs: null,
    laterOutages: 0,
  };
  if (after.length === 0) return { ...base, status: 'no-traffic' };
  // The run's outages, in send order (the health view measures the same ones): the one that
  // holds the first ping lost in the window.
  const firstLost = after.find((p) => !p.ok);
  const lostAt = firstLost === undefined ? -1 : sorted.indexOf(firstLost);
  const outages = log?.outages ?? [];
  const index = outages.findIndex((o) => o.firstIndex <= lostAt && lostAt <= o.lastIndex);
  const outage = outages[index];
  if (!outage) return { ...base, status: 'unaffected' };
  const lost = outage.lastIndex - outage.firstIndex + 1;
  if (outage.toMs === null || outage.recoveredAtMs === null) {
    return {
      ...base,
      status: 'not-recovered',
      outage: {
        fromMs: outage.fromMs,
        toMs: null,
        durationMs: Math.max(0, durationMs - outage.fromMs),
        lost,
      },
    };
  }
  const recoveredAtMs = outage.recoveredAtMs;
  return {
    ...base,
    status: 'recovered',
    outage: {
      fromMs: outage.fromMs,
      toMs: outage.toMs,
      durationMs: outage.toMs - outage.fromMs,
      lost,
    },
    recoveredAtMs,
    recoveryAfterDisruptionMs: disruption ? recoveredAtMs - disruption.atMs : null,
    recoveryAfterBackMs:
      disruption?.backAtMs != null && recoveredAtMs >= disruption.backAtMs
        ? recoveredAtMs - disruption.backAtMs
        : null,
    laterOutages: outages.length - index - 1,
  };
}

/** Measures a run (see the definitions at the top of this file). */
export function runOutcome(run: Run): RunOutcome {
  const disruption = findDisruption(run);
  const ikeFromMs = disruption?.atMs ?? 0;
  const ikeAfter = emptyCounts();
  const ikeTotal = emptyCounts();
  let invalidSpiLogs = 0;
  for (const r of run.records) {
    if (r.kind === 'packet' && r.event === 'sent' && r.proto === 'isakmp') {
      const kind = r.msg ? IKE_KIND[r.msg] : undefined;
      if (!kind) continue;
      ikeTotal.total++;
      ikeTotal[kind]++;
      if (r.atMs >= ikeFromMs) {
        ikeAfter.total++;
        ikeAfter[kind]++;
      }
    } else if (r.kind === 'syslog' && r.text.includes('RECVD_PKT_INV_SPI')) {
      invalidSpiLogs++;
    }
  }
  let invalidSpiDrops = 0;
  for (const times of run.invalidSpiDropTimes.values()) invalidSpiDrops += times.length;
  const logs = new Map(pingLogs(run).map((log) => [log.flow, log]));
  const flows = pingFlows(run.loaded.scenario.traffic).map((flow) =>
    flowOutcome(flow, logs.get(flow.id), disruption, run.durationMs),
  );
  return {
    durationMs: run.durationMs,
    disruption,
    flows,
    ikeAfter,
    ikeTotal,
    invalidSpiLogs,
    invalidSpiDrops,
  };
}
