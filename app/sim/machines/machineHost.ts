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

/** `C` is the machine's context type, for typed reads by the engine. */
export class MachineHost<C> {
  private readonly actor: Actor<AnyStateMachine>;
  private failure: unknown = null;
  private readonly pending: Effect[] = [];
  private flushing = false;

  constructor(
    machine: AnyStateMachine,
    effectNames: readonly string[],
    input: unknown,
    clock: VirtualClock,
    onEffect: (effect: Effect) => void,
    /** Called after every top-level state change, including those timers cause. */
    onState: (state: string) => void = () => {},
  ) {
    const actions = Object.fromEntries(
      effectNames.map((type) => [
        type,
        (_: unknown, params: unknown) => {
          this.pending.push({ type, params: (params ?? {}) as Record<string, unknown> });
        },
      ]),
    );
    this.actor = createActor(machine.provide({ actions } as never), {
      clock,
      input: input as never,
    });
    // Without an error observer XState rethrows asynchronously; keep it and rethrow in send().
    let last = '';
    this.actor.subscribe({
      next: (snapshot) => {
        const value: unknown = snapshot.value;
        const state = typeof value === 'string' ? value : (Object.keys(value as object)[0] ?? '');
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
    const value = this.snapshot.value;
    return typeof value === 'string' ? value : (Object.keys(value as object)[0] ?? '');
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
