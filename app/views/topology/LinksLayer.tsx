// The links: a line per link with its one-way latency; a link that is down is dashed red and
// says "down". Each link is a button (click, Enter or Space) that opens its action menu.
// Static layer: it re-renders when the set of down links, the zoom or the selection changes,
// never because t moved.

import { type KeyboardEvent, type MouseEvent, memo } from 'react';
import type { Point } from './geometry';
import { cullLabels, type LabelBox } from './labelCulling';
import type { LinkPlace } from './topologyIndex';

export interface LinksLayerProps {
  links: readonly LinkPlace[];
  /** Scenario units per screen px. */
  unit: number;
  /** Ids of the links that are down, joined by ' ' (a string, so the memo can compare it). */
  downKey: string;
  selectedId: string | null;
  menuId: string | null;
  onActivate: (id: string, element: Element) => void;
}

/** A link shorter than this on screen (px) shows no latency label (the hub's 51 spokes). */
const MIN_LABELLED_PX = 130;

/** Unit normal of a→b pointing up (or right for a vertical link): where labels go. */
function labelNormal(a: Point, b: Point): Point {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy) || 1;
  let nx = -dy / length;
  let ny = dx / length;
  if (ny > 0 || (ny === 0 && nx < 0)) {
    nx = -nx;
    ny = -ny;
  }
  return { x: nx, y: ny };
}

/** Where a link's latency label goes: 16 px off its midpoint, on the upper side. */
function latencyLabelAt(link: LinkPlace, unit: number): Point {
  const normal = labelNormal(link.from, link.to);
  return { x: link.mid.x + normal.x * 16 * unit, y: link.mid.y + normal.y * 16 * unit };
}

/**
 * Latency labels are all drawn or none: a ring of 50 "10 ms" (some dropped, some kept) says
 * less than none, and every link's tooltip and name carry its latency anyway.
 */
export function showLatencyLabels(links: readonly LinkPlace[], unit: number): boolean {
  const boxes: LabelBox[] = [];
  for (const link of links) {
    const lengthPx = Math.hypot(link.to.x - link.from.x, link.to.y - link.from.y) / unit;
    if (lengthPx < MIN_LABELLED_PX) return false;
    const at = latencyLabelAt(link, unit);
    const text = `${link.latencyMs} ms`;
    boxes.push({
      x: at.x / unit,
      y: at.y / unit,
      width: text.length * 8 + 10,
      height: 20,
      priority: 0,
    });
  }
  return cullLabels(boxes, boxes.length).every(Boolean);
}

function LinkView({
  link,
  unit,
  up,
  showLatency,
  selected,
  menuOpen,
  onActivate,
}: {
  link: LinkPlace;
  unit: number;
  up: boolean;
  showLatency: boolean;
  selected: boolean;
  menuOpen: boolean;
  onActivate: (id: string, element: Element) => void;
}) {
  const { from, to, mid } = link;
  const labelAt = latencyLabelAt(link, unit);
  const activate = (event: MouseEvent<SVGGElement>) => {
    event.stopPropagation();
    onActivate(link.id, event.currentTarget);
  };
  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    event.stopPropagation();
    onActivate(link.id, event.currentTarget);
  };
  const state = up ? 'up' : 'down';
  return (
    // biome-ignore lint/a11y/useSemanticElements: SVG has no <button>; this group acts as one
    <g
      className={`topo-link${up ? '' : ' is-down'}${selected ? ' is-selected' : ''}`}
      data-testid={`link.${link.id}`}
      data-up={up ? 'true' : 'false'}
      role="button"
      tabindex={0}
      aria-label={`Link ${link.id}, ${state}, ${link.latencyMs} ms one way. Actions…`}
      aria-haspopup="dialog"
      aria-expanded={menuOpen}
      onClick={activate}
      onKeyDown={onKeyDown}
    >
      <title>{`Link ${link.id} (${link.a} – ${link.b}): ${state}, ${link.latencyMs} ms one way`}</title>
      <line
        className="topo-link-hit"
        x1={from.x}
        y1={from.y}
        x2={to.x}
        y2={to.y}
        strokeWidth={20 * unit}
      />
      {selected && (
        <line
          className="topo-link-selected"
          x1={from.x}
          y1={from.y}
          x2={to.x}
          y2={to.y}
          strokeWidth={10 * unit}
        />
      )}
      <line
        className="topo-link-line"
        x1={from.x}
        y1={from.y}
        x2={to.x}
        y2={to.y}
        strokeWidth={(up ? 3 : 4) * unit}
        strokeDasharray={up ? undefined : `${10 * unit} ${7 * unit}`}
      />
      {(showLatency || !up) && (
        <g transform={`translate(${labelAt.x} ${labelAt.y}) scale(${unit})`}>
          <text className="topo-link-label" y={4} textAnchor="middle">
            {up ? `${link.latencyMs} ms` : `down · ${link.latencyMs} ms`}
          </text>
        </g>
      )}
      {!up && (
        <g className="topo-link-cut" transform={`translate(${mid.x} ${mid.y}) scale(${unit})`}>
          <circle r={11} />
          <path d="M-5 -5 L5 5 M5 -5 L-5 5" />
        </g>
      )}
    </g>
  );
}

function LinksLayerView({ links, unit, downKey, selectedId, menuId, onActivate }: LinksLayerProps) {
  const down = new Set(downKey ? downKey.split(' ') : []);
  const showLatency = showLatencyLabels(links, unit);
  return (
    <g className="topo-links">
      {links.map((link) => (
        <LinkView
          key={link.id}
          link={link}
          unit={unit}
          up={!down.has(link.id)}
          showLatency={showLatency}
          selected={selectedId === link.id}
          menuOpen={menuId === link.id}
          onActivate={onActivate}
        />
      ))}
    </g>
  );
}

export const LinksLayer = memo(LinksLayerView);

/** The downKey of a frame's link states. */
export function downLinksKey(linksUp: Readonly<Record<string, boolean>>): string {
  return Object.keys(linksUp)
    .filter((id) => linksUp[id] === false)
    .sort()
    .join(' ');
}
