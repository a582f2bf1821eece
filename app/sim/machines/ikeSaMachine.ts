// One IKEv1 phase 1 (ISAKMP) SA on one router, main mode with pre-shared keys (RFC 2409 §5).
// States carry the names `show crypto isakmp sa` prints (ios-behavior.md 4.3); `fsm` effects
// carry IOS's internal IKE_I_MMn / IKE_R_MMn names for the debug view (4.2). The machine decides
// what to send and when; the engine builds the packets and owns time.

import { assign, setup } from 'xstate';

/** IOS resends a main mode message after ~10 s, five times ([I] ios-behavior.md 7.3: simplified). */
export const IKE_RETRANSMIT_MS = 10_000;
export const IKE_MAX_RETRANSMITS = 5;

export type MainModeMsg = 'MM1' | 'MM2' | 'MM3' | 'MM4' | 'MM5' | 'MM6';

export interface IkeSaInput {
  role: 'initiator' | 'responder';
  lifetimeSec: number;
  /** Whether this router advertises the DPD vendor ID (RFC 3706 §5). */
  localDpdVid: boolean;
  /** Initiator only: send INITIAL-CONTACT in MM5 (no other IKE SA with this peer). */
  initialContact: boolean;
}

export interface IkeSaContext extends IkeSaInput {
  retransmits: number;
  lastSent: MainModeMsg | null;
  peerDpdVid: boolean;
  deleteReason: string;
}

export type IkeSaEvent =
  | { type: 'start' }
  | {
      type: 'recv';
      msg: MainModeMsg;
      lifetimeSec?: number;
      dpdVid?: boolean;
      initialContact?: boolean;
    }
  | { type: 'delete'; reason: string };

type Role = IkeSaInput['role'];

const receives =
  (role: Role, msg: MainModeMsg) =>
  ({ context, event }: { context: IkeSaContext; event: IkeSaEvent }) =>
    context.role === role && event.type === 'recv' && event.msg === msg;

export const ikeSaMachine = setup({
  types: {
    input: {} as IkeSaInput,
    context: {} as IkeSaContext,
    events: {} as IkeSaEvent,
  },
  actions: {
    // Effects, executed by the engine; the machine never does I/O.
    send: (_, _params: { msg: MainModeMsg; initialContact: boolean; retransmit: number }) => {},
    fsm: (_, _params: { from: string; to: string }) => {},
    processInitialContact: () => {},
    established: () => {},
    deleted: (_, _params: { reason: string }) => {},
    // Context bookkeeping.
    sent: assign((_, params: { msg: MainModeMsg }) => ({ lastSent: params.msg, retransmits: 0 })),
    countRetransmit: assign(({ context }) => ({ retransmits: context.retransmits + 1 })),
    noteOffer: assign(({ context, event }) =>
      event.type === 'recv'
        ? {
            peerDpdVid: event.dpdVid ?? context.peerDpdVid,
            // IKEv1 uses the smaller of the two lifetimes (ios-behavior.md 4.5, [C]).
            lifetimeSec: Math.min(context.lifetimeSec, event.lifetimeSec ?? context.lifetimeSec),
          }
        : {},
    ),
    setDeleteReason: assign((_, params: { reason: string }) => ({ deleteReason: params.reason })),
  },
  guards: {
    mayRetransmit: ({ context }) => context.retransmits < IKE_MAX_RETRANSMITS,
  },
  delays: {
    retransmit: IKE_RETRANSMIT_MS,
    lifetime: ({ context }) => context.lifetimeSec * 1000,
  },
}).createMachine({
  id: 'ike',
  context: ({ input }) => ({
    ...input,
    retransmits: 0,
    lastSent: null,
    peerDpdVid: false,
    deleteReason: '',
  }),
  initial: 'idle',
  on: {
    delete: {
      target: '.deleted',
      actions: { type: 'setDeleteReason', params: ({ event }) => ({ reason: event.reason }) },
    },
  },
  states: {
    idle: {
      on: {
        start: {
          guard: ({ context }) => context.role === 'initiator',
          target: 'MM_NO_STATE',
          actions: [
            { type: 'fsm', params: { from: 'IKE_READY', to: 'IKE_I_MM1' } },
            { type: 'send', params: { msg: 'MM1', initialContact: false, retransmit: 0 } },
            { type: 'sent', params: { msg: 'MM1' } },
          ],
        },
        recv: {
          guard: receives('responder', 'MM1'),
          target: 'MM_SA_SETUP',
          actions: [
            'noteOffer',
            { type: 'fsm', params: { from: 'IKE_READY', to: 'IKE_R_MM1' } },
            { type: 'send', params: { msg: 'MM2', initialContact: false, retransmit: 0 } },
            { type: 'sent', params: { msg: 'MM2' } },
            { type: 'fsm', params: { from: 'IKE_R_MM1', to: 'IKE_R_MM2' } },
          ],
        },
      },
    },
    MM_NO_STATE: {
      after: { retransmit: 'retransmitting' },
      on: {
        recv: {
          guard: receives('initiator', 'MM2'),
          target: 'MM_SA_SETUP',
          actions: [
            'noteOffer',
            { type: 'fsm', params: { from: 'IKE_I_MM1', to: 'IKE_I_MM2' } },
            { type: 'send', params: { msg: 'MM3', initialContact: false, retransmit: 0 } },
            { type: 'sent', params: { msg: 'MM3' } },
            { type: 'fsm', params: { from: 'IKE_I_MM2', to: 'IKE_I_MM3' } },
          ],
        },
      },
    },
    MM_SA_SETUP: {
      after: { retransmit: 'retransmitting' },
      on: {
        recv: [
          {
            guard: receives('initiator', 'MM4'),
            target: 'MM_KEY_EXCH',
            actions: [
              { type: 'fsm', params: { from: 'IKE_I_MM3', to: 'IKE_I_MM4' } },
              {
                type: 'send',
                params: ({ context }) => ({
                  msg: 'MM5' as const,
                  initialContact: context.initialContact,
                  retransmit: 0,
                }),
              },
              { type: 'sent', params: { msg: 'MM5' } },
              { type: 'fsm', params: { from: 'IKE_I_MM4', to: 'IKE_I_MM5' } },
            ],
          },
          {
            guard: receives('responder', 'MM3'),
            target: 'MM_KEY_EXCH',
            actions: [
              { type: 'fsm', params: { from: 'IKE_R_MM2', to: 'IKE_R_MM3' } },
              { type: 'send', params: { msg: 'MM4', initialContact: false, retransmit: 0 } },
              { type: 'sent', params: { msg: 'MM4' } },
              { type: 'fsm', params: { from: 'IKE_R_MM3', to: 'IKE_R_MM4' } },
            ],
          },
        ],
      },
    },
    MM_KEY_EXCH: {
      after: { retransmit: 'retransmitting' },
      on: {
        recv: [
          {
            guard: receives('initiator', 'MM6'),
            target: 'MM_KEY_AUTH',
            actions: { type: 'fsm', params: { from: 'IKE_I_MM5', to: 'IKE_I_MM6' } },
          },
          {
            // RFC 2407 §4.6.3.3: INITIAL-CONTACT tells the responder to drop every SA it still
            // holds with this peer; IOS does so before answering (ios-behavior.md 0.5, [C]).
            guard: ({ context, event }) =>
              receives('responder', 'MM5')({ context, event }) &&
              event.type === 'recv' &&
              event.initialContact === true,
            target: 'MM_KEY_AUTH',
            actions: [
              { type: 'fsm', params: { from: 'IKE_R_MM4', to: 'IKE_R_MM5' } },
              'processInitialContact',
              { type: 'send', params: { msg: 'MM6', initialContact: false, retransmit: 0 } },
              { type: 'sent', params: { msg: 'MM6' } },
            ],
          },
          {
            guard: receives('responder', 'MM5'),
            target: 'MM_KEY_AUTH',
            actions: [
              { type: 'fsm', params: { from: 'IKE_R_MM4', to: 'IKE_R_MM5' } },
              { type: 'send', params: { msg: 'MM6', initialContact: false, retransmit: 0 } },
              { type: 'sent', params: { msg: 'MM6' } },
            ],
          },
        ],
      },
    },
    /** Authenticated; IOS moves straight on to QM_IDLE (ios-behavior.md 4.3). */
    MM_KEY_AUTH: {
      always: {
        target: 'QM_IDLE',
        actions: [
          {
            type: 'fsm',
            params: ({ context }) => ({
              from: context.role === 'initiator' ? 'IKE_I_MM6' : 'IKE_R_MM5',
              to: 'IKE_P1_COMPLETE',
            }),
          },
          'established',
        ],
      },
    },
    QM_IDLE: {
      after: {
        lifetime: {
          target: 'deleted',
          actions: { type: 'setDeleteReason', params: { reason: 'lifetime expired' } },
        },
      },
      on: {
        // A lost MM6 makes the initiator resend MM5: answer it again.
        recv: {
          guard: receives('responder', 'MM5'),
          actions: { type: 'send', params: { msg: 'MM6', initialContact: false, retransmit: 1 } },
        },
      },
    },
    /** A retransmit timer fired in a negotiating state: resend the last message, or give up. */
    retransmitting: {
      always: [
        {
          guard: 'mayRetransmit',
          target: 'resending',
          actions: [
            'countRetransmit',
            {
              type: 'send',
              params: ({ context }) => ({
                msg: context.lastSent ?? 'MM1',
                initialContact: context.lastSent === 'MM5' && context.initialContact,
                retransmit: context.retransmits,
              }),
            },
          ],
        },
        {
          target: 'deleted',
          actions: { type: 'setDeleteReason', params: { reason: 'Death by retransmission P1' } },
        },
      ],
    },
    /** Back to the state that sent `lastSent`, with a fresh retransmit timer. */
    resending: {
      always: [
        { guard: ({ context }) => context.lastSent === 'MM1', target: 'MM_NO_STATE' },
        {
          guard: ({ context }) => context.lastSent === 'MM2' || context.lastSent === 'MM3',
          target: 'MM_SA_SETUP',
        },
        { target: 'MM_KEY_EXCH' },
      ],
    },
    deleted: {
      type: 'final',
      entry: { type: 'deleted', params: ({ context }) => ({ reason: context.deleteReason }) },
    },
  },
});
