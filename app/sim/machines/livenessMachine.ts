// Peer liveness for one established IKE SA: RFC 3706 Dead Peer Detection as IOS runs it for
// `crypto isakmp keepalive <seconds> [<retry>] [periodic|on-demand]`, or the legacy IOS IKE
// keepalive when the peer did not advertise the DPD vendor ID (ios-behavior.md 0.2, 2.1).
// The machine reads `atMs` and `lastRxAtMs` (the last packet from the peer) through `observe()`.

import { assign, setup } from 'xstate';

/** IOS DPD resends an unanswered R-U-THERE every retry seconds, five times ([C-2] 2.1). */
export const DPD_MAX_RETRANSMITS = 5;
/** Legacy IOS keepalives: three consecutive misses declare the peer dead ([C-2] 0.2). */
export const LEGACY_MAX_MISSES = 3;

export type LivenessMode = 'on-demand' | 'periodic' | 'legacy';

export interface LivenessFacts {
  atMs: number;
  lastRxAtMs: number;
}

export interface LivenessInput {
  mode: LivenessMode;
  /** Reads the engine's data plane for this peer, at the current virtual time. */
  observe: () => LivenessFacts;
  seconds: number;
  retrySec: number;
  /** RFC 3706 §7: the sequence number starts at a random value. */
  seqStart: number;
}

export interface LivenessContext extends LivenessInput {
  seq: number;
  /** First sequence number of the current probe round: any ACK from it on proves liveness. */
  roundFirstSeq: number;
  retransmits: number;
  checkMs: number;
}

export type LivenessEvent =
  | { type: 'traffic.out' }
  | { type: 'traffic.in' }
  | { type: 'ack'; seq: number };

function probeMsg(context: LivenessContext): 'R-U-THERE' | 'KEEPALIVE' {
  return context.mode === 'legacy' ? 'KEEPALIVE' : 'R-U-THERE';
}

/** Actions of a transition that starts a probe round. */
const FIRST_PROBE = [
  'startRound',
  {
    type: 'sendProbe',
    params: ({ context }: { context: LivenessContext }) => ({
      msg: probeMsg(context),
      seq: context.seq,
      attempt: 0,
    }),
  },
] as const;

export const livenessMachine = setup({
  types: {
    input: {} as LivenessInput,
    context: {} as LivenessContext,
    events: {} as LivenessEvent,
  },
  actions: {
    // Effects, executed by the engine.
    sendProbe: (_, _params: { msg: 'R-U-THERE' | 'KEEPALIVE'; seq: number; attempt: number }) => {},
    peerDead: () => {},
    // Context bookkeeping.
    afterProbe: assign(({ context }) => ({ seq: (context.seq + 1) >>> 0 })),
    startRound: assign(({ context }) => ({ roundFirstSeq: context.seq, retransmits: 0 })),
    nextProbe: assign(({ context }) => ({
      seq: (context.seq + 1) >>> 0,
      retransmits: context.retransmits + 1,
    })),
    nextCheck: assign(({ context }) => {
      const facts = context.observe();
      return { checkMs: Math.max(1, facts.lastRxAtMs + context.seconds * 1000 - facts.atMs) };
    }),
  },
  guards: {
    onDemand: ({ context }) => context.mode === 'on-demand',
    // RFC 3706 §5.5 "worry metric": only silence from the peer makes us ask.
    peerSilent: ({ context }) => {
      const facts = context.observe();
      return facts.atMs - facts.lastRxAtMs >= context.seconds * 1000;
    },
    mayRetransmit: ({ context }) =>
      context.retransmits <
      (context.mode === 'legacy' ? LEGACY_MAX_MISSES - 1 : DPD_MAX_RETRANSMITS),
    ackMatchesOnDemand: ({ context, event }) =>
      context.mode === 'on-demand' &&
      event.type === 'ack' &&
      (event.seq - context.roundFirstSeq) >>> 0 <= (context.seq - context.roundFirstSeq) >>> 0,
    ackMatches: ({ context, event }) =>
      event.type === 'ack' &&
      (event.seq - context.roundFirstSeq) >>> 0 <= (context.seq - context.roundFirstSeq) >>> 0,
  },
  delays: {
    interval: ({ context }) => context.seconds * 1000,
    check: ({ context }) => context.checkMs,
    // Legacy keepalives are resent at the keepalive interval, DPD at the retry interval.
    retry: ({ context }) => (context.mode === 'legacy' ? context.seconds : context.retrySec) * 1000,
  },
}).createMachine({
  id: 'liveness',
  context: ({ input }) => ({
    ...input,
    seq: input.seqStart >>> 0,
    roundFirstSeq: input.seqStart >>> 0,
    retransmits: 0,
    checkMs: input.seconds * 1000,
  }),
  initial: 'start',
  states: {
    /** Chooses the quiet state for the mode; transient. */
    start: {
      always: [{ guard: 'onDemand', target: 'quiet.watching' }, { target: 'quiet.periodic' }],
    },
    quiet: {
      // Always entered through a child target (start, ACK, traffic.in); the initial is a formality.
      initial: 'periodic',
      states: {
        /** Periodic DPD and legacy keepalives ask every `seconds`, whatever the traffic. */
        periodic: { after: { interval: { target: '#liveness.probing', actions: FIRST_PROBE } } },
        /** On-demand: notice when the peer has been silent for `seconds`. */
        watching: {
          after: {
            check: [
              { guard: 'peerSilent', target: '#liveness.worried' },
              { target: 'watching', reenter: true, actions: 'nextCheck' },
            ],
          },
        },
      },
    },
    /** On-demand DPD: the peer is silent; the next packet we send to it triggers a probe. */
    worried: {
      on: {
        'traffic.out': { target: 'probing', actions: FIRST_PROBE },
        'traffic.in': 'quiet.watching',
      },
    },
    /** A probe is out; the retry timer restarts on each retransmission (no entry actions). */
    probing: {
      after: {
        retry: [
          {
            guard: 'mayRetransmit',
            target: 'probing',
            reenter: true,
            actions: [
              'nextProbe',
              {
                type: 'sendProbe',
                params: ({ context }) => ({
                  msg: probeMsg(context),
                  seq: context.seq,
                  attempt: context.retransmits,
                }),
              },
            ],
          },
          { target: 'dead' },
        ],
      },
      on: {
        ack: [
          { guard: 'ackMatchesOnDemand', target: 'quiet.watching', actions: 'afterProbe' },
          { guard: 'ackMatches', target: 'quiet.periodic', actions: 'afterProbe' },
        ],
      },
    },
    dead: {
      type: 'final',
      entry: 'peerDead',
    },
  },
});
