// One router: a rounded box with its hostname, power state (a reload dims it and counts down to
// the boot), IKE badges above, and below it the SA mismatch marker ("stale SPI") and the
// invalid-SPI drop counter. Drawn in screen px inside a group scaled by `unit`, so it keeps its
// size whatever the zoom. Memoised on a status key: frames where only t moved skip it.

import { type KeyboardEvent, type MouseEvent, memo } from 'react';
import { plural } from '../health/durations';
import { firstPeerState, type IkeCategory, type RouterStatus } from './routerStatus';

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
  selected: boolean;
  menuOpen: boolean;
  onActivate: (id: string, element: Element) => void;
}

const MONO_PX_PER_CHAR = 8; // 13.5 px monospace
const CATEGORY_MARK: Record<IkeCategory, string> = {
  established: '●',
  negotiating: '◐',
  none: '○',
};

interface Badge {
  /** Stable React key: the peer's address, or 'all' for a single or summary badge. */
  key: string;
  text: string;
  category: IkeCategory;
}

/** IKE badges: one per peer for up to two peers, a summary by category beyond. */
export function ikeBadges(status: RouterStatus): Badge[] {
  const peers = status.peers;
  if (peers.length === 0) return [{ key: 'all', text: 'IKE none', category: 'none' }];
  if (peers.length === 1) {
    const p = peers[0] as RouterStatus['peers'][number];
    return [{ key: 'all', text: `IKE ${p.state}`, category: p.category }];
  }
  if (peers.length === 2) {
    return peers.map((p) => ({
      key: p.peerAddr,
      text: `${p.peerNode ?? p.peerAddr}: ${p.state}`,
      category: p.category,
    }));
  }
  const count = (c: IkeCategory) => peers.filter((p) => p.category === c).length;
  const established = count('established');
  const negotiating = count('negotiating');
  const none = count('none');
  const parts = [
    established > 0 ? `${established} QM_IDLE` : '',
    negotiating > 0 ? `${negotiating} MM` : '',
    none > 0 ? `${none} none` : '',
  ].filter(Boolean);
  const worst: IkeCategory = none > 0 ? 'none' : negotiating > 0 ? 'negotiating' : 'established';
  return [{ key: 'all', text: `IKE ${parts.join(' · ')}`, category: worst }];
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
  for (const s of status.stale) parts.push(`stale SPI ${s.spi} toward ${s.peerNode}`);
  if (status.invalidSpiDrops > 0) parts.push(plural(status.invalidSpiDrops, 'invalid-SPI drop'));
  return `Router ${parts.join(', ')}. Actions…`;
}

function Pill({ y, text, className }: { y: number; text: string; className: string }) {
  const width = text.length * MONO_PX_PER_CHAR + 18;
  return (
    <g className={className} transform={`translate(0 ${y})`}>
      <rect x={-width / 2} y={-12} width={width} height={24} rx={12} />
      <text y={5} textAnchor="middle">
        {text}
      </text>
    </g>
  );
}

function staleText(status: RouterStatus): string | null {
  const first = status.stale[0];
  if (!first) return null;
  const more = status.stale.length > 1 ? ` (+${status.stale.length - 1})` : '';
  const toward = status.peers.length > 1 ? ` →${first.peerNode}` : '';
  return `⚠ stale SPI ${first.spi}${toward}${more}`;
}

function FullGlyph({ status, selected }: { status: RouterStatus; selected: boolean }) {
  const booting = status.power === 'booting';
  const badges = ikeBadges(status);
  const stale = staleText(status);
  const below: Array<{ text: string; className: string }> = [];
  if (booting) {
    below.push({
      text: `↻ reloading…${status.bootInSec === null ? '' : ` ${status.bootInSec} s`}`,
      className: 'topo-tag topo-tag-booting',
    });
  }
  if (status.hsrp !== null) {
    const active = status.hsrp.startsWith('Active');
    below.push({
      text: `HSRP ${status.hsrp}`,
      className: `topo-tag topo-tag-hsrp${active ? ' is-active' : ''}`,
    });
  }
  if (stale) below.push({ text: stale, className: 'topo-tag topo-tag-stale' });
  if (status.invalidSpiDrops > 0) {
    below.push({
      text: `✕ ${plural(status.invalidSpiDrops, 'invalid SPI drop')}`,
      className: 'topo-tag topo-tag-drops',
    });
  }
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
      <text className="topo-router-name" x={10} y={6} textAnchor="middle">
        {status.hostname}
      </text>
      {badges.map((badge, i) => (
        <Pill
          key={badge.key}
          y={-42 - (badges.length - 1 - i) * 28}
          text={`${CATEGORY_MARK[badge.category]} ${badge.text}`}
          className={`topo-ike topo-ike-${badge.category}`}
        />
      ))}
      {below.map((tag, i) => (
        <Pill key={tag.className} y={42 + i * 28} text={tag.text} className={tag.className} />
      ))}
    </>
  );
}

function CompactGlyph({
  status,
  size,
  selected,
  showName,
}: {
  status: RouterStatus;
  size: number;
  selected: boolean;
  showName: boolean;
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
      {status.invalidSpiDrops > 0 && (
        <Pill y={-h - 12} text={`✕${status.invalidSpiDrops}`} className="topo-tag topo-tag-drops" />
      )}
      {showName && (
        <text className="topo-compact-name" y={h + 17} textAnchor="middle">
          {status.hostname}
        </text>
      )}
    </>
  );
}

function RouterGlyphView(props: RouterGlyphProps) {
  const { status, x, y, unit, compactSize, showName, selected, menuOpen, onActivate } = props;
  const activate = (event: MouseEvent<SVGGElement>) => {
    event.stopPropagation();
    onActivate(status.id, event.currentTarget);
  };
  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    event.stopPropagation();
    onActivate(status.id, event.currentTarget);
  };
  const stale = status.stale[0]?.spi;
  return (
    // biome-ignore lint/a11y/useSemanticElements: SVG has no <button>; this group acts as one
    <g
      className={`topo-router${status.power === 'booting' ? ' is-booting' : ''}${selected ? ' is-selected' : ''}`}
      transform={`translate(${x} ${y}) scale(${unit})`}
      data-testid={`router.${status.id}`}
      data-power={status.power}
      data-ike-state={firstPeerState(status)}
      data-stale-spi={stale}
      data-invalid-spi-drops={status.invalidSpiDrops}
      data-selected={selected ? 'true' : undefined}
      role="button"
      tabindex={0}
      aria-label={routerAriaLabel(status)}
      aria-haspopup="dialog"
      aria-expanded={menuOpen}
      onClick={activate}
      onKeyDown={onKeyDown}
    >
      <title>{routerAriaLabel(status).replace(/\. Actions…$/, '')}</title>
      {compactSize > 0 ? (
        <CompactGlyph status={status} size={compactSize} selected={selected} showName={showName} />
      ) : (
        <FullGlyph status={status} selected={selected} />
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
    a.selected === b.selected &&
    a.menuOpen === b.menuOpen &&
    a.onActivate === b.onActivate,
);
