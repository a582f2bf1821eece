// NHRP for DMVPN (mGRE): static `ip nhrp map` entries, the dynamic cache a hub builds from
// spoke registrations, and the registrations a spoke sends to its NHS (ios-behavior.md 5).
// Only registration is modelled: spoke-to-spoke resolution is not (traffic goes via the hub).

import type { NhrpPacket } from '../packets';
import type { NhrpEntryView, NhsRegistrationView } from '../snapshot';
import { ip, ipText, type PlanInterface, tunnelSourceAddr } from './forwardingPlan';
import type { Router } from './router';
import type { NhrpDynamicEntry } from './routerState';

/** A spoke resends an unanswered registration after 2 s ([I] simplified). */
export const NHRP_RETRY_MS = 2_000;

export class Nhrp {
  private readonly dynamic = new Map<number, NhrpDynamicEntry>();
  private readonly registered = new Set<string>();
  /**
   * Each NHS registration's last change, by `Tunnel0>172.16.0.1`: up since the first reply after
   * an unanswered request, down since a request went unanswered (`show dmvpn` UpDn Tm). Absent:
   * never answered since boot.
   */
  private readonly nhsChanges = new Map<string, { up: boolean; atMs: number }>();

  constructor(private readonly r: Router) {}

  /** The NBMA address of `nextHop` on an mGRE tunnel: static map first, then the cache. */
  resolve(tunnel: PlanInterface, nextHop: number): string | null {
    const hop = ipText(nextHop);
    const mapped = tunnel.config.nhrp?.maps.find((m) => m.tunnelIp === hop);
    if (mapped) return mapped.nbma;
    const entry = this.dynamic.get(nextHop);
    if (
      entry &&
      entry.interfaceName === tunnel.config.name &&
      entry.expiresAtMs > this.r.world.nowMs
    ) {
      return ipText(entry.nbma);
    }
    return null;
  }

  /** Whether this tunnel maps some peer to NBMA address `nbma` (statically or, now, dynamically). */
  knowsNbma(tunnel: PlanInterface, nbma: string): boolean {
    if (tunnel.config.nhrp?.maps.some((m) => m.nbma === nbma)) return true;
    const now = this.r.world.nowMs;
    return [...this.dynamic.values()].some(
      (e) =>
        e.interfaceName === tunnel.config.name && ipText(e.nbma) === nbma && e.expiresAtMs > now,
    );
  }

  /** Spokes: register with every NHS now, and again every holdtime / 3 (IOS default). */
  startRegistrations(): void {
    for (const tunnel of this.r.plan.interfaces) {
      const nhrp = tunnel.config.nhrp;
      if (!nhrp || tunnel.addr === null) continue;
      for (const nhs of nhrp.nhs) this.register(tunnel, nhs, this.r.generation);
    }
  }

  private register(tunnel: PlanInterface, nhs: string, generation: number): void {
    const r = this.r;
    if (r.generation !== generation || tunnel.addr === null) return;
    const nbma = tunnelSourceAddr(r.plan, tunnel.config);
    const holdtimeSec = tunnel.config.nhrp?.holdtimeSec ?? 7200;
    if (nbma === null) return;
    const key = `${tunnel.config.name}>${nhs}`;
    this.registered.delete(key);
    r.data.forward({
      kind: 'nhrp',
      type: 'reg',
      src: tunnel.addr,
      dst: ip(nhs),
      tunnelIp: tunnel.addr,
      nbma,
      holdtimeSec,
      sizeBytes: 92,
    });
    r.world.after(NHRP_RETRY_MS, () => {
      if (r.generation !== generation) return;
      if (!this.registered.has(key) && this.nhsChanges.get(key)?.up === true) {
        this.nhsChanges.set(key, { up: false, atMs: r.world.nowMs });
      }
      const again = this.registered.has(key) ? (holdtimeSec * 1000) / 3 - NHRP_RETRY_MS : 0;
      if (again <= 0) this.register(tunnel, nhs, generation);
      else r.world.after(again, () => this.register(tunnel, nhs, generation));
    });
  }

  /** An NHRP packet addressed to one of our tunnel addresses. */
  receive(packet: NhrpPacket): void {
    const r = this.r;
    const tunnel = r.plan.interfaces.find((i) => i.addr === packet.dst && i.config.tunnel);
    if (!tunnel) return;
    if (packet.type === 'reg') {
      // The hub learns the spoke's NBMA address from its registration (Type: dynamic).
      const now = r.world.nowMs;
      const previous = this.dynamic.get(packet.tunnelIp);
      this.dynamic.set(packet.tunnelIp, {
        tunnelIp: packet.tunnelIp,
        nbma: packet.nbma,
        interfaceName: tunnel.config.name,
        createdAtMs: previous?.createdAtMs ?? now,
        expiresAtMs: now + packet.holdtimeSec * 1000,
      });
      r.data.forward({ ...packet, type: 'reply', src: packet.dst, dst: packet.src });
    } else {
      const key = `${tunnel.config.name}>${ipText(packet.src)}`;
      this.registered.add(key);
      if (this.nhsChanges.get(key)?.up !== true) {
        this.nhsChanges.set(key, { up: true, atMs: r.world.nowMs });
      }
    }
  }

  view(): NhrpEntryView[] {
    const now = this.r.world.nowMs;
    const entries: NhrpEntryView[] = [];
    for (const tunnel of this.r.plan.interfaces) {
      for (const map of tunnel.config.nhrp?.maps ?? []) {
        entries.push({
          tunnelIp: map.tunnelIp,
          mask: '255.255.255.255',
          interfaceName: tunnel.config.name,
          nbma: map.nbma,
          type: 'static',
          createdSec: Math.floor(now / 1000),
          expiresInSec: null,
          createdAtMs: 0,
          expiresAtMs: null,
        });
      }
    }
    for (const e of this.dynamic.values()) {
      if (e.expiresAtMs <= now) continue;
      entries.push({
        tunnelIp: ipText(e.tunnelIp),
        mask: '255.255.255.255',
        interfaceName: e.interfaceName,
        nbma: ipText(e.nbma),
        type: 'dynamic',
        createdSec: Math.floor((now - e.createdAtMs) / 1000),
        expiresInSec: Math.ceil((e.expiresAtMs - now) / 1000),
        createdAtMs: e.createdAtMs,
        expiresAtMs: e.expiresAtMs,
      });
    }
    return entries;
  }

  /** This router's registrations with its NHSs: answered or not, and since when. */
  registrations(): NhsRegistrationView[] {
    return this.r.plan.interfaces.flatMap((tunnel) =>
      (tunnel.config.nhrp?.nhs ?? []).map((nhs) => {
        const change = this.nhsChanges.get(`${tunnel.config.name}>${nhs}`);
        return {
          interfaceName: tunnel.config.name,
          nhs,
          responding: change?.up === true,
          changedAtMs: change === undefined ? null : change.atMs,
        };
      }),
    );
  }

  clearAll(): void {
    this.dynamic.clear();
    this.registered.clear();
    this.nhsChanges.clear();
  }
}
