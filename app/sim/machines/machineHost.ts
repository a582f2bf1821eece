// Runs one XState machine as an actor on the engine's virtual clock. `after` delays go through
// `clock.setTimeout`, which the engine backs with its agenda, so timers fire in (atMs, seq) order
// with the engine's time; the machine never sees wall time. Custom actions are effects: the
// host collects them, with their resolved params, while the machine takes a step, and hands
// them to the engine (`onEffect`) in order once the step is over, so an effect may start or
// signal other machines (XState forbids that from inside an action).

import { type Actor, type AnyStateMachine, createActor } from 'xstate';
import type { StateRecord } from '../trace';

/** XState's clock interface, implemented by the engine. */
export interface VirtualClock {
  setTimeout(fn: (...args: unknown[]) => void, timeoutMs: number): unknown;
  clearTimeout(id: unknown): void;
}

/** What a state change recorded besides the top-level state. */
export interface StateDetail {
  /**
   * The active atomic states as dotted paths from the root, in document order
   * ("active.lifetime.fresh", "active.idle.off"); one entry, the state itself, when flat.
   */
  active: string[];
  /**
   * The event that caused the step: its type (an `after` timer's is XState's
   * "xstate.after.<delay>.<state id>"), followed by the message it carries for `recv`
   * ("recv MM2").
   */
  event: string;
}

export interface Effect {
  type: string;
  params: Record<string, unknown>;
}

interface SnapshotView<C> {
  value: unknown;
  context: C;
  status: 'active' | 'done' | 'error' | 'stopped';
}

/** Each actor's effect queue (its host's): effect actions find it through `self`. */
const effectQueueOf = new WeakMap<object, Effect[]>();

/**
 * `machine` with its effect actions implemented, built once per machine and effect list:
 * `machine.provide` builds a whole new machine, too slow to repeat for every SA. The actions
 * are shared by every actor of the machine; each queues on its own actor's host.
 */
const providedMachines = new WeakMap<AnyStateMachine, Map<string, AnyStateMachine>>();

function withEffects(machine: AnyStateMachine, effectNames: readonly string[]): AnyStateMachine {
  let byNames = providedMachines.get(machine);
  if (!byNames) {
    byNames = new Map();
    providedMachines.set(machine, byNames);
  }
  const key = effectNames.join('\n');
  let provided = byNames.get(key);
  if (!provided) {
    const actions = Object.fromEntries(
      effectNames.map((type) => [
        type,
        ({ self }: { self: object }, params: unknown) => {
          effectQueueOf.get(self)?.push({
            type,
            params: (params ?? {}) as Record<string, unknown>,
          });
        },
      ]),
    );
    provided = machine.provide({ actions } as never);
    byNames.set(key, provided);
  }
  return provided;
}

/** An event as the host records it: its type and, for `recv`, the message it carries. */
interface HostEvent {
  type: string;
  msg?: unknown;
}

/** The event XState starts every actor with. */
const INIT_EVENT: HostEvent = { type: 'xstate.init' };

/** An event's label in a state record: its type, then the message it carries ("recv MM2"). */
function eventLabel(event: HostEvent): string {
  return typeof event.msg === 'string' ? `${event.type} ${event.msg}` : event.type;
}

/** `C` is the machine's context type, for typed reads by the engine. */
export class MachineHost<C> {
  private readonly actor: Actor<AnyStateMachine>;
  private failure: unknown = null;
  private readonly pending: Effect[] = [];
  private flushing = false;
  /** The snapshot `topState` was computed from: `state` is read on every packet. */
  private stateOf: unknown = null;
  private topState = '';
  /**
   * The event the latest step started from. Every event reaches the actor through `send` or a
   * timer of `clock`, so the host notes it there, at the moment XState's inspection API would
   * report it, without paying for inspection on every step.
   */
  private lastEvent: HostEvent = INIT_EVENT;

  constructor(
    machine: AnyStateMachine,
    effectNames: readonly string[],
    input: unknown,
    clock: VirtualClock,
    onEffect: (effect: Effect) => void,
    /**
     * Called after every change of the top-level state or of the active nested states,
     * including those timers cause.
     */
    onState: (state: string, detail: StateDetail) => void = () => {},
  ) {
    // XState's scheduler hands every delayed event (`after`, a delayed `raise`) to the clock
    // right after `schedule` receives it: the timer remembers it and makes it the step's event.
    let scheduling: HostEvent = INIT_EVENT;
    const timers: VirtualClock = {
      setTimeout: (fire, timeoutMs) => {
        const event = scheduling;
        return clock.setTimeout((...args) => {
          this.lastEvent = event;
          fire(...args);
        }, timeoutMs);
      },
      clearTimeout: (id) => clock.clearTimeout(id),
    };
    this.actor = createActor(withEffects(machine, effectNames), {
      clock: timers,
      input: input as never,
    });
    const scheduler = this.actor.system.scheduler;
    const schedule = scheduler.schedule;
    scheduler.schedule = (source, target, event, delayMs, id) => {
      scheduling = event;
      schedule(source, target, event, delayMs, id);
    };
    effectQueueOf.set(this.actor, this.pending);
    // Without an error observer XState rethrows asynchronously; keep it and rethrow in send().
    let lastValue: unknown = null;
    this.actor.subscribe({
      next: (snapshot) => {
        // A step that changes nothing keeps an equal value: skip it before building paths.
        if (!sameStateValue(snapshot.value, lastValue)) {
          lastValue = snapshot.value;
          onState(topStateOf(snapshot.value), {
            active: activePaths(snapshot.value),
            event: eventLabel(this.lastEvent),
          });
        }
        this.flush(onEffect);
      },
      error: (err) => {
        this.failure = err;
      },
    });
    this.actor.start();
    this.rethrow();
  }

  /** Runs collected effects first-in first-out; effects they cause join the same queue. */
  private flush(onEffect: (effect: Effect) => void): void {
    if (this.flushing) return;
    this.flushing = true;
    try {
      for (let effect = this.pending.shift(); effect; effect = this.pending.shift())
        onEffect(effect);
    } finally {
      this.flushing = false;
    }
  }

  private get snapshot(): SnapshotView<C> {
    return this.actor.getSnapshot() as SnapshotView<C>;
  }

  /** The current top-level state, e.g. "QM_IDLE" or "active" (for a compound value). */
  get state(): string {
    const snapshot = this.snapshot;
    if (snapshot !== this.stateOf) {
      this.stateOf = snapshot;
      this.topState = topStateOf(snapshot.value);
    }
    return this.topState;
  }

  /** The full state value, e.g. { active: { lifetime: 'fresh', idle: 'watching' } }. */
  get value(): unknown {
    return this.snapshot.value;
  }

  get context(): C {
    return this.snapshot.context;
  }

  get done(): boolean {
    return this.snapshot.status === 'done';
  }

  send(event: { type: string; [key: string]: unknown }): void {
    if (this.snapshot.status !== 'active') return;
    this.lastEvent = event;
    this.actor.send(event as never);
    this.rethrow();
  }

  /** Stops the actor and every pending timer (a reload, or a deleted SA). */
  stop(): void {
    this.actor.stop();
  }

  private rethrow(): void {
    if (this.failure !== null) throw this.failure;
  }
}

/** The top-level state of a state value: "QM_IDLE", or "active" for { active: … }. */
function topStateOf(value: unknown): string {
  if (typeof value === 'string') return value;
  for (const key in value as object) return key;
  return '';
}

/** Whether two state values name the same active states (XState builds a new value per step). */
function sameStateValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let keys = 0;
  for (const key in left) {
    if (!(key in right) || !sameStateValue(left[key], right[key])) return false;
    keys++;
  }
  for (const _ in right) keys--;
  return keys === 0;
}

/** The active atomic states of a state value as dotted paths: { a: { b: 'c' } } → ['a.b.c']. */
function activePaths(value: unknown): string[] {
  const paths: string[] = [];
  collectPaths(value, '', paths);
  return paths;
}

function collectPaths(value: unknown, prefix: string, into: string[]): void {
  if (typeof value === 'string') {
    into.push(prefix + value);
    return;
  }
  const children = value as Record<string, unknown>;
  for (const key in children) {
    const child = children[key];
    if (child && typeof child === 'object' && isEmpty(child)) into.push(prefix + key);
    else collectPaths(child, `${prefix}${key}.`, into);
  }
}

function isEmpty(value: object): boolean {
  for (const _ in value) return false;
  return true;
}

/** A state record's `active` and `event` fields from a change (`active` only when nested). */
export function recordedDetail(detail: StateDetail): Pick<StateRecord, 'active' | 'event'> {
  const nested = detail.active.length !== 1 || detail.active[0]?.includes('.') === true;
  return nested ? { active: detail.active, event: detail.event } : { event: detail.event };
}
