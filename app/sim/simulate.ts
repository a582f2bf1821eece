// The discrete-event engine. Owns virtual time (integer ms) and the agenda; runs the timeline,
// the ping flows and the wire; records the trace. Pure at its boundary: the same scenario gives
// the same trace, byte for byte (no wall clock, no Math.random: every random value comes from
// the scenario's seed).

import type { EspScanFlow, LoadedScenario, PingFlow, RouterNode } from '../scenario/types';
import { ACTION_PHASE, Agenda } from './agenda';
import type { VirtualClock } from './machines/machineHost';
import { Network, type Path } from './network';
import {
  describeInner,
  echoReply,
  type IcmpPacket,
  type InnerPacket,
  type WirePacket,
} from './packets';
import { createRng, type Rng } from './rng';
import { ESP_OVERHEAD_BYTES } from './router/dataPlane';
import { connectedInterface, ip, ipText } from './router/forwardingPlan';
import { Router } from './router/router';
import { routerView } from './routerView';
import type { RouterView } from './snapshot';
import { formatSpi, type PacketRecord, type TraceRecord } from './trace';
import type { DistributiveOmit, World } from './world';

/** IOS ping waits 2 s for each echo reply. */
export const PING_TIMEOUT_MS = 2_000;

interface FlowState {
  def: PingFlow;
  srcIp: number;
  dstIp: number;
  /** The router whose LAN holds the source host (refreshed when configs change). */
  srcRouter: Router | undefined;
  running: boolean;
  seq: number;
  tick: { cancelled: boolean } | null;
  outstanding: OutstandingPings;
}

/**
 * A flow's pings still waiting for their reply or timeout: send times by sequence number, settled
 * at most once. A ring of slots indexed by seq modulo its capacity, doubled when a ping would land
 * on one still outstanding: it holds as many pings as are in flight at once (a 2 s timeout over
 * the flow's interval), not one per ping sent, so a long run at 10 ms stays small.
 */
class OutstandingPings {
  private capacity = 64;
  /** The seq in each slot, or FREE. */
  private seqs: number[] = new Array<number>(this.capacity).fill(FREE);
  private sentAtMs: number[] = new Array<number>(this.capacity).fill(0);

  sent(seq: number, atMs: number): void {
    while (this.seqs[seq % this.capacity] !== FREE) this.grow();
    const slot = seq % this.capacity;
    this.seqs[slot] = seq;
    this.sentAtMs[slot] = atMs;
  }

  /** The send time of ping `seq` if it was still outstanding; it no longer is. */
  settle(seq: number): number | undefined {
    const slot = seq % this.capacity;
    if (this.seqs[slot] !== seq) return undefined;
    this.seqs[slot] = FREE;
    return this.sentAtMs[slot];
  }

  /** Doubles the ring. Seqs apart modulo c are apart modulo 2c: the outstanding ones fit. */
  private grow(): void {
    const seqs = this.seqs;
    const sentAtMs = this.sentAtMs;
    this.capacity *= 2;
    this.seqs = new Array<number>(this.capacity).fill(FREE);
    this.sentAtMs = new Array<number>(this.capacity).fill(0);
    seqs.forEach((seq, slot) => {
      if (seq === FREE) return;
      this.seqs[seq % this.capacity] = seq;
      this.sentAtMs[seq % this.capacity] = sentAtMs[slot] ?? 0;
    });
  }
}

/** A scanner on its way: it sends one ESP packet every everyMs while it runs. */
interface ScanState {
  def: EspScanFlow;
  /** The source address its packets carry (its own, or the one it spoofs). */
  srcIp: number;
  dstIp: number;
  running: boolean;
  tick: { cancelled: boolean } | null;
}

/** The `detail` of a scanner's traffic-start and -stop records: what it sends. */
export const SCAN_DETAIL = 'random-SPI ESP';
/** A scanner's made-up payload, as long as a default ping's. */
const SCAN_PAYLOAD_BYTES = 100;
/** SPIs 0..255 are reserved (RFC 4303 section 2.1): a scanner draws from the range IOS uses. */
const SPI_MIN = 0x100;
const SPI_MAX = 0xffff_ffff;

/** An empty slot of OutstandingPings (sequence numbers are never negative). */
const FREE = -1;

export class Simulation implements World {
  readonly records: TraceRecord[] = [];
  readonly rng: Rng;
  readonly routers = new Map<string, Router>();
  readonly network: Network;
  readonly clock: VirtualClock;
  private readonly agenda = new Agenda<() => void>();
  private readonly flows = new Map<string, FlowState>();
  private readonly scans = new Map<string, ScanState>();
  private owners = new Map<number, string>();
  /** HSRP virtual IPs, by the router currently Active for each (rebuilt when that changes). */
  private vipOwners = new Map<number, string>();
  private now = 0;
  private nextPacketId = 1;

  constructor(readonly loaded: LoadedScenario) {
    const scenario = loaded.scenario;
    this.rng = createRng(scenario.seed);
    this.network = new Network(scenario.nodes, scenario.links);
    this.clock = {
      setTimeout: (fn, timeoutMs) =>
        this.agenda.schedule(this.now + Math.max(0, Math.round(timeoutMs)), () => fn()),
      clearTimeout: (handle) => {
        (handle as { cancelled: boolean }).cancelled = true;
      },
    };
    for (const node of scenario.nodes) {
      const startup = loaded.startupConfigs[node.id];
      if (node.kind === 'router' && startup) {
        this.routers.set(node.id, new Router(node as RouterNode, startup, this));
      }
    }
    for (const router of this.routers.values()) this.agenda.schedule(0, () => router.boot());
    // Timeline entries are actions: each applies to the state after the engine's own events of
    // its millisecond (a `write memory` at the ms a reload's boot ends finds the router up).
    for (const entry of scenario.timeline)
      this.agenda.schedule(entry.atMs, () => this.applyTimeline(entry), ACTION_PHASE);
    for (const def of scenario.traffic) {
      if (def.kind === 'esp-scan') {
        this.addScan(def);
        continue;
      }
      const flow: FlowState = {
        def,
        srcIp: ip(def.src),
        dstIp: ip(def.dst),
        srcRouter: undefined,
        running: false,
        seq: 0,
        tick: null,
        outstanding: new OutstandingPings(),
      };
      this.flows.set(def.id, flow);
      this.agenda.schedule(def.startMs, () => this.startFlow(flow));
      if (def.stopMs !== undefined) this.agenda.schedule(def.stopMs, () => this.stopFlow(flow));
    }
    this.indexOwners();
  }

  private addScan(def: EspScanFlow): void {
    const scan: ScanState = {
      def,
      srcIp: ip(def.claimedSrc ?? def.src),
      dstIp: ip(def.dst),
      running: false,
      tick: null,
    };
    this.scans.set(def.id, scan);
    this.agenda.schedule(def.startMs, () => this.startScan(scan));
    if (def.stopMs !== undefined) this.agenda.schedule(def.stopMs, () => this.stopScan(scan));
  }

  get nowMs(): number {
    return this.now;
  }

  get durationMs(): number {
    return this.loaded.scenario.durationMs;
  }

  /**
   * Processes every event due at or before `untilMs`, then stands at `untilMs`. `afterEvent`
   * is told, after each event, the index of the first record that event added. With
   * `maxNewRecords`, it stops sooner: at the end of the first millisecond (every event of it
   * processed) by which the events added that many records, and stands there. Returns where it
   * stands: every event due at or before it is processed.
   */
  runUntil(
    untilMs: number,
    afterEvent?: (firstNewRecord: number) => void,
    maxNewRecords = Number.POSITIVE_INFINITY,
  ): number {
    const limit = Math.min(untilMs, this.durationMs);
    const recordsBefore = this.records.length;
    for (
      let next = this.agenda.peekAtMs();
      next !== undefined && next <= limit;
      next = this.agenda.peekAtMs()
    ) {
      if (next > this.now && this.records.length - recordsBefore >= maxNewRecords) return this.now;
      const entry = this.agenda.pop();
      if (!entry) break;
      this.now = entry.atMs;
      const firstNewRecord = this.records.length;
      entry.item();
      if (afterEvent && this.records.length > firstNewRecord) afterEvent(firstNewRecord);
    }
    this.now = Math.max(this.now, limit);
    return this.now;
  }

  views(): RouterView[] {
    return [...this.routers.values()].map((router) => routerView(router, this.now));
  }

  /** One router's tables now. */
  view(node: string): RouterView | undefined {
    const router = this.routers.get(node);
    return router ? routerView(router, this.now) : undefined;
  }

  // ---- World ----

  record(record: DistributiveOmit<TraceRecord, 'atMs'>): void {
    this.records.push({ atMs: this.now, ...record } as TraceRecord);
  }

  after(delayMs: number, fn: () => void): { cancelled: boolean } {
    return this.agenda.schedule(this.now + delayMs, fn);
  }

  newPacketId(): number {
    return this.nextPacketId++;
  }

  transmit(node: string, packet: DistributiveOmit<WirePacket, 'id'>): void {
    if (packet.proto === 'ip' && packet.inner.kind === 'hsrp') {
      this.multicastOnSegment(node, packet);
      return;
    }
    const wire = packet as WirePacket; // a fresh object from the router: stamp it in place
    wire.id = this.newPacketId();
    const owner = this.owners.get(wire.dst) ?? this.vipOwners.get(wire.dst);
    const path = owner === undefined ? null : this.network.path(node, owner);
    if (owner !== undefined && path) {
      this.launch(wire, sentRecord(this.now, wire, node, path), owner, path);
      return;
    }
    this.dropUnroutable(wire, node, owner);
  }

  /** A packet nobody owns, or with no path up to its owner: its `sent` record, then its drop. */
  private dropUnroutable(wire: WirePacket, node: string, owner: string | undefined): void {
    const sent = sentRecord(this.now, wire, node);
    this.records.push(sent);
    if (owner === undefined) {
      const standby = [...this.routers.values()].some((r) => r.hsrp.hasVip(wire.dst));
      const reason = standby
        ? `no router is HSRP Active for ${sent.dst}`
        : `no router owns ${sent.dst} on the internet`;
      this.records.push(outcomeRecord(sent, this.now, 'dropped', node, reason));
      return;
    }
    const wouldBe = this.network.path(node, owner, true);
    const down = wouldBe?.links.find((l) => !this.network.isUp(l.id));
    if (down) sent.link = down.id;
    const reason = down ? `link ${down.id} is down` : `no path from ${node} to ${owner}`;
    this.records.push(outcomeRecord(sent, this.now, 'dropped', node, reason, down?.id));
  }

  /**
   * An HSRP hello to 224.0.0.2 reaches every other router with an interface in the sender's
   * subnet: one copy each, with its own packet id, so that each has one fate in the trace.
   * A hello nobody on the segment could hear is not recorded.
   */
  private multicastOnSegment(node: string, packet: DistributiveOmit<WirePacket, 'id'>): void {
    for (const router of this.routers.values()) {
      if (router.id === node) continue;
      const iface = connectedInterface(router.plan, packet.src);
      if (!iface || iface.config.tunnel) continue;
      const wire = { ...packet, id: this.newPacketId() } as WirePacket;
      const path = this.network.path(node, router.id);
      if (!path) {
        const sent = sentRecord(this.now, wire, node);
        this.records.push(sent);
        const reason = `no path from ${node} to ${router.id}`;
        this.records.push(outcomeRecord(sent, this.now, 'dropped', node, reason));
        continue;
      }
      this.launch(wire, sentRecord(this.now, wire, node, path), router.id, path);
    }
  }

  /** Records a packet's `sent` record (made with `path`) and schedules its arrival. */
  private launch(wire: WirePacket, sent: PacketRecord, owner: string, path: Path): void {
    this.records.push(sent);
    const sentAtMs = this.now;
    this.agenda.schedule(sentAtMs + path.latencyMs, () =>
      this.arrive(wire, sent, path, owner, sentAtMs),
    );
  }

  addressOwnersChanged(): void {
    this.indexVips();
  }

  /** Each virtual IP belongs to the first router (in scenario order) that is Active for it. */
  private indexVips(): void {
    this.vipOwners = new Map();
    for (const router of this.routers.values()) {
      for (const vip of router.hsrp.activeVips())
        if (!this.vipOwners.has(vip)) this.vipOwners.set(vip, router.id);
    }
  }

  private arrive(
    wire: WirePacket,
    sent: PacketRecord,
    path: Path,
    owner: string,
    sentAtMs: number,
  ): void {
    const broken = this.network.brokenSince(path, sentAtMs);
    if (broken) {
      const reason = `link ${broken.id} went down`;
      this.records.push(outcomeRecord(sent, this.now, 'dropped', owner, reason, broken.id));
      return;
    }
    let decided = false;
    (this.routers.get(owner) as Router).receive(wire, (reason) => {
      if (decided) return;
      decided = true;
      this.records.push(
        reason === null
          ? outcomeRecord(sent, this.now, 'delivered', owner)
          : outcomeRecord(sent, this.now, 'dropped', owner, reason),
      );
    });
    if (!decided) this.records.push(outcomeRecord(sent, this.now, 'delivered', owner));
  }

  deliverToHost(node: string, packet: InnerPacket): void {
    if (packet.kind !== 'icmp') return;
    if (packet.type === 'echo') {
      // The host answers at once; its reply starts back through the same router.
      this.routers.get(node)?.data.forward(echoReply(packet));
      return;
    }
    const flow = this.flows.get(packet.flow);
    const sentAtMs = flow?.outstanding.settle(packet.seq);
    if (!flow || sentAtMs === undefined) return;
    // Pushed whole rather than through record(): one per ping, the same keys in the same order.
    this.records.push({
      atMs: this.now,
      kind: 'ping',
      flow: flow.def.id,
      seq: packet.seq,
      result: 'ok',
      rttMs: this.now - sentAtMs,
    });
    // IOS sends the next echo once this one is answered; here not sooner than everyMs after it.
    if (flow.def.repeat !== undefined) {
      this.nextEcho(flow, Math.max(0, sentAtMs + flow.def.everyMs - this.now));
    }
  }

  // ---- timeline and traffic ----

  private applyTimeline(entry: LoadedScenario['scenario']['timeline'][number]): void {
    switch (entry.action) {
      case 'reload':
        this.record({ kind: 'fault', event: 'reload', node: entry.node });
        this.routers.get(entry.node)?.reload();
        this.indexOwners();
        return;
      case 'link-down':
      case 'link-up':
        this.record({ kind: 'fault', event: entry.action, link: entry.link });
        this.network.setLink(entry.link, entry.action === 'link-up', this.now);
        return;
      case 'config': {
        const errors = this.routers.get(entry.node)?.configure(entry.lines) ?? [];
        const detail =
          errors.length > 0 ? `rejected: ${errors.join('; ')}` : entry.lines.join('\n');
        this.record({ kind: 'fault', event: 'config', node: entry.node, detail });
        this.indexOwners();
        return;
      }
      case 'exec':
        this.record({ kind: 'fault', event: 'exec', node: entry.node, detail: entry.command });
        this.routers.get(entry.node)?.exec(entry.command);
        return;
      case 'traffic': {
        const scan = this.scans.get(entry.flow);
        if (scan) {
          if (entry.state === 'start') this.startScan(scan);
          else this.stopScan(scan);
          return;
        }
        const flow = this.flows.get(entry.flow);
        if (!flow) return;
        if (entry.state === 'start') this.startFlow(flow);
        else this.stopFlow(flow);
        return;
      }
    }
  }

  private startFlow(flow: FlowState): void {
    if (flow.running) return;
    flow.running = true;
    this.record({ kind: 'fault', event: 'traffic-start', flow: flow.def.id });
    this.pingTick(flow);
  }

  private stopFlow(flow: FlowState): void {
    if (!flow.running) return;
    flow.running = false;
    if (flow.tick) flow.tick.cancelled = true;
    flow.tick = null;
    this.record({ kind: 'fault', event: 'traffic-stop', flow: flow.def.id });
  }

  private pingTick(flow: FlowState): void {
    if (!flow.running) return;
    const def = flow.def;
    const seq = flow.seq++;
    flow.outstanding.sent(seq, this.now);
    const src = flow.srcIp;
    flow.srcRouter?.data.forward({
      kind: 'icmp',
      type: 'echo',
      src,
      dst: flow.dstIp,
      flow: def.id,
      seq,
      sizeBytes: def.sizeBytes,
    });
    this.after(PING_TIMEOUT_MS, () => {
      if (flow.outstanding.settle(seq) === undefined) return;
      this.record({ kind: 'ping', flow: def.id, seq, result: 'lost' });
      if (def.repeat !== undefined) this.nextEcho(flow, 0);
    });
    if (def.repeat === undefined) flow.tick = this.after(def.everyMs, () => this.pingTick(flow));
  }

  private startScan(scan: ScanState): void {
    if (scan.running) return;
    scan.running = true;
    this.record({ kind: 'fault', event: 'traffic-start', flow: scan.def.id, detail: SCAN_DETAIL });
    this.scanTick(scan);
  }

  private stopScan(scan: ScanState): void {
    if (!scan.running) return;
    scan.running = false;
    if (scan.tick) scan.tick.cancelled = true;
    scan.tick = null;
    this.record({ kind: 'fault', event: 'traffic-stop', flow: scan.def.id, detail: SCAN_DETAIL });
  }

  /** One ESP packet with a fresh random SPI, onto the wire where the scanner sits. */
  private scanTick(scan: ScanState): void {
    if (!scan.running) return;
    this.transmit(scan.def.from, {
      proto: 'esp',
      src: scan.srcIp,
      dst: scan.dstIp,
      spi: this.rng.nextInt(SPI_MIN, SPI_MAX),
      inner: { kind: 'opaque', src: scan.srcIp, dst: scan.dstIp, sizeBytes: SCAN_PAYLOAD_BYTES },
      gre: false,
      sizeBytes: SCAN_PAYLOAD_BYTES + ESP_OVERHEAD_BYTES,
    });
    scan.tick = this.after(scan.def.everyMs, () => this.scanTick(scan));
  }

  /** A `repeat` flow's next echo, `delayMs` from now, or its end after the last one. */
  private nextEcho(flow: FlowState, delayMs: number): void {
    if (flow.seq >= (flow.def.repeat ?? Number.POSITIVE_INFINITY)) this.stopFlow(flow);
    else if (flow.running) flow.tick = this.after(delayMs, () => this.pingTick(flow));
  }

  /**
   * The router a ping from `addr` starts at: the one whose LAN holds that host, or the router
   * itself when `addr` is one of its addresses (`ping … source …` typed on the router).
   */
  private lanRouterOf(addr: number): Router | undefined {
    for (const router of this.routers.values()) {
      if (router.plan.ownAddrs.has(addr)) return router;
      const iface = connectedInterface(router.plan, addr);
      if (iface && !iface.config.tunnel) return router;
    }
    return undefined;
  }

  /** Which router answers to each address, and hosts each flow (rebuilt when configs change). */
  private indexOwners(): void {
    for (const flow of this.flows.values()) flow.srcRouter = this.lanRouterOf(flow.srcIp);
    this.owners = new Map();
    for (const router of this.routers.values()) {
      for (const addr of router.plan.ownAddrs)
        if (!this.owners.has(addr)) this.owners.set(addr, router.id);
    }
    this.indexVips();
  }
}

/**
 * The `sent` record of a wire packet, with what views need to draw and label it; with `path`,
 * also its flight (arrival time, nodes, first link). Keys are in one fixed order (JSON order).
 */
function sentRecord(atMs: number, wire: WirePacket, node: string, path?: Path): PacketRecord {
  if (path && wire.proto === 'esp' && wire.inner.kind === 'icmp' && path.links[0]) {
    return sentEspPingRecord(atMs, wire, wire.inner, node, path, path.links[0].id);
  }
  const record: PacketRecord = {
    atMs,
    kind: 'packet',
    event: 'sent',
    packetId: wire.id,
    src: ipText(wire.src),
    dst: ipText(wire.dst),
    proto: wire.proto === 'isakmp' ? 'isakmp' : wire.proto === 'esp' ? 'esp' : 'ip',
    node,
  };
  if (wire.proto !== 'isakmp') {
    if (wire.proto === 'esp') {
      record.spi = formatSpi(wire.spi);
      record.sizeBytes = wire.sizeBytes;
    }
    record.inner = describeInner(wire.inner, ipText);
    if (wire.inner.kind === 'icmp') {
      record.flow = wire.inner.flow;
      record.pingSeq = wire.inner.seq;
    }
  } else {
    record.msg = wire.ike.msg;
    if (wire.ike.initialContact) record.initialContact = true;
    const deleted = wire.ike.deleteSpis?.[0];
    if (deleted !== undefined) record.deleteSpi = formatSpi(deleted);
    if (wire.ike.seq !== undefined) record.seq = wire.ike.seq;
    record.icookie = wire.ike.icookie;
    record.rcookie = wire.ike.rcookie;
    if (wire.ike.messageId !== undefined) record.messageId = wire.ike.messageId;
  }
  if (path) {
    record.arrivesAtMs = atMs + path.latencyMs;
    record.path = path.nodes;
    if (path.links[0]) record.link = path.links[0].id;
  }
  return record;
}

/**
 * sentRecord's most frequent case, an ESP-encrypted ping on its way, built as one literal (the
 * same keys in the same order) so that the million records of a long run are allocated whole.
 */
function sentEspPingRecord(
  atMs: number,
  wire: Extract<WirePacket, { proto: 'esp' }>,
  inner: IcmpPacket,
  node: string,
  path: Path,
  link: string,
): PacketRecord {
  return {
    atMs,
    kind: 'packet',
    event: 'sent',
    packetId: wire.id,
    src: ipText(wire.src),
    dst: ipText(wire.dst),
    proto: 'esp',
    node,
    spi: formatSpi(wire.spi),
    sizeBytes: wire.sizeBytes,
    inner: describeInner(inner, ipText),
    flow: inner.flow,
    pingSeq: inner.seq,
    arrivesAtMs: atMs + path.latencyMs,
    path: path.nodes,
    link,
  };
}

/** A packet's fate: identity fields from its `sent` record, plus where and why. */
function outcomeRecord(
  sent: PacketRecord,
  atMs: number,
  event: 'delivered' | 'dropped',
  node: string,
  reason?: string,
  link?: string,
): PacketRecord {
  const record: PacketRecord = {
    atMs,
    kind: 'packet',
    event,
    packetId: sent.packetId,
    src: sent.src,
    dst: sent.dst,
    proto: sent.proto,
    node,
  };
  if (sent.msg !== undefined) record.msg = sent.msg;
  if (sent.spi !== undefined) record.spi = sent.spi;
  // An HSRP hello's fate names it (a plain IP packet's does not: its flow and seq say enough).
  if (sent.proto === 'ip' && sent.inner?.startsWith('HSRP ')) record.inner = sent.inner;
  if (reason !== undefined) record.reason = reason;
  if (link !== undefined) record.link = link;
  return record;
}

export interface SimResult {
  records: TraceRecord[];
  endMs: number;
  /** Every router's SA tables at endMs. */
  views: RouterView[];
}

/**
 * Runs a scenario from 0 to `untilMs` (default: its durationMs). Pure: same input, same trace.
 * @example simulate(loaded).records.filter((r) => r.kind === 'syslog')
 */
export function simulate(loaded: LoadedScenario, options: { untilMs?: number } = {}): SimResult {
  const sim = new Simulation(loaded);
  const endMs = endOf(loaded, options.untilMs);
  sim.runUntil(endMs);
  return { records: sim.records, endMs, views: sim.views() };
}

/** Virtual time simulated between two hand-overs of simulateStreaming. */
export const STREAM_SLICE_MS = 60_000;

/**
 * Runs like simulate, but hands the records to `onRecords` slice by slice (STREAM_SLICE_MS of
 * virtual time each, in order) and keeps none of them: the memory a run takes does not grow
 * with its trace. The records handed over are the trace simulate gives, byte for byte (the
 * engine never reads its trace back). `onRecords` may keep the array it is given.
 */
export function simulateStreaming(
  loaded: LoadedScenario,
  options: { untilMs?: number },
  onRecords: (records: TraceRecord[]) => void,
): Omit<SimResult, 'records'> {
  const sim = new Simulation(loaded);
  const endMs = endOf(loaded, options.untilMs);
  for (let sliceEndMs = 0; ; sliceEndMs = Math.min(endMs, sliceEndMs + STREAM_SLICE_MS)) {
    sim.runUntil(sliceEndMs);
    if (sim.records.length > 0) onRecords(sim.records.splice(0));
    if (sliceEndMs >= endMs) break;
  }
  return { endMs, views: sim.views() };
}

function endOf(loaded: LoadedScenario, untilMs: number | undefined): number {
  return Math.min(untilMs ?? loaded.scenario.durationMs, loaded.scenario.durationMs);
}
