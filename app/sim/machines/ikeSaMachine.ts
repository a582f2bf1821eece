// One IKEv1 phase 1 (ISAKMP) SA on one router with pre-shared keys: main mode (RFC 2409 §5), or
// aggressive mode for an Easy VPN client with a group key (§5.4, ios-behavior.md 8.6), which then
// asks the server for its configuration in a transaction exchange (mode config) before any quick
// mode. States carry the names `show crypto isakmp sa` prints (4.3: MM_*, AG_*, CONF_ADDR,
// QM_IDLE); `fsm` effects carry IOS's internal IKE_I_MMn / IKE_R_MMn names for the debug view
// (4.2; the aggressive-mode names IKE_I_AM1, IKE_R_AM1, IKE_R_AM2 are [M] recalled). The machine
// decides what to send and when; the engine builds the packets and owns time.

import { assign, setup } from 'xstate';

/** IOS resends a main mode message after ~10 s, five times ([I] ios-behavior.md 7.3: simplified). */
export const IKE_RETRANSMIT_MS = 10_000;
export const IKE_MAX_RETRANSMITS = 5;

export type MainModeMsg = 'MM1' | 'MM2' | 'MM3' | 'MM4' | 'MM5' | 'MM6';
export type AggressiveModeMsg = 'AM1' | 'AM2' | 'AM3';
/** The transaction exchange of mode config: the client asks, the server answers. */
export type ModeConfigMsg = 'CFG-REQUEST' | 'CFG-REPLY';
/**
 * XAUTH (draft-beaulieu-ike-xauth), transaction exchanges the server starts after AM3: it asks for
 * the user's name and password, the client answers, the server sets the status (OK or FAIL) and
 * the client acknowledges it; then the client asks for its configuration.
 */
export type XauthMsg = 'XAUTH-REQUEST' | 'XAUTH-REPLY' | 'XAUTH-STATUS' | 'XAUTH-ACK';
/** Every message this machine sends or receives. */
export type PhaseOneMsg = MainModeMsg | AggressiveModeMsg | ModeConfigMsg | XauthMsg;

export interface IkeSaInput {
  role: 'initiator' | 'responder';
  /** Main mode, or aggressive mode (an Easy VPN client and its server). */
  exchange: 'main' | 'aggressive';
  /** Initiator only: ask for the peer's configuration (mode config) before it is usable. */
  modeConfig: boolean;
  lifetimeSec: number;
  /** Whether this router advertises the DPD vendor ID (RFC 3706 §5). */
  localDpdVid: boolean;
  /** Initiator only: send INITIAL-CONTACT in MM5 / AM3 (no other IKE SA with this peer). */
  initialContact: boolean;
  /** Responder only: an Easy VPN server that authenticates the user (XAUTH) after AM3. */
  xauthServer: boolean;
  /** Initiator only: an Easy VPN client with saved XAUTH credentials to answer with. */
  savedCredentials: boolean;
}

export interface IkeSaContext extends IkeSaInput {
  retransmits: number;
  lastSent: PhaseOneMsg | null;
  peerDpdVid: boolean;
  deleteReason: string;
  /** The server refused the user's credentials: it ends the SA once the client acknowledges. */
  xauthFailed: boolean;
}

export type IkeSaEvent =
  | { type: 'start' }
  | {
      type: 'recv';
      msg: PhaseOneMsg;
      lifetimeSec?: number;
      dpdVid?: boolean;
      initialContact?: boolean;
      /** AM2: the server will authenticate the user (XAUTH) after AM3. */
      xauth?: boolean;
      /** XAUTH-REPLY at the server: the credentials match; XAUTH-STATUS: the status is OK. */
      accepted?: boolean;
    }
  | { type: 'delete'; reason: string };

type Role = IkeSaInput['role'];

/**
 * The parameters of the `receives` guard: the message, the role that expects it, and when set,
 * that it carries INITIAL-CONTACT or that this client asks for its configuration. Named guards
 * with parameters, not inline functions, so that the statechart view can say what each
 * transition waits for (app/sim/machines/chartLabels.ts).
 */
export interface ReceivesParams {
  role: Role;
  msg: PhaseOneMsg;
  initialContact?: true;
  modeConfig?: true;
  /** XAUTH is on: this server demands it, or the server's AM2 announced it. */
  xauth?: true;
  /** XAUTH-REPLY or XAUTH-STATUS: the credentials were accepted. */
  accepted?: true;
  /** This server refused the credentials. */
  refused?: true;
  /** This client has saved XAUTH credentials. */
  savedCredentials?: true;
}

const receives = (role: Role, msg: PhaseOneMsg, also: Partial<ReceivesParams> = {}) =>
  ({ type: 'receives', params: { role, msg, ...also } }) as const;

const ikeSetup = setup({
  types: {
    input: {} as IkeSaInput,
    context: {} as IkeSaContext,
    events: {} as IkeSaEvent,
  },
  actions: {
    // Effects, executed by the engine; the machine never does I/O.
    send: (
      _,
      _params: {
        msg: PhaseOneMsg;
        initialContact: boolean;
        retransmit: number;
        accepted?: boolean;
      },
    ) => {},
    fsm: (_, _params: { from: string; to: string }) => {},
    processInitialContact: () => {},
    /** The SA is usable for quick mode: in QM_IDLE, after mode config when there is one. */
    established: () => {},
    deleted: (_, _params: { reason: string }) => {},
    /** An XAUTH request reached a client without saved credentials: it waits for the user. */
    xauthPending: () => {},
    // Context bookkeeping.
    sent: assign((_, params: { msg: PhaseOneMsg }) => ({ lastSent: params.msg, retransmits: 0 })),
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
    refuseUser: assign({ xauthFailed: true }),
  },
  guards: {
    receives: ({ context, event }, params: ReceivesParams) =>
      context.role === params.role &&
      event.type === 'recv' &&
      event.msg === params.msg &&
      (params.initialContact === undefined || event.initialContact === true) &&
      (params.modeConfig === undefined || context.modeConfig) &&
      (params.xauth === undefined || context.xauthServer || event.xauth === true) &&
      (params.accepted === undefined || event.accepted === true) &&
      (params.refused === undefined || context.xauthFailed) &&
      (params.savedCredentials === undefined || context.savedCredentials),
    /** The initiator starts with main mode or aggressive mode. */
    startsWith: ({ context }, params: { exchange: IkeSaInput['exchange'] }) =>
      context.role === 'initiator' && context.exchange === params.exchange,
    /** The retransmit timer fired after one of these messages. */
    lastSent: ({ context }, params: { msgs: readonly PhaseOneMsg[] }) =>
      context.lastSent !== null && params.msgs.includes(context.lastSent),
    mayRetransmit: ({ context }) => context.retransmits < IKE_MAX_RETRANSMITS,
    /** The server drives XAUTH and retransmits; the client only answers. */
    isServer: ({ context }) => context.role === 'responder',
  },
  delays: {
    retransmit: IKE_RETRANSMIT_MS,
    lifetime: ({ context }) => context.lifetimeSec * 1000,
  },
});

/** The initiator answers AM2 with AM3 (INITIAL-CONTACT in it when due): phase 1 is complete. */
const answerAm2 = [
  'noteOffer',
  { type: 'fsm', params: { from: 'IKE_I_AM1', to: 'IKE_P1_COMPLETE' } },
  {
    type: 'send',
    params: ({ context }: { context: IkeSaContext }) => ({
      msg: 'AM3' as const,
      initialContact: context.initialContact,
      retransmit: 0,
    }),
  },
  { type: 'sent', params: { msg: 'AM3' } },
] as const;

/** A lost AM3 makes the server resend AM2: the client answers it again. */
const resendAm3 = {
  type: 'send',
  params: ({ context }: { context: IkeSaContext }) => ({
    msg: 'AM3' as const,
    initialContact: context.initialContact,
    retransmit: 1,
  }),
} as const;

/** The responder has verified AM3: phase 1 is complete. */
const responderAm3Complete = {
  type: 'fsm',
  params: { from: 'IKE_R_AM2', to: 'IKE_P1_COMPLETE' },
} as const;

/** An Easy VPN server with XAUTH asks for the user's credentials once phase 1 is complete. */
const askForCredentials = [
  responderAm3Complete,
  { type: 'send', params: { msg: 'XAUTH-REQUEST', initialContact: false, retransmit: 0 } },
  { type: 'sent', params: { msg: 'XAUTH-REQUEST' } },
] as const;

/** The server sets the XAUTH status: OK, or FAIL when it refused the credentials. */
const sendStatus = [
  {
    type: 'send',
    params: ({ context }: { context: IkeSaContext }) => ({
      msg: 'XAUTH-STATUS' as const,
      initialContact: false,
      retransmit: 0,
      accepted: !context.xauthFailed,
    }),
  },
  { type: 'sent', params: { msg: 'XAUTH-STATUS' } },
] as const;

/** The client acknowledges the status (RFC-less draft: CFG_ACK to the server's CFG_SET). */
const acknowledgeStatus = {
  type: 'send',
  params: { msg: 'XAUTH-ACK', initialContact: false, retransmit: 0 },
} as const;

export const ikeSaMachine = ikeSetup.createMachine({
  id: 'ike',
  context: ({ input }) => ({
    ...input,
    retransmits: 0,
    lastSent: null,
    peerDpdVid: false,
    deleteReason: '',
    xauthFailed: false,
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
        start: [
          {
            guard: { type: 'startsWith', params: { exchange: 'main' } },
            target: 'MM_NO_STATE',
            actions: [
              { type: 'fsm', params: { from: 'IKE_READY', to: 'IKE_I_MM1' } },
              { type: 'send', params: { msg: 'MM1', initialContact: false, retransmit: 0 } },
              { type: 'sent', params: { msg: 'MM1' } },
            ],
          },
          {
            guard: { type: 'startsWith', params: { exchange: 'aggressive' } },
            target: 'AG_NO_STATE',
            actions: [
              { type: 'fsm', params: { from: 'IKE_READY', to: 'IKE_I_AM1' } },
              { type: 'send', params: { msg: 'AM1', initialContact: false, retransmit: 0 } },
              { type: 'sent', params: { msg: 'AM1' } },
            ],
          },
        ],
        recv: [
          {
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
          {
            // AM1 carries the proposals, the key exchange, the nonce and the group's name;
            // AM2 answers with all of that and the responder's authentication (RFC 2409 §5.4).
            guard: receives('responder', 'AM1'),
            target: 'AG_INIT_EXCH',
            actions: [
              'noteOffer',
              { type: 'fsm', params: { from: 'IKE_READY', to: 'IKE_R_AM1' } },
              { type: 'send', params: { msg: 'AM2', initialContact: false, retransmit: 0 } },
              { type: 'sent', params: { msg: 'AM2' } },
              { type: 'fsm', params: { from: 'IKE_R_AM1', to: 'IKE_R_AM2' } },
            ],
          },
        ],
      },
    },
    AG_NO_STATE: {
      after: { retransmit: 'retransmitting' },
      on: {
        // AM2 authenticates the responder: phase 1 is complete once AM3 answers it. A client
        // then asks for its configuration; otherwise the SA is ready for quick mode.
        recv: [
          {
            // The server announced XAUTH: the client waits for its request after AM3.
            guard: receives('initiator', 'AM2', { modeConfig: true, xauth: true }),
            target: 'CONF_XAUTH',
            actions: answerAm2,
          },
          {
            guard: receives('initiator', 'AM2', { modeConfig: true }),
            target: 'CONF_ADDR',
            actions: [
              ...answerAm2,
              {
                type: 'send',
                params: { msg: 'CFG-REQUEST', initialContact: false, retransmit: 0 },
              },
              { type: 'sent', params: { msg: 'CFG-REQUEST' } },
            ],
          },
          { guard: receives('initiator', 'AM2'), target: 'QM_IDLE', actions: answerAm2 },
        ],
      },
    },
    AG_INIT_EXCH: {
      after: { retransmit: 'retransmitting' },
      on: {
        recv: [
          {
            guard: receives('responder', 'AM3', { initialContact: true, xauth: true }),
            target: 'CONF_XAUTH',
            actions: ['processInitialContact', ...askForCredentials],
          },
          {
            guard: receives('responder', 'AM3', { xauth: true }),
            target: 'CONF_XAUTH',
            actions: askForCredentials,
          },
          {
            // INITIAL-CONTACT rides in AM3, as in MM5 (RFC 2407 §4.6.3.3).
            guard: receives('responder', 'AM3', { initialContact: true }),
            target: 'QM_IDLE',
            actions: ['processInitialContact', responderAm3Complete],
          },
          {
            guard: receives('responder', 'AM3'),
            target: 'QM_IDLE',
            actions: responderAm3Complete,
          },
        ],
      },
    },
    /**
     * XAUTH ([M] simplified: the state name is recalled from `show crypto isakmp sa`). The server
     * asks, checks the answer against its local users, sets the status and, once the client has
     * acknowledged it, is established or, after a refusal, deletes the SA. The client answers
     * with its saved credentials (or waits for its user), then asks for its configuration.
     */
    CONF_XAUTH: {
      after: { retransmit: { guard: 'isServer', target: 'retransmitting' } },
      on: {
        recv: [
          {
            guard: receives('initiator', 'XAUTH-REQUEST', { savedCredentials: true }),
            actions: {
              type: 'send',
              params: { msg: 'XAUTH-REPLY', initialContact: false, retransmit: 0 },
            },
          },
          // Without saved credentials the request waits for the user at the console.
          { guard: receives('initiator', 'XAUTH-REQUEST'), actions: 'xauthPending' },
          {
            guard: receives('initiator', 'XAUTH-STATUS', { accepted: true }),
            target: 'CONF_ADDR',
            actions: [
              acknowledgeStatus,
              {
                type: 'send',
                params: { msg: 'CFG-REQUEST', initialContact: false, retransmit: 0 },
              },
              { type: 'sent', params: { msg: 'CFG-REQUEST' } },
            ],
          },
          {
            guard: receives('initiator', 'XAUTH-STATUS'),
            target: 'deleted',
            actions: [
              acknowledgeStatus,
              { type: 'setDeleteReason', params: { reason: 'XAUTH failed' } },
            ],
          },
          // A lost AM3 makes the server resend AM2: answer it again.
          { guard: receives('initiator', 'AM2'), actions: resendAm3 },
          {
            guard: receives('responder', 'XAUTH-REPLY', { accepted: true }),
            actions: sendStatus,
          },
          {
            guard: receives('responder', 'XAUTH-REPLY'),
            actions: ['refuseUser', ...sendStatus],
          },
          {
            guard: receives('responder', 'XAUTH-ACK', { refused: true }),
            target: 'deleted',
            actions: { type: 'setDeleteReason', params: { reason: 'XAUTH failed' } },
          },
          { guard: receives('responder', 'XAUTH-ACK'), target: 'QM_IDLE' },
        ],
      },
    },
    /** The client waits for the server's configuration (mode config, [M] simplified). */
    CONF_ADDR: {
      after: { retransmit: 'retransmitting' },
      on: { recv: { guard: receives('initiator', 'CFG-REPLY'), target: 'QM_IDLE' } },
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
            guard: receives('responder', 'MM5', { initialContact: true }),
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
        ],
      },
    },
    QM_IDLE: {
      entry: 'established',
      after: {
        lifetime: {
          target: 'deleted',
          actions: { type: 'setDeleteReason', params: { reason: 'lifetime expired' } },
        },
      },
      on: {
        recv: [
          // A lost MM6 makes the initiator resend MM5: answer it again.
          {
            guard: receives('responder', 'MM5'),
            actions: {
              type: 'send',
              params: { msg: 'MM6', initialContact: false, retransmit: 1 },
            },
          },
          // A lost AM3 makes the responder resend AM2: answer it again.
          { guard: receives('initiator', 'AM2'), actions: resendAm3 },
          // The server answers a client's configuration request (again, if its reply was lost).
          {
            guard: receives('responder', 'CFG-REQUEST'),
            actions: {
              type: 'send',
              params: { msg: 'CFG-REPLY', initialContact: false, retransmit: 0 },
            },
          },
        ],
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
                initialContact:
                  (context.lastSent === 'MM5' || context.lastSent === 'AM3') &&
                  context.initialContact,
                retransmit: context.retransmits,
                accepted: !context.xauthFailed,
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
        { guard: { type: 'lastSent', params: { msgs: ['MM1'] } }, target: 'MM_NO_STATE' },
        { guard: { type: 'lastSent', params: { msgs: ['MM2', 'MM3'] } }, target: 'MM_SA_SETUP' },
        { guard: { type: 'lastSent', params: { msgs: ['AM1'] } }, target: 'AG_NO_STATE' },
        { guard: { type: 'lastSent', params: { msgs: ['AM2'] } }, target: 'AG_INIT_EXCH' },
        { guard: { type: 'lastSent', params: { msgs: ['CFG-REQUEST'] } }, target: 'CONF_ADDR' },
        {
          guard: { type: 'lastSent', params: { msgs: ['XAUTH-REQUEST', 'XAUTH-STATUS'] } },
          target: 'CONF_XAUTH',
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
