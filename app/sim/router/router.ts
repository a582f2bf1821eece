// One simulated IOS router: power, running/startup config, and the dispatch of what arrives on
// the wire. Protocol work is delegated to IkeControl (phase 1, DPD, DELETE), SaControl (quick
// mode, SADB, lifetimes) and DataPlane (forwarding, encryption, invalid SPIs), and Nhrp.

import { applyConfigLines } from '../../ios/applyConfigLines';
import { parseIosConfig } from '../../ios/parseConfig';
import type { RouterConfig } from '../../ios/types';
import type { ExecCommand, RouterNode } from '../../scenario/types';
import type { WirePacket } from '../packets';
import type { World } from '../world';
import { DataPlane } from './dataPlane';
import { compilePlan, type ForwardingPlan, ipText, type PlanInterface } from './forwardingPlan';
import { Hsrp } from './hsrp';
import { IkeControl } from './ikeControl';
import { Nhrp } from './nhrp';
import { SaControl } from './saControl';

export type Outcome = (dropReason: string | null) => void;

export class Router {
  readonly id: string;
  power: 'up' | 'booting' = 'up';
  startupText: string;
  /** The startup-config, parsed: what a reload restores. */
  startupConfig: RouterConfig;
  runningText: string;
  plan: ForwardingPlan;
  /** Bumped on every reload: callbacks from an earlier life check it and do nothing. */
  generation = 0;
  /** ESP packets dropped for an unknown SPI (all peers). */
  invalidSpiDrops = 0;
  /** Last packet received from each peer address: DPD's proof of liveness (RFC 3706 §5.5). */
  readonly lastRxAtMs = new Map<string, number>();
  /** Every SPI this router ever allocated: a rebooted router never reuses one ([I] 4.6). */
  readonly usedSpis = new Set<number>();
  readonly ike: IkeControl;
  readonly sa: SaControl;
  readonly data: DataPlane;
  readonly nhrp: Nhrp;
  readonly hsrp: Hsrp;

  constructor(
    readonly node: RouterNode,
    startupConfig: RouterConfig,
    readonly world: World,
  ) {
    this.id = node.id;
    this.startupText = node.config;
    this.startupConfig = startupConfig;
    this.runningText = node.config;
    this.plan = compilePlan(startupConfig);
    this.ike = new IkeControl(this);
    this.sa = new SaControl(this);
    this.data = new DataPlane(this);
    this.nhrp = new Nhrp(this);
    this.hsrp = new Hsrp(this);
  }

  get config() {
    return this.plan.config;
  }

  /** Debug output, as with `debug crypto isakmp` and `debug crypto ipsec` on. */
  debug(text: string): void {
    this.world.record({ kind: 'debug', node: this.id, text });
  }

  syslog(text: string): void {
    this.world.record({ kind: 'syslog', node: this.id, text });
  }

  /** A fresh SPI for an inbound SA: above the reserved 1..255 (RFC 4303 §2.1), never reused. */
  allocateSpi(): number {
    for (;;) {
      const spi = this.world.rng.nextInt(0x100, 0xffffffff);
      if (!this.usedSpis.has(spi)) {
        this.usedSpis.add(spi);
        return spi;
      }
    }
  }

  /** Power-on work: EzVPN `connect auto` dials, DMVPN spokes register with their NHS. */
  boot(): void {
    this.power = 'up';
    this.hsrp.start();
    this.sa.dialEzvpn();
    this.nhrp.startRegistrations();
  }

  /** A reload loses every SA, the NHRP cache and all timers, and restores the startup-config. */
  reload(): void {
    this.generation++;
    this.hsrp.clearAll();
    this.ike.clearAll();
    this.sa.clearAll();
    this.nhrp.clearAll();
    this.data.clearAll();
    this.lastRxAtMs.clear();
    this.runningText = this.startupText;
    this.plan = compilePlan(this.startupConfig);
    this.power = 'booting';
    const generation = this.generation;
    this.world.after(this.node.bootMs, () => {
      if (this.generation !== generation) return;
      this.world.record({ kind: 'fault', event: 'boot', node: this.id });
      this.boot();
    });
  }

  /** Lines typed in `configure terminal`; returns error messages (nothing applied on error). */
  configure(lines: string[]): string[] {
    const applied = applyConfigLines(this.runningText, lines);
    const parsed = parseIosConfig(applied.text);
    const errors = [...applied.errors, ...parsed.diagnostics.filter((d) => d.severity === 'error')];
    if (errors.length > 0) return errors.map((e) => `line ${e.line}: ${e.message}`);
    this.runningText = applied.text;
    const standbyBefore = standbyKey(this.plan);
    this.plan = compilePlan(parsed.config);
    this.ike.refreshLiveness();
    // A changed `standby` line restarts HSRP on this router from Init ([I] simplified).
    if (this.power === 'up' && standbyKey(this.plan) !== standbyBefore) this.hsrp.start();
    return [];
  }

  exec(command: ExecCommand): void {
    if (this.power !== 'up') return;
    if (command === 'clear crypto sa') this.sa.clearCryptoSa();
    else if (command === 'clear crypto isakmp') this.ike.clearCryptoIsakmp();
    else if (command.startsWith('clear crypto session')) {
      // The IPsec SAs first, each DELETE over the IKE SA, then the IKE SA with its own DELETE
      // ([I] simplified: the order of the notifies is not documented).
      const peer = /^clear crypto session remote (\S+)$/.exec(command)?.[1];
      this.sa.clearCryptoSa(peer);
      this.ike.clearCryptoIsakmp(peer);
    } else {
      this.startupText = this.runningText;
      this.startupConfig = this.plan.config;
    }
  }

  /** A packet from the wire reaches one of this router's addresses. */
  receive(packet: WirePacket, outcome: Outcome): void {
    if (this.power !== 'up') {
      outcome(`${this.id} is reloading`);
      return;
    }
    if (
      packet.proto !== 'ip' &&
      this.hsrp.hasVip(packet.dst) &&
      !this.hsrp.isActiveFor(packet.dst)
    ) {
      outcome(`${this.id} is not HSRP Active for ${ipText(packet.dst)}`);
      return;
    }
    if (packet.proto === 'ip' && packet.inner.kind === 'hsrp') {
      outcome(null);
      this.hsrp.receive(packet.inner);
      return;
    }
    if (packet.proto === 'isakmp') this.ike.receive(packet, outcome);
    else if (packet.proto === 'esp') this.data.receiveEsp(packet, outcome);
    else {
      outcome(null);
      this.data.forward(packet.inner);
    }
  }

  /**
   * Whether crypto on `iface` may run: always, unless its crypto map has `redundancy NAME`, in
   * which case only while the HSRP group NAME on the interface is Active (stateless IPsec HA).
   */
  cryptoActiveOn(iface: PlanInterface): boolean {
    const name = iface.config.cryptoMapRedundancy;
    if (name === null) return true;
    const group = this.hsrp.named(iface.config.name, name);
    return group !== undefined && group.host.state === 'Active';
  }

  /** The addresses this router would use toward `peer` (its WAN address). */
  localAddressToward(peer: number): string {
    const route = this.data.route(peer);
    return ipText(route?.iface.addr ?? 0);
  }
}

/** The HSRP configuration of a plan, to notice a change. */
function standbyKey(plan: ForwardingPlan): string {
  return JSON.stringify(plan.interfaces.map((i) => [i.config.name, i.addr, i.config.standby]));
}
