import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTION_PHASE, Agenda, ENGINE_PHASE } from './agenda';

describe('Agenda', () => {
  it('pops by time, first-in first-out on ties, skipping cancelled entries', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.boolean()), { maxLength: 200 }),
        (plan) => {
          const agenda = new Agenda<number>();
          const entries = plan.map(([atMs], index) => agenda.schedule(atMs, index));
          plan.forEach(([, cancel], index) => {
            if (cancel) (entries[index] as { cancelled: boolean }).cancelled = true;
          });
          const expected = plan
            .map(([atMs, cancel], index) => ({ atMs, cancel, index }))
            .filter((e) => !e.cancel)
            .sort((a, b) => a.atMs - b.atMs || a.index - b.index)
            .map((e) => e.index);
          const popped: number[] = [];
          for (let next = agenda.peekAtMs(); next !== undefined; next = agenda.peekAtMs()) {
            const entry = agenda.pop();
            expect(entry?.atMs).toBe(next);
            popped.push(entry?.item ?? -1);
          }
          expect(popped).toEqual(expected);
        },
      ),
    );
  });

  it('runs the actions of a millisecond after its engine events, whenever each was scheduled', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.boolean()), { maxLength: 200 }),
        (plan) => {
          const agenda = new Agenda<number>();
          plan.forEach(([atMs, action], index) => {
            agenda.schedule(atMs, index, action ? ACTION_PHASE : ENGINE_PHASE);
          });
          const expected = plan
            .map(([atMs, action], index) => ({ atMs, phase: action ? 1 : 0, index }))
            .sort((a, b) => a.atMs - b.atMs || a.phase - b.phase || a.index - b.index)
            .map((e) => e.index);
          const popped: number[] = [];
          for (let entry = agenda.pop(); entry; entry = agenda.pop()) popped.push(entry.item);
          expect(popped).toEqual(expected);
        },
      ),
    );
  });
});
