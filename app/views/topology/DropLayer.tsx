// Recent drops: a red burst where each packet died (at the router's door on the side it came
// from, or a link's midpoint), fading over DROP_VISIBLE_MS of virtual time. The reason is in a
// <title> for hover and in the aria-label of a focusable button that selects the packet.

import type { KeyboardEvent } from 'react';
import { select } from '../../store/actions';
import type { PlacedDrop } from './frameLayout';
import { leaderEnd } from './labelPlacement';

export interface DropLayerProps {
  drops: readonly PlacedDrop[];
  /** Scenario units per glyph px. */
  unit: number;
}

/** From a 13.5 px label's box centre to its baseline. */
const BASELINE_PX = 5;

/** An eight-point burst, outer radius 15 px. */
export const BURST_POINTS = (() => {
  const points: string[] = [];
  for (let i = 0; i < 16; i++) {
    const r = i % 2 === 0 ? 15 : 6.5;
    const a = (Math.PI * i) / 8 - Math.PI / 2;
    points.push(`${(r * Math.cos(a)).toFixed(2)},${(r * Math.sin(a)).toFixed(2)}`);
  }
  return points.join(' ');
})();

/**
 * Opacity as drawn: to the hundredth (finer than the eye or an 8-bit alpha can tell). A drop's
 * fade then changes the SVG only when it shows, not at every frame: in slow motion fifty drops
 * fading by a thousandth a frame made the browser re-rasterise the whole ring at every frame.
 */
function drawnOpacity(opacity: number): number {
  return Math.round(opacity * 100) / 100;
}

/** The bursts, under the packets in flight (a DELETE leaving the router stays visible). */
export function DropMarks({ drops: placed, unit }: DropLayerProps) {
  const onKeyDown = (id: number) => (event: KeyboardEvent<SVGGElement>) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    event.stopPropagation();
    select({ kind: 'packet', id });
  };
  return (
    <g className="topo-drops">
      {placed.map(({ recent, at, look, opacity }) => {
        const id = recent.drop.packetId;
        return (
          // biome-ignore lint/a11y/useSemanticElements: SVG has no <button>; this group acts as one
          <g
            key={`${id}-${recent.drop.atMs}`}
            className="topo-drop"
            transform={`translate(${at.x} ${at.y}) scale(${unit})`}
            opacity={drawnOpacity(opacity)}
            data-testid={`drop.${id}`}
            data-reason={recent.drop.reason ?? ''}
            data-node={recent.drop.node}
            data-link={recent.drop.link}
            role="button"
            tabIndex={0}
            aria-label={look.ariaLabel}
            onClick={(event) => {
              event.stopPropagation();
              select({ kind: 'packet', id });
            }}
            onKeyDown={onKeyDown(id)}
          >
            <title>{look.ariaLabel}</title>
            <polygon className="topo-drop-burst" points={BURST_POINTS} />
            <path className="topo-drop-x" d="M-4.5 -4.5 L4.5 4.5 M4.5 -4.5 L-4.5 4.5" />
          </g>
        );
      })}
    </g>
  );
}

/** The drop labels, above every burst and packet: a ring of drops must not paint over its label. */
export function DropLabels({ drops: placed, unit }: DropLayerProps) {
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a <g> without tabindex takes no focus; the labels repeat each drop's aria-label
    <g className="topo-drop-labels" aria-hidden="true">
      {placed.map(({ recent, at, opacity, label, labelAt }) => {
        if (!label || !labelAt) return null;
        const end = leaderEnd(labelAt.dx, labelAt.dy, labelAt.box.width, labelAt.box.height);
        return (
          <g
            key={`${recent.drop.packetId}-${recent.drop.atMs}`}
            transform={`translate(${at.x} ${at.y}) scale(${unit})`}
            opacity={drawnOpacity(opacity)}
          >
            {labelAt.leader && <line className="topo-leader" x1={0} y1={0} x2={end.x} y2={end.y} />}
            <text
              className="topo-drop-label"
              x={labelAt.dx}
              y={labelAt.dy + BASELINE_PX}
              textAnchor="middle"
              data-label="drop"
            >
              {label}
            </text>
          </g>
        );
      })}
    </g>
  );
}
