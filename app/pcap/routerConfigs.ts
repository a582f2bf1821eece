// Each router's configuration as the trace goes, for what the capture shows of it (ISAKMP
// policies, transform sets, GRE keys, HSRP timers, NHRP holdtimes). Follows the engine's rules
// (Router.configure, reload, write memory): typed lines change the running-config, `write
// memory` saves it, a reload restores the startup-config.

import { applyConfigLines } from '../ios/applyConfigLines';
import { parseIosConfig } from '../ios/parseConfig';
import type { RouterConfig } from '../ios/types';
import type { LoadedScenario } from '../scenario/types';
import {
  ANY_PROXY,
  compilePlan,
  ezvpnClientFlow,
  type ForwardingPlan,
  ipText,
  type ProtectedFlow,
  responderFlow,
  tunnelSourceAddr,
} from '../sim/router/forwardingPlan';
import type { FaultRecord } from '../sim/trace';

interface Configs {
  startupText: string;
  startup: RouterConfig;
  runningText: string;
  running: RouterConfig;
  plan: ForwardingPlan | null;
}

/** A config record's detail when the engine refused the lines (simulate.ts applyTimeline). */
const REJECTED_PREFIX = 'rejected: ';

export class RouterConfigs {
  private readonly byNode = new Map<string, Configs>();
  private readonly flows = new WeakMap<ForwardingPlan, Map<string, ProtectedFlow | null>>();

  constructor(loaded: LoadedScenario) {
    for (const node of loaded.scenario.nodes) {
      const config = loaded.startupConfigs[node.id];
      if (node.kind !== 'router' || !config) continue;
      this.byNode.set(node.id, {
        startupText: node.config,
        startup: config,
        runningText: node.config,
        running: config,
        plan: null,
      });
    }
  }

  /** Follows one fault record of the trace, in trace order. */
  apply(record: FaultRecord): void {
    const c = record.node === undefined ? undefined : this.byNode.get(record.node);
    if (!c) return;
    if (record.event === 'reload') {
      c.runningText = c.startupText;
      c.running = c.startup;
      c.plan = null;
    } else if (record.event === 'exec' && record.detail === 'write memory') {
      c.startupText = c.runningText;
      c.startup = c.running;
    } else if (record.event === 'config' && !record.detail?.startsWith(REJECTED_PREFIX)) {
      const applied = applyConfigLines(c.runningText, (record.detail ?? '').split('\n'));
      c.runningText = applied.text;
      c.running = parseIosConfig(applied.text).config;
      c.plan = null;
    }
  }

  /** The router's running-config now, compiled as the engine compiles it. */
  plan(node: string): ForwardingPlan | null {
    const c = this.byNode.get(node);
    if (!c) return null;
    c.plan ??= compilePlan(c.running);
    return c.plan;
  }

  /**
   * The IPsec policy `node` applies between its address `local` and `peer`: a crypto map entry
   * naming the peer, a dynamic map, a protected tunnel, or an EzVPN client's (null when none).
   */
  flowToward(node: string, local: number, peer: string): ProtectedFlow | null {
    const plan = this.plan(node);
    if (!plan) return null;
    let byPeer = this.flows.get(plan);
    if (!byPeer) {
      byPeer = new Map();
      this.flows.set(plan, byPeer);
    }
    const key = `${local}|${peer}`;
    if (!byPeer.has(key)) {
      const outside = plan.interfaces.find((i) => i.addr === local && i.config.ezvpn);
      byPeer.set(
        key,
        responderFlow(plan, local, peer, ANY_PROXY, ANY_PROXY) ??
          (outside ? ezvpnClientFlow(plan, outside, peer) : null),
      );
    }
    return byPeer.get(key) ?? null;
  }

  /**
   * The GRE tunnel of `node` from `src` to `dst` (point-to-point to that destination, or
   * multipoint), with its key; null when the packet is not GRE.
   */
  greTunnel(node: string, src: number, dst: number): { key: number | null } | null {
    const plan = this.plan(node);
    if (!plan) return null;
    for (const iface of plan.interfaces) {
      const t = iface.config.tunnel;
      if (!t || t.mode === 'ipsec-ipv4' || tunnelSourceAddr(plan, iface.config) !== src) continue;
      if (t.mode === 'gre-multipoint' || t.destination === ipText(dst)) return { key: t.key };
    }
    return null;
  }

  /** Hello and hold time of HSRP `group` on the interface of `node` that holds `addr`. */
  hsrpTimers(node: string, addr: number, group: number): { helloSec: number; holdSec: number } {
    const iface = this.plan(node)?.interfaces.find((i) => i.addr === addr);
    const standby = iface?.config.standby.find((g) => g.group === group);
    return { helloSec: standby?.helloSec ?? 3, holdSec: standby?.holdSec ?? 10 };
  }

  /** `ip nhrp holdtime` of the tunnel of `node` whose address is `tunnelAddr` (default 7200). */
  nhrpHoldtimeSec(node: string, tunnelAddr: number): number {
    const iface = this.plan(node)?.interfaces.find((i) => i.addr === tunnelAddr);
    return iface?.config.nhrp?.holdtimeSec ?? 7200;
  }

  isakmpPolicies(node: string) {
    return this.plan(node)?.config.isakmpPolicies ?? [];
  }

  /** The group an Easy VPN client on `node` names in aggressive mode, or null. */
  ezvpnGroup(node: string): string | null {
    return this.plan(node)?.config.ezvpnClients.find((c) => c.group !== null)?.group ?? null;
  }
}
