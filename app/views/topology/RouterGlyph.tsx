// One router: a rounded box with its hostname, power state (a reload dims it and counts down to
// the boot), IKE badges above, and below it the SA mismatch marker ("stale SPI") and the
// invalid-SPI drop counter; the badges and tags go where the label placement put them
// (staticLabels). Drawn in screen px inside a group scaled by `unit`, so it keeps its size
// whatever the zoom. Memoised on a status key: frames where only t moved skip it.

import { memo } from 'react';
import { plural } from '../health/durations';
import { leaderEnd } from './labelPlacement';
import { type Activate, menuButtonLabel, menuButtonProps } from './menuButton';
import { CATEGORY_MARK, ikeBadges, pillOffsetY, pillWidthPx, stackSize } from './routerPills';
import { firstPeerState, type RouterStatus } from './routerStatus';
import type { PlacedStack } from './staticLabels';

export interface RouterGlyphProps {
  status: RouterStatus;
  /** statusKey(status): the memo compares this instead of the object. */
  statusKey: string;
  x: number;
  y: number;
  /** Scenario units per screen px. */
  unit: number;
  /** Side (px) of the small square drawn when neighbours are close (the 50-spoke ring), or 0
   * for the full glyph. */
  compactSize: number;
  /** Compact glyphs print their name only when there is room or it matters. */
  showName: boolean;
  /** Its IKE badges and tags, placed; stacksKey(stacks) for the memo. */
  stacks: readonly PlacedStack[];
  stacksKey: string;
  selected: boolean;
  menuOpen: boolean;
  /** Absent for a read-only source: a picture, not a button. */
  onActivate?: Activate;
}

export function routerAriaLabel(status: RouterStatus): string {
  const parts = [status.hostname];
  parts.push(
    status.power === 'booting'
      ? `reloading${status.bootInSec === null ? '' : `, back in ${status.bootInSec} s`}`
      : 'up',
  );
  if (status.peers.length === 0) parts.push('no IKE SA');
  for (const p of status.peers.slice(0, 3))
    parts.push(`IKE ${p.state} with ${p.peerNode ?? p.peerAddr}`);
  if (status.peers.length > 3) parts.push(`and ${status.peers.length - 3} more peers`);
  if (status.hsrp !== null) parts.push(`HSRP ${status.hsrp}`);
  for (const f of status.failures)
    parts.push(`phase ${f.phase} with ${f.peerNode ?? f.peerAddr} fails: ${f.reason}`);
  for (const entry of status.incompleteMaps) parts.push(`crypto map ${entry}`);
  for (const map of status.unappliedMaps) parts.push(`crypto map ${map} applied to no interface`);
  for (const s of status.stale) parts.push(`stale SPI ${s.spi} toward ${s.peerNode}`);
  if (status.invalidSpiDrops > 0) parts.push(plural(status.invalidSpiDrops, 'invalid-SPI drop'));
  return `Router ${parts.join(', ')}. Actions…`;
}

function Pill({ y, text, className }: { y: number; text: string; className: string }) {
  const width = pillWidthPx(text);
  return (
    <g
      className={className}
      transform={`translate(0 ${y})`}
      data-label={className.startsWith('topo-ike') ? 'ike' : 'tag'}
    >
      <rect x={-width / 2} y={-12} width={width} height={24} rx={12} />
      <text y={5} textAnchor="middle">
        {text}
      </text>
    </g>
  );
}

/** A router's placed pill stacks, each with a line to the glyph when it was moved far off. */
function Stacks({ stacks }: { stacks: readonly PlacedStack[] }) {
  return (
    <>
      {stacks.map(({ stack, dx, dy, leader }) => {
        const { width, height } = stackSize(stack);
        const end = leaderEnd(dx, dy, width, height);
        return (
          <g key={stack.at}>
            {leader && <line className="topo-leader" x1={0} y1={0} x2={end.x} y2={end.y} />}
            <g transform={`translate(${dx} ${dy})`}>
              {stack.pills.map((pill, i) => (
                <Pill
                  key={pill.key}
                  y={pillOffsetY(stack, i)}
                  text={pill.text}
                  className={pill.className}
                />
              ))}
            </g>
          </g>
        );
      })}
    </>
  );
}

function FullGlyph({
  status,
  selected,
  stacks,
}: {
  status: RouterStatus;
  selected: boolean;
  stacks: readonly PlacedStack[];
}) {
  return (
    <>
      <rect className="topo-focus-ring" x={-78} y={-36} width={156} height={72} rx={16} />
      {selected && (
        <rect className="topo-selected-ring" x={-74} y={-32} width={148} height={64} rx={14} />
      )}
      <rect className="topo-router-box" x={-68} y={-26} width={136} height={52} rx={11} />
      <g className="topo-router-icon" transform="translate(-46 0)">
        <circle r={10} />
        <path d="M-6 -3 H6 M3 -6 L6 -3 L3 0 M6 3 H-6 M-3 0 L-6 3 L-3 6" />
      </g>
      <text className="topo-router-name" x={10} y={6} textAnchor="middle" data-label="name">
        {status.hostname}
      </text>
      <Stacks stacks={stacks} />
    </>
  );
}

function CompactGlyph({
  status,
  size,
  selected,
  showName,
  stacks,
}: {
  status: RouterStatus;
  size: number;
  selected: boolean;
  showName: boolean;
  stacks: readonly PlacedStack[];
}) {
  const h = size / 2;
  const booting = status.power === 'booting';
  const category = ikeBadges(status)[0]?.category ?? 'none';
  const mark = booting ? '↻' : CATEGORY_MARK[category];
  return (
    <>
      <rect
        className="topo-focus-ring"
        x={-h - 7}
        y={-h - 7}
        width={size + 14}
        height={size + 14}
        rx={10}
      />
      {selected && (
        <rect
          className="topo-selected-ring"
          x={-h - 4}
          y={-h - 4}
          width={size + 8}
          height={size + 8}
          rx={9}
        />
      )}
      <rect
        className={`topo-router-box topo-compact topo-ike-${category}`}
        x={-h}
        y={-h}
        width={size}
        height={size}
        rx={size / 5}
      />
      <text
        className="topo-compact-mark"
        y={size * 0.18}
        textAnchor="middle"
        fontSize={size * 0.55}
      >
        {mark}
      </text>
      {status.stale.length > 0 && (
        <g className="topo-compact-stale" transform={`translate(${h} ${-h})`}>
          <path d="M0 -9 L9 7 L-9 7 Z" />
          <text y={5} textAnchor="middle">
            !
          </text>
        </g>
      )}
      <Stacks stacks={stacks} />
      {showName && (
        <text className="topo-compact-name" y={h + 17} textAnchor="middle" data-label="name">
          {status.hostname}
        </text>
      )}
    </>
  );
}

function RouterGlyphView(props: RouterGlyphProps) {
  const { status, x, y, unit, compactSize, showName, stacks, selected, menuOpen, onActivate } =
    props;
  const stale = status.stale[0]?.spi;
  return (
    <g
      className={`topo-router${status.power === 'booting' ? ' is-booting' : ''}${selected ? ' is-selected' : ''}`}
      transform={`translate(${x} ${y}) scale(${unit})`}
      data-testid={`router.${status.id}`}
      data-power={status.power}
      data-ike-state={firstPeerState(status)}
      data-stale-spi={stale}
      data-invalid-spi-drops={status.invalidSpiDrops}
      data-negotiation-failure={status.failures[0]?.reason}
      data-incomplete-map={status.incompleteMaps[0]}
      data-selected={selected ? 'true' : undefined}
      aria-label={menuButtonLabel(routerAriaLabel(status), onActivate)}
      {...menuButtonProps(status.id, menuOpen, onActivate)}
    >
      <title>{routerAriaLabel(status).replace(/\. Actions…$/, '')}</title>
      {compactSize > 0 ? (
        <CompactGlyph
          status={status}
          size={compactSize}
          selected={selected}
          showName={showName}
          stacks={stacks}
        />
      ) : (
        <FullGlyph status={status} selected={selected} stacks={stacks} />
      )}
    </g>
  );
}

export const RouterGlyph = memo(
  RouterGlyphView,
  (a, b) =>
    a.statusKey === b.statusKey &&
    a.x === b.x &&
    a.y === b.y &&
    a.unit === b.unit &&
    a.compactSize === b.compactSize &&
    a.showName === b.showName &&
    a.stacksKey === b.stacksKey &&
    a.selected === b.selected &&
    a.menuOpen === b.menuOpen &&
    a.onActivate === b.onActivate,
);
