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

/** `C` is the machine's context type, for typed reads by the engine. */
export class MachineHost<C> {
  private readonly actor: Actor<AnyStateMachine>;
  private failure: unknown = null;
  private readonly pending: Effect[] = [];
  private flushing = false;
  /** The snapshot `topState` was computed from: `state` is read on every packet. */
  private stateOf: unknown = null;
  private topState = '';

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
    // The event each step starts from: XState's inspection reports it before the step runs.
    let lastEvent = '';
    let self: object | null = null;
    this.actor = createActor(withEffects(machine, effectNames), {
      clock,
      input: input as never,
      inspect: (inspection) => {
        if (inspection.type !== '@xstate.event' || inspection.actorRef !== self) return;
        const event = inspection.event as { type: string; msg?: unknown };
        lastEvent = typeof event.msg === 'string' ? `${event.type} ${event.msg}` : event.type;
      },
    });
    self = this.actor;
    effectQueueOf.set(this.actor, this.pending);
    // Without an error observer XState rethrows asynchronously; keep it and rethrow in send().
    let last = '';
    let lastActive = '';
    this.actor.subscribe({
      next: (snapshot) => {
        const state = topStateOf(snapshot.value);
        const active = activePaths(snapshot.value);
        const activeKey = active.join('\n');
        if (state !== last || activeKey !== lastActive) {
          last = state;
          lastActive = activeKey;
          onState(state, { active, event: lastEvent });
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
  return typeof value === 'string' ? value : (Object.keys(value as object)[0] ?? '');
}

/** The active atomic states of a state value as dotted paths: { a: { b: 'c' } } → ['a.b.c']. */
export function activePaths(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix + value];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    child && typeof child === 'object' && Object.keys(child).length === 0
      ? [prefix + key]
      : activePaths(child, `${prefix}${key}.`),
  );
}

/** A state record's `active` and `event` fields from a change (`active` only when nested). */
export function recordedDetail(detail: StateDetail): Pick<StateRecord, 'active' | 'event'> {
  const nested = detail.active.length !== 1 || detail.active[0]?.includes('.') === true;
  return nested ? { active: detail.active, event: detail.event } : { event: detail.event };
}
