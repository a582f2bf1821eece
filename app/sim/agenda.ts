// The engine's event queue: a binary min-heap ordered by (atMs, phase, seq). seq increases on
// every insert, so events due at the same millisecond and phase run first-in first-out: the
// tie-break that makes a run reproducible. Cancelled entries stay in the heap and are skipped
// when popped.

/**
 * The order of what is due at one millisecond: first the engine's own events (timers, arrivals,
 * boots), then actions from outside (timeline entries, console lines, menu reloads), so that an
 * action at t applies to the state shown at t. An engine event an action schedules for the same
 * millisecond runs before the next action of that millisecond.
 */
export const ENGINE_PHASE = 0;
export const ACTION_PHASE = 1;
export type AgendaPhase = typeof ENGINE_PHASE | typeof ACTION_PHASE;

export interface AgendaEntry<T> {
  readonly atMs: number;
  readonly phase: AgendaPhase;
  readonly seq: number;
  readonly item: T;
  cancelled: boolean;
}

export class Agenda<T> {
  private readonly heap: AgendaEntry<T>[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  schedule(atMs: number, item: T, phase: AgendaPhase = ENGINE_PHASE): AgendaEntry<T> {
    const entry: AgendaEntry<T> = { atMs, phase, seq: this.nextSeq++, item, cancelled: false };
    this.heap.push(entry);
    this.siftUp(this.heap.length - 1);
    return entry;
  }

  /** The next live entry, or undefined when none is left. */
  pop(): AgendaEntry<T> | undefined {
    while (this.heap.length > 0) {
      const top = this.removeTop();
      if (!top.cancelled) return top;
    }
    return undefined;
  }

  /** Due time of the next live entry, without removing it. */
  peekAtMs(): number | undefined {
    while (this.heap.length > 0) {
      const top = this.heap[0] as AgendaEntry<T>;
      if (!top.cancelled) return top.atMs;
      this.removeTop();
    }
    return undefined;
  }

  private removeTop(): AgendaEntry<T> {
    const top = this.heap[0] as AgendaEntry<T>;
    const last = this.heap.pop() as AgendaEntry<T>;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  private before(a: AgendaEntry<T>, b: AgendaEntry<T>): boolean {
    if (a.atMs !== b.atMs) return a.atMs < b.atMs;
    return a.phase !== b.phase ? a.phase < b.phase : a.seq < b.seq;
  }

  private siftUp(index: number): void {
    const heap = this.heap;
    let i = index;
    const entry = heap[i] as AgendaEntry<T>;
    while (i > 0) {
      const parentIndex = (i - 1) >> 1;
      const parent = heap[parentIndex] as AgendaEntry<T>;
      if (!this.before(entry, parent)) break;
      heap[i] = parent;
      i = parentIndex;
    }
    heap[i] = entry;
  }

  private siftDown(index: number): void {
    const heap = this.heap;
    const n = heap.length;
    let i = index;
    const entry = heap[i] as AgendaEntry<T>;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      let child = left;
      if (right < n && this.before(heap[right] as AgendaEntry<T>, heap[left] as AgendaEntry<T>)) {
        child = right;
      }
      if (!this.before(heap[child] as AgendaEntry<T>, entry)) break;
      heap[i] = heap[child] as AgendaEntry<T>;
      i = child;
    }
    heap[i] = entry;
  }
}
