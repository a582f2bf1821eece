// The studio's layout as the user left it: which tab each side panel shows, the panels' widths,
// what is collapsed. Kept in localStorage; what is read back is untrusted (another version of
// the app, an extension, a hand edit), so it is read field by field: a field that is missing or
// wrong takes its default, and nothing read can break the page. Six fields of three plain kinds
// are checked here by hand: a zod schema for them would bring zod into the first load (about
// 9 kB gzip), where nothing else needs it. Pure, except for the two storage functions, which take
// the Storage they use.

export const DOCK_TABS = ['routers', 'config', 'console', 'log'] as const;
export type DockTab = (typeof DOCK_TABS)[number];

export const DOCK_TAB_LABELS: Record<DockTab, string> = {
  routers: 'Routers',
  config: 'Config & remedies',
  console: 'Console',
  log: 'Log',
};

export interface StudioLayout {
  /** The side panel's width in CSS px (the first panel's, when two are shown); null: automatic. */
  sideWidthPx: number | null;
  /** The second panel's width in CSS px, on a wide window; null: automatic. */
  secondWidthPx: number | null;
  /** The side panels are folded into a rail at the window's edge. */
  sideCollapsed: boolean;
  /** On a wide window, the user chose one panel instead of two. */
  secondCollapsed: boolean;
  /** The tab of the (first) side panel. */
  tab: DockTab;
  /** The tab of the second panel on a wide window; never the same as `tab`. */
  secondTab: DockTab;
}

export const DEFAULT_LAYOUT: StudioLayout = {
  sideWidthPx: null,
  secondWidthPx: null,
  sideCollapsed: false,
  secondCollapsed: false,
  tab: 'routers',
  secondTab: 'log',
};

export const LAYOUT_STORAGE_KEY = 'tunnelscope.studio-layout.v1';

/** Widths outside this range are not a layout anyone dragged to: they read as automatic. */
const WIDTH_LIMITS_PX = { min: 120, max: 8000 };

/** A width in range, else null (automatic). */
function widthOf(value: unknown): number | null {
  return typeof value === 'number' && value >= WIDTH_LIMITS_PX.min && value <= WIDTH_LIMITS_PX.max
    ? value
    : null;
}

function booleanOr(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

function tabOr(value: unknown, fallback: DockTab): DockTab {
  return DOCK_TABS.find((tab) => tab === value) ?? fallback;
}

/** The value's own field `key` (never one of Object.prototype's), or undefined. */
function fieldOf(value: object, key: keyof StudioLayout): unknown {
  return Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

/**
 * The layout in `text` (what localStorage held, or null when nothing): each field that reads as
 * its type and range is kept, every other one is the default. Never throws.
 */
export function parseLayout(text: string | null): StudioLayout {
  if (text === null) return DEFAULT_LAYOUT;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return DEFAULT_LAYOUT;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return DEFAULT_LAYOUT;
  return distinctTabs({
    sideWidthPx: widthOf(fieldOf(value, 'sideWidthPx')),
    secondWidthPx: widthOf(fieldOf(value, 'secondWidthPx')),
    sideCollapsed: booleanOr(fieldOf(value, 'sideCollapsed'), DEFAULT_LAYOUT.sideCollapsed),
    secondCollapsed: booleanOr(fieldOf(value, 'secondCollapsed'), DEFAULT_LAYOUT.secondCollapsed),
    tab: tabOr(fieldOf(value, 'tab'), DEFAULT_LAYOUT.tab),
    secondTab: tabOr(fieldOf(value, 'secondTab'), DEFAULT_LAYOUT.secondTab),
  });
}

/** `layout` with `tab` in the first panel; the second panel takes the first's old tab if needed. */
export function withTab(layout: StudioLayout, tab: DockTab): StudioLayout {
  const secondTab = layout.secondTab === tab ? layout.tab : layout.secondTab;
  return distinctTabs({ ...layout, tab, secondTab });
}

/** `layout` with `tab` in the second panel; the first panel takes the second's old tab if needed. */
export function withSecondTab(layout: StudioLayout, secondTab: DockTab): StudioLayout {
  const tab = layout.tab === secondTab ? layout.secondTab : layout.tab;
  return distinctTabs({ ...layout, tab, secondTab });
}

/** The two panels never show the same tab: the second then shows the log (or the routers). */
function distinctTabs(layout: StudioLayout): StudioLayout {
  if (layout.secondTab !== layout.tab) return layout;
  return { ...layout, secondTab: layout.tab === 'log' ? 'routers' : 'log' };
}

/** The layout from `storage`; the defaults when storage is unavailable or holds garbage. */
export function readLayout(storage: Pick<Storage, 'getItem'> | null): StudioLayout {
  try {
    return parseLayout(storage?.getItem(LAYOUT_STORAGE_KEY) ?? null);
  } catch {
    // Storage can refuse to be read (privacy settings): the page works without it.
    return DEFAULT_LAYOUT;
  }
}

/** Saves the layout; a full or refused storage is not an error worth showing (best effort). */
export function writeLayout(storage: Pick<Storage, 'setItem'> | null, layout: StudioLayout): void {
  try {
    storage?.setItem(LAYOUT_STORAGE_KEY, JSON.stringify(layout));
  } catch {
    // Quota exceeded or storage disabled: the layout lasts until the page closes.
  }
}
