// The pills around a router glyph, as data: the IKE badges (above the box) and the tags (below:
// reloading, HSRP, a refused negotiation, an incomplete crypto map, stale SPI, invalid-SPI
// drops), or the drop counter of a compact glyph. Their
// sizes are estimated from the character count, so the label placement can reserve room for
// them before anything is drawn. Pure.

import type { NegotiationCause } from '../../sim/trace';
import { plural } from '../health/durations';
import type { IkeCategory, RouterStatus } from './routerStatus';

export interface Pill {
  /** Stable React key within its stack. */
  key: string;
  text: string;
  className: string;
}

/** A column of pills drawn as one label: the IKE badges, or the tags. */
export interface PillStack {
  /** 'above' or 'below' the box it belongs to. */
  at: 'above' | 'below';
  pills: Pill[];
}

/** 13.5 px monospace: 8 px per character; 9 px padding each side. */
const MONO_PX_PER_CHAR = 8;
const PILL_PADDING_PX = 18;
export const PILL_HEIGHT_PX = 24;
/** Centre-to-centre distance of stacked pills. */
export const PILL_PITCH_PX = 28;

export const CATEGORY_MARK: Record<IkeCategory, string> = {
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

function staleText(status: RouterStatus): string | null {
  const first = status.stale[0];
  if (!first) return null;
  const more = status.stale.length > 1 ? ` (+${status.stale.length - 1})` : '';
  const toward = status.peers.length > 1 ? ` →${first.peerNode}` : '';
  return `⚠ stale SPI ${first.spi}${toward}${more}`;
}

/** A failure in a few words, for a tag as narrow as the stale-SPI one (the title says all). */
const CAUSE_SHORT: Record<NegotiationCause, string> = {
  'psk-mismatch': 'keys differ',
  'no-psk': 'no key',
  'unknown-group': 'unknown group',
  'no-common-policy': 'no common policy',
  'no-common-transform-set': 'transforms differ',
  'proxy-mismatch': 'proxy IDs differ',
  'xauth-refused': 'XAUTH refused',
};

/** Why a tunnel is not up, as this router knows it: "✕ P1 keys differ" (P1: phase 1). */
function failureText(status: RouterStatus): string | null {
  const first = status.failures[0];
  if (!first) return null;
  const more = status.failures.length > 1 ? ` (+${status.failures.length - 1})` : '';
  return `✕ P${first.phase} ${CAUSE_SHORT[first.cause]}${more}`;
}

/** "⚠ CMAP 10 incomplete": an entry in use that protects nothing. */
function incompleteText(status: RouterStatus): string | null {
  const first = status.incompleteMaps[0];
  if (first === undefined) return null;
  const more = status.incompleteMaps.length > 1 ? ` (+${status.incompleteMaps.length - 1})` : '';
  return `⚠ ${first.split(':')[0]} incomplete${more}`;
}

/** "⚠ CMAP on no interface": a crypto map set that no interface uses, so nothing is encrypted. */
function unappliedText(status: RouterStatus): string | null {
  const first = status.unappliedMaps[0];
  if (first === undefined) return null;
  const more = status.unappliedMaps.length > 1 ? ` (+${status.unappliedMaps.length - 1})` : '';
  return `⚠ ${first} on no interface${more}`;
}

/** The full glyph's stacks: IKE badges above, tags below (none when it has no tag). */
export function fullGlyphStacks(status: RouterStatus): PillStack[] {
  const above: Pill[] = ikeBadges(status).map((badge) => ({
    key: badge.key,
    text: `${CATEGORY_MARK[badge.category]} ${badge.text}`,
    className: `topo-ike topo-ike-${badge.category}`,
  }));
  const below: Pill[] = [];
  if (status.power === 'booting') {
    below.push({
      key: 'booting',
      text: `↻ reloading…${status.bootInSec === null ? '' : ` ${status.bootInSec} s`}`,
      className: 'topo-tag topo-tag-booting',
    });
  }
  if (status.hsrp !== null) {
    const active = status.hsrp.startsWith('Active');
    below.push({
      key: 'hsrp',
      text: `HSRP ${status.hsrp}`,
      className: `topo-tag topo-tag-hsrp${active ? ' is-active' : ''}`,
    });
  }
  const failure = failureText(status);
  if (failure)
    below.push({ key: 'failure', text: failure, className: 'topo-tag topo-tag-failure' });
  const incomplete = incompleteText(status);
  if (incomplete) {
    below.push({ key: 'incomplete', text: incomplete, className: 'topo-tag topo-tag-incomplete' });
  }
  const unapplied = unappliedText(status);
  if (unapplied) {
    below.push({ key: 'unapplied', text: unapplied, className: 'topo-tag topo-tag-incomplete' });
  }
  const stale = staleText(status);
  if (stale) below.push({ key: 'stale', text: stale, className: 'topo-tag topo-tag-stale' });
  if (status.invalidSpiDrops > 0) {
    below.push({
      key: 'drops',
      text: `✕ ${plural(status.invalidSpiDrops, 'invalid SPI drop')}`,
      className: 'topo-tag topo-tag-drops',
    });
  }
  const stacks: PillStack[] = [{ at: 'above', pills: above }];
  if (below.length > 0) stacks.push({ at: 'below', pills: below });
  return stacks;
}

/** A compact glyph's one pill: its invalid-SPI drop count, above the square. */
export function compactGlyphStacks(status: RouterStatus): PillStack[] {
  if (status.invalidSpiDrops <= 0) return [];
  const pill = {
    key: 'drops',
    text: `✕${status.invalidSpiDrops}`,
    className: 'topo-tag topo-tag-drops',
  };
  return [{ at: 'above', pills: [pill] }];
}

export function pillWidthPx(text: string): number {
  return text.length * MONO_PX_PER_CHAR + PILL_PADDING_PX;
}

/** The stack's box size (px): its widest pill by the column's height. */
export function stackSize(stack: PillStack): { width: number; height: number } {
  const width = Math.max(0, ...stack.pills.map((p) => pillWidthPx(p.text)));
  const n = stack.pills.length;
  return { width, height: n * PILL_PITCH_PX - (PILL_PITCH_PX - PILL_HEIGHT_PX) };
}

/** The y (px) of pill i's centre in a stack centred at 0. */
export function pillOffsetY(stack: PillStack, i: number): number {
  return (i - (stack.pills.length - 1) / 2) * PILL_PITCH_PX;
}
