// Phase 2 on one router: quick mode, the SADB (inbound SPIs, outbound SA choice), lifetimes,
// rekeys, DELETE handling, `set peer` selection and failover, and session status lines.
// States and timers of each SA pair belong to ipsecSaMachine.

import { isakmpConnId } from '../../ios/isakmpConnId';
import {
  attsAcceptableDebug,
  beginQuickModeDebug,
  createSaDebug,
  deathByRetransmissionDebug,
  deleteNotifyReceivedDebug,
  deletingNodeDebug,
  deletingSaDebug,
  enableOutboundDebug,
  ezvpnConnectionDownSyslog,
  ezvpnConnectionUpSyslog,
  ezvpnXauthPendingSyslog,
  fsmTransitionDebug,
  idleTimerExpiredDebug,
  ikmpModeFailureSyslog,
  ipsecPolicyInvalidatedDebug,
  mapDbNoMatchDebug,
  proxyIdentitiesDebug,
  qmInitiatorGetsSpiDebug,
  retransmitPhase2Debug,
  saPolicyNotAcceptableDebug,
  saRequestDebug,
  sendingPacketDebug,
  sessionStatusSyslog,
} from '../../ios/messages';
import type { CryptoMapEntry, EzvpnClient } from '../../ios/types';
import {
  IPSEC_EFFECTS,
  type IpsecSaContext,
  ipsecSaMachine,
  type SaDeleteCause,
  VOLUME_REKEY_FRACTION,
} from '../machines/ipsecSaMachine';
import { type Effect, MachineHost, recordedDetail } from '../machines/machineHost';
import type { IkePayload } from '../packets';
import type { ProxyIdent } from '../snapshot';
import { formatSpi } from '../trace';
import {
  ezvpnClientFlow,
  flowCovers,
  ip,
  type ProtectedFlow,
  responderFlow,
} from './forwardingPlan';
import type { Router } from './router';
import type { IkeSa, SaPair } from './routerState';

function proxyText(p: ProxyIdent): string {
  return `${p.addr}/${p.mask}/${p.prot}/${p.port}`;
}

/** The quick mode role that receives `msg`: QM2 goes to the initiator, QM1 and QM3 to the responder. */
function roleReceiving(msg: string): 'initiator' | 'responder' {
  return msg === 'QM2' ? 'initiator' : 'responder';
}

/**
 * IOS's quick mode node states around each message sent (ios-behavior.md 4.2 [C], 8.2 [C-2]):
 * initiator IKE_QM_READY → IKE_QM_I_QM1 → IKE_QM_PHASE2_COMPLETE; responder … →
 * IKE_QM_IPSEC_INSTALL_AWAIT → IKE_QM_R_QM2 (→ IKE_QM_PHASE2_COMPLETE at QM3).
 */
const QM_STATES_AFTER_SENDING: Record<'QM1' | 'QM2' | 'QM3', readonly [string, string]> = {
  QM1: ['IKE_QM_READY', 'IKE_QM_I_QM1'],
  QM2: ['IKE_QM_IPSEC_INSTALL_AWAIT', 'IKE_QM_R_QM2'],
  QM3: ['IKE_QM_I_QM1', 'IKE_QM_PHASE2_COMPLETE'],
};

function qmFsm(connId: number, oldState: string, newState: string): string {
  return fsmTransitionDebug({ connId, oldState, newState });
}

/** "esp-aes 256 esp-sha-hmac" → ["esp-aes 256", "esp-sha-hmac"]: a key size stays with its cipher. */
function transformList(text: string): string[] {
  const list: string[] = [];
  for (const word of text.split(' ').filter(Boolean)) {
    if (/^\d+$/.test(word) && list.length > 0) list[list.length - 1] += ` ${word}`;
    else list.push(word);
  }
  return list.sort();
}

/** Whether two transform sets offer the same transforms, in whatever order they list them. */
/** Why a responder refuses a quick mode, and the local address its debug names. */
export interface QuickModeRefusal {
  cause: 'proxy-mismatch' | 'no-common-transform-set';
  local: string;
  /** Why the QM1 is dropped, as the packet's outcome says it. */
  outcome: string;
}

function sameTransforms(a: string, b: string): boolean {
  return transformList(a).join(',') === transformList(b).join(',');
}

export class SaControl {
  readonly pairs = new Map<number, SaPair>();
  /** The SADB's inbound side: SPI → pair (RFC 4301 §4.4.2). */
  readonly inbound = new Map<number, SaPair>();
  private readonly byMessage = new Map<string, SaPair>();
  /** `set peer` index per crypto map entry (ios-behavior.md 7.1 PeerSelector). */
  private readonly peerIndex = new Map<string, number>();
  private readonly sessionUp = new Set<string>();
  /** Easy VPN clients (by name) whose connection is up, for EZVPN_CONNECTION_UP/DOWN. */
  /** The Easy VPN clients whose connection is up, with the XAUTH user they logged in as. */
  private readonly ezvpnUp = new Map<string, string>();
  /** The newest pair with an installed outbound SA, per flow saKey: the data plane's choice. */
  private readonly outboundByKey = new Map<string, SaPair>();
  private nextPairId = 1;
  private nextSaConnId = 2001;

  constructor(private readonly r: Router) {}

  live(): SaPair[] {
    return [...this.pairs.values()];
  }

  withPeer(peer: string): SaPair[] {
    return this.live().filter((p) => p.flow.peer === peer);
  }

  // ---- peer selection ----

  private entryFor(ownerKey: string): CryptoMapEntry | undefined {
    return this.r.plan.entriesByOwner.get(ownerKey);
  }

  private peersOf(ownerKey: string): string[] {
    const entry = this.entryFor(ownerKey);
    if (entry) return entry.peers.map((p) => p.address);
    const ezvpn = this.r.config.ezvpnClients.find((c) => `ezvpn:${c.name}` === ownerKey);
    return ezvpn?.peers ?? [];
  }

  /** The peer IOS tries next for a crypto map entry (or EzVPN client). */
  currentPeer(ownerKey: string): string | undefined {
    const peers = this.peersOf(ownerKey);
    if (peers.length === 0) return undefined;
    return peers[(this.peerIndex.get(ownerKey) ?? 0) % peers.length];
  }

  /**
   * Main mode with `peer` timed out for this entry: move on to the next `set peer` ([C-2] 2.3).
   * With a default peer, a backup that fails hands back to the default ([C] 2.3).
   */
  peerFailed(ownerKey: string, peer: string): void {
    const peers = this.peersOf(ownerKey);
    if (peers.length < 2 || this.currentPeer(ownerKey) !== peer) return;
    const index = this.peerIndex.get(ownerKey) ?? 0;
    const next = this.hasDefaultPeer(ownerKey) && index !== 0 ? 0 : (index + 1) % peers.length;
    this.peerIndex.set(ownerKey, next);
  }

  /**
   * DPD declared `peer` dead. Without a default peer every entry using it fails over to the next
   * `set peer` ([C-2] 2.3). With one, DPD "resets the peer list so that the default peer is tried
   * for the next attempted connection" (IPsec Preferred Peer): the next attempt goes to the
   * default, even if it is the peer that just died, and only its main mode timing out moves on
   * (ios-behavior.md 7.4.7 step 6 [I]).
   */
  peerDead(peer: string): void {
    for (const owner of this.peerListOwners()) {
      if (this.peersOf(owner).length < 2 || this.currentPeer(owner) !== peer) continue;
      if (this.hasDefaultPeer(owner)) this.peerIndex.set(owner, 0);
      else this.peerFailed(owner, peer);
    }
  }

  private hasDefaultPeer(ownerKey: string): boolean {
    return this.entryFor(ownerKey)?.peers[0]?.isDefault === true;
  }

  private peerListOwners(): Set<string> {
    const owners = new Set<string>();
    for (const entry of this.r.config.cryptoMaps) owners.add(`map:${entry.map}:${entry.seq}`);
    for (const client of this.r.config.ezvpnClients) owners.add(`ezvpn:${client.name}`);
    return owners;
  }

  // ---- negotiation ----

  /** Traffic needs an SA that does not exist: start quick mode, after main mode if needed. */
  request(flow: ProtectedFlow): void {
    const pending = this.live().some((p) => p.flow.saKey === flow.saKey && !p.outboundInstalled);
    if (pending) return;
    const ike = this.r.ike.established(flow.peer);
    const negotiating = this.r.ike.negotiating(flow.peer);
    if (!ike && negotiating?.pendingFlows.some((f) => f.ownerKey === flow.ownerKey)) return;
    this.r.debug(
      saRequestDebug({
        src: flow.localAddr,
        dst: flow.peer,
        localProxy: proxyText(flow.proxyLocal),
        remoteProxy: proxyText(flow.proxyRemote),
        transform: flow.transform,
        lifetimeSec: flow.lifetimeSec,
        lifetimeKb: flow.lifetimeKb,
        mode: flow.mode,
      }),
    );
    if (ike) this.startQuickMode(ike, flow);
    else if (negotiating) negotiating.pendingFlows.push(flow);
    else this.r.ike.start(flow.peer, flow.localAddr, { flows: [flow] });
  }

  startQuickMode(ike: IkeSa, flow: ProtectedFlow): void {
    const messageId = this.r.world.rng.nextUint32();
    const connId = isakmpConnId(ike);
    this.r.debug(beginQuickModeDebug({ connId, messageId }));
    this.r.debug(qmInitiatorGetsSpiDebug({ connId }));
    const pair = this.create(ike, flow, 'initiator', messageId, 0);
    pair.host.send({ type: 'start' });
  }

  receiveQuickMode(ike: IkeSa, m: IkePayload): void {
    const key = `${ike.icookie}:${m.messageId}`;
    const existing = this.byMessage.get(key);
    if (existing) {
      const completes = !existing.outboundInstalled && existing.role === roleReceiving(m.msg);
      if (m.msg === 'QM2' && m.spi !== undefined) existing.outboundSpi = m.spi;
      // The initiator accepts the responder's proposal (8.2 [C-2]); the responder's node is done.
      if (completes && m.msg === 'QM2') {
        this.r.debug(attsAcceptableDebug({ connId: isakmpConnId(ike), phase: 2 }));
      }
      if (completes && m.msg === 'QM3') this.qmResponderDone(existing);
      existing.host.send({
        type: 'recv',
        msg: m.msg as 'QM2',
        ...(m.lifetimeSec ? { lifetimeSec: m.lifetimeSec } : {}),
        ...(m.lifetimeKb ? { lifetimeKb: m.lifetimeKb } : {}),
      });
      if (completes && m.msg === 'QM3') this.r.debug(enableOutboundDebug());
      return;
    }
    if (m.msg !== 'QM1' || !ike.established || !m.proxyLocal || !m.proxyRemote) return;
    const flow = responderFlow(this.r.plan, ip(ike.local), ike.peer, m.proxyLocal, m.proxyRemote);
    // quickModeRefusal has refused a QM1 that no policy covers before it got here.
    if (!flow) return;
    const pair = this.create(ike, flow, 'responder', m.messageId ?? 0, m.spi ?? 0);
    const connId = isakmpConnId(ike);
    this.r.debug(attsAcceptableDebug({ connId, phase: 2 }));
    this.r.debug(qmFsm(connId, 'IKE_QM_READY', 'IKE_QM_SPI_STARVE'));
    pair.host.send({
      type: 'recv',
      msg: 'QM1',
      ...(m.lifetimeSec ? { lifetimeSec: m.lifetimeSec } : {}),
      ...(m.lifetimeKb ? { lifetimeKb: m.lifetimeKb } : {}),
    });
  }

  /**
   * Why a responder refuses a new QM1 (its proxy identities match no crypto map entry, or its
   * transforms no transform set of the policy that does), or null when it accepts it or the
   * message is no new QM1 it would answer.
   */
  quickModeRefusal(ike: IkeSa, m: IkePayload): QuickModeRefusal | null {
    if (m.msg !== 'QM1' || this.byMessage.has(`${ike.icookie}:${m.messageId}`)) return null;
    if (!ike.established || !m.proxyLocal || !m.proxyRemote) return null;
    const flow = responderFlow(this.r.plan, ip(ike.local), ike.peer, m.proxyLocal, m.proxyRemote);
    if (!flow) {
      // The initiator's proxies, mirrored: what the responder looks for in its crypto ACLs.
      const wanted = `${proxyText(m.proxyRemote)} → ${proxyText(m.proxyLocal)}`;
      return {
        cause: 'proxy-mismatch',
        local: ike.local,
        outcome: `proxy identities not supported: no crypto map entry of ${this.r.id} permits ${wanted}`,
      };
    }
    if (m.transforms === undefined || sameTransforms(flow.transform, m.transforms)) return null;
    return {
      cause: 'no-common-transform-set',
      local: flow.localAddr,
      outcome: `no common transform set: QM1 offers ${m.transforms}, ${this.r.id} allows ${flow.transform}`,
    };
  }

  /**
   * Refuses a quick mode: no IPsec SA is built, the IKE SA stays (QM_IDLE), the initiator
   * retransmits QM1 until it gives up ([M] 8.9).
   */
  refuseQuickMode(ike: IkeSa, refusal: QuickModeRefusal): void {
    const connId = isakmpConnId(ike);
    const proxies = refusal.cause === 'proxy-mismatch';
    if (proxies) {
      this.r.debug(mapDbNoMatchDebug());
      this.r.debug(proxyIdentitiesDebug());
    }
    this.r.debug(ipsecPolicyInvalidatedDebug({ connId, error: proxies ? 32 : 256 }));
    this.r.debug(
      saPolicyNotAcceptableDebug({ connId, phase: 2, local: refusal.local, remote: ike.peer }),
    );
    this.r.syslog(ikmpModeFailureSyslog({ mode: 'Quick', peer: ike.peer }));
    this.r.ike.negotiationFailed(ike.peer, 2, refusal.cause);
  }

  private create(
    ike: IkeSa,
    flow: ProtectedFlow,
    role: 'initiator' | 'responder',
    messageId: number,
    outboundSpi: number,
  ): SaPair {
    const world = this.r.world;
    const pair = {
      id: this.nextPairId++,
      flow,
      role,
      ike,
      messageId,
      inboundSpi: this.r.allocateSpi(),
      outboundSpi,
      inboundInstalled: false,
      inboundProgrammed: false,
      inboundProgrammedAtMs: 0,
      outboundInstalled: false,
      deleted: false,
      encaps: 0,
      decaps: 0,
      bytesOut: 0,
      bytesIn: 0,
      outMarkBytes: Number.POSITIVE_INFINITY,
      inMarkBytes: Number.POSITIVE_INFINITY,
      carriedTraffic: false,
      lastActivityAtMs: world.nowMs,
      createdAtMs: world.nowMs,
      installedAtMs: 0,
      saConnId: this.nextSaConnId,
      flowId: this.nextSaConnId - 2000,
    } as unknown as SaPair;
    this.nextSaConnId += 2;
    this.pairs.set(pair.id, pair);
    this.byMessage.set(`${ike.icookie}:${messageId}`, pair);
    pair.host = new MachineHost<IpsecSaContext>(
      ipsecSaMachine,
      IPSEC_EFFECTS,
      {
        role,
        lifetimeSec: flow.lifetimeSec,
        lifetimeKb: flow.lifetimeKb,
        idleSec: flow.idle?.seconds ?? null,
        programDelayMs: this.r.node.saInstallDelayMs,
        observe: () => ({
          atMs: world.nowMs,
          lastActivityAtMs: pair.lastActivityAtMs,
          carriedTraffic: pair.carriedTraffic,
        }),
      },
      world.clock,
      (effect) => this.onEffect(pair, effect),
      (state, detail) => {
        if (state === 'idle') return;
        world.record({
          kind: 'state',
          node: this.r.id,
          peer: flow.peer,
          machine: 'ipsec',
          to: state,
          instance: pair.id,
          ...recordedDetail(detail),
        });
      },
    );
    return pair;
  }

  private onEffect(pair: SaPair, effect: Effect): void {
    const p = effect.params;
    const flow = pair.flow;
    switch (effect.type) {
      case 'send': {
        const msg = p.msg as 'QM1' | 'QM2' | 'QM3';
        if ((p.retransmit as number) > 0) {
          this.r.debug(
            retransmitPhase2Debug({ connId: isakmpConnId(pair.ike), messageId: pair.messageId }),
          );
        }
        if (pair.ike.deleted) return; // its IKE SA is gone: nothing can carry the message
        const first = (p.retransmit as number) === 0;
        const connId = isakmpConnId(pair.ike);
        if (first && msg === 'QM2') {
          this.r.debug(qmFsm(connId, 'IKE_QM_SPI_STARVE', 'IKE_QM_IPSEC_INSTALL_AWAIT'));
        }
        this.r.ike.transmit(pair.ike, {
          msg,
          messageId: pair.messageId,
          ...(msg === 'QM3'
            ? {}
            : {
                spi: pair.inboundSpi,
                lifetimeSec: pair.host.context.lifetimeSec,
                lifetimeKb: pair.host.context.lifetimeKb,
              }),
          ...(msg === 'QM1'
            ? {
                proxyLocal: flow.proxyLocal,
                proxyRemote: flow.proxyRemote,
                transforms: flow.transform,
              }
            : {}),
        });
        this.r.debug(
          sendingPacketDebug({
            connId,
            peer: pair.ike.peer,
            role: pair.ike.role === 'initiator' ? 'I' : 'R',
            state: 'QM_IDLE',
          }),
        );
        if (first) {
          const [from, to] = QM_STATES_AFTER_SENDING[msg];
          this.r.debug(qmFsm(connId, from, to));
        }
        return;
      }
      case 'installInbound':
        pair.inboundInstalled = true;
        pair.inMarkBytes = volumeMark(pair, 0);
        pair.inboundProgrammedAtMs = this.r.world.nowMs + pair.host.context.programDelayMs;
        this.inbound.set(pair.inboundSpi, pair);
        this.recordSa(pair, 'installed', 'inbound', pair.inboundSpi);
        return;
      case 'inboundProgrammed':
        // No trace record: no IOS line is known for it, and no table the views show changes.
        pair.inboundProgrammed = true;
        return;
      case 'installOutbound':
        pair.outboundInstalled = true;
        pair.outMarkBytes = volumeMark(pair, 0);
        pair.installedAtMs = this.r.world.nowMs;
        pair.lastActivityAtMs = this.r.world.nowMs;
        this.recordSa(pair, 'installed', 'outbound', pair.outboundSpi);
        this.refreshOutbound(flow.saKey);
        this.updateSession(flow.peer);
        return;
      case 'requestRekey': {
        const ike = this.r.ike.established(flow.peer);
        if (ike) this.startQuickMode(ike, flow);
        else this.r.ike.start(flow.peer, flow.localAddr, { flows: [flow] });
        return;
      }
      case 'deleted':
        this.onDeleted(pair, String(p.reason), p.notifyPeer === true);
        return;
    }
  }

  private recordSa(
    pair: SaPair,
    event: 'installed' | 'deleted',
    direction: 'inbound' | 'outbound',
    spi: number,
    reason?: string,
  ): void {
    const local = pair.flow.localAddr;
    const peer = pair.flow.peer;
    if (event === 'installed') {
      this.r.debug(
        createSaDebug({
          dest: direction === 'inbound' ? local : peer,
          src: direction === 'inbound' ? peer : local,
          spi,
          transform: pair.flow.transform,
          connId: pair.saConnId + (direction === 'outbound' ? 1 : 0),
          direction,
        }),
      );
    } else {
      this.r.debug(
        deletingSaDebug({
          src: direction === 'inbound' ? peer : local,
          dst: direction === 'inbound' ? local : peer,
          spi,
          reason: reason ?? '',
        }),
      );
    }
    this.r.world.record({
      kind: 'sa',
      event,
      node: this.r.id,
      peer,
      direction,
      spi: formatSpi(spi),
      ...(reason ? { reason } : {}),
      ...(event === 'installed' ? { lifetimeSec: pair.host.context.lifetimeSec } : {}),
    });
  }

  private onDeleted(pair: SaPair, reason: string, notifyPeer: boolean): void {
    pair.deleted = true;
    this.pairs.delete(pair.id);
    this.byMessage.delete(`${pair.ike.icookie}:${pair.messageId}`);
    if (this.inbound.get(pair.inboundSpi) === pair) this.inbound.delete(pair.inboundSpi);
    if (pair.outboundInstalled) this.refreshOutbound(pair.flow.saKey);
    const peer = pair.flow.peer;
    if (reason === 'Death by retransmission P2') {
      this.r.debug(
        deathByRetransmissionDebug({
          connId: isakmpConnId(pair.ike),
          phase: 2,
          messageId: pair.messageId,
        }),
      );
    }
    if (reason === 'idle timer expired') {
      this.r.debug(idleTimerExpiredDebug({ peer, spi: pair.inboundSpi }));
    }
    if (pair.inboundInstalled) this.recordSa(pair, 'deleted', 'inbound', pair.inboundSpi, reason);
    if (pair.outboundInstalled)
      this.recordSa(pair, 'deleted', 'outbound', pair.outboundSpi, reason);
    const ike = this.r.ike.established(peer);
    // A local removal tells the peer over the IKE SA, naming our inbound SPI ([I] 3).
    if (notifyPeer && ike && pair.inboundInstalled) this.r.ike.sendDelete(ike, [pair.inboundSpi]);
    if (reason === 'idle timer expired' && this.withPeer(peer).length === 0) {
      // The last IPsec SA to a peer went idle: the IKE SA goes too ([M] 3, simplified), and the
      // peer is told with an ISAKMP DELETE so it does not keep a stale IKE SA ([I]).
      for (const sa of this.r.ike.withPeer(peer)) {
        if (sa.established) this.r.ike.sendIsakmpDelete(sa);
        sa.host.send({ type: 'delete', reason: 'idle: last IPsec SA to the peer deleted' });
      }
      // `set security-association idle-time N default`: next time, try the default peer ([C] 3).
      if (pair.flow.idle?.returnToDefaultPeer) this.peerIndex.set(pair.flow.ownerKey, 0);
    }
    this.updateSession(peer);
  }

  /** The responder's quick mode ends with QM3 (8.2 [C-2]): the node goes, the state completes. */
  private qmResponderDone(pair: SaPair): void {
    const connId = isakmpConnId(pair.ike);
    this.r.debug(
      deletingNodeDebug({ connId, messageId: pair.messageId, reason: 'QM done (await)' }),
    );
    this.r.debug(qmFsm(connId, 'IKE_QM_R_QM2', 'IKE_QM_PHASE2_COMPLETE'));
  }

  /**
   * One of `pair`'s SAs has carried `bytes`, reaching its next volume mark: 90 % of the kilobytes
   * lifetime starts a rekey, 100 % ends the pair ([C-2] 8.9). Returns the SA's next mark.
   */
  volumeUsed(pair: SaPair, bytes: number): number {
    const next = volumeMark(pair, bytes);
    pair.host.send({ type: bytes >= lifetimeBytes(pair) ? 'volume.expired' : 'volume.soft' });
    return next;
  }

  /** The peer's DELETE named `spi`: remove the pair holding it (IOS removes siblings too). */
  deleteNotified(peer: string, spi: number): void {
    for (const pair of this.withPeer(peer)) {
      if (pair.inboundSpi === spi || pair.outboundSpi === spi) {
        this.r.debug(deleteNotifyReceivedDebug());
        pair.host.send({ type: 'delete', cause: 'delete-notify' });
      }
    }
  }

  deleteWithPeer(peer: string, cause: SaDeleteCause): void {
    for (const pair of this.withPeer(peer)) pair.host.send({ type: 'delete', cause });
  }

  /** `clear crypto sa`, or a session's IPsec SAs: the pairs (with `peer` only), telling it. */
  clearCryptoSa(peer?: string): void {
    const pairs = peer === undefined ? this.live() : this.withPeer(peer);
    for (const pair of pairs) pair.host.send({ type: 'delete', cause: 'clear' });
  }

  // ---- data plane lookups ----

  /** The newest pair with an outbound SA for exactly this flow. */
  outboundFor(flow: ProtectedFlow): SaPair | undefined {
    return this.outboundByKey.get(flow.saKey);
  }

  /** Recomputes the data plane's outbound choice for one flow key after an install or delete. */
  private refreshOutbound(saKey: string): void {
    let best: SaPair | undefined;
    for (const pair of this.pairs.values()) {
      if (
        pair.outboundInstalled &&
        pair.flow.saKey === saKey &&
        (!best || pair.installedAtMs >= best.installedAtMs)
      ) {
        best = pair;
      }
    }
    if (best) this.outboundByKey.set(saKey, best);
    else this.outboundByKey.delete(saKey);
  }

  /** A pair on `interfaceName` whose proxies cover src → dst (dynamic-map SAs). */
  outboundCovering(interfaceName: string, src: number, dst: number): SaPair | undefined {
    let best: SaPair | undefined;
    for (const pair of this.pairs.values()) {
      if (
        pair.outboundInstalled &&
        pair.flow.interfaceName === interfaceName &&
        flowCovers(pair.flow, src, dst) &&
        (!best || pair.installedAtMs > best.installedAtMs)
      ) {
        best = pair;
      }
    }
    return best;
  }

  // ---- session status and EzVPN ----

  /**
   * `%CRYPTO-5-SESSION_STATUS` with `crypto logging session` ([M] 2.4), and an Easy VPN
   * client's `%CRYPTO-6-EZVPN_CONNECTION_UP` / `_DOWN` ([C-2] 8.6) with its server.
   */
  updateSession(peer: string): void {
    const up = this.withPeer(peer).some((p) => p.outboundInstalled);
    const gone = !up && this.r.ike.withPeer(peer).length === 0;
    if (up && !this.sessionUp.has(peer)) {
      this.sessionUp.add(peer);
      if (this.r.config.cryptoLoggingSession)
        this.r.syslog(sessionStatusSyslog({ up: true, peer }));
    } else if (gone && this.sessionUp.has(peer)) {
      this.sessionUp.delete(peer);
      if (this.r.config.cryptoLoggingSession)
        this.r.syslog(sessionStatusSyslog({ up: false, peer }));
    }
    for (const client of this.r.config.ezvpnClients) {
      const pair = this.withPeer(peer).find(
        (p) => p.outboundInstalled && p.flow.ownerKey === `ezvpn:${client.name}`,
      );
      if (pair && !this.ezvpnUp.has(client.name)) {
        const user = this.r.ike.withPeer(peer).find((sa) => sa.established)?.xauthUser ?? '';
        this.ezvpnUp.set(client.name, user);
        this.r.syslog(
          ezvpnConnectionUpSyslog(ezvpnSession(client, pair.flow.localAddr, peer, user)),
        );
      } else if (
        gone &&
        this.ezvpnUp.has(client.name) &&
        this.currentPeer(`ezvpn:${client.name}`) === peer
      ) {
        const user = this.ezvpnUp.get(client.name) ?? '';
        this.ezvpnUp.delete(client.name);
        const local = this.r.localAddressToward(ip(peer));
        this.r.syslog(ezvpnConnectionDownSyslog(ezvpnSession(client, local, peer, user)));
      }
    }
  }

  /**
   * The server asked an Easy VPN client without saved credentials for XAUTH: IOS asks the user
   * at the console and waits ([M] recalled wording).
   */
  xauthPending(peer: string): void {
    const client = this.r.config.ezvpnClients.find(
      (c) => this.currentPeer(`ezvpn:${c.name}`) === peer,
    );
    for (const line of ezvpnXauthPendingSyslog({ client: client?.name ?? '' })) this.r.syslog(line);
  }

  /** `connect auto`: an EzVPN client dials its server as soon as it is up ([C-2] 5). */
  dialEzvpn(): void {
    for (const client of this.r.config.ezvpnClients) {
      if (client.connect !== 'auto') continue;
      const outside = this.r.plan.interfaces.find(
        (i) => i.config.ezvpn?.name === client.name && i.config.ezvpn.role === 'outside',
      );
      const peer = this.currentPeer(`ezvpn:${client.name}`);
      if (!outside || !peer) continue;
      const flow = ezvpnClientFlow(this.r.plan, outside, peer);
      if (flow) this.request(flow);
    }
  }

  /** A reload: the SADB is lost without a word to the peers. */
  clearAll(): void {
    for (const pair of this.pairs.values()) {
      pair.host.stop();
      // The trace says what vanished (no debug line: the router is going down).
      for (const direction of ['inbound', 'outbound'] as const) {
        const installed = direction === 'inbound' ? pair.inboundInstalled : pair.outboundInstalled;
        if (!installed) continue;
        this.r.world.record({
          kind: 'sa',
          event: 'deleted',
          node: this.r.id,
          peer: pair.flow.peer,
          direction,
          spi: formatSpi(direction === 'inbound' ? pair.inboundSpi : pair.outboundSpi),
          reason: 'reload',
        });
      }
      this.r.world.record({
        kind: 'state',
        node: this.r.id,
        peer: pair.flow.peer,
        machine: 'ipsec',
        to: 'deleted',
        instance: pair.id,
      });
    }
    this.pairs.clear();
    this.inbound.clear();
    this.outboundByKey.clear();
    this.byMessage.clear();
    this.peerIndex.clear();
    this.sessionUp.clear();
    this.ezvpnUp.clear();
    this.nextSaConnId = 2001;
  }
}

/** The fields of an Easy VPN client's connection syslog; `user` is empty without XAUTH. */
function ezvpnSession(client: EzvpnClient, local: string, peer: string, user: string) {
  return { client: local, peer, group: client.group ?? '', user };
}

function lifetimeBytes(pair: SaPair): number {
  return pair.host.context.lifetimeKb * 1024;
}

/** The next byte count at which an SA that has carried `bytes` must tell its machine. */
function volumeMark(pair: SaPair, bytes: number): number {
  const total = lifetimeBytes(pair);
  const soft = Math.ceil(total * VOLUME_REKEY_FRACTION);
  if (bytes < soft) return soft;
  return bytes < total ? total : Number.POSITIVE_INFINITY;
}
