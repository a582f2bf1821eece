// How much a scenario asks of the engine, known before it runs: every field of a scenario is
// bounded, but not their product (two routers pinging every 10 ms for 7 days is a 2 KB file and
// 300 million trace records). The estimate counts the trace records of what repeats: pings,
// periodic DPD or keepalive rounds per pair of peers, HSRP hellos, rekeys, and a share per
// timeline entry and router. Its coefficients are the records each of these leaves in the
// presets' traces, rounded up; the estimate is within a factor of two of the real count for
// every preset (workEstimate.test.ts), so a limit set on it is a limit on the work.

import { inSubnet, parseIpv4 } from '../ios/ipv4';
import type { RouterConfig } from '../ios/types';
import { pingFlows } from './flows';
import { DOCUMENT_PATH } from './scenarioErrors';
import type { LoadedScenario, ScenarioError, TrafficFlow } from './types';

/** Trace records of one ping: echo and reply, each sent and delivered, and the ping's result. */
const RECORDS_PER_PING = 6;
/**
 * One scanner packet: sent and dropped, the receiver's syslog (a new SPI each time escapes the
 * per-SPI rate limit) and, when it claims a peer's address, a DELETE notify sent and delivered
 * with the debug lines of both routers (13 records a forged packet in esp-scanner).
 */
const RECORDS_PER_SCAN_PACKET = 12;
/** One DPD or keepalive round: probe and acknowledgement, sent and delivered, debug and states. */
const RECORDS_PER_PROBE_ROUND = 12;
/** One HSRP hello: sent, and delivered to each other member (counted per member). */
const RECORDS_PER_HELLO_PER_MEMBER = 1;
/** One quick mode rekey with its DELETE, SA records and debug; one main mode likewise. */
const RECORDS_PER_IPSEC_REKEY = 60;
const RECORDS_PER_IKE_REKEY = 50;
/** SAs expired by the idle timer and negotiated again by the next ping: at most once an idle time. */
const RECORDS_PER_IDLE_RENEGOTIATION = 150;
/** A reload, link change, config or traffic action, and a router's boot with its first IKE. */
const RECORDS_PER_TIMELINE_ENTRY = 100;
const RECORDS_PER_ROUTER = 50;

/**
 * The most trace records the studio computes for one run. A run holds about 90 to 140 bytes of
 * heap per record in Chromium (85 to 131 MB just under this limit: two routers pinging every
 * 100 ms, the 50-spoke hub for 44 min). It is computed in slices of at most 12 ms of work while
 * the views' indexes grow with it (bench:heavy: 7 to 22 s for the hub, its longest task 230 to
 * 350 ms, on a 2-core machine at load 12); opening the ladder on it blocks 3 to 4 s. The presets
 * need at most 211,000 (dmvpn-scale); a day of one ping a second, 518,000.
 */
export const STUDIO_TRACE_RECORDS_MAX = 1_000_000;

/**
 * The most trace records the runner writes for one run. It streams them, so its memory does not
 * grow with the run (221 MB max RSS for 14.4 million records); this bounds its time (about 1,000
 * records per ms of one quiet core) and its output (about 250 bytes a JSON line: 5 GB).
 */
export const RUNNER_TRACE_RECORDS_MAX = 20_000_000;

export type WorkPart = 'pings' | 'probes' | 'hellos' | 'rekeys' | 'events';

export interface WorkEstimate {
  /** Estimated trace records of the whole run. */
  records: number;
  /** The records of each part. */
  parts: Record<WorkPart, number>;
  /** The flow that sends most often, and its interval: what to slow down first. */
  busiestFlow: { id: string; kind: TrafficFlow['kind']; everyMs: number } | null;
  /** The shortest DPD/keepalive interval in periodic use, in seconds, and where. */
  fastestProbe: { node: string; seconds: number } | null;
}

/**
 * Estimates the trace records of a run of the scenario up to `untilMs` (default: its end). Pure;
 * linear in the scenario's size.
 */
export function estimateWork(loaded: LoadedScenario, untilMs?: number): WorkEstimate {
  const { scenario } = loaded;
  const durationMs = Math.min(untilMs ?? scenario.durationMs, scenario.durationMs);
  const configs = new Map(Object.entries(loaded.startupConfigs));
  const timelineLines = configLinesByNode(loaded);

  let trafficRecords = 0;
  let busiestFlow: WorkEstimate['busiestFlow'] = null;
  for (const flow of scenario.traffic) {
    const packets = Math.floor(pingingMs(loaded, flow.id, durationMs) / flow.everyMs) + 1;
    trafficRecords += packets * (flow.kind === 'ping' ? RECORDS_PER_PING : RECORDS_PER_SCAN_PACKET);
    if (busiestFlow === null || flow.everyMs < busiestFlow.everyMs)
      busiestFlow = { id: flow.id, kind: flow.kind, everyMs: flow.everyMs };
  }

  const owners = addressOwners(configs);
  const pairs = peerPairs(loaded, configs, owners);
  let probeRounds = 0;
  let rekeys = 0;
  let fastestProbe: WorkEstimate['fastestProbe'] = null;
  for (const [a, b] of pairs) {
    const fromA = probeSeconds(loaded, a, b, timelineLines);
    const fromB = probeSeconds(loaded, b, a, timelineLines);
    const probeSec = Math.min(fromA, fromB);
    if (Number.isFinite(probeSec)) {
      probeRounds += Math.floor(durationMs / (probeSec * 1000));
      if (fastestProbe === null || probeSec < fastestProbe.seconds)
        fastestProbe = { node: fromA <= fromB ? a : b, seconds: probeSec };
    }
    const either = (seconds: typeof ipsecLifetimeSec) =>
      Math.min(
        seconds(configs.get(a), timelineLines.get(a)),
        seconds(configs.get(b), timelineLines.get(b)),
      );
    const ipsecSec = either(ipsecLifetimeSec);
    const idleSec = either(idleTimeSec);
    const ikeSec = either(ikeLifetimeSec);
    rekeys +=
      Math.floor(durationMs / (ipsecSec * 1000)) * RECORDS_PER_IPSEC_REKEY +
      Math.floor(durationMs / (ikeSec * 1000)) * RECORDS_PER_IKE_REKEY +
      Math.floor(durationMs / (idleSec * 1000)) * RECORDS_PER_IDLE_RENEGOTIATION;
  }

  const parts: Record<WorkPart, number> = {
    pings: trafficRecords,
    probes: probeRounds * RECORDS_PER_PROBE_ROUND,
    hellos: helloRecords(configs, timelineLines, durationMs),
    rekeys,
    events:
      scenario.timeline.length * RECORDS_PER_TIMELINE_ENTRY + configs.size * RECORDS_PER_ROUTER,
  };
  const records = Object.values(parts).reduce((sum, part) => sum + part, 0);
  return { records, parts, busiestFlow, fastestProbe };
}

/**
 * The error of a scenario whose estimated trace is over `maxRecords`, saying how big it is and
 * what to shorten; null when it is within.
 */
export function workLimitError(
  loaded: LoadedScenario,
  maxRecords: number,
  untilMs?: number,
): ScenarioError | null {
  const estimate = estimateWork(loaded, untilMs);
  if (estimate.records <= maxRecords) return null;
  const runMs = Math.min(untilMs ?? loaded.scenario.durationMs, loaded.scenario.durationMs);
  const cuts = [`shorten the duration (${formatDuration(runMs)})`];
  const biggest = (Object.entries(estimate.parts) as Array<[WorkPart, number]>).sort(
    (x, y) => y[1] - x[1],
  );
  for (const [part, records] of biggest) {
    if (records < estimate.records / 4) break;
    const cut = cutFor(part, estimate);
    if (cut !== null) cuts.push(cut);
  }
  return {
    path: DOCUMENT_PATH,
    message: `would make about ${formatCount(estimate.records)} trace records; the limit is ${formatCount(maxRecords)}: ${cuts.join(', or ')}`,
  };
}

function cutFor(part: WorkPart, estimate: WorkEstimate): string | null {
  switch (part) {
    case 'pings':
      return estimate.busiestFlow === null
        ? null
        : `${estimate.busiestFlow.kind === 'ping' ? 'ping' : 'scan'} less often (flow ${estimate.busiestFlow.id} every ${estimate.busiestFlow.everyMs} ms)`;
    case 'probes':
      return estimate.fastestProbe === null
        ? null
        : `probe peers less often (${estimate.fastestProbe.node}'s periodic keepalive every ${estimate.fastestProbe.seconds} s)`;
    case 'hellos':
      return 'send HSRP hellos less often (standby timers)';
    case 'rekeys':
      return 'lengthen the SA lifetimes';
    case 'events':
      return 'use fewer timeline actions or routers';
  }
}

/** 120 million, 3.2 million, 45,000. */
export function formatCount(count: number): string {
  if (count >= 1e6) return `${Number((count / 1e6).toPrecision(3))} million`;
  return Math.round(count).toLocaleString('en-US');
}

/** 7 d, 36 h, 90 min, 45 s: the largest unit that divides nothing finer than it shows. */
function formatDuration(ms: number): string {
  const units: Array<[string, number]> = [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['min', 60_000],
    ['s', 1000],
  ];
  for (const [unit, unitMs] of units) {
    if (ms >= unitMs && ms % unitMs === 0) return `${ms / unitMs} ${unit}`;
  }
  return `${ms} ms`;
}

/**
 * How long a flow pings: from its start to its stop or the end, with the timeline's `traffic`
 * actions stopping and starting it in between.
 */
function pingingMs(loaded: LoadedScenario, flowId: string, endMs: number): number {
  const { traffic, timeline } = loaded.scenario;
  const flow = traffic.find((candidate) => candidate.id === flowId);
  if (flow === undefined) return 0;
  const switches: Array<{ atMs: number; on: boolean }> = [{ atMs: flow.startMs, on: true }];
  if (flow.stopMs !== undefined) switches.push({ atMs: flow.stopMs, on: false });
  for (const entry of timeline) {
    if (entry.action === 'traffic' && entry.flow === flowId)
      switches.push({ atMs: entry.atMs, on: entry.state === 'start' });
  }
  switches.sort((x, y) => x.atMs - y.atMs);
  let total = 0;
  let onSinceMs: number | null = null;
  for (const { atMs, on } of switches) {
    if (atMs > endMs) break;
    if (on && onSinceMs === null) onSinceMs = atMs;
    if (!on && onSinceMs !== null) {
      total += atMs - onSinceMs;
      onSinceMs = null;
    }
  }
  return onSinceMs === null ? total : total + endMs - onSinceMs;
}

/** The config lines of each router's timeline `config` actions. */
function configLinesByNode(loaded: LoadedScenario): Map<string, string[]> {
  const lines = new Map<string, string[]>();
  for (const entry of loaded.scenario.timeline) {
    if (entry.action !== 'config') continue;
    const list = lines.get(entry.node) ?? [];
    list.push(...entry.lines);
    lines.set(entry.node, list);
  }
  return lines;
}

/** The smallest number a timeline line matching `pattern` (one capture) sets, or Infinity. */
function smallestSetBy(lines: readonly string[] | undefined, pattern: RegExp): number {
  let smallest = Number.POSITIVE_INFINITY;
  for (const line of lines ?? []) {
    const value = Number(pattern.exec(line)?.[1]);
    if (value > 0) smallest = Math.min(smallest, value);
  }
  return smallest;
}

/** Which router has each interface address and HSRP virtual IP (a VIP may have several). */
function addressOwners(configs: ReadonlyMap<string, RouterConfig>): Map<string, Set<string>> {
  const owners = new Map<string, Set<string>>();
  const add = (address: string | null, node: string) => {
    if (address === null) return;
    const set = owners.get(address) ?? new Set<string>();
    set.add(node);
    owners.set(address, set);
  };
  for (const [node, config] of configs) {
    for (const iface of config.interfaces) {
      add(iface.address?.ip ?? null, node);
      for (const group of iface.standby) add(group.vip, node);
    }
  }
  return owners;
}

/**
 * The pairs of routers that may hold IKE SAs with each other: a router and each router owning an
 * address it names as a peer (crypto map peers, tunnel destinations, NHRP hubs, EZVPN servers),
 * and the routers at both ends of each flow (dynamic maps and DMVPN spoke-to-spoke tunnels).
 */
function peerPairs(
  loaded: LoadedScenario,
  configs: ReadonlyMap<string, RouterConfig>,
  owners: ReadonlyMap<string, ReadonlySet<string>>,
): Array<[string, string]> {
  const pairs = new Map<string, [string, string]>();
  const pair = (a: string, b: string) => {
    if (a === b) return;
    const [first, second] = a < b ? [a, b] : [b, a];
    pairs.set(`${first} ${second}`, [first, second]);
  };
  for (const [node, config] of configs) {
    for (const address of namedPeers(config)) {
      for (const owner of owners.get(address) ?? []) pair(node, owner);
    }
  }
  const lanOwner = lanOwnerOf(configs);
  for (const flow of pingFlows(loaded.scenario.traffic)) {
    const src = lanOwner(flow.src);
    const dst = lanOwner(flow.dst);
    if (src !== undefined && dst !== undefined) pair(src, dst);
  }
  return [...pairs.values()];
}

function namedPeers(config: RouterConfig): string[] {
  return [
    ...config.cryptoMaps.flatMap((entry) => entry.peers.map((peer) => peer.address)),
    ...config.ezvpnClients.flatMap((client) => client.peers),
    ...config.interfaces.flatMap((iface) => [
      ...(iface.tunnel?.destination ? [iface.tunnel.destination] : []),
      ...(iface.nhrp?.maps.map((map) => map.nbma) ?? []),
    ]),
  ];
}

/** The first router whose non-tunnel subnet holds an address (where a flow starts or ends). */
function lanOwnerOf(
  configs: ReadonlyMap<string, RouterConfig>,
): (address: string) => string | undefined {
  const subnets: Array<{ node: string; network: number; mask: number }> = [];
  for (const [node, config] of configs) {
    for (const iface of config.interfaces) {
      if (iface.tunnel !== null || iface.address === null) continue;
      const ip = parseIpv4(iface.address.ip);
      const mask = parseIpv4(iface.address.mask);
      if (ip !== null && mask !== null) subnets.push({ node, network: (ip & mask) >>> 0, mask });
    }
  }
  return (address) => {
    const ip = parseIpv4(address);
    if (ip === null) return undefined;
    return subnets.find((subnet) => inSubnet(ip, subnet.network, subnet.mask))?.node;
  };
}

/**
 * How often `node` probes `peer` on its own, in seconds: its keepalive interval when periodic (or
 * a legacy keepalive, which a peer without DPD gets), or when a timeline action sets one;
 * Infinity when it probes only when idle (on-demand DPD is bounded by the pings).
 */
function probeSeconds(
  loaded: LoadedScenario,
  node: string,
  peer: string,
  timelineLines: ReadonlyMap<string, readonly string[]>,
): number {
  const keepalive = loaded.startupConfigs[node]?.isakmpKeepalive ?? null;
  const peerNode = loaded.scenario.nodes.find((candidate) => candidate.id === peer);
  const legacy = peerNode?.kind === 'router' && !peerNode.dpdSupport;
  const fromConfig =
    keepalive !== null && (keepalive.mode === 'periodic' || legacy)
      ? keepalive.seconds
      : Number.POSITIVE_INFINITY;
  return Math.min(
    fromConfig,
    smallestSetBy(timelineLines.get(node), /^\s*crypto\s+isakmp\s+keepalive\s+(\d+)/i),
  );
}

/** The smallest of `values` and of what timeline lines matching `pattern` set; or Infinity. */
function smallest(
  values: ReadonlyArray<number | null>,
  lines: readonly string[] | undefined,
  pattern: RegExp,
): number {
  const set = values.filter((value): value is number => value !== null);
  return Math.min(...set, smallestSetBy(lines, pattern));
}

/** The shortest IPsec SA lifetime a router may use, in seconds. */
function ipsecLifetimeSec(config: RouterConfig | undefined, lines?: readonly string[]): number {
  if (config === undefined) return Number.POSITIVE_INFINITY;
  const lifetimes = [
    config.ipsecSaLifetimeSec,
    ...config.cryptoMaps.map((entry) => entry.saLifetimeSec),
    ...config.dynamicMaps.map((entry) => entry.saLifetimeSec),
    ...config.ipsecProfiles.map((profile) => profile.saLifetimeSec),
  ];
  return smallest(lifetimes, lines, /lifetime\s+seconds\s+(\d+)/i);
}

/** The shortest IPsec SA idle time a router may use, in seconds; Infinity without one. */
function idleTimeSec(config: RouterConfig | undefined, lines?: readonly string[]): number {
  if (config === undefined) return Number.POSITIVE_INFINITY;
  const idleTimes = [
    config.ipsecIdleTimeSec,
    ...config.cryptoMaps.map((entry) => entry.idleTime?.seconds ?? null),
    ...config.dynamicMaps.map((entry) => entry.idleTime?.seconds ?? null),
    ...config.ipsecProfiles.map((profile) => profile.idleTimeSec),
  ];
  return smallest(idleTimes, lines, /idle-time\s+(\d+)/i);
}

/** The shortest IKE SA lifetime of a router's ISAKMP policies, in seconds. */
function ikeLifetimeSec(config: RouterConfig | undefined, lines?: readonly string[]): number {
  if (config === undefined) return Number.POSITIVE_INFINITY;
  const lifetimes = config.isakmpPolicies.map((policy) => policy.lifetimeSec);
  return smallest(lifetimes, lines, /^\s*lifetime\s+(\d+)\s*$/i);
}

/**
 * HSRP hellos: each member of a group (routers with the group number on one subnet) sends one
 * every hello time, delivered to every other member.
 */
function helloRecords(
  configs: ReadonlyMap<string, RouterConfig>,
  timelineLines: ReadonlyMap<string, readonly string[]>,
  durationMs: number,
): number {
  const groups = new Map<string, number[]>();
  for (const [node, config] of configs) {
    const fastest = smallestSetBy(timelineLines.get(node), /^\s*standby\s+\d+\s+timers\s+(\d+)/i);
    for (const iface of config.interfaces) {
      const ip = iface.address === null ? null : parseIpv4(iface.address.ip);
      const mask = iface.address === null ? null : parseIpv4(iface.address.mask);
      const subnet = ip === null || mask === null ? iface.name : `${(ip & mask) >>> 0}/${mask}`;
      for (const group of iface.standby) {
        const key = `${subnet} ${group.group}`;
        groups.set(key, [...(groups.get(key) ?? []), Math.min(group.helloSec, fastest)]);
      }
    }
  }
  let records = 0;
  for (const members of groups.values()) {
    for (const helloSec of members) {
      records +=
        Math.floor(durationMs / (helloSec * 1000)) * members.length * RECORDS_PER_HELLO_PER_MEMBER;
    }
  }
  return records;
}
