import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Box,
  type LabelRequest,
  type Obstacle,
  overlaps,
  placeLabels,
  RINGS,
  slotCount,
} from './labelPlacement';

const request = (id: string, x: number, y: number, more: Partial<LabelRequest> = {}) =>
  ({
    id,
    anchor: { x, y },
    width: 90,
    height: 20,
    priority: 5,
    clearance: { x: 12, y: 12 },
    ...more,
  }) satisfies LabelRequest;

/** Estimated like the views do: 8.4 px per character at 14 px, plus padding. */
const labelArb = fc.record({
  x: fc.integer({ min: 0, max: 1200 }),
  y: fc.integer({ min: 0, max: 700 }),
  chars: fc.integer({ min: 2, max: 24 }),
  priority: fc.integer({ min: 0, max: 9 }),
  home: fc.boolean(),
});

/** Router glyph boxes with their names: 136 × 52 px. */
const routerArb = fc.record({
  x: fc.integer({ min: 0, max: 1200 }),
  y: fc.integer({ min: 0, max: 700 }),
});

const strictlyOverlap = (a: Box, b: Box) => overlaps(a, b, 0);

describe('placeLabels', () => {
  it('puts a lone label in its first slot (above its mark)', () => {
    const { placed, hidden } = placeLabels([request('a', 100, 100)], []);
    expect(hidden).toEqual([]);
    expect(placed.get('a')).toMatchObject({ slot: 0, dx: 0, dy: -(12 + 4 + 10), leader: false });
  });

  it('moves a label off a router name to the next free side', () => {
    const name: Obstacle = { x: 100, y: 70, width: 136, height: 52 };
    const { placed } = placeLabels([request('a', 100, 110)], [name]);
    // Above is taken by the router; below is free.
    expect(placed.get('a')).toMatchObject({ slot: 5, dx: 0, dy: 12 + 4 + 10 });
  });

  it('tries home slots first, and ignores its own mark', () => {
    const own: Obstacle = { x: 50, y: 50, width: 90, height: 24, owner: 'esp' };
    const esp = request('esp', 50, 50, { home: [{ x: 0, y: 0 }] });
    expect(placeLabels([esp], [own]).placed.get('esp')).toMatchObject({ slot: 0, dx: 0, dy: 0 });
    // Another label's mark is an obstacle.
    const other = request('other', 50, 50, { home: [{ x: 0, y: 0 }] });
    expect(placeLabels([other], [own]).placed.get('other')?.slot).not.toBe(0);
  });

  it('gives the most important label the best slot, then keeps a moving label in its slot', () => {
    const low = request('low', 100, 100, { priority: 5 });
    const high = request('high', 104, 100, { priority: 0 });
    const first = placeLabels([low, high], []);
    expect(first.placed.get('high')?.slot).toBe(0);
    const lowSlot = first.placed.get('low')?.slot ?? -1;
    expect(lowSlot).toBeGreaterThan(0);
    // The high-priority label is gone; the other keeps its slot instead of hopping back.
    const previous = new Map([['low', lowSlot]]);
    const next = placeLabels([request('low', 103, 100)], [], { previous });
    expect(next.placed.get('low')?.slot).toBe(lowSlot);
    // Without history it goes home.
    expect(placeLabels([request('low', 103, 100)], []).placed.get('low')?.slot).toBe(0);
  });

  it('prefers a slot that stays free where a moving label is heading', () => {
    // Heading right toward a box above the path: below stays free, above would not.
    const ahead: Obstacle = { x: 200, y: 74, width: 60, height: 20 };
    const moving = request('m', 100, 100, { sweep: { x: 150, y: 0 } });
    expect(placeLabels([moving], [ahead]).placed.get('m')?.dy).toBeGreaterThan(0);
    // Standing still, above is fine.
    expect(placeLabels([request('m', 100, 100)], [ahead]).placed.get('m')?.dy).toBeLessThan(0);
    // When no slot next to it stays free along the way, the first slot free now will do.
    const wall: Obstacle = { x: 300, y: 100, width: 200, height: 400 };
    expect(placeLabels([moving], [wall]).placed.get('m')?.slot).toBe(0);
  });

  it('marks labels beyond the first ring for a leader line', () => {
    const blockers: Obstacle[] = [{ x: 100, y: 100, width: 260, height: 110 }];
    const { placed } = placeLabels(
      [request('a', 100, 100, { clearance: { x: 5, y: 5 } })],
      blockers,
    );
    expect(placed.get('a')?.leader).toBe(true);
  });

  it('keeps labels inside the bounds, sliding along the side they are on', () => {
    const bounds = { minX: 0, minY: 0, maxX: 400, maxY: 300 };
    const { placed } = placeLabels([request('edge', 10, 150)], [], { bounds });
    const box = placed.get('edge')?.box;
    expect(box?.x).toBe(45);
    expect(box?.y).toBeLessThan(150);
  });

  it('keeps a label slid against an edge whatever the rounding', () => {
    // -16.2857142857143 + 97 - 97 rounds below -16.2857142857143.
    const bounds = { minX: -16.2857142857143, minY: -13, maxX: 547, maxY: 278 };
    const stack = request('below', 79.71428571428571, 132.857, {
      width: 194,
      height: 24,
      clearance: { x: 68, y: 26 },
      sides: ['s', 'n'],
    });
    expect(placeLabels([stack], [], { bounds }).placed.get('below')).toMatchObject({ slot: 0 });
  });

  it('puts a label with no room around its mark along the stage edge nearest it, with a leader', () => {
    const bounds = { minX: 0, minY: 0, maxX: 400, maxY: 300 };
    // The mark sits in a crowd that covers every slot around it, as on a dense hub.
    const crowd: Obstacle = { x: 200, y: 150, width: 360, height: 200 };
    const { placed, hidden } = placeLabels([request('a', 200, 120)], [crowd], { bounds });
    expect(hidden).toEqual([]);
    const label = placed.get('a');
    expect(label).toMatchObject({ leader: true, dx: 0, dy: 10 - 120 });
    expect(label?.slot).toBe(slotCount(request('a', 0, 0)));
    // The next one takes the other edge; a third finds a free place farther along the top.
    const more = placeLabels(
      [request('a', 200, 120), request('b', 200, 120), request('c', 200, 120)],
      [crowd],
      { bounds },
    );
    expect(more.placed.get('b')?.box.y).toBe(290);
    expect(more.placed.get('c')?.box).toMatchObject({ y: 10 });
    expect(Math.abs((more.placed.get('c')?.box.x ?? 200) - 200)).toBeGreaterThanOrEqual(90);
    expect(more.hidden).toEqual([]);
  });

  it('hides what does not fit, and what comes after the budget', () => {
    const pile = Array.from({ length: 200 }, (_, i) => request(`p${i}`, 300, 300));
    const { placed, hidden } = placeLabels(pile, []);
    expect(placed.size).toBeLessThan(pile.length);
    expect(placed.size + hidden.length).toBe(200);
    expect(placed.size).toBeLessThanOrEqual(slotCount(pile[0] as LabelRequest));
    const budget = placeLabels(pile, [], { maxLabels: 5 });
    expect(budget.placed.size).toBe(5);
    expect(budget.hidden).toHaveLength(195);
  });

  it('never overlaps two labels, a router, or leaves the stage (random scenes)', () => {
    fc.assert(
      fc.property(
        fc.array(labelArb, { maxLength: 60 }),
        fc.array(routerArb, { maxLength: 8 }),
        (labels, routers) => {
          const bounds = { minX: 0, minY: 0, maxX: 1200, maxY: 700 };
          const obstacles: Obstacle[] = routers.map((r) => ({ ...r, width: 136, height: 52 }));
          const requests = labels.map((l, i) =>
            request(`l${i}`, l.x, l.y, {
              width: l.chars * 8.4 + 14,
              priority: l.priority,
              home: l.home ? [{ x: 0, y: -22 }] : undefined,
            }),
          );
          const { placed, hidden } = placeLabels(requests, obstacles, { bounds });
          expect(placed.size + hidden.length).toBe(requests.length);
          const boxes = [...placed.values()].map((p) => p.box);
          for (const [i, a] of boxes.entries()) {
            expect(a.x - a.width / 2).toBeGreaterThanOrEqual(bounds.minX);
            expect(a.x + a.width / 2).toBeLessThanOrEqual(bounds.maxX);
            expect(a.y - a.height / 2).toBeGreaterThanOrEqual(bounds.minY);
            expect(a.y + a.height / 2).toBeLessThanOrEqual(bounds.maxY);
            for (const o of obstacles) expect(strictlyOverlap(a, o)).toBe(false);
            for (const b of boxes.slice(i + 1)) expect(strictlyOverlap(a, b)).toBe(false);
          }
          // A hidden label really had no room: each of its slots is taken or off the stage.
          for (const h of hidden) {
            const alone = placeLabels([h], [...obstacles, ...boxes], { bounds });
            expect(alone.placed.size).toBe(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is stable: the same scene gives the same placement', () => {
    fc.assert(
      fc.property(fc.array(labelArb, { maxLength: 40 }), (labels) => {
        const requests = labels.map((l, i) => request(`l${i}`, l.x, l.y, { priority: l.priority }));
        const a = placeLabels(requests, []);
        const b = placeLabels([...requests], []);
        expect([...b.placed.entries()]).toEqual([...a.placed.entries()]);
      }),
      { numRuns: 100 },
    );
  });

  it('has home slots plus RINGS rings of eight sides, each with five nudges', () => {
    expect(slotCount(request('a', 0, 0))).toBe(RINGS * 8 * 5);
    expect(slotCount(request('a', 0, 0, { home: [{ x: 0, y: 0 }] }))).toBe((RINGS * 8 + 1) * 5);
  });

  it('slides a label a few px along its side into a gap it just misses', () => {
    // Above the mark, a gap from x = 54 to 156 (obstacles on both sides), 96 px of label.
    const left: Obstacle = { x: 24, y: 74, width: 60, height: 20 };
    const right: Obstacle = { x: 196, y: 74, width: 80, height: 20 };
    const below: Obstacle = { x: 100, y: 126, width: 300, height: 20 };
    const label = request('a', 96, 100, { width: 96 });
    const placed = placeLabels([label], [left, right, below]).placed.get('a');
    expect(placed?.dy).toBeLessThan(0);
    expect(placed?.dx).toBe(10);
  });
});
