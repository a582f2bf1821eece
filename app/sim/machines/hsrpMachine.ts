// One HSRP group on one router (RFC 2281, HSRP version 1 as IOS runs it): Init → Listen →
// Speak → Standby / Active, elected by priority (ties: the higher interface address), with the
// Active and Standby timers of RFC 2281 §6 as deadlines and hellos every hello time. The machine
// reads the time through `now()`; hellos from the other members arrive as `hello` events.
//
// Simplified ([M]/[I]: ios-behavior.md has no HSRP state-machine facts): no Coup or Resign
// messages (a preempting router simply goes Active, and the old Active hears a better Active
// hello and falls back to Speak); hello and hold times are the configured ones, not learned from
// the Active router; a router never leaves Active on its own (no tracking); Init is left at once
// (the interface is up when the router boots); no virtual MAC or gratuitous ARP: the engine gives
// the virtual IP to whichever router is Active.

import { assign, setup } from 'xstate';
import type { HsrpSpeakingState } from '../packets';

export type HsrpState = 'Init' | 'Listen' | HsrpSpeakingState;

export interface HsrpInput {
  priority: number;
  preempt: boolean;
  helloMs: number;
  holdMs: number;
  /** The interface address: breaks priority ties (higher wins, RFC 2281 §5). */
  selfIp: number;
  /** The engine's virtual time. */
  now: () => number;
}

/** What the last hello from another member said, and when it came. */
interface Heard {
  ip: number;
  state: HsrpSpeakingState;
  priority: number;
  atMs: number;
}

export interface HsrpContext extends HsrpInput {
  /** Other members heard from, by address. */
  heard: Record<string, Heard>;
  /** When the Active timer was (re)started: a hello from the Active router restarts it. */
  activeTimerAtMs: number;
  /** When the Standby timer was (re)started: a hello from the Standby router restarts it. */
  standbyTimerAtMs: number;
}

export type HsrpEvent =
  | { type: 'hello'; from: number; state: HsrpSpeakingState; priority: number }
  | { type: 'start' };

type Ctx = { context: HsrpContext };
type Ev = { context: HsrpContext; event: HsrpEvent };

/** `a` outranks `b`: higher priority, then the higher interface address. */
function outranks(a: { priority: number; ip: number }, b: { priority: number; ip: number }) {
  return a.priority > b.priority || (a.priority === b.priority && a.ip >>> 0 > b.ip >>> 0);
}

function self(context: HsrpContext) {
  return { priority: context.priority, ip: context.selfIp };
}

/** Members heard within the hold time. */
function live(context: HsrpContext): Heard[] {
  const now = context.now();
  return Object.values(context.heard).filter((h) => now < h.atMs + context.holdMs);
}

const activeExpired = ({ context }: Ctx) =>
  context.now() >= context.activeTimerAtMs + context.holdMs;
const standbyExpired = ({ context }: Ctx) =>
  context.now() >= context.standbyTimerAtMs + context.holdMs;
/** No live member outranks us, whatever its state: we win the Active election. */
const bestOfAll = ({ context }: Ctx) => !live(context).some((h) => outranks(h, self(context)));
/** No live member other than the Active router outranks us: we win the Standby election. */
const bestOfRest = ({ context }: Ctx) =>
  !live(context).some((h) => h.state !== 'Active' && outranks(h, self(context)));

function isHello(event: HsrpEvent): event is Extract<HsrpEvent, { type: 'hello' }> {
  return event.type === 'hello';
}

/** The next deadline among the running timers, at least 1 ms ahead. */
function untilNextDeadline(context: HsrpContext, timers: 'both' | 'active'): number {
  const now = context.now();
  const deadlines = [context.activeTimerAtMs + context.holdMs];
  if (timers === 'both') deadlines.push(context.standbyTimerAtMs + context.holdMs);
  const ahead = deadlines.filter((d) => d > now);
  return Math.max(1, (ahead.length > 0 ? Math.min(...ahead) : now + context.holdMs) - now);
}

/** The hello region of a speaking state: one hello on entry, then one every hello time. */
const HELLO_REGION = {
  initial: 'sending',
  states: {
    sending: {
      entry: 'sendHello',
      after: { hello: { target: 'sending', reenter: true } },
    },
  },
} as const;

/**
 * A hello heard in Speak or Standby: a worse Active is preempted (with `preempt`), a better
 * Standby sends us back to Listen (RFC 2281 §6), anything else is only learnt.
 */
const SPEAKING_ON_HELLO = [
  { guard: 'mayPreempt', target: '#hsrp.Active', actions: 'learn' },
  { guard: 'betterStandbyHello', target: '#hsrp.Listen', actions: 'learn' },
  { actions: 'learn' },
] as const;

export const hsrpMachine = setup({
  types: {
    input: {} as HsrpInput,
    context: {} as HsrpContext,
    events: {} as HsrpEvent,
  },
  actions: {
    // Effect, executed by the router (it reads the state the hello announces).
    sendHello: () => {},
    learn: assign(({ context, event }: Ev) => {
      if (!isHello(event)) return {};
      const now = context.now();
      const heard = {
        ...context.heard,
        [String(event.from)]: {
          ip: event.from,
          state: event.state,
          priority: event.priority,
          atMs: now,
        },
      };
      return {
        heard,
        ...(event.state === 'Active' ? { activeTimerAtMs: now } : {}),
        ...(event.state === 'Standby' ? { standbyTimerAtMs: now } : {}),
      };
    }),
    startTimers: assign(({ context }: Ctx) => ({
      activeTimerAtMs: context.now(),
      standbyTimerAtMs: context.now(),
    })),
    /** Entering Speak restarts whichever timer expired (RFC 2281 §6, Listen: events 5, 6). */
    restartExpired: assign(({ context }: Ctx) => {
      const now = context.now();
      return {
        ...(now >= context.activeTimerAtMs + context.holdMs ? { activeTimerAtMs: now } : {}),
        ...(now >= context.standbyTimerAtMs + context.holdMs ? { standbyTimerAtMs: now } : {}),
      };
    }),
    restartStandbyTimer: assign(({ context }: Ctx) => ({ standbyTimerAtMs: context.now() })),
  },
  guards: {
    activeExpired,
    eitherExpired: (args: Ctx) => activeExpired(args) || standbyExpired(args),
    /** Active timer out and nobody outranks us: we become Active. */
    winsActive: (args: Ctx) => activeExpired(args) && bestOfAll(args),
    /** Standby timer out and only the Active router (if any) outranks us. */
    winsStandby: (args: Ctx) => standbyExpired(args) && bestOfRest(args),
    /** A better router announces itself Standby: we stop speaking (RFC 2281 §6, event 7). */
    betterStandbyHello: ({ context, event }: Ev) =>
      isHello(event) &&
      event.state === 'Standby' &&
      outranks({ priority: event.priority, ip: event.from }, self(context)),
    /** A better router announces itself Active: a second Active steps down (event 4). */
    betterActiveHello: ({ context, event }: Ev) =>
      isHello(event) &&
      event.state === 'Active' &&
      outranks({ priority: event.priority, ip: event.from }, self(context)),
    /** `standby N preempt`: a worse Active router is taken over at once. */
    mayPreempt: ({ context, event }: Ev) =>
      context.preempt &&
      isHello(event) &&
      event.state === 'Active' &&
      outranks(self(context), { priority: event.priority, ip: event.from }),
  },
  delays: {
    hello: ({ context }) => context.helloMs,
    bothTimers: ({ context }) => untilNextDeadline(context, 'both'),
    activeTimer: ({ context }) => untilNextDeadline(context, 'active'),
  },
}).createMachine({
  id: 'hsrp',
  context: ({ input }) => ({ ...input, heard: {}, activeTimerAtMs: 0, standbyTimerAtMs: 0 }),
  initial: 'Init',
  states: {
    /** Before the router has booted; `start` when it has (the interface is up). */
    Init: {
      on: { start: { target: 'Listen', actions: 'startTimers' } },
    },
    /** Knows the virtual IP; silent; waits for the Active or Standby timer to run out. */
    Listen: {
      on: {
        hello: [{ guard: 'mayPreempt', target: 'Active', actions: 'learn' }, { actions: 'learn' }],
      },
      after: {
        bothTimers: [
          { guard: 'eitherExpired', target: 'Speak' },
          { target: 'Listen', reenter: true },
        ],
      },
    },
    /** Sends hellos and stands in the election for Active and Standby. */
    Speak: {
      type: 'parallel',
      entry: 'restartExpired',
      on: { hello: SPEAKING_ON_HELLO },
      states: {
        hello: HELLO_REGION,
        election: {
          initial: 'waiting',
          states: {
            waiting: {
              after: {
                bothTimers: [
                  { guard: 'winsActive', target: '#hsrp.Active' },
                  { guard: 'winsStandby', target: '#hsrp.Standby' },
                  // Lost an election whose timer ran out: keep speaking, restart it.
                  {
                    guard: 'eitherExpired',
                    target: 'waiting',
                    reenter: true,
                    actions: 'restartExpired',
                  },
                  { target: 'waiting', reenter: true },
                ],
              },
            },
          },
        },
      },
    },
    /** Next in line: takes over when the Active timer runs out (no hello for the hold time). */
    Standby: {
      type: 'parallel',
      entry: 'restartStandbyTimer',
      on: { hello: SPEAKING_ON_HELLO },
      states: {
        hello: HELLO_REGION,
        watch: {
          initial: 'waiting',
          states: {
            waiting: {
              after: {
                activeTimer: [
                  { guard: 'activeExpired', target: '#hsrp.Active' },
                  { target: 'waiting', reenter: true },
                ],
              },
            },
          },
        },
      },
    },
    /** Owns the virtual IP: the engine delivers packets for it here. */
    Active: {
      type: 'parallel',
      on: {
        hello: [
          { guard: 'betterActiveHello', target: 'Speak', actions: 'learn' },
          { actions: 'learn' },
        ],
      },
      states: {
        hello: HELLO_REGION,
      },
    },
  },
});
