import { describe, expect, it } from 'vitest';
import {
  boundsOf,
  fitView,
  IDENTITY_ZOOM,
  nearestDistances,
  pointOnPath,
  stepToward,
  suggestedHeight,
  toScreen,
} from './geometry';

const positions = new Map([
  ['R1', { x: 120, y: 200 }],
  ['ISP', { x: 400, y: 200 }],
  ['R2', { x: 680, y: 200 }],
  ['R3', { x: 680, y: 360 }],
]);

describe('pointOnPath', () => {
  it('places a packet along the hop it is on', () => {
    expect(pointOnPath(positions, ['R1', 'ISP', 'R2'], 0, 0)).toEqual({ x: 120, y: 200 });
    expect(pointOnPath(positions, ['R1', 'ISP', 'R2'], 0, 0.5)).toEqual({ x: 260, y: 200 });
    expect(pointOnPath(positions, ['R1', 'ISP', 'R2'], 1, 0)).toEqual({ x: 400, y: 200 });
    expect(pointOnPath(positions, ['R1', 'ISP', 'R2'], 1, 1)).toEqual({ x: 680, y: 200 });
    expect(pointOnPath(positions, ['R3', 'ISP'], 0, 0.25)).toEqual({ x: 610, y: 320 });
  });

  it('clamps progress and refuses unknown nodes', () => {
    expect(pointOnPath(positions, ['R1', 'ISP'], 0, 1.5)).toEqual({ x: 400, y: 200 });
    expect(pointOnPath(positions, ['R1', 'NOPE'], 0, 0.5)).toBeUndefined();
    expect(pointOnPath(positions, ['R1'], 0, 0.5)).toBeUndefined();
  });
});

describe('fitView', () => {
  it('keeps the margins in screen px and the container aspect ratio', () => {
    const bounds = boundsOf(positions.values());
    const view = fitView(bounds, { width: 760, height: 400 }, { x: 100, y: 100 });
    // (760 - 200) / 560 = 1 and (400 - 200) / 160 = 1.25: the width decides.
    expect(view.scale).toBeCloseTo(1);
    expect(view.viewBox.width / view.viewBox.height).toBeCloseTo(760 / 400);
    const left = toScreen({ x: 120, y: 200 }, view, IDENTITY_ZOOM);
    const right = toScreen({ x: 680, y: 360 }, view, IDENTITY_ZOOM);
    expect(left.x).toBeCloseTo(100);
    expect(right.x).toBeCloseTo(660);
    // Centred vertically.
    expect((left.y + right.y) / 2).toBeCloseTo(200);
  });

  it('handles a single row of nodes (zero height) and caps the scale', () => {
    const row = boundsOf([
      { x: 0, y: 50 },
      { x: 100, y: 50 },
    ]);
    const view = fitView(row, { width: 2000, height: 300 }, { x: 100, y: 100 }, 1.5);
    expect(view.scale).toBe(1.5);
    expect(Number.isFinite(view.viewBox.height)).toBe(true);
  });

  it('maps zoom like d3-zoom on an SVG with a viewBox', () => {
    const view = fitView(
      boundsOf(positions.values()),
      { width: 760, height: 400 },
      { x: 100, y: 100 },
    );
    const zoom = { k: 2, x: -400, y: -200 };
    const centre = toScreen({ x: 400, y: 280 }, view, IDENTITY_ZOOM);
    const zoomed = toScreen({ x: 400, y: 280 }, view, zoom);
    expect(zoomed.x).toBeCloseTo((400 * 2 - 400 - view.viewBox.x) * view.scale);
    expect(centre.x).toBeCloseTo(380);
  });
});

describe('layout helpers', () => {
  it('suggests a height from the aspect ratio, within limits', () => {
    const flat = boundsOf([
      { x: 120, y: 200 },
      { x: 680, y: 200 },
    ]);
    expect(suggestedHeight(flat, 800, { x: 100, y: 90 }, 300, 900)).toBe(300);
    const square = boundsOf([
      { x: 0, y: 0 },
      { x: 1000, y: 1000 },
    ]);
    expect(suggestedHeight(square, 800, { x: 100, y: 90 }, 300, 900)).toBe(780);
    expect(suggestedHeight(square, 2000, { x: 100, y: 90 }, 300, 900)).toBe(900);
  });

  it('finds each node’s nearest neighbour', () => {
    const nearest = nearestDistances(positions);
    expect(nearest.get('R2')).toBe(160);
    expect(nearest.get('R1')).toBe(280);
    expect(nearestDistances(new Map([['A', { x: 0, y: 0 }]])).get('A')).toBe(
      Number.POSITIVE_INFINITY,
    );
  });

  it('steps toward a point, never past a fraction of the way', () => {
    expect(stepToward({ x: 0, y: 0 }, { x: 100, y: 0 }, 20)).toEqual({ x: 20, y: 0 });
    expect(stepToward({ x: 0, y: 0 }, { x: 100, y: 0 }, 80)).toEqual({ x: 45, y: 0 });
  });
});
