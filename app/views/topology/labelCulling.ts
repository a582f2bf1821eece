// Which packet labels to draw when many packets crowd one place (50 spokes probing the hub):
// the most telling labels first, never two overlapping, never more than a budget. Shapes are
// always drawn; only their text is dropped.

/** A label box in screen px, centred on (x, y); lower priority values win. */
export interface LabelBox {
  x: number;
  y: number;
  width: number;
  height: number;
  priority: number;
}

/** Most labels on screen at once: beyond this they stop being read anyway. */
export const MAX_PACKET_LABELS = 24;

/** Grid cell edge (px) of the overlap index; about one label high, a third of one wide. */
const CELL_PX = 32;

function overlaps(a: LabelBox, b: LabelBox): boolean {
  return (
    Math.abs(a.x - b.x) * 2 < a.width + b.width && Math.abs(a.y - b.y) * 2 < a.height + b.height
  );
}

/**
 * For each box, whether its label is drawn: greedy by priority (then input order), skipping a
 * box that overlaps one already kept, stopping at `maxLabels`. O(n log n) for the sort plus
 * O(n × cells per box) for the overlap checks, so per-frame cost grows with visible packets only.
 * @example cullLabels([{x:0,y:0,width:80,height:20,priority:1}, {x:10,y:0,width:80,height:20,priority:0}]) // [false, true]
 */
export function cullLabels(boxes: readonly LabelBox[], maxLabels = MAX_PACKET_LABELS): boolean[] {
  const keep = boxes.map(() => false);
  const order = boxes.map((_, i) => i);
  order.sort((a, b) => (boxes[a] as LabelBox).priority - (boxes[b] as LabelBox).priority || a - b);
  const grid = new Map<string, number[]>();
  const cellsOf = (box: LabelBox): string[] => {
    const x0 = Math.floor((box.x - box.width / 2) / CELL_PX);
    const x1 = Math.floor((box.x + box.width / 2) / CELL_PX);
    const y0 = Math.floor((box.y - box.height / 2) / CELL_PX);
    const y1 = Math.floor((box.y + box.height / 2) / CELL_PX);
    const cells: string[] = [];
    for (let cx = x0; cx <= x1; cx++) for (let cy = y0; cy <= y1; cy++) cells.push(`${cx},${cy}`);
    return cells;
  };
  let kept = 0;
  for (const index of order) {
    if (kept >= maxLabels) break;
    const box = boxes[index] as LabelBox;
    const cells = cellsOf(box);
    const clash = cells.some((cell) =>
      (grid.get(cell) ?? []).some((other) => overlaps(box, boxes[other] as LabelBox)),
    );
    if (clash) continue;
    keep[index] = true;
    kept++;
    for (const cell of cells) {
      const list = grid.get(cell);
      if (list) list.push(index);
      else grid.set(cell, [index]);
    }
  }
  return keep;
}
