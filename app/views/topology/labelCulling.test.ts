import { describe, expect, it } from 'vitest';
import { cullLabels, type LabelBox } from './labelCulling';

const box = (x: number, y: number, priority = 5): LabelBox => ({
  x,
  y,
  width: 90,
  height: 22,
  priority,
});

describe('cullLabels', () => {
  it('keeps labels that do not overlap', () => {
    expect(cullLabels([box(0, 0), box(200, 0), box(0, 100)])).toEqual([true, true, true]);
  });

  it('drops the less important of two overlapping labels', () => {
    expect(cullLabels([box(0, 0, 5), box(20, 5, 0)])).toEqual([false, true]);
    // Equal priority: the first one wins.
    expect(cullLabels([box(0, 0), box(20, 5)])).toEqual([true, false]);
  });

  it('stops at the budget and keeps the most important', () => {
    const boxes = Array.from({ length: 60 }, (_, i) => box(i * 200, 0, i % 2 === 0 ? 5 : 1));
    const keep = cullLabels(boxes, 10);
    expect(keep.filter(Boolean)).toHaveLength(10);
    expect(keep.every((k, i) => !k || i % 2 === 1)).toBe(true);
  });

  it('keeps one label of a pile (50 packets on one spot)', () => {
    const pile = Array.from({ length: 50 }, (_, i) => box(400 + (i % 3), 300));
    expect(cullLabels(pile).filter(Boolean)).toHaveLength(1);
  });
});
