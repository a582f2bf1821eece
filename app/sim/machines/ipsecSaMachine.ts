// One IPsec SA pair (inbound + outbound ESP SA) negotiated by one quick mode (RFC 2409 §5.5),
// from the first QM message to its deletion. Lifetimes, rekey and the idle timer follow
// ios-behavior.md 3 and 4.5. The engine keeps the data-plane counters; the machine reads them
// through `observe()` when a timer fires, so no event is needed per packet.
//
// Installing an inbound SA (IKE puts its SPI in the SADB) and programming it (the crypto engine
// can decrypt with it) are two effects: `installInbound`, then `inboundProgrammed` at once or
// `programDelayMs` later. The responder installs before it sends QM2 (4.2) and the initiator
// encrypts with its new outbound SA as soon as QM2 arrives, so a delay on the responder lets
// the rekey race of ios-behavior.md 1.1 happen. The delay is a simulation property ([I],
// simplified): IOS does not document how long its crypto engine takes.

import { assign, setup } from 'xstate';

/** A rekey starts 30 s before the seconds lifetime ends ([C] ios-behavior.md 4.5). */
export const REKEY_BEFORE_EXPIRY_MS = 30_000;
/**
 * ...or when 90 % of the kilobytes lifetime is used ([C-2] 8.9). The old pair then serves
 * REKEY_BEFORE_EXPIRY_MS more, as after a rekey by time, unless its volume runs out first ([I]).
 */
export const VOLUME_REKEY_FRACTION = 0.9;
/** Quick mode retransmission, like phase 1 ([I] simplified). */
export const QM_RETRANSMIT_MS = 10_000;
export const QM_MAX_RETRANSMITS = 5;

export type QuickModeMsg = 'QM1' | 'QM2' | 'QM3';

/** The machine's effects, in the order a pair meets them: the engine executes each. */
export const IPSEC_EFFECTS = [
  'send',
  'installInbound',
  'inboundProgrammed',
  'installOutbound',
  'requestRekey',
  'deleted',
] as const;

/** Why an SA pair is removed. Only local decisions tell the peer (DELETE notify). */
export type SaDeleteCause =
  | 'clear' // clear crypto sa
  | 'delete-notify' // the peer's DELETE named one of our SPIs
  | 'initial-contact' // the peer rebooted and said so in MM5
  | 'peer-dead' // DPD or keepalives gave up
  | 'reconfigured'; // the crypto map entry or profile was removed

export interface IpsecSaFacts {
  atMs: number;
  lastActivityAtMs: number;
  carriedTraffic: boolean;
}

export interface IpsecSaInput {
  role: 'initiator' | 'responder';
  /** Reads the engine's data plane for this pair, at the current virtual time. */
  observe: () => IpsecSaFacts;
  lifetimeSec: number;
  /** The kilobytes lifetime (the engine counts the bytes and raises the volume events). */
  lifetimeKb: number;
  /** Idle timer for this SA pair, or null (IOS default: none). */
  idleSec: number | null;
  /**
   * How long the router's crypto engine takes to program a newly installed inbound SA (the
   * scenario's `saInstallDelayMs`, [I] simplified). 0: in the same step as the install.
   */
  programDelayMs: number;
}

export interface IpsecSaContext extends IpsecSaInput {
  retransmits: number;
  idleCheckMs: number;
  deleteReason: string;
  notifyPeer: boolean;
}

export type IpsecSaEvent =
  | { type: 'start' }
  | { type: 'recv'; msg: QuickModeMsg; lifetimeSec?: number; lifetimeKb?: number }
  | { type: 'delete'; cause: SaDeleteCause }
  /** One of the pair's SAs has carried VOLUME_REKEY_FRACTION of its kilobytes lifetime. */
  | { type: 'volume.soft' }
  /** ...and now all of it. */
  | { type: 'volume.expired' }
  /** Raised by the machine itself, programDelayMs after installInbound. */
  | { type: 'programmed' };

const ipsecSetup = setup({
  types: {
    input: {} as IpsecSaInput,
    context: {} as IpsecSaContext,
    events: {} as IpsecSaEvent,
  },
  actions: {
    // Effects, executed by the engine.
    send: (_, _params: { msg: QuickModeMsg; retransmit: number }) => {},
    installInbound: () => {},
    inboundProgrammed: () => {},
    installOutbound: () => {},
    requestRekey: () => {},
    deleted: (_, _params: { reason: string; notifyPeer: boolean }) => {},
    // Context bookkeeping.
    countRetransmit: assign(({ context }) => ({ retransmits: context.retransmits + 1 })),
    agreeLifetime: assign(({ context, event }) => ({
      // IKEv1 uses the smaller of the two proposals (ios-behavior.md 4.5, [C]).
      lifetimeSec:
        event.type === 'recv' && event.lifetimeSec !== undefined
          ? Math.min(context.lifetimeSec, event.lifetimeSec)
          : context.lifetimeSec,
      lifetimeKb:
        event.type === 'recv' && event.lifetimeKb !== undefined
          ? Math.min(context.lifetimeKb, event.lifetimeKb)
          : context.lifetimeKb,
    })),
    setDelete: assign((_, params: { reason: string; notifyPeer: boolean }) => ({
      deleteReason: params.reason,
      notifyPeer: params.notifyPeer,
    })),
    nextIdleCheck: assign(({ context }) => {
      const facts = context.observe();
      return {
        idleCheckMs: Math.max(
          1,
          facts.lastActivityAtMs + (context.idleSec ?? 0) * 1000 - facts.atMs,
        ),
      };
    }),
  },
  guards: {
    /** A quick mode message the role expects (named, so the statechart view can say which). */
    receives: ({ context, event }, params: { role: IpsecSaInput['role']; msg: QuickModeMsg }) =>
      context.role === params.role && event.type === 'recv' && event.msg === params.msg,
    isInitiator: ({ context }) => context.role === 'initiator',
    mayRetransmit: ({ context }) => context.retransmits < QM_MAX_RETRANSMITS,
    // Only an SA that carried traffic is rekeyed; the side that initiated the quick mode
    // starts it ([C] 4.5 for the traffic rule; [I] for which side).
    shouldRekey: ({ context }) => context.role === 'initiator' && context.observe().carriedTraffic,
    idleExpired: ({ context }) => {
      const facts = context.observe();
      return facts.atMs - facts.lastActivityAtMs >= (context.idleSec ?? 0) * 1000;
    },
    hasIdleTimer: ({ context }) => context.idleSec !== null,
  },
  delays: {
    retransmit: QM_RETRANSMIT_MS,
    soft: ({ context }) => Math.max(0, context.lifetimeSec * 1000 - REKEY_BEFORE_EXPIRY_MS),
    hard: ({ context }) => context.lifetimeSec * 1000,
    idleCheck: ({ context }) => context.idleCheckMs,
  },
});

/** The inbound SA reaches the data plane: in this step, or programDelayMs later on the clock. */
const programInbound = ipsecSetup.enqueueActions(({ context, enqueue }) => {
  if (context.programDelayMs > 0)
    enqueue.raise({ type: 'programmed' }, { delay: context.programDelayMs });
  else enqueue('inboundProgrammed');
});

export const ipsecSaMachine = ipsecSetup.createMachine({
  id: 'ipsec',
  context: ({ input }) => ({
    ...input,
    retransmits: 0,
    idleCheckMs: (input.idleSec ?? 0) * 1000,
    deleteReason: '',
    notifyPeer: false,
  }),
  initial: 'idle',
  on: {
    // In any state: a deleted pair (final state) has stopped, and its timer with it.
    programmed: { actions: 'inboundProgrammed' },
    delete: {
      target: '.deleted',
      actions: {
        type: 'setDelete',
        params: ({ event }) => ({
          reason: event.type === 'delete' ? event.cause : 'deleted',
          notifyPeer: event.type === 'delete' && event.cause === 'clear',
        }),
      },
    },
  },
  states: {
    idle: {
      on: {
        start: {
          guard: 'isInitiator',
          target: 'negotiating',
          actions: { type: 'send', params: { msg: 'QM1', retransmit: 0 } },
        },
        recv: {
          // Responder: IOS installs the inbound SA before answering (IKE_QM_IPSEC_INSTALL_AWAIT
          // precedes IKE_QM_R_QM2, ios-behavior.md 4.2), the outbound one after QM3.
          guard: { type: 'receives', params: { role: 'responder', msg: 'QM1' } },
          target: 'negotiating',
          actions: [
            'agreeLifetime',
            'installInbound',
            programInbound,
            { type: 'send', params: { msg: 'QM2', retransmit: 0 } },
          ],
        },
      },
    },
    negotiating: {
      after: {
        retransmit: [
          {
            guard: 'mayRetransmit',
            target: 'negotiating',
            reenter: true,
            actions: [
              'countRetransmit',
              {
                type: 'send',
                params: ({ context }) => ({
                  msg: context.role === 'initiator' ? ('QM1' as const) : ('QM2' as const),
                  retransmit: context.retransmits,
                }),
              },
            ],
          },
          {
            target: 'deleted',
            actions: {
              type: 'setDelete',
              params: { reason: 'Death by retransmission P2', notifyPeer: false },
            },
          },
        ],
      },
      on: {
        recv: [
          {
            guard: { type: 'receives', params: { role: 'initiator', msg: 'QM2' } },
            target: 'active',
            actions: [
              'agreeLifetime',
              'installInbound',
              programInbound,
              'installOutbound',
              { type: 'send', params: { msg: 'QM3', retransmit: 0 } },
            ],
          },
          {
            guard: { type: 'receives', params: { role: 'responder', msg: 'QM3' } },
            target: 'active',
            actions: 'installOutbound',
          },
        ],
      },
    },
    active: {
      type: 'parallel',
      after: {
        hard: {
          target: 'deleted',
          actions: { type: 'setDelete', params: { reason: 'lifetime expired', notifyPeer: true } },
        },
      },
      on: {
        'volume.expired': {
          target: 'deleted',
          actions: {
            type: 'setDelete',
            params: { reason: 'kilobytes lifetime expired', notifyPeer: true },
          },
        },
      },
      states: {
        lifetime: {
          initial: 'fresh',
          states: {
            fresh: {
              after: {
                soft: [
                  { guard: 'shouldRekey', target: 'rekeyed', actions: 'requestRekey' },
                  { target: 'unused' },
                ],
              },
              on: {
                'volume.soft': [
                  { guard: 'shouldRekey', target: 'volumeUsed', actions: 'requestRekey' },
                  { target: 'volumeUsed' },
                ],
              },
            },
            /**
             * 90 % of the volume is used: a successor is negotiated (by the side that rekeys)
             * and this pair serves as long as after a rekey by time ([I] simplified).
             */
            volumeUsed: {
              after: {
                [REKEY_BEFORE_EXPIRY_MS]: {
                  target: '#ipsec.deleted',
                  actions: {
                    type: 'setDelete',
                    params: { reason: 'lifetime expired', notifyPeer: true },
                  },
                },
              },
            },
            /** A successor is being negotiated; this pair serves until its hard expiry. */
            rekeyed: {},
            /** Soft expiry passed without a rekey: no traffic, or the peer initiates it. */
            unused: {},
          },
        },
        idle: {
          initial: 'start',
          states: {
            start: { always: [{ guard: 'hasIdleTimer', target: 'watching' }, { target: 'off' }] },
            off: {},
            watching: {
              after: {
                idleCheck: [
                  {
                    // ios-behavior.md 3: the SA of an idle peer is removed before its lifetime
                    // ends [C]; the peer is told with a DELETE notify [I].
                    guard: 'idleExpired',
                    target: '#ipsec.deleted',
                    actions: {
                      type: 'setDelete',
                      params: { reason: 'idle timer expired', notifyPeer: true },
                    },
                  },
                  { target: 'watching', reenter: true, actions: 'nextIdleCheck' },
                ],
              },
            },
          },
        },
      },
    },
    deleted: {
      type: 'final',
      entry: {
        type: 'deleted',
        params: ({ context }) => ({ reason: context.deleteReason, notifyPeer: context.notifyPeer }),
      },
    },
  },
});
