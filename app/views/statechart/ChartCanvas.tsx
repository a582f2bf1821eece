// One machine's chart as SVG: ELK's boxes and edges, the states active at the cursor lit, the
// transitions just taken drawn bold. "Follow" keeps the text at a size a projector can show and
// glides to the active states as the cursor moves (a CSS transition on the transform); "Whole
// chart" fits everything in.

import { useId, useState } from 'react';
import type { ChartMachineId } from '../../sim/machines/chartLabels';
import type { Size } from '../topology/geometry';
import { useElementSize } from '../topology/useElementSize';
import type { BoxLayout, ChartLayout } from './chartLayout';
import { useChartLayout } from './useChartLayout';

/** Scale of the followed chart: its 14 px names and 12 px labels at their size. */
const FOLLOW_SCALE = 1;
const FALLBACK_SIZE: Size = { width: 900, height: 420 };

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

function bounds(xs: number[], ys: number[]): Rect | null {
  if (xs.length === 0) return null;
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/**
 * The region to keep in view: the lit innermost states, with the edges just taken when they fit
 * in `room` (chart units) too.
 */
function focusOf(layout: ChartLayout, lit: Set<string>, taken: Set<string>, room: Size) {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const box of layout.boxes) {
    if (!lit.has(box.id) || layout.boxes.some((b) => b.state?.parent === box.id && lit.has(b.id)))
      continue;
    xs.push(box.x, box.x + box.width);
    ys.push(box.y, box.y + box.height);
  }
  const states = bounds(xs, ys);
  for (const edge of layout.edges) {
    if (!edge.edges.some((e) => taken.has(e.id))) continue;
    for (const p of edge.points) {
      xs.push(p.x);
      ys.push(p.y);
    }
  }
  const withEdges = bounds(xs, ys);
  return withEdges && withEdges.width <= room.width && withEdges.height <= room.height
    ? withEdges
    : states;
}

/** Scale and offset that show `layout` in `size`: all of it, or the focus at FOLLOW_SCALE. */
function viewOf(layout: ChartLayout, size: Size, focus: Rect | null, follow: boolean) {
  const fit = Math.min(size.width / layout.width, size.height / layout.height);
  const scale = follow && focus && fit < FOLLOW_SCALE ? FOLLOW_SCALE : Math.min(fit, 1.2);
  const axis = (room: number, length: number, start: number, span: number) => {
    const drawn = length * scale;
    if (drawn <= room) return (room - drawn) / 2;
    const centre = (start + span / 2) * scale;
    return Math.min(0, Math.max(room - drawn, room / 2 - centre));
  };
  const f = follow && focus ? focus : { x: 0, y: 0, width: layout.width, height: layout.height };
  return {
    scale,
    x: axis(size.width, layout.width, f.x, f.width),
    y: axis(size.height, layout.height, f.y, f.height),
  };
}

function Box({ box, lit }: { box: BoxLayout; lit: boolean }) {
  const state = box.state;
  const kind = state ? state.kind : 'any';
  return (
    <g
      className={`sc-box sc-${kind}${box.container ? ' sc-container' : ''}`}
      data-state={box.name}
      data-state-id={box.id}
      data-active={lit ? 'true' : undefined}
    >
      <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={box.container ? 10 : 8} />
      {kind === 'final' ? (
        <rect
          className="sc-final-ring"
          x={box.x + 3}
          y={box.y + 3}
          width={box.width - 6}
          height={box.height - 6}
          rx={6}
        />
      ) : null}
      <text
        x={box.container ? box.x + 10 : box.x + box.width / 2}
        y={box.container ? box.y + 18 : box.y + box.height / 2}
        textAnchor={box.container ? 'start' : 'middle'}
        dominantBaseline="central"
      >
        {box.name}
        {state?.kind === 'parallel' ? ' (regions run together)' : ''}
      </text>
      {state?.initial && state.parent === null ? (
        <circle className="sc-initial" cx={box.x - 7} cy={box.y + box.height / 2} r={4} />
      ) : null}
    </g>
  );
}

function EdgeLabel({
  label,
  taken,
}: {
  label: NonNullable<ChartLayout['edges'][number]['label']>;
  taken: Set<string>;
}) {
  const isTaken = label.lines.some((line) => line.edgeIds.some((id) => taken.has(id)));
  return (
    <g className={`sc-label${isTaken ? ' sc-taken' : ''}`}>
      <rect x={label.x - 2} y={label.y} width={label.width + 4} height={label.height} rx={3} />
      {label.lines.map((line) => (
        <text
          key={line.y}
          x={label.x + 2}
          y={line.y}
          dominantBaseline="central"
          className={line.edgeIds.some((id) => taken.has(id)) ? 'sc-line-taken' : undefined}
        >
          {line.text}
        </text>
      ))}
    </g>
  );
}

function ArrowMarker({ id, sizePx, className }: { id: string; sizePx: number; className: string }) {
  return (
    <marker
      id={id}
      viewBox="0 0 10 10"
      refX="9"
      refY="5"
      markerWidth={sizePx}
      markerHeight={sizePx}
      orient="auto"
    >
      <path d="M0,0 L10,5 L0,10 z" className={className} />
    </marker>
  );
}

export function ChartCanvas({
  machine,
  lit,
  taken,
  caption,
}: {
  machine: ChartMachineId;
  lit: Set<string>;
  taken: Set<string>;
  caption: string;
}) {
  const { layout, error } = useChartLayout(machine);
  const [follow, setFollow] = useState(true);
  const [ref, size] = useElementSize<HTMLDivElement>(FALLBACK_SIZE);
  const arrow = useId();
  const arrowTaken = useId();
  const room = { width: size.width / FOLLOW_SCALE, height: size.height / FOLLOW_SCALE };
  const view = layout ? viewOf(layout, size, focusOf(layout, lit, taken, room), follow) : null;
  return (
    <div className="statechart-canvas">
      <div className="statechart-canvas-tools">
        <button type="button" aria-pressed={!follow} onClick={() => setFollow(!follow)}>
          {follow ? 'Whole chart' : 'Follow the active state'}
        </button>
      </div>
      {error ? <p className="statechart-empty">{error}</p> : null}
      <div className="statechart-drawing" ref={ref}>
        {layout && view ? (
          <svg
            width={size.width}
            height={size.height}
            role="img"
            aria-label={`${caption}: ${[...lit].join(', ') || 'no state yet'}`}
          >
            <defs>
              <ArrowMarker id={arrow} sizePx={7} className="sc-arrow" />
              <ArrowMarker id={arrowTaken} sizePx={6} className="sc-arrow-taken" />
            </defs>
            <g
              className="statechart-world"
              style={{ transform: `translate(${view.x}px, ${view.y}px) scale(${view.scale})` }}
            >
              {layout.boxes
                .filter((box) => box.container)
                .map((box) => (
                  <Box key={box.id} box={box} lit={lit.has(box.id)} />
                ))}
              {layout.edges.map((edge) => {
                const isTaken = edge.edges.some((e) => taken.has(e.id));
                return (
                  <g
                    key={edge.id}
                    className={`sc-edge${isTaken ? ' sc-taken' : ''}`}
                    data-event={edge.edges[0]?.name}
                    data-taken={isTaken ? 'true' : undefined}
                  >
                    <polyline
                      points={edge.points.map((p) => `${p.x},${p.y}`).join(' ')}
                      markerEnd={`url(#${isTaken ? arrowTaken : arrow})`}
                    />
                  </g>
                );
              })}
              {layout.boxes
                .filter((box) => !box.container)
                .map((box) => (
                  <Box key={box.id} box={box} lit={lit.has(box.id)} />
                ))}
              {layout.edges.map((edge) =>
                edge.label ? <EdgeLabel key={edge.id} label={edge.label} taken={taken} /> : null,
              )}
            </g>
          </svg>
        ) : error ? null : (
          <p className="statechart-empty">Laying the chart out…</p>
        )}
      </div>
    </div>
  );
}
