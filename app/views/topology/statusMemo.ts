// Router statuses computed once per frame however many layers ask (frames are memoised by
// frameFor, so the same moment is the same object).

import type { Frame } from '../../sim/frame';
import { type RouterStatus, routerStatuses, statusKey } from './routerStatus';
import { spiKey } from './spiGenerations';
import type { TopologyIndex } from './topologyIndex';

const statusCache = new WeakMap<Frame, Map<string, RouterStatus>>();
const staleCache = new WeakMap<Frame, Set<string>>();

export function statusesOf(frame: Frame, index: TopologyIndex): Map<string, RouterStatus> {
  let statuses = statusCache.get(frame);
  if (!statuses) {
    statuses = routerStatuses(frame, index);
    statusCache.set(frame, statuses);
  }
  return statuses;
}

/** spiKey(sender, spi) of every stale outbound SPI at this frame. */
export function staleSpiKeys(frame: Frame, index: TopologyIndex): Set<string> {
  let keys = staleCache.get(frame);
  if (!keys) {
    keys = new Set<string>();
    for (const status of statusesOf(frame, index).values()) {
      for (const stale of status.stale) keys.add(spiKey(status.id, stale.spi));
    }
    staleCache.set(frame, keys);
  }
  return keys;
}

/** Per topology (per run): two topologies side by side do not evict each other. */
const lastStable = new WeakMap<
  TopologyIndex,
  { key: string; statuses: Map<string, RouterStatus> }
>();

/**
 * The frame's statuses, but the very same Map as last time when no router's drawing changed:
 * as a store selector it re-renders the routers layer only when a glyph would change, not on
 * every frame.
 */
export function stableStatuses(frame: Frame, index: TopologyIndex): Map<string, RouterStatus> {
  const statuses = statusesOf(frame, index);
  let key = '';
  for (const status of statuses.values()) key += `${status.id}:${statusKey(status)};`;
  const last = lastStable.get(index);
  if (last && last.key === key) return last.statuses;
  lastStable.set(index, { key, statuses });
  return statuses;
}
