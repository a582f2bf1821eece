// The discrete-event engine. Owns virtual time (integer ms) and the agenda; runs the timeline,
// the ping flows and the wire; records the trace. Pure at its boundary: the same scenario gives
// the same trace, byte for byte (no wall clock, no Math.random: every random value comes from
// the scenario's seed).

import type { LoadedScenario, PingFlow, RouterNode } from '../scenario/types';
import { Agenda } from './agenda';
import type { VirtualClock } from './machines/machineHost';
import { Network } from './network';
import { describeInner, type InnerPacket, type WirePacket } from './packets';
import { createRng, type Rng } from './rng';
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
  running: boolean;
  seq: number;
  tick: { cancelled: boolean } | null;
  outstanding: Map<number, number>;
}

export class Simulation implements World {
  readonly records: TraceRecord[] = [];
  readonly rng: Rng;
  readonly routers = new Map<string, Router>();
  readonly network: Network;
  readonly clock: VirtualClock;
  private readonly agenda = new Agenda<() => void>();
  private readonly flows = new Map<string, FlowState>();
  private owners = new Map<number, string>();
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
      if (node.kind === 'router') this.routers.set(node.id, new Router(node as RouterNode, this));
    }
    this.indexOwners();
    for (const router of this.routers.values()) this.agenda.schedule(0, () => router.boot());
    for (const entry of scenario.timeline)
      this.agenda.schedule(entry.atMs, () => this.applyTimeline(entry));
    for (const def of scenario.traffic) {
      const flow: FlowState = { def, running: false, seq: 0, tick: null, outstanding: new Map() };
      this.flows.set(def.id, flow);
      this.agenda.schedule(def.startMs, () => this.startFlow(flow));
      if (def.stopMs !== undefined) this.agenda.schedule(def.stopMs, () => this.stopFlow(flow));
    }
  }

  get nowMs(): number {
    return this.now;
  }

  get durationMs(): number {
    return this.loaded.scenario.durationMs;
  }

  /** Processes every event due at or before `untilMs`, then stands at `untilMs`. */
  runUntil(untilMs: number): void {
    const limit = Math.min(untilMs, this.durationMs);
    for (
      let next = this.agenda.peekAtMs();
      next !== undefined && next <= limit;
      next = this.agenda.peekAtMs()
    ) {
      const entry = this.agenda.pop();
      if (!entry) break;
      this.now = entry.atMs;
      entry.item();
    }
    this.now = Math.max(this.now, limit);
  }

  views(): RouterView[] {
    return [...this.routers.values()].map((router) => routerView(router, this.now));
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
    const wire = packet as WirePacket; // a fresh object from the router: stamp it in place
    wire.id = this.newPacketId();
    const base = packetBase(wire, node);
    const owner = this.owners.get(wire.dst);
    if (owner === undefined) {
      this.record({ ...base, event: 'sent' });
      this.record({
        ...base,
        event: 'dropped',
        reason: `no router owns ${ipText(wire.dst)} on the internet`,
      });
      return;
    }
    const path = this.network.path(node, owner);
    if (!path) {
      const wouldBe = this.network.path(node, owner, true);
      const down = wouldBe?.links.find((l) => !this.network.isUp(l.id));
      this.record({ ...base, event: 'sent', ...(down ? { link: down.id } : {}) });
      this.record({
        ...base,
        event: 'dropped',
        reason: down ? `link ${down.id} is down` : `no path from ${node} to ${owner}`,
        ...(down ? { link: down.id } : {}),
      });
      return;
    }
    const sentAtMs = this.now;
    const arrivesAtMs = sentAtMs + path.latencyMs;
    this.record({
      ...base,
      event: 'sent',
      arrivesAtMs,
      path: path.nodes,
      ...(path.links[0] ? { link: path.links[0].id } : {}),
    });
    this.agenda.schedule(arrivesAtMs, () => {
      const broken = this.network.brokenSince(path, sentAtMs);
      if (broken) {
        this.record({
          ...base,
          event: 'dropped',
          node: owner,
          link: broken.id,
          reason: `link ${broken.id} went down`,
        });
        return;
      }
      const router = this.routers.get(owner) as Router;
      let decided = false;
      router.receive(wire, (reason) => {
        if (decided) return;
        decided = true;
        this.record(
          reason === null
            ? { ...base, event: 'delivered', node: owner }
            : { ...base, event: 'dropped', node: owner, reason },
        );
      });
      if (!decided) this.record({ ...base, event: 'delivered', node: owner });
    });
  }

  deliverToHost(node: string, packet: InnerPacket): void {
    if (packet.kind !== 'icmp') return;
    if (packet.type === 'echo') {
      // The host answers at once; its reply starts back through the same router.
      this.routers
        .get(node)
        ?.data.forward({ ...packet, type: 'reply', src: packet.dst, dst: packet.src });
      return;
    }
    const flow = this.flows.get(packet.flow);
    const sentAtMs = flow?.outstanding.get(packet.seq);
    if (!flow || sentAtMs === undefined) return;
    flow.outstanding.delete(packet.seq);
    this.record({
      kind: 'ping',
      flow: flow.def.id,
      seq: packet.seq,
      result: 'ok',
      rttMs: this.now - sentAtMs,
    });
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
    flow.outstanding.set(seq, this.now);
    const src = ip(def.src);
    const router = this.lanRouterOf(src);
    router?.data.forward({
      kind: 'icmp',
      type: 'echo',
      src,
      dst: ip(def.dst),
      flow: def.id,
      seq,
      sizeBytes: def.sizeBytes,
    });
    this.after(PING_TIMEOUT_MS, () => {
      if (!flow.outstanding.delete(seq)) return;
      this.record({ kind: 'ping', flow: def.id, seq, result: 'lost' });
    });
    flow.tick = this.after(def.everyMs, () => this.pingTick(flow));
  }

  private lanRouterOf(addr: number): Router | undefined {
    for (const router of this.routers.values()) {
      const iface = connectedInterface(router.plan, addr);
      if (iface && !iface.config.tunnel && !router.plan.ownAddrs.has(addr)) return router;
    }
    return undefined;
  }

  /** Which router answers to each interface address (rebuilt when configs change). */
  private indexOwners(): void {
    this.owners = new Map();
    for (const router of this.routers.values()) {
      for (const addr of router.plan.ownAddrs)
        if (!this.owners.has(addr)) this.owners.set(addr, router.id);
    }
  }
}

function packetBase(wire: WirePacket, node: string): Omit<PacketRecord, 'atMs' | 'event'> {
  const base: Omit<PacketRecord, 'atMs' | 'event'> = {
    kind: 'packet',
    packetId: wire.id,
    src: ipText(wire.src),
    dst: ipText(wire.dst),
    proto: wire.proto === 'isakmp' ? 'isakmp' : wire.proto === 'esp' ? 'esp' : 'ip',
    node,
  };
  if (wire.proto === 'esp') {
    base.spi = formatSpi(wire.spi);
    base.inner = describeInner(wire.inner, ipText);
  } else if (wire.proto === 'ip') {
    base.inner = describeInner(wire.inner, ipText);
  } else {
    base.msg = wire.ike.msg;
    if (wire.ike.initialContact) base.initialContact = true;
    const deleted = wire.ike.deleteSpis?.[0];
    if (deleted !== undefined) base.deleteSpi = formatSpi(deleted);
    if (wire.ike.seq !== undefined) base.seq = wire.ike.seq;
  }
  return base;
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
  const endMs = Math.min(options.untilMs ?? loaded.scenario.durationMs, loaded.scenario.durationMs);
  sim.runUntil(endMs);
  return { records: sim.records, endMs, views: sim.views() };
}
