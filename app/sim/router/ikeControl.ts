// Phase 1 on one router: creating IKE SAs (as initiator or responder), what arrives over
// ISAKMP, DELETE notifies, INITIAL-CONTACT, and DPD / keepalive liveness per IKE SA.
// Decisions about states and timers belong to ikeSaMachine and livenessMachine.

import {
  beginMainModeDebug,
  deathByRetransmissionDebug,
  dpdAckReceivedDebug,
  dpdRetransmitDebug,
  dpdSendDebug,
  fsmTransitionDebug,
  ikmpNoSaSyslog,
  keepaliveMissDebug,
  keepaliveSendDebug,
  paranoidKeepalivesDebug,
  peerDeadDebug,
  peerDpdVidDebug,
  phase1CompleteDebug,
  processInitialContactDebug,
  processingDeletePayloadDebug,
  purgingSaDebug,
  retransmitPhase1Debug,
  sendDeleteNotifyDebug,
  sendInitialContactDebug,
  sendingPacketDebug,
} from '../../ios/messages';
import { type IkeSaContext, ikeSaMachine, type MainModeMsg } from '../machines/ikeSaMachine';
import {
  type LivenessContext,
  type LivenessMode,
  livenessMachine,
} from '../machines/livenessMachine';
import { type Effect, MachineHost } from '../machines/machineHost';
import type { IkePayload, WirePacket } from '../packets';
import type { IkeMsg } from '../trace';
import { ip, ipText, type ProtectedFlow } from './forwardingPlan';
import type { Outcome, Router } from './router';
import type { IkeSa } from './routerState';

const IKE_EFFECTS = ['send', 'fsm', 'processInitialContact', 'established', 'deleted'] as const;
const LIVENESS_EFFECTS = ['sendProbe', 'peerDead'] as const;
const DEFAULT_IKE_LIFETIME_SEC = 86_400;

/** The `show crypto isakmp sa` state after sending each main mode message. */
const STATE_AFTER_SENDING: Record<MainModeMsg, string> = {
  MM1: 'MM_NO_STATE',
  MM2: 'MM_SA_SETUP',
  MM3: 'MM_SA_SETUP',
  MM4: 'MM_KEY_EXCH',
  MM5: 'MM_KEY_EXCH',
  MM6: 'QM_IDLE',
};

/** Messages protected by the IKE SA: an unknown cookie pair makes IOS log IKMP_NO_SA. */
const ENCRYPTED: ReadonlySet<IkeMsg> = new Set<IkeMsg>([
  'MM5',
  'MM6',
  'QM1',
  'QM2',
  'QM3',
  'DELETE',
  'R-U-THERE',
  'R-U-THERE-ACK',
  'KEEPALIVE',
  'KEEPALIVE-ACK',
]);

export class IkeControl {
  /** By initiator cookie, which both ends use to find the SA (RFC 2408 §2.5.3). */
  readonly byCookie = new Map<string, IkeSa>();
  private nextConnId = 1001;
  /**
   * `established(peer)` answers, memoised: the data plane asks on every ESP packet. Every change
   * to `byCookie` or to an SA's `established`/`establishedAtMs` must call `forgetEstablished`.
   */
  private readonly establishedMemo = new Map<string, IkeSa | undefined>();

  constructor(private readonly r: Router) {}

  all(): IkeSa[] {
    return [...this.byCookie.values()];
  }

  withPeer(peer: string): IkeSa[] {
    return this.all().filter((sa) => sa.peer === peer);
  }

  /** The newest IKE SA with `peer` in QM_IDLE. */
  established(peer: string): IkeSa | undefined {
    if (this.establishedMemo.has(peer)) return this.establishedMemo.get(peer);
    const best = this.newestEstablished(peer);
    this.establishedMemo.set(peer, best);
    return best;
  }

  private forgetEstablished(): void {
    this.establishedMemo.clear();
  }

  private newestEstablished(peer: string): IkeSa | undefined {
    let best: IkeSa | undefined;
    for (const sa of this.byCookie.values()) {
      if (
        sa.peer === peer &&
        sa.established &&
        (!best || sa.establishedAtMs >= best.establishedAtMs)
      ) {
        best = sa;
      }
    }
    return best;
  }

  negotiating(peer: string): IkeSa | undefined {
    return this.all().find((sa) => sa.peer === peer && !sa.established);
  }

  /** Starts main mode as initiator toward `peer`. */
  start(peer: string, local: string, work: { flows?: ProtectedFlow[]; deletes?: number[] }): IkeSa {
    // IOS sends INITIAL-CONTACT when it holds no other IKE SA with the peer (RFC 2407 §4.6.3.3).
    const initialContact = this.withPeer(peer).length === 0;
    const sa = this.create(
      peer,
      local,
      'initiator',
      this.cookie(),
      '0000000000000000',
      initialContact,
    );
    sa.pendingFlows.push(...(work.flows ?? []));
    sa.pendingDeletes.push(...(work.deletes ?? []));
    this.r.debug(beginMainModeDebug({ connId: 0, peer }));
    sa.host.send({ type: 'start' });
    return sa;
  }

  private cookie(): string {
    const rng = this.r.world.rng;
    return (
      rng.nextUint32().toString(16).padStart(8, '0') +
      rng.nextUint32().toString(16).padStart(8, '0')
    );
  }

  private policyLifetimeSec(): number {
    const policies = [...this.r.config.isakmpPolicies].sort((a, b) => a.priority - b.priority);
    return policies[0]?.lifetimeSec ?? DEFAULT_IKE_LIFETIME_SEC;
  }

  private create(
    peer: string,
    local: string,
    role: 'initiator' | 'responder',
    icookie: string,
    rcookie: string,
    initialContact: boolean,
  ): IkeSa {
    const world = this.r.world;
    const sa = {
      connId: this.nextConnId++,
      icookie,
      rcookie,
      peer,
      local,
      role,
      liveness: null,
      livenessMode: null,
      pendingFlows: [],
      pendingDeletes: [],
      established: false,
      deleted: false,
      createdAtMs: world.nowMs,
      establishedAtMs: 0,
    } as unknown as IkeSa;
    this.byCookie.set(icookie, sa);
    this.forgetEstablished();
    sa.host = new MachineHost<IkeSaContext>(
      ikeSaMachine,
      IKE_EFFECTS,
      {
        role,
        lifetimeSec: this.policyLifetimeSec(),
        localDpdVid: this.r.node.dpdSupport,
        initialContact,
      },
      world.clock,
      (effect) => this.onEffect(sa, effect),
      (state) => {
        if (state !== 'idle' && state !== 'retransmitting' && state !== 'resending') {
          world.record({
            kind: 'state',
            node: this.r.id,
            peer,
            machine: 'ike',
            to: state,
            instance: sa.connId,
          });
        }
      },
    );
    return sa;
  }

  private onEffect(sa: IkeSa, effect: Effect): void {
    const p = effect.params;
    switch (effect.type) {
      case 'send': {
        const msg = p.msg as MainModeMsg;
        const retransmit = p.retransmit as number;
        if (retransmit > 0) {
          this.r.debug(retransmitPhase1Debug({ connId: sa.connId, state: sa.host.state }));
        }
        if (p.initialContact === true) this.r.debug(sendInitialContactDebug({ connId: sa.connId }));
        const offers = msg === 'MM1' || msg === 'MM2';
        this.transmit(sa, {
          msg,
          ...(offers
            ? { dpdVid: this.r.node.dpdSupport, lifetimeSec: sa.host.context.lifetimeSec }
            : {}),
          ...(p.initialContact === true ? { initialContact: true } : {}),
        });
        this.r.debug(
          sendingPacketDebug({
            connId: sa.connId,
            peer: sa.peer,
            role: sa.role === 'initiator' ? 'I' : 'R',
            state: STATE_AFTER_SENDING[msg],
          }),
        );
        return;
      }
      case 'fsm':
        this.r.debug(
          fsmTransitionDebug({
            connId: sa.connId,
            oldState: String(p.from),
            newState: String(p.to),
          }),
        );
        return;
      case 'processInitialContact':
        this.r.debug(
          processInitialContactDebug({ connId: sa.connId, local: sa.local, remote: sa.peer }),
        );
        this.dropPeerState(sa.peer, sa, 'initial-contact');
        return;
      case 'established':
        this.onEstablished(sa);
        return;
      case 'deleted':
        this.onDeleted(sa, String(p.reason));
        return;
    }
  }

  private onEstablished(sa: IkeSa): void {
    const world = this.r.world;
    sa.established = true;
    sa.establishedAtMs = world.nowMs;
    this.forgetEstablished();
    if (sa.host.context.peerDpdVid) this.r.debug(peerDpdVidDebug({ connId: sa.connId }));
    this.r.debug(phase1CompleteDebug({ connId: sa.connId, peer: sa.peer }));
    this.startLiveness(sa);
    for (const spi of sa.pendingDeletes.splice(0)) this.sendDelete(sa, [spi]);
    for (const flow of sa.pendingFlows.splice(0)) this.r.sa.startQuickMode(sa, flow);
  }

  private onDeleted(sa: IkeSa, reason: string): void {
    sa.deleted = true;
    sa.established = false;
    this.forgetEstablished();
    sa.liveness?.stop();
    sa.liveness = null;
    this.byCookie.delete(sa.icookie);
    this.forgetEstablished();
    if (reason === 'Death by retransmission P1') {
      this.r.debug(
        deathByRetransmissionDebug({
          connId: sa.connId,
          phase: 1,
          role: sa.role === 'initiator' ? 'I' : 'R',
          state: 'MM_NO_STATE',
          peer: sa.peer,
        }),
      );
      // Stateless failover: the next attempt goes to the next `set peer` ([C-2] 2.3).
      for (const flow of sa.pendingFlows) this.r.sa.peerFailed(flow.ownerKey, sa.peer);
    }
    this.r.debug(purgingSaDebug({ connId: sa.connId }));
    this.r.world.record({
      kind: 'state',
      node: this.r.id,
      peer: sa.peer,
      machine: 'ike',
      to: 'deleted',
      instance: sa.connId,
    });
    this.r.sa.updateSession(sa.peer);
  }

  /** Which liveness mechanism this router runs with the peer of `sa`, if any. */
  private livenessModeFor(sa: IkeSa): LivenessMode | null {
    const keepalive = this.r.config.isakmpKeepalive;
    if (!keepalive) return null;
    // IOS runs DPD when both ends advertise the DPD vendor ID, else legacy keepalives ([C-2] 0.2).
    return sa.host.context.peerDpdVid && this.r.node.dpdSupport ? keepalive.mode : 'legacy';
  }

  private startLiveness(sa: IkeSa): void {
    const keepalive = this.r.config.isakmpKeepalive;
    const mode = this.livenessModeFor(sa);
    sa.livenessMode = mode;
    if (!keepalive || !mode) return;
    const world = this.r.world;
    const host = new MachineHost<LivenessContext>(
      livenessMachine,
      LIVENESS_EFFECTS,
      {
        mode,
        seconds: keepalive.seconds,
        retrySec: keepalive.retrySec,
        seqStart: world.rng.nextUint32(),
        observe: () => ({
          atMs: world.nowMs,
          lastRxAtMs: Math.max(sa.establishedAtMs, this.r.lastRxAtMs.get(sa.peer) ?? 0),
        }),
      },
      world.clock,
      (effect) => this.onLivenessEffect(sa, effect),
      (state) =>
        world.record({
          kind: 'state',
          node: this.r.id,
          peer: sa.peer,
          machine: 'dpd',
          to: state,
          instance: sa.connId,
        }),
    );
    sa.liveness = host;
  }

  /** After a config change: start, stop or restart DPD on established SAs. */
  refreshLiveness(): void {
    for (const sa of this.all()) {
      if (!sa.established) continue;
      const keepalive = this.r.config.isakmpKeepalive;
      const ctx = sa.liveness?.context;
      const same =
        keepalive !== null &&
        ctx !== undefined &&
        ctx.seconds === keepalive.seconds &&
        ctx.retrySec === keepalive.retrySec &&
        sa.livenessMode === this.livenessModeFor(sa);
      if (same || (!keepalive && !sa.liveness)) continue;
      sa.liveness?.stop();
      sa.liveness = null;
      this.startLiveness(sa);
    }
  }

  private onLivenessEffect(sa: IkeSa, effect: Effect): void {
    if (effect.type === 'sendProbe') {
      const msg = effect.params.msg as 'R-U-THERE' | 'KEEPALIVE';
      const seq = effect.params.seq as number;
      const attempt = effect.params.attempt as number;
      if (msg === 'R-U-THERE') {
        if (attempt > 0)
          this.r.debug(dpdRetransmitDebug({ connId: sa.connId, peer: sa.peer, attempt }));
        this.r.debug(dpdSendDebug({ connId: sa.connId, seq, kind: 'R_U_THERE' }));
      } else {
        if (attempt > 0) {
          this.r.debug(keepaliveMissDebug({ connId: sa.connId, peer: sa.peer, missed: attempt }));
        }
        this.r.debug(keepaliveSendDebug({ connId: sa.connId, peer: sa.peer, kind: 'KEEPALIVE' }));
      }
      this.transmit(sa, { msg, seq, messageId: this.r.world.rng.nextUint32() });
    } else if (effect.type === 'peerDead') {
      this.r.debug(peerDeadDebug({ connId: sa.connId, peer: sa.peer }));
      this.peerDead(sa.peer);
    }
  }

  /** DPD or keepalives gave up: drop everything with the peer and fail over ([C-2] 2.3). */
  private peerDead(peer: string): void {
    this.dropPeerState(peer, null, 'peer-dead');
    this.r.sa.peerDead(peer);
  }

  /** Deletes every IKE SA (but `keep`) and every IPsec SA pair with `peer`, silently. */
  private dropPeerState(
    peer: string,
    keep: IkeSa | null,
    cause: 'initial-contact' | 'peer-dead',
  ): void {
    for (const other of this.withPeer(peer)) {
      if (other !== keep) other.host.send({ type: 'delete', reason: cause });
    }
    this.r.sa.deleteWithPeer(peer, cause);
  }

  sendDelete(sa: IkeSa, spis: number[]): void {
    for (const spi of spis)
      this.r.debug(sendDeleteNotifyDebug({ connId: sa.connId, spi, peer: sa.peer }));
    this.transmit(sa, {
      msg: 'DELETE',
      messageId: this.r.world.rng.nextUint32(),
      deleteSpis: spis,
    });
  }

  /**
   * Sends an ISAKMP message under `sa`'s cookies from its local address. `payload` must be a
   * fresh object: it is stamped with the cookies in place and travels as the packet's payload.
   */
  transmit(sa: IkeSa, payload: Omit<IkePayload, 'icookie' | 'rcookie'>): void {
    const ike = payload as IkePayload;
    ike.icookie = sa.icookie;
    ike.rcookie = sa.rcookie;
    this.r.world.transmit(this.r.id, { proto: 'isakmp', src: ip(sa.local), dst: ip(sa.peer), ike });
  }

  receive(packet: Extract<WirePacket, { proto: 'isakmp' }>, outcome: Outcome): void {
    const m = packet.ike;
    const peer = ipText(packet.src);
    const local = ipText(packet.dst);
    let sa = this.byCookie.get(m.icookie);
    if (!sa && m.msg === 'MM1') {
      if (!this.hasKeyFor(peer)) {
        outcome(`no pre-shared key for ${peer}`);
        this.r.debug(`ISAKMP:(0):No pre-shared key with ${peer}!`);
        return;
      }
      sa = this.create(peer, local, 'responder', m.icookie, this.cookie(), false);
    }
    if (!sa || sa.deleted) {
      outcome(`no IKE SA for this cookie pair (${m.msg})`);
      if (ENCRYPTED.has(m.msg)) this.r.syslog(ikmpNoSaSyslog({ srcAddr: peer }));
      return;
    }
    outcome(null);
    this.r.lastRxAtMs.set(peer, this.r.world.nowMs);
    if (sa.liveness?.state === 'worried') sa.liveness.send({ type: 'traffic.in' });
    if (m.msg === 'MM2') sa.rcookie = m.rcookie;
    switch (m.msg) {
      case 'MM1':
      case 'MM2':
      case 'MM3':
      case 'MM4':
      case 'MM5':
      case 'MM6':
        sa.host.send({
          type: 'recv',
          msg: m.msg,
          ...(m.lifetimeSec !== undefined ? { lifetimeSec: m.lifetimeSec } : {}),
          ...(m.dpdVid !== undefined ? { dpdVid: m.dpdVid } : {}),
          ...(m.initialContact ? { initialContact: true } : {}),
        });
        return;
      case 'QM1':
      case 'QM2':
      case 'QM3':
        this.r.sa.receiveQuickMode(sa, m);
        return;
      case 'DELETE':
        this.processDelete(sa, m);
        return;
      case 'R-U-THERE':
        // Any IOS that advertised DPD answers, whatever its own keepalive config (RFC 3706 §5.3).
        this.r.debug(dpdSendDebug({ connId: sa.connId, seq: m.seq ?? 0, kind: 'R_U_THERE_ACK' }));
        this.transmit(sa, {
          msg: 'R-U-THERE-ACK',
          seq: m.seq ?? 0,
          messageId: this.r.world.rng.nextUint32(),
        });
        return;
      case 'KEEPALIVE':
        this.r.debug(
          keepaliveSendDebug({ connId: sa.connId, peer: sa.peer, kind: 'KEEPALIVE_ACK' }),
        );
        this.transmit(sa, {
          msg: 'KEEPALIVE-ACK',
          seq: m.seq ?? 0,
          messageId: this.r.world.rng.nextUint32(),
        });
        return;
      case 'R-U-THERE-ACK':
      case 'KEEPALIVE-ACK':
        if (m.msg === 'R-U-THERE-ACK') {
          this.r.debug(dpdAckReceivedDebug({ connId: sa.connId, peer: sa.peer, seq: m.seq ?? 0 }));
        }
        sa.liveness?.send({ type: 'ack', seq: m.seq ?? 0 });
        return;
      default:
        return;
    }
  }

  private hasKeyFor(peer: string): boolean {
    const config = this.r.config;
    return (
      config.isakmpKeys.some((k) => k.address === peer || k.address === '0.0.0.0') ||
      config.ezvpnServerGroups.length > 0
    );
  }

  /** RFC 2408 §3.15: remove the SAs the DELETE names (and their siblings) ([C] 1.5). */
  private processDelete(sa: IkeSa, m: IkePayload): void {
    this.r.debug(processingDeletePayloadDebug({ connId: sa.connId, messageId: m.messageId ?? 0 }));
    this.r.debug(paranoidKeepalivesDebug({ connId: sa.connId }));
    if (m.deleteIsakmp) {
      sa.host.send({ type: 'delete', reason: 'peer sent DELETE for the ISAKMP SA' });
      return;
    }
    for (const spi of m.deleteSpis ?? []) this.r.sa.deleteNotified(sa.peer, spi);
  }

  /** Tells the peer this ISAKMP SA is going (an Informational DELETE for the ISAKMP SA). */
  sendIsakmpDelete(sa: IkeSa): void {
    this.transmit(sa, {
      msg: 'DELETE',
      messageId: this.r.world.rng.nextUint32(),
      deleteIsakmp: true,
    });
  }

  /** `clear crypto isakmp`: delete every IKE SA, telling each peer ([I] simplified). */
  clearCryptoIsakmp(): void {
    for (const sa of this.all()) {
      if (sa.established) this.sendIsakmpDelete(sa);
      sa.host.send({ type: 'delete', reason: 'clear crypto isakmp' });
    }
  }

  /** A reload: everything vanishes without a word to anyone. */
  clearAll(): void {
    for (const sa of this.all()) {
      sa.host.stop();
      sa.liveness?.stop();
      this.r.world.record({
        kind: 'state',
        node: this.r.id,
        peer: sa.peer,
        machine: 'ike',
        to: 'deleted',
        instance: sa.connId,
      });
    }
    this.byCookie.clear();
    this.forgetEstablished();
    this.nextConnId = 1001;
  }
}
