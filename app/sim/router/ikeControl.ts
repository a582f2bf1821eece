// Phase 1 on one router: creating IKE SAs (as initiator or responder), what arrives over
// ISAKMP, DELETE notifies, INITIAL-CONTACT, and DPD / keepalive liveness per IKE SA.
// Decisions about states and timers belong to ikeSaMachine and livenessMachine.

import { isakmpConnId } from '../../ios/isakmpConnId';
import {
  attsAcceptableDebug,
  attsNotAcceptableDebug,
  beginAggressiveModeDebug,
  beginMainModeDebug,
  checkingIsakmpTransformDebug,
  deathByRetransmissionDebug,
  deletingNodeDebug,
  dpdAckReceivedDebug,
  dpdRetransmitDebug,
  dpdSendDebug,
  fsmTransitionDebug,
  ikmpBadMessageSyslog,
  ikmpModeFailureSyslog,
  ikmpNoSaSyslog,
  incrementingErrorCounterDebug,
  keepaliveMissDebug,
  keepaliveSendDebug,
  paranoidKeepalivesDebug,
  peerDeadDebug,
  peerDpdVidDebug,
  phase1CompleteDebug,
  processInitialContactDebug,
  processingDeletePayloadDebug,
  processingHashPayloadDebug,
  processingSaPayloadDebug,
  purgingNodeDebug,
  purgingSaDebug,
  receivedPacketDebug,
  retransmitPhase1Debug,
  saPolicyNotAcceptableDebug,
  sendInitialContactDebug,
  sendingPacketDebug,
  setNewNodeDebug,
  speakingToIosDebug,
} from '../../ios/messages';
import { type IkeSaContext, ikeSaMachine, type PhaseOneMsg } from '../machines/ikeSaMachine';
import {
  type LivenessContext,
  type LivenessMode,
  livenessMachine,
} from '../machines/livenessMachine';
import { type Effect, MachineHost, recordedDetail } from '../machines/machineHost';
import type { IkePayload, WirePacket } from '../packets';
import { type IkeMsg, NEGOTIATION_REASONS, type NegotiationCause } from '../trace';
import { ip, ipText, type ProtectedFlow } from './forwardingPlan';
import {
  chooseProposal,
  EZVPN_CLIENT_PROPOSALS,
  groupKey,
  keyFor,
  ownProposals,
  savedCredentials,
} from './ikePolicy';
import type { Outcome, Router } from './router';
import type { IkeAuth, IkeSa } from './routerState';

const IKE_EFFECTS = [
  'send',
  'fsm',
  'processInitialContact',
  'established',
  'deleted',
  'xauthPending',
] as const;
const LIVENESS_EFFECTS = ['sendProbe', 'peerDead'] as const;

/**
 * The state the debug's `sending packet` line names for each main mode message: the
 * responder sends MM6 still in MM_KEY_EXCH (`sending packet to … (R) MM_KEY_EXCH`, then
 * `IKE_R_MM5 → IKE_P1_COMPLETE`, ios-behavior.md 8.1 [C-2]).
 */
const STATE_AFTER_SENDING: Record<PhaseOneMsg, string> = {
  MM1: 'MM_NO_STATE',
  MM2: 'MM_SA_SETUP',
  MM3: 'MM_SA_SETUP',
  MM4: 'MM_KEY_EXCH',
  MM5: 'MM_KEY_EXCH',
  MM6: 'MM_KEY_EXCH',
  AM1: 'AG_NO_STATE',
  AM2: 'AG_INIT_EXCH',
  AM3: 'QM_IDLE',
  'CFG-REQUEST': 'CONF_ADDR',
  'CFG-REPLY': 'QM_IDLE',
  'XAUTH-REQUEST': 'CONF_XAUTH',
  'XAUTH-REPLY': 'CONF_XAUTH',
  'XAUTH-STATUS': 'CONF_XAUTH',
  'XAUTH-ACK': 'CONF_XAUTH',
};

/** The transaction exchanges after aggressive mode (XAUTH, mode config): each has a message ID. */
const TRANSACTIONS: ReadonlySet<PhaseOneMsg> = new Set<PhaseOneMsg>([
  'XAUTH-REQUEST',
  'XAUTH-REPLY',
  'XAUTH-STATUS',
  'XAUTH-ACK',
  'CFG-REQUEST',
  'CFG-REPLY',
]);

/** The messages that carry the ISAKMP offer (proposals, DPD vendor ID, lifetime). */
const OFFERS: ReadonlySet<PhaseOneMsg> = new Set<PhaseOneMsg>(['MM1', 'MM2', 'AM1', 'AM2']);
/** The messages that prove the sender's key: the first ones encrypted or hashed with it. */
const AUTHENTICATES: ReadonlySet<IkeMsg> = new Set<IkeMsg>(['MM5', 'AM2', 'AM3']);

/** Messages protected by the IKE SA: an unknown cookie pair makes IOS log IKMP_NO_SA. */
const ENCRYPTED: ReadonlySet<IkeMsg> = new Set<IkeMsg>([
  'MM5',
  'MM6',
  'AM3',
  ...TRANSACTIONS,
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

  /**
   * Starts phase 1 as initiator toward `peer`: aggressive mode with the group key for an Easy
   * VPN client's flow (ios-behavior.md 8.6), main mode with the peer's key otherwise.
   */
  start(peer: string, local: string, work: { flows?: ProtectedFlow[]; deletes?: number[] }): IkeSa {
    // IOS sends INITIAL-CONTACT when it holds no other IKE SA with the peer (RFC 2407 §4.6.3.3).
    const initialContact = this.withPeer(peer).length === 0;
    const client = this.ezvpnClientOf(work.flows ?? []);
    const auth: IkeAuth = client
      ? {
          exchange: 'aggressive',
          psk: client.key ?? '',
          group: client.group,
          xauthList: null,
          xauthCredentials: savedCredentials(client),
        }
      : {
          exchange: 'main',
          psk: keyFor(this.r.config, peer) ?? '',
          group: null,
          xauthList: null,
          xauthCredentials: null,
        };
    const offered = client ? EZVPN_CLIENT_PROPOSALS : ownProposals(this.r.config);
    const lifetimeSec = offered[0]?.lifetimeSec ?? 0;
    const sa = this.create(peer, local, 'initiator', this.cookie(), '0000000000000000', {
      initialContact,
      auth,
      lifetimeSec,
    });
    sa.pendingFlows.push(...(work.flows ?? []));
    sa.pendingDeletes.push(...(work.deletes ?? []));
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

  /** The Easy VPN client one of `flows` belongs to, if any. */
  private ezvpnClientOf(flows: readonly ProtectedFlow[]) {
    const owner = flows.find((flow) => flow.ownerKey.startsWith('ezvpn:'))?.ownerKey;
    if (owner === undefined) return undefined;
    return this.r.config.ezvpnClients.find((c) => `ezvpn:${c.name}` === owner);
  }

  /** What this router offers as initiator of `sa`: its policies, or a client's built-in set. */
  private offeredProposals(sa: IkeSa) {
    return sa.auth.exchange === 'aggressive' ? EZVPN_CLIENT_PROPOSALS : ownProposals(this.r.config);
  }

  private create(
    peer: string,
    local: string,
    role: 'initiator' | 'responder',
    icookie: string,
    rcookie: string,
    options: { initialContact: boolean; auth: IkeAuth; lifetimeSec: number },
  ): IkeSa {
    const world = this.r.world;
    const sa = {
      connId: this.nextConnId++,
      icookie,
      rcookie,
      peer,
      local,
      role,
      keysDerived: false,
      auth: options.auth,
      liveness: null,
      livenessMode: null,
      pendingFlows: [],
      pendingDeletes: [],
      established: false,
      deleted: false,
      xauthUser: '',
      xauthPrompted: false,
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
        exchange: options.auth.exchange,
        // An Easy VPN client asks for its configuration before any quick mode.
        modeConfig: role === 'initiator' && options.auth.exchange === 'aggressive',
        lifetimeSec: options.lifetimeSec,
        localDpdVid: this.r.node.dpdSupport,
        initialContact: options.initialContact,
        xauthServer: role === 'responder' && options.auth.xauthList !== null,
        savedCredentials: options.auth.xauthCredentials !== null,
      },
      world.clock,
      (effect) => this.onEffect(sa, effect),
      (state, detail) => {
        if (state !== 'idle' && state !== 'retransmitting' && state !== 'resending') {
          world.record({
            kind: 'state',
            node: this.r.id,
            peer,
            machine: 'ike',
            to: state,
            instance: sa.connId,
            ...recordedDetail(detail),
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
        const msg = p.msg as PhaseOneMsg;
        const retransmit = p.retransmit as number;
        const connId = isakmpConnId(sa);
        if (retransmit > 0) {
          this.r.debug(retransmitPhase1Debug({ connId, state: sa.host.state }));
          this.r.debug(incrementingErrorCounterDebug({ connId, attempt: retransmit }));
        }
        if (p.initialContact === true) this.r.debug(sendInitialContactDebug({ connId }));
        // The user the client logs in as, named by its connection syslog.
        if (msg === 'XAUTH-REPLY') sa.xauthUser = sa.auth.xauthCredentials?.user ?? '';
        this.transmit(sa, {
          msg,
          ...(OFFERS.has(msg)
            ? { dpdVid: this.r.node.dpdSupport, lifetimeSec: sa.host.context.lifetimeSec }
            : {}),
          ...(msg === 'MM1' || msg === 'AM1' ? { proposals: [...this.offeredProposals(sa)] } : {}),
          ...(msg === 'AM1' && sa.auth.group !== null ? { groupId: sa.auth.group } : {}),
          ...(AUTHENTICATES.has(msg) ? { psk: sa.auth.psk } : {}),
          ...(msg === 'AM2' && sa.auth.xauthList !== null ? { xauth: true } : {}),
          ...(msg === 'XAUTH-REPLY' && sa.auth.xauthCredentials !== null
            ? {
                xauthUser: sa.auth.xauthCredentials.user,
                xauthPassword: sa.auth.xauthCredentials.password,
              }
            : {}),
          ...(msg === 'XAUTH-STATUS' ? { accepted: p.accepted === true } : {}),
          ...(TRANSACTIONS.has(msg) ? { messageId: this.r.world.rng.nextUint32() } : {}),
          ...(p.initialContact === true ? { initialContact: true } : {}),
        });
        this.r.debug(
          sendingPacketDebug({
            connId,
            peer: sa.peer,
            role: sa.role === 'initiator' ? 'I' : 'R',
            // After AM3 a client asks for its configuration (CONF_ADDR, CONF_XAUTH first when
            // the server does XAUTH), others are in QM_IDLE.
            state: msg === 'AM3' ? sa.host.state : STATE_AFTER_SENDING[msg],
          }),
        );
        return;
      }
      case 'fsm': {
        const to = String(p.to);
        // The initiator authenticates the peer processing MM6, before it changes state.
        if (to === 'IKE_I_MM6')
          this.r.debug(phase1CompleteDebug({ connId: isakmpConnId(sa), peer: sa.peer }));
        this.r.debug(
          fsmTransitionDebug({ connId: isakmpConnId(sa), oldState: String(p.from), newState: to }),
        );
        this.afterFsm(sa, String(p.from), to);
        return;
      }
      case 'processInitialContact':
        this.r.debug(
          processInitialContactDebug({
            connId: isakmpConnId(sa),
            local: sa.local,
            remote: sa.peer,
          }),
        );
        this.dropPeerState(sa.peer, sa, 'initial-contact');
        return;
      case 'established':
        this.onEstablished(sa);
        return;
      case 'deleted':
        this.onDeleted(sa, String(p.reason));
        return;
      case 'xauthPending':
        // The server resends its request; the console asks the user once.
        if (!sa.xauthPrompted) this.r.sa.xauthPending(sa.peer);
        sa.xauthPrompted = true;
        return;
    }
  }

  /**
   * What IOS prints processing the message that brought the SA from `from` into `to`, after the
   * state line (ios-behavior.md 8.1 [C-2]): the start of main mode, the proposal (MM1, MM2), the
   * DPD vendor ID and then the keys (MM3 responder, MM4 initiator), the peer's authentication
   * (MM5 responder). Aggressive mode ([M] simplified) does the same in fewer messages: the
   * responder reads the proposal, vendor IDs and keys in AM1, the initiator everything in AM2.
   */
  private afterFsm(sa: IkeSa, from: string, to: string): void {
    switch (to) {
      case 'IKE_I_MM1':
        // `IKE_READY → IKE_I_MM1`, then `beginning Main Mode exchange`, then MM1 (8.1 [C-2]).
        this.r.debug(beginMainModeDebug({ connId: isakmpConnId(sa), peer: sa.peer }));
        return;
      case 'IKE_I_AM1':
        this.r.debug(beginAggressiveModeDebug({ connId: isakmpConnId(sa) }));
        return;
      case 'IKE_R_AM1':
        this.proposalDebug(sa);
        if (sa.host.context.peerDpdVid) this.dpdVidDebug(sa);
        sa.keysDerived = true;
        return;
      case 'IKE_P1_COMPLETE':
        if (from === 'IKE_I_AM1') {
          this.proposalDebug(sa);
          if (sa.host.context.peerDpdVid) this.dpdVidDebug(sa);
          sa.keysDerived = true;
        }
        // Aggressive mode authenticates the responder in AM2, the initiator in AM3.
        if (from === 'IKE_I_AM1' || from === 'IKE_R_AM2')
          this.r.debug(phase1CompleteDebug({ connId: isakmpConnId(sa), peer: sa.peer }));
        return;
      case 'IKE_R_MM1':
      case 'IKE_I_MM2':
        this.proposalDebug(sa);
        return;
      case 'IKE_R_MM3':
      case 'IKE_I_MM4':
        // The vendor IDs are read before the keys: the first non-zero conn-id follows.
        if (sa.host.context.peerDpdVid) this.dpdVidDebug(sa);
        sa.keysDerived = true;
        return;
      case 'IKE_R_MM5':
        this.r.debug(phase1CompleteDebug({ connId: isakmpConnId(sa), peer: sa.peer }));
        return;
      default:
        return;
    }
  }

  private dpdVidDebug(sa: IkeSa): void {
    const connId = isakmpConnId(sa);
    this.r.debug(peerDpdVidDebug({ connId }));
    this.r.debug(speakingToIosDebug({ connId }));
  }

  /**
   * The ISAKMP proposal check (8.1 [C-2]): the peer's transform 1 against this router's
   * first policy by priority, the one IOS checks first.
   */
  private proposalDebug(sa: IkeSa): void {
    const connId = isakmpConnId(sa);
    this.r.debug(processingSaPayloadDebug({ connId }));
    const policy = [...this.r.config.isakmpPolicies].sort((a, b) => a.priority - b.priority)[0];
    if (policy) {
      this.r.debug(
        checkingIsakmpTransformDebug({ connId, transform: 1, priority: policy.priority }),
      );
    }
    this.r.debug(attsAcceptableDebug({ connId, phase: 1 }));
  }

  private onEstablished(sa: IkeSa): void {
    const world = this.r.world;
    sa.established = true;
    sa.establishedAtMs = world.nowMs;
    this.forgetEstablished();
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
          connId: isakmpConnId(sa),
          phase: 1,
          role: sa.role === 'initiator' ? 'I' : 'R',
          state: 'MM_NO_STATE',
          peer: sa.peer,
        }),
      );
      // Stateless failover: the next attempt goes to the next `set peer` ([C-2] 2.3).
      for (const flow of sa.pendingFlows) this.r.sa.peerFailed(flow.ownerKey, sa.peer);
    }
    this.r.debug(purgingSaDebug({ connId: isakmpConnId(sa) }));
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
      (state, detail) =>
        world.record({
          kind: 'state',
          node: this.r.id,
          peer: sa.peer,
          machine: 'dpd',
          to: state,
          instance: sa.connId,
          ...recordedDetail(detail),
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
          this.r.debug(dpdRetransmitDebug({ connId: isakmpConnId(sa), peer: sa.peer, attempt }));
        this.r.debug(dpdSendDebug({ connId: isakmpConnId(sa), seq, kind: 'R_U_THERE' }));
      } else {
        if (attempt > 0) {
          this.r.debug(
            keepaliveMissDebug({ connId: isakmpConnId(sa), peer: sa.peer, missed: attempt }),
          );
        }
        this.r.debug(
          keepaliveSendDebug({ connId: isakmpConnId(sa), peer: sa.peer, kind: 'KEEPALIVE' }),
        );
      }
      this.transmit(sa, { msg, seq, messageId: this.r.world.rng.nextUint32() });
    } else if (effect.type === 'peerDead') {
      this.r.debug(peerDeadDebug({ connId: isakmpConnId(sa), peer: sa.peer }));
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
    this.transmitInformational(sa, { msg: 'DELETE', deleteSpis: spis });
  }

  /**
   * Sends an informational exchange (a DELETE) as IOS prints it (ios-behavior.md 8.3 [C-2]):
   * `set new node N to QM_IDLE`, `sending packet … QM_IDLE`, `purging node N`. IOS purges the
   * node later; when is not quoted, so the purge line follows at once ([I]: a detail of the
   * debug's timing no lesson rests on).
   */
  private transmitInformational(
    sa: IkeSa,
    payload: Omit<IkePayload, 'icookie' | 'rcookie' | 'messageId'>,
  ): void {
    const messageId = this.r.world.rng.nextUint32();
    const connId = isakmpConnId(sa);
    this.r.debug(setNewNodeDebug({ messageId }));
    this.transmit(sa, { ...payload, messageId });
    this.r.debug(
      sendingPacketDebug({
        connId,
        peer: sa.peer,
        role: sa.role === 'initiator' ? 'I' : 'R',
        state: 'QM_IDLE',
      }),
    );
    this.r.debug(purgingNodeDebug({ connId, messageId }));
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
    let offerLifetimeSec = m.lifetimeSec;
    if (!sa && (m.msg === 'MM1' || m.msg === 'AM1')) {
      const answer = this.answerOffer(m, peer, outcome);
      if (!answer) return;
      offerLifetimeSec = answer.offerLifetimeSec;
      sa = this.create(peer, local, 'responder', m.icookie, this.cookie(), {
        initialContact: false,
        auth: answer.auth,
        lifetimeSec: answer.lifetimeSec,
      });
    }
    if (!sa || sa.deleted) {
      outcome(`no IKE SA for this cookie pair (${m.msg})`);
      if (ENCRYPTED.has(m.msg)) this.r.syslog(ikmpNoSaSyslog({ srcAddr: peer }));
      return;
    }
    if (AUTHENTICATES.has(m.msg) && m.psk !== sa.auth.psk) {
      // Keys derived from another pre-shared key: MM5 (AM3) does not decrypt, AM2 does not
      // verify. IOS drops it and waits; the sender retransmits until phase 1 dies ([M] 8.9).
      outcome(`pre-shared keys differ: ${m.msg} failed its sanity check`);
      this.r.debug(this.receivedDebug(sa, peer));
      this.r.syslog(ikmpBadMessageSyslog({ srcAddr: peer }));
      this.negotiationFailed(peer, 1, 'psk-mismatch');
      return;
    }
    const refusal = this.r.sa.quickModeRefusal(sa, m);
    if (refusal) {
      outcome(refusal.outcome);
      this.r.debug(this.receivedDebug(sa, peer));
      this.r.sa.refuseQuickMode(sa, refusal);
      return;
    }
    outcome(null);
    this.r.debug(this.receivedDebug(sa, peer));
    this.r.lastRxAtMs.set(peer, this.r.world.nowMs);
    if (sa.liveness?.state === 'worried') sa.liveness.send({ type: 'traffic.in' });
    // The responder's cookie arrives with its first answer (RFC 2408 §3.1).
    if (m.msg === 'MM2' || m.msg === 'AM2') sa.rcookie = m.rcookie;
    const refused = m.msg === 'XAUTH-REPLY' && !this.userAccepted(sa, m);
    switch (m.msg) {
      case 'MM1':
      case 'MM2':
      case 'MM3':
      case 'MM4':
      case 'MM5':
      case 'MM6':
      case 'AM1':
      case 'AM2':
      case 'AM3':
      case 'CFG-REQUEST':
      case 'CFG-REPLY':
      case 'XAUTH-REQUEST':
      case 'XAUTH-REPLY':
      case 'XAUTH-STATUS':
      case 'XAUTH-ACK':
        sa.host.send({
          type: 'recv',
          msg: m.msg,
          ...(offerLifetimeSec !== undefined ? { lifetimeSec: offerLifetimeSec } : {}),
          ...(m.dpdVid !== undefined ? { dpdVid: m.dpdVid } : {}),
          ...(m.initialContact ? { initialContact: true } : {}),
          ...(m.xauth === true ? { xauth: true } : {}),
          ...(m.msg === 'XAUTH-STATUS' && m.accepted === true ? { accepted: true } : {}),
          ...(m.msg === 'XAUTH-REPLY' && !refused ? { accepted: true } : {}),
        });
        if (refused) this.negotiationFailed(peer, 1, 'xauth-refused');
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
        this.r.debug(
          dpdSendDebug({ connId: isakmpConnId(sa), seq: m.seq ?? 0, kind: 'R_U_THERE_ACK' }),
        );
        this.transmit(sa, {
          msg: 'R-U-THERE-ACK',
          seq: m.seq ?? 0,
          messageId: this.r.world.rng.nextUint32(),
        });
        return;
      case 'KEEPALIVE':
        this.r.debug(
          keepaliveSendDebug({ connId: isakmpConnId(sa), peer: sa.peer, kind: 'KEEPALIVE_ACK' }),
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
          this.r.debug(
            dpdAckReceivedDebug({ connId: isakmpConnId(sa), peer: sa.peer, seq: m.seq ?? 0 }),
          );
        }
        sa.liveness?.send({ type: 'ack', seq: m.seq ?? 0 });
        return;
      default:
        return;
    }
  }

  /** `received packet from …` (8.1 [C-2]): a new SA's first packet, or the state it is in. */
  private receivedDebug(sa: IkeSa, peer: string): string {
    const fresh = sa.host.state === 'idle';
    return receivedPacketDebug({
      connId: isakmpConnId(sa),
      peer,
      role: fresh ? 'N' : sa.role === 'initiator' ? 'I' : 'R',
      state: fresh ? 'NEW SA' : sa.host.state,
    });
  }

  /**
   * A responder's answer to MM1 or AM1: the key it will authenticate with (the peer's, or the
   * Easy VPN group's that AM1 names) and the policy it accepts; null, after saying why, when it
   * has no key or no acceptable policy (then it keeps no SA and the initiator retransmits).
   */
  private answerOffer(
    m: IkePayload,
    peer: string,
    outcome: Outcome,
  ): { auth: IkeAuth; lifetimeSec: number; offerLifetimeSec: number } | null {
    const config = this.r.config;
    const aggressive = m.msg === 'AM1';
    const psk = aggressive ? groupKey(config, m.groupId) : keyFor(config, peer);
    if (psk === null) {
      outcome(
        aggressive
          ? `no Easy VPN group ${m.groupId ?? '(none named)'}`
          : `no pre-shared key for ${peer}`,
      );
      this.r.debug(receivedPacketDebug({ connId: 0, peer, role: 'N', state: 'NEW SA' }));
      this.r.debug(`ISAKMP:(0):No pre-shared key with ${peer}!`);
      this.negotiationFailed(peer, 1, aggressive ? 'unknown-group' : 'no-psk');
      return null;
    }
    const choice = chooseProposal(m.proposals ?? [], ownProposals(config));
    if (choice.accepted === null) {
      outcome(`no common ISAKMP policy: no policy of ${this.r.id} matches the ${m.msg} offer`);
      this.r.debug(receivedPacketDebug({ connId: 0, peer, role: 'N', state: 'NEW SA' }));
      this.r.debug(processingSaPayloadDebug({ connId: 0 }));
      for (const check of choice.checks) {
        this.r.debug(
          checkingIsakmpTransformDebug({
            connId: 0,
            transform: check.transform,
            priority: check.priority,
          }),
        );
        this.r.debug(attsNotAcceptableDebug({ connId: 0, nextPayload: check.more ? 3 : 0 }));
      }
      const local = this.r.localAddressToward(ip(peer));
      this.r.debug(saPolicyNotAcceptableDebug({ connId: 0, phase: 1, local, remote: peer }));
      this.r.syslog(ikmpModeFailureSyslog({ mode: aggressive ? 'Aggressive' : 'Main', peer }));
      this.negotiationFailed(peer, 1, 'no-common-policy');
      return null;
    }
    return {
      auth: {
        exchange: aggressive ? 'aggressive' : 'main',
        psk,
        group: m.groupId ?? null,
        xauthList: aggressive ? this.clientAuthenticationList(peer) : null,
        xauthCredentials: null,
      },
      lifetimeSec: choice.accepted.policy.lifetimeSec,
      offerLifetimeSec: choice.accepted.offered.lifetimeSec,
    };
  }

  /**
   * The XAUTH method list of the crypto map on the interface facing `peer`
   * (`crypto map NAME client authentication list LIST`), or null: no XAUTH.
   */
  private clientAuthenticationList(peer: string): string | null {
    const local = ip(this.r.localAddressToward(ip(peer)));
    const map = this.r.plan.interfaces.find((i) => i.addr === local)?.config.cryptoMap;
    return this.r.config.cryptoMapClientAuth.find((entry) => entry.map === map)?.list ?? null;
  }

  /**
   * Whether the server's method list accepts the user of an XAUTH-REPLY: with the `local`
   * method, a `username` line with that name and password (Cisco "Easy VPN Server").
   */
  private userAccepted(sa: IkeSa, m: IkePayload): boolean {
    const list = this.r.config.aaaLoginLists.find((l) => l.name === sa.auth.xauthList);
    if (!list?.methods.includes('local')) return false;
    return this.r.config.localUsers.some(
      (user) => user.name === m.xauthUser && user.password === m.xauthPassword,
    );
  }

  /** A negotiation with `peer` failed here: the trace says why the tunnel does not come up. */
  negotiationFailed(peer: string, phase: 1 | 2, cause: NegotiationCause): void {
    this.r.world.record({
      kind: 'negotiation',
      event: 'failed',
      node: this.r.id,
      peer,
      phase,
      cause,
      reason: NEGOTIATION_REASONS[cause],
    });
  }

  /** RFC 2408 §3.15: remove the SAs the DELETE names (and their siblings) ([C] 1.5). */
  private processDelete(sa: IkeSa, m: IkePayload): void {
    const connId = isakmpConnId(sa);
    const messageId = m.messageId ?? 0;
    this.r.debug(processingHashPayloadDebug({ connId, messageId }));
    this.r.debug(processingDeletePayloadDebug({ connId, messageId }));
    this.r.debug(paranoidKeepalivesDebug({ connId }));
    this.r.debug(deletingNodeDebug({ connId, messageId, reason: 'Informational (in) state 1' }));
    if (m.deleteIsakmp) {
      sa.host.send({ type: 'delete', reason: 'peer sent DELETE for the ISAKMP SA' });
      return;
    }
    for (const spi of m.deleteSpis ?? []) this.r.sa.deleteNotified(sa.peer, spi);
  }

  /** Tells the peer this ISAKMP SA is going (an Informational DELETE for the ISAKMP SA). */
  sendIsakmpDelete(sa: IkeSa): void {
    this.transmitInformational(sa, { msg: 'DELETE', deleteIsakmp: true });
  }

  /** `clear crypto isakmp`: delete every IKE SA (with `peer` only), telling each peer ([I] simplified). */
  clearCryptoIsakmp(peer?: string): void {
    for (const sa of peer === undefined ? this.all() : this.withPeer(peer)) {
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
