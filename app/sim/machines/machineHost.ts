// Runs one XState machine as an actor on the engine's virtual clock. `after` delays go through
// `clock.setTimeout`, which the engine backs with its agenda, so timers fire in (atMs, seq) order
// with the engine's time; the machine never sees wall time. Custom actions are effects: the
// host collects them, with their resolved params, while the machine takes a step, and hands
// them to the engine (`onEffect`) in order once the step is over, so an effect may start or
// signal other machines (XState forbids that from inside an action).

import { type Actor, type AnyStateMachine, createActor } from 'xstate';

/** XState's clock interface, implemented by the engine. */
export interface VirtualClock {
  setTimeout(fn: (...args: unknown[]) => void, timeoutMs: number): unknown;
  clearTimeout(id: unknown): void;
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
    /** Called after every top-level state change, including those timers cause. */
    onState: (state: string) => void = () => {},
  ) {
    this.actor = createActor(withEffects(machine, effectNames), {
      clock,
      input: input as never,
    });
    effectQueueOf.set(this.actor, this.pending);
    // Without an error observer XState rethrows asynchronously; keep it and rethrow in send().
    let last = '';
    this.actor.subscribe({
      next: (snapshot) => {
        const state = topStateOf(snapshot.value);
        if (state !== last) {
          last = state;
          onState(state);
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
