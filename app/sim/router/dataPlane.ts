// The forwarding path of one router: routing an IP packet to a LAN host, into a tunnel, through
// a crypto map or in the clear; ESP encapsulation with the current outbound SA; ESP arrival and
// the invalid-SPI handling of ios-behavior.md 1 and 7.1 (InvSpiHandler).

import { ignoringDeleteNotifyDebug, invalidSpiSyslog } from '../../ios/messages';
import { describeInner, echoReply, type InnerPacket, type WirePacket } from '../packets';
import { formatSpi, NOT_PROGRAMMED_REASON } from '../trace';
import {
  cachedFlow,
  connectedInterface,
  ezvpnClientFlow,
  flowCovers,
  ip,
  ipText,
  lookupRoute,
  matchAcl,
  type PlanInterface,
  type ProtectedFlow,
  type RouteChoice,
  staticEntryFlow,
  tunnelFlow,
  tunnelSourceAddr,
} from './forwardingPlan';
import type { Outcome, Router } from './router';
import type { SaPair } from './routerState';

/** RECVD_PKT_INV_SPI is logged at most once a minute per (src, dst, spi) ([C] rate, [I] key). */
export const INV_SPI_LOG_INTERVAL_MS = 60_000;
/** ESP adds about 60 bytes to a tunnel-mode packet (header, IV, padding, ICV). */
export const ESP_OVERHEAD_BYTES = 60;

export class DataPlane {
  private readonly invSpiLoggedAtMs = new Map<string, number>();

  constructor(private readonly r: Router) {}

  route(dst: number): RouteChoice | null {
    return lookupRoute(this.r.plan, dst);
  }

  private drop(inner: InnerPacket, reason: string): void {
    this.r.world.record({
      kind: 'packet',
      event: 'dropped',
      packetId: this.r.world.newPacketId(),
      inner: describeInner(inner, ipText),
      ...(inner.kind === 'icmp' ? { flow: inner.flow, pingSeq: inner.seq } : {}),
      src: ipText(inner.src),
      dst: ipText(inner.dst),
      proto: 'ip',
      node: this.r.id,
      reason,
    });
  }

  /** Routes an IP packet that came from a LAN host or out of a tunnel or SA. */
  forward(inner: InnerPacket): void {
    if (this.r.power !== 'up') {
      this.drop(inner, `${this.r.id} is reloading`);
      return;
    }
    const plan = this.r.plan;
    if (plan.ownAddrs.has(inner.dst)) {
      if (inner.kind === 'nhrp') this.r.nhrp.receive(inner);
      // A router answers pings to its own addresses, and its own pings' replies end here.
      else if (inner.kind === 'icmp' && inner.type === 'echo') {
        this.forward(echoReply(inner));
      } else this.r.world.deliverToHost(this.r.id, inner);
      return;
    }
    const connected = connectedInterface(plan, inner.dst);
    if (connected && !connected.config.tunnel) {
      this.r.world.deliverToHost(this.r.id, inner);
      return;
    }
    const route = this.route(inner.dst);
    if (!route) {
      this.drop(inner, `no route to ${ipText(inner.dst)}`);
      return;
    }
    if (route.iface.config.tunnel) this.tunnelOut(route.iface, route.nextHop, inner);
    else this.physicalOut(route.iface, inner);
  }

  private tunnelOut(tunnel: PlanInterface, nextHop: number, inner: InnerPacket): void {
    const t = tunnel.config.tunnel;
    const src = tunnelSourceAddr(this.r.plan, tunnel.config);
    if (!t || src === null) {
      this.drop(inner, `${tunnel.config.name} has no usable tunnel source`);
      return;
    }
    const endpoint =
      t.mode === 'gre-multipoint' ? this.r.nhrp.resolve(tunnel, nextHop) : (t.destination ?? null);
    if (endpoint === null) {
      this.drop(inner, `NHRP has no NBMA address for next hop ${ipText(nextHop)}`);
      return;
    }
    const gre = t.mode !== 'ipsec-ipv4';
    if (!t.protectionProfile) {
      this.r.world.transmit(this.r.id, { proto: 'ip', src, dst: ip(endpoint), inner, gre });
      return;
    }
    const flow = cachedFlow(this.r.plan, tunnel, endpoint, () =>
      tunnelFlow(this.r.plan, tunnel, endpoint, true),
    );
    if (!flow) {
      this.drop(
        inner,
        `${tunnel.config.name}: ipsec profile ${t.protectionProfile} is not configured`,
      );
      return;
    }
    this.protect(flow, inner, gre);
  }

  private physicalOut(iface: PlanInterface, inner: InnerPacket): void {
    const config = this.r.config;
    const mapName = iface.config.cryptoMap;
    if (mapName) {
      const entries = this.r.plan.staticEntries.get(mapName) ?? [];
      for (const entry of entries) {
        if (!entry.matchAcl) continue;
        const acl = matchAcl(this.r.plan, entry.matchAcl, inner.src, inner.dst);
        if (!acl) continue;
        if (acl.action === 'deny') break;
        const owner = `map:${entry.map}:${entry.seq}`;
        const peer = this.r.sa.currentPeer(owner);
        if (!peer) continue;
        if (!this.r.cryptoActiveOn(iface)) {
          // `crypto map … redundancy NAME` on a router that is not HSRP Active: the standby
          // holds no SAs and negotiates none ([I] simplified).
          const name = iface.config.cryptoMapRedundancy;
          this.drop(inner, `crypto map ${mapName} redundancy ${name}: HSRP group not Active here`);
          return;
        }
        // An ACL line belongs to one crypto map entry in practice; the first match wins anyway.
        const flow = cachedFlow(this.r.plan, acl, peer, () =>
          staticEntryFlow(config, iface, entry, acl, peer),
        );
        if (flow) this.protect(flow, inner, false);
        return;
      }
      // Traffic that matches an SA a dynamic map instantiated (the hub answering a spoke).
      const dynamicPair = this.r.sa.outboundCovering(iface.config.name, inner.src, inner.dst);
      if (dynamicPair) {
        this.encapsulate(dynamicPair, inner, false);
        return;
      }
    }
    if (iface.config.ezvpn?.role === 'outside') {
      const owner = `ezvpn:${iface.config.ezvpn.name}`;
      const peer = this.r.sa.currentPeer(owner);
      const flow = peer
        ? cachedFlow(this.r.plan, iface, peer, () => ezvpnClientFlow(this.r.plan, iface, peer))
        : null;
      if (flow && flowCovers(flow, inner.src, inner.dst)) {
        this.protect(flow, inner, false);
        return;
      }
    }
    this.r.world.transmit(this.r.id, {
      proto: 'ip',
      src: inner.src,
      dst: inner.dst,
      inner,
      gre: false,
    });
  }

  /** Encrypts with the flow's current outbound SA, or drops and asks for one (IOS does both). */
  private protect(flow: ProtectedFlow, inner: InnerPacket, gre: boolean): void {
    const pair = this.r.sa.outboundFor(flow);
    if (!pair) {
      this.drop(inner, `no IPsec SA to ${flow.peer} yet: negotiating`);
      this.r.sa.request(flow);
      return;
    }
    this.encapsulate(pair, inner, gre);
  }

  private encapsulate(pair: SaPair, inner: InnerPacket, gre: boolean): void {
    const world = this.r.world;
    const sizeBytes = inner.sizeBytes + ESP_OVERHEAD_BYTES;
    pair.encaps++;
    pair.bytesOut += sizeBytes;
    pair.carriedTraffic = true;
    pair.lastActivityAtMs = world.nowMs;
    world.transmit(this.r.id, {
      proto: 'esp',
      src: pair.flow.localIp,
      dst: pair.flow.peerIp,
      spi: pair.outboundSpi,
      inner,
      gre,
      sizeBytes,
    });
    // After the packet is on its way: reaching a volume mark may rekey or end the SA.
    if (pair.bytesOut >= pair.outMarkBytes)
      pair.outMarkBytes = this.r.sa.volumeUsed(pair, pair.bytesOut);
    // On-demand DPD asks only when we send and the peer has been silent ([C-2] 2.1).
    const liveness = this.r.ike.established(pair.flow.peer)?.liveness;
    if (liveness?.state === 'worried') liveness.send({ type: 'traffic.out' });
  }

  receiveEsp(packet: Extract<WirePacket, { proto: 'esp' }>, outcome: Outcome): void {
    const pair = this.r.sa.inbound.get(packet.spi);
    if (!pair?.inboundProgrammed) {
      const why = pair ? NOT_PROGRAMMED_REASON : 'no inbound SA';
      outcome(`invalid SPI ${formatSpi(packet.spi)}: ${why}`);
      this.invalidSpi(packet, pair !== undefined);
      return;
    }
    if (packet.inner.kind === 'opaque') {
      // A scanner's random SPI that happens to be a live one: its made-up bytes fail the SA's
      // integrity check (RFC 4303 section 3.4.4) and are dropped before decryption.
      outcome(`ESP integrity check failed for SPI ${formatSpi(packet.spi)}`);
      return;
    }
    outcome(null);
    const world = this.r.world;
    const peer = pair.flow.peer;
    pair.decaps++;
    pair.bytesIn += packet.sizeBytes;
    pair.carriedTraffic = true;
    pair.lastActivityAtMs = world.nowMs;
    this.r.lastRxAtMs.set(peer, world.nowMs);
    const liveness = this.r.ike.established(peer)?.liveness;
    if (liveness?.state === 'worried') liveness.send({ type: 'traffic.in' });
    this.forward(packet.inner);
    if (pair.bytesIn >= pair.inMarkBytes)
      pair.inMarkBytes = this.r.sa.volumeUsed(pair, pair.bytesIn);
  }

  /**
   * ios-behavior.md 7.1 item 6: drop, log (rate-limited), then DELETE, recover, or give up.
   * `programming`: the SPI is IKE's own, installed but not yet in the crypto engine (the rekey
   * race of 1.1): drop and log only, as IKE has nothing to delete ([I], simplified).
   */
  private invalidSpi(packet: Extract<WirePacket, { proto: 'esp' }>, programming: boolean): void {
    const r = this.r;
    const now = r.world.nowMs;
    const src = ipText(packet.src);
    const dst = ipText(packet.dst);
    r.invalidSpiDrops++;
    const key = `${src}>${dst}:${packet.spi}`;
    const lastLogAtMs = this.invSpiLoggedAtMs.get(key);
    if (lastLogAtMs === undefined || now - lastLogAtMs >= INV_SPI_LOG_INTERVAL_MS) {
      this.invSpiLoggedAtMs.set(key, now);
      r.syslog(invalidSpiSyslog({ destAddr: dst, spi: packet.spi, srcAddr: src }));
    }
    if (programming) return;
    // With an IKE SA to the sender IOS always sends the DELETE, command or not ([C] 1.2).
    const ike = r.ike.established(src);
    if (ike) {
      r.ike.sendDelete(ike, [packet.spi]);
      return;
    }
    // Without one, `crypto isakmp invalid-spi-recovery` starts main mode to a peer it knows
    // statically and sends the DELETE over the new SA ([C] 1.3, table 1.6).
    if (r.config.invalidSpiRecovery && this.isStaticPeer(src)) {
      const negotiating = r.ike.negotiating(src);
      if (negotiating) {
        if (!negotiating.pendingDeletes.includes(packet.spi))
          negotiating.pendingDeletes.push(packet.spi);
      } else {
        r.ike.start(src, dst, { deletes: [packet.spi] });
      }
      return;
    }
    r.debug(ignoringDeleteNotifyDebug({ src: dst, dst: src, spi: packet.spi }));
  }

  /**
   * Whether the configuration names `addr` as a peer IOS can call: a static crypto map peer, a
   * tunnel destination, or an NHRP mapping. Dynamic maps and mGRE peers known only from a lost
   * registration are not (ios-behavior.md 1.6 and 5).
   */
  isStaticPeer(addr: string): boolean {
    const plan = this.r.plan;
    for (const iface of plan.interfaces) {
      const entries = plan.staticEntries.get(iface.config.cryptoMap ?? '') ?? [];
      if (entries.some((e) => e.peers.some((p) => p.address === addr))) return true;
    }
    return plan.interfaces.some((i) => {
      const t = i.config.tunnel;
      if (!t?.protectionProfile) return false;
      if (t.mode !== 'gre-multipoint') return t.destination === addr;
      return this.r.nhrp.knowsNbma(i, addr);
    });
  }

  /** A reload forgets the syslog limiter too. */
  clearAll(): void {
    this.invSpiLoggedAtMs.clear();
  }
}
