// Where the inferred topology is drawn: the WAN cloud in the middle, the routers around it on an
// ellipse, the first on the left (two routers sit as in the presets: left, cloud, right).

export interface Point {
  x: number;
  y: number;
}

export const CLOUD_AT: Point = { x: 400, y: 200 };
const RADIUS_X = 280;
const RADIUS_Y = 160;

/** The position of router `index` of `count`, clockwise from the left. */
export function routerAt(index: number, count: number): Point {
  const angle = Math.PI + (2 * Math.PI * index) / Math.max(count, 1);
  return {
    x: Math.round(CLOUD_AT.x + RADIUS_X * Math.cos(angle)),
    y: Math.round(CLOUD_AT.y + RADIUS_Y * Math.sin(angle)),
  };
}
