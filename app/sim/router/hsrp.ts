// HSRP on one router: an hsrpMachine per `standby` group with a virtual IP, hellos on the wire to
// 224.0.0.2, and which virtual IPs the router is Active for (the engine delivers packets for a
// virtual IP to its Active router; `crypto map … redundancy NAME` uses it while Active).
// Simplified ([I]): a router that stops being Active keeps whatever SAs it holds (they go unused,
// as packets for the virtual IP no longer reach it) until they expire or are deleted; a change to
// any `standby` line restarts every group of the router from Init.

import { hsrpStateChangeSyslog } from '../../ios/messages';
import type { StandbyGroup } from '../../ios/types';
import { type HsrpContext, type HsrpState, hsrpMachine } from '../machines/hsrpMachine';
import {
  type Effect,
  MachineHost,
  recordedDetail,
  type StateDetail,
} from '../machines/machineHost';
import { HSRP_HELLO_DST, type HsrpPacket, type HsrpSpeakingState } from '../packets';
import type { HsrpGroupView } from '../snapshot';
import { type ForwardingPlan, ip, ipText, type PlanInterface } from './forwardingPlan';
import type { Router } from './router';

/** An HSRP version 1 hello: 20 bytes of HSRP in UDP in IP. */
const HSRP_HELLO_BYTES = 48;

export interface HsrpGroupRun {
  interfaceName: string;
  /** The interface address (hello source). */
  ifaceIp: number;
  config: StandbyGroup;
  vip: number;
  host: MachineHost<HsrpContext>;
}

export class Hsrp {
  private groups: HsrpGroupRun[] = [];

  constructor(private readonly r: Router) {}

  /**
   * At boot, and after a change of `standby` lines (every group restarts from Init, [I]
   * simplified): one machine per group with a virtual IP.
   */
  start(): void {
    this.clearAll();
    for (const iface of this.r.plan.interfaces) {
      if (iface.addr === null || iface.config.tunnel) continue;
      for (const config of iface.config.standby) {
        if (config.vip === null) continue;
        this.groups.push(this.startGroup(iface, config));
      }
    }
  }

  private startGroup(iface: PlanInterface, config: StandbyGroup): HsrpGroupRun {
    const world = this.r.world;
    const generation = this.r.generation;
    const run = {} as HsrpGroupRun;
    run.interfaceName = iface.config.name;
    run.ifaceIp = iface.addr ?? 0;
    run.config = config;
    run.vip = ip(config.vip ?? '0.0.0.0');
    let last: HsrpState = 'Init';
    run.host = new MachineHost<HsrpContext>(
      hsrpMachine,
      ['sendHello'],
      {
        priority: config.priority,
        preempt: config.preempt,
        helloMs: config.helloSec * 1000,
        holdMs: config.holdSec * 1000,
        selfIp: run.ifaceIp,
        now: () => world.nowMs,
      },
      world.clock,
      (effect: Effect) => {
        if (this.r.generation !== generation) return;
        if (effect.type === 'sendHello') this.sendHello(run);
      },
      (state, detail) => {
        if (this.r.generation !== generation || state === last) return;
        const from = last;
        last = state as HsrpState;
        this.stateChanged(run, from, state as HsrpState, detail);
      },
    );
    run.host.send({ type: 'start' });
    return run;
  }

  private stateChanged(
    run: HsrpGroupRun,
    from: HsrpState,
    to: HsrpState,
    detail: StateDetail,
  ): void {
    this.r.world.record({
      kind: 'state',
      node: this.r.id,
      peer: ipText(run.vip),
      machine: 'hsrp',
      to,
      instance: run.config.group,
      ...recordedDetail(detail),
    });
    this.r.syslog(
      hsrpStateChangeSyslog({
        interfaceName: run.interfaceName,
        group: run.config.group,
        from,
        to,
      }),
    );
    if (from === 'Active' || to === 'Active') this.r.world.addressOwnersChanged();
  }

  private sendHello(run: HsrpGroupRun): void {
    const state = run.host.state as HsrpSpeakingState;
    const hello: HsrpPacket = {
      kind: 'hsrp',
      type: 'hello',
      src: run.ifaceIp,
      dst: HSRP_HELLO_DST,
      group: run.config.group,
      state,
      priority: run.config.priority,
      vip: run.vip,
      sizeBytes: HSRP_HELLO_BYTES,
    };
    this.r.world.transmit(this.r.id, {
      proto: 'ip',
      src: run.ifaceIp,
      dst: HSRP_HELLO_DST,
      inner: hello,
      gre: false,
    });
  }

  /** A hello from another member: to the group of the same number on the interface it came in. */
  receive(hello: HsrpPacket): void {
    for (const run of this.groups) {
      if (run.config.group !== hello.group || run.ifaceIp === hello.src) continue;
      const iface = this.r.plan.interfaces.find((i) => i.config.name === run.interfaceName);
      if (!iface || ((hello.src ^ run.ifaceIp) & iface.mask) !== 0) continue;
      run.host.send({
        type: 'hello',
        from: hello.src,
        state: hello.state,
        priority: hello.priority,
      });
    }
  }

  /** Whether this router is Active for the virtual IP `vip`. */
  isActiveFor(vip: number): boolean {
    return this.groups.some((g) => g.vip === vip && g.host.state === 'Active');
  }

  /** The virtual IPs this router is Active for. */
  activeVips(): number[] {
    return this.groups.filter((g) => g.host.state === 'Active').map((g) => g.vip);
  }

  /** Whether `addr` is the virtual IP of one of this router's groups. */
  hasVip(addr: number): boolean {
    return this.groups.some((g) => g.vip === addr);
  }

  /** The group `crypto map … redundancy NAME` on `interfaceName` names, if it runs. */
  named(interfaceName: string, name: string): HsrpGroupRun | undefined {
    return this.groups.find((g) => g.interfaceName === interfaceName && g.config.name === name);
  }

  /**
   * Every group with a virtual IP in `plan`: the running ones with their state, and those of a
   * reloading router as Init (so a panel still shows the group while the router boots).
   */
  views(plan: ForwardingPlan): HsrpGroupView[] {
    const now = this.r.world.nowMs;
    const views: HsrpGroupView[] = [];
    for (const iface of plan.interfaces) {
      for (const config of iface.config.standby) {
        if (config.vip === null) continue;
        const run = this.groups.find(
          (g) => g.interfaceName === iface.config.name && g.config.group === config.group,
        );
        const state: HsrpState = run ? (run.host.state as HsrpState) : 'Init';
        const heard = run
          ? Object.values(run.host.context.heard).filter(
              (h) => now < h.atMs + run.host.context.holdMs,
            )
          : [];
        const who = (s: HsrpSpeakingState): string => {
          if (state === s) return 'local';
          const found = heard.find((h) => h.state === s);
          return found ? ipText(found.ip) : 'unknown';
        };
        views.push({
          interfaceName: iface.config.name,
          group: config.group,
          name: config.name,
          vip: config.vip,
          state,
          priority: config.priority,
          preempt: config.preempt,
          active: who('Active'),
          standby: who('Standby'),
        });
      }
    }
    return views;
  }

  private stopAll(): void {
    const wasActive = this.groups.some((g) => g.host.state === 'Active');
    for (const run of this.groups) run.host.stop();
    this.groups = [];
    if (wasActive) this.r.world.addressOwnersChanged();
  }

  /** A reload or a restart: every group falls silent and back to Init (recorded, for views). */
  clearAll(): void {
    for (const run of this.groups) {
      if (run.host.state === 'Init') continue;
      this.r.world.record({
        kind: 'state',
        node: this.r.id,
        peer: ipText(run.vip),
        machine: 'hsrp',
        to: 'Init',
        instance: run.config.group,
      });
    }
    this.stopAll();
  }
}
