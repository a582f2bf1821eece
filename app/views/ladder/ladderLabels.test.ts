import { describe, expect, it } from 'vitest';
import { type Box, clipSegment, labelBox, labelPlacer, labelSpot } from './ladderLabels';

const inside = (box: Box, view: Box) =>
  box.x0 >= view.x0 && box.x1 <= view.x1 && box.y0 >= view.y0 && box.y1 <= view.y1;

describe('arrow labels', () => {
  const view: Box = { x0: 1000, y0: 500, x1: 2000, y1: 1100 };

  it('clips a segment to a box, as fractions along it', () => {
    expect(clipSegment(0, 0, 100, 0, { x0: 25, y0: -1, x1: 50, y1: 1 })).toEqual([0.25, 0.5]);
    expect(clipSegment(0, 0, 100, 0, { x0: 25, y0: 5, x1: 50, y1: 9 })).toBeNull();
  });

  it('puts a long arrow’s label on its visible part, wholly in view, on the line', () => {
    // From x=200 to x=8000: its midpoint (4100) is far right of the view.
    const arrow = { x0: 200, y0: 600, x1: 8000, y1: 640 };
    const spot = labelSpot('MM1', arrow, view);
    expect(spot).not.toBeNull();
    const { x, y } = spot as { x: number; y: number };
    expect(inside(labelBox('MM1', x, y), view)).toBe(true);
    const lineY = arrow.y0 + ((x - arrow.x0) / (arrow.x1 - arrow.x0)) * (arrow.y1 - arrow.y0);
    expect(y).toBeCloseTo(lineY - 4);
  });

  it('gives no spot to an arrow out of view, or whose visible part is too short', () => {
    expect(labelSpot('MM1', { x0: 0, y0: 600, x1: 900, y1: 620 }, view)).toBeNull();
    // Crosses the view's top band only: the label would stick out above.
    expect(labelSpot('MM1', { x0: 1500, y0: 0, x1: 1505, y1: 505 }, view)).toBeNull();
  });

  it('refuses a label on one already placed, accepts one clear of it', () => {
    const claim = labelPlacer();
    expect(claim(labelBox('QM1', 100, 100))).toBe(true);
    expect(claim(labelBox('QM2', 110, 105))).toBe(false);
    expect(claim(labelBox('QM2', 100, 120))).toBe(true);
    expect(claim(labelBox('QM3', 300, 100))).toBe(true);
  });
});
