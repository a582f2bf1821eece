// A tiny agenda-backed virtual clock for machine unit tests: timers fire in due order with the
// clock standing at their due time (what the engine does), never on wall time.

import { Agenda } from '../agenda';
import type { VirtualClock } from './machineHost';

export class TestClock implements VirtualClock {
  nowMs = 0;
  private readonly agenda = new Agenda<() => void>();

  setTimeout(fn: (...args: unknown[]) => void, timeoutMs: number): unknown {
    return this.agenda.schedule(this.nowMs + timeoutMs, () => fn());
  }

  clearTimeout(id: unknown): void {
    (id as { cancelled: boolean }).cancelled = true;
  }

  /** Runs every timer due up to `atMs`, in order, then stands at `atMs`. */
  advanceTo(atMs: number): void {
    for (
      let next = this.agenda.peekAtMs();
      next !== undefined && next <= atMs;
      next = this.agenda.peekAtMs()
    ) {
      const entry = this.agenda.pop();
      if (!entry) break;
      this.nowMs = entry.atMs;
      entry.item();
    }
    this.nowMs = atMs;
  }
}
