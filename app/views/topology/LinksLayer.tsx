// The links: a line per link with its one-way latency; a link that is down is dashed red and
// says "down". Each link is a button (click, Enter or Space) that opens its action menu.
// Static layer: it re-renders when the set of down links, the zoom or the selection changes,
// never because t moved.

import { memo } from 'react';
import { latencyLabelAt, linkLabelText, showLatencyLabels } from './linkLabels';
import { type Activate, menuButtonLabel, menuButtonProps } from './menuButton';
import type { LinkPlace } from './topologyIndex';

export interface LinksLayerProps {
  links: readonly LinkPlace[];
  /** Scenario units per screen px. */
  unit: number;
  /** Ids of the links that are down, joined by ' ' (a string, so the memo can compare it). */
  downKey: string;
  selectedId: string | null;
  menuId: string | null;
  /** Absent for a read-only source: pictures, not buttons. */
  onActivate?: Activate;
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
  onActivate?: Activate;
}) {
  const { from, to, mid } = link;
  const labelAt = latencyLabelAt(link, unit);
  const state = up ? 'up' : 'down';
  return (
    <g
      className={`topo-link${up ? '' : ' is-down'}${selected ? ' is-selected' : ''}`}
      data-testid={`link.${link.id}`}
      data-up={up ? 'true' : 'false'}
      aria-label={menuButtonLabel(
        `Link ${link.id}, ${state}, ${link.latencyMs} ms one way. Actions…`,
        onActivate,
      )}
      {...menuButtonProps(link.id, menuOpen, onActivate)}
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
          <text className="topo-link-label" y={4} textAnchor="middle" data-label="latency">
            {linkLabelText(link, up)}
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
