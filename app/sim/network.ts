// The wire: links with latency that go up and down, and which node owns an address. Packets
// cross clouds but are never routed through another router. Paths are the lowest-latency
// route over links that are up (Dijkstra; ties broken by link order, so runs are repeatable).

import type { Link, ScenarioNode } from '../scenario/types';

export interface Path {
  nodes: string[];
  links: Link[];
  latencyMs: number;
}

export class Network {
  private readonly up = new Map<string, boolean>();
  /** Last time each link went down: a packet in flight since before then is lost. */
  private readonly lastDownAtMs = new Map<string, number>();
  private readonly adjacency = new Map<string, Array<{ link: Link; to: string }>>();
  private readonly kinds = new Map<string, ScenarioNode['kind']>();
  /** Paths by from, then to; only paths over links that are up. Cleared on any link change. */
  private pathCache = new Map<string, Map<string, Path | null>>();

  constructor(nodes: readonly ScenarioNode[], links: readonly Link[]) {
    for (const node of nodes) {
      this.kinds.set(node.id, node.kind);
      this.adjacency.set(node.id, []);
    }
    for (const link of links) {
      this.up.set(link.id, true);
      this.adjacency.get(link.a)?.push({ link, to: link.b });
      this.adjacency.get(link.b)?.push({ link, to: link.a });
    }
  }

  isUp(linkId: string): boolean {
    return this.up.get(linkId) ?? false;
  }

  setLink(linkId: string, up: boolean, atMs: number): void {
    if (this.up.get(linkId) === up) return;
    this.up.set(linkId, up);
    if (!up) this.lastDownAtMs.set(linkId, atMs);
    this.pathCache = new Map();
  }

  /** The first link of `path` that went down after `sentAtMs`, if any. */
  brokenSince(path: Path, sentAtMs: number): Link | undefined {
    return path.links.find((l) => (this.lastDownAtMs.get(l.id) ?? -1) >= sentAtMs);
  }

  /** Lowest-latency path from `from` to `to`, through clouds only; `ignoreDown` for diagnosis. */
  path(from: string, to: string, ignoreDown = false): Path | null {
    if (ignoreDown) return this.search(from, to, true);
    let byTo = this.pathCache.get(from);
    if (!byTo) {
      byTo = new Map();
      this.pathCache.set(from, byTo);
    }
    let found = byTo.get(to);
    if (found === undefined) {
      found = this.search(from, to, false);
      byTo.set(to, found);
    }
    return found;
  }

  private search(from: string, to: string, ignoreDown: boolean): Path | null {
    const best = new Map<string, Path>([[from, { nodes: [from], links: [], latencyMs: 0 }]]);
    const open: string[] = [from];
    const done = new Set<string>();
    while (open.length > 0) {
      open.sort((a, b) => (best.get(a)?.latencyMs ?? 0) - (best.get(b)?.latencyMs ?? 0));
      const current = open.shift() as string;
      if (done.has(current)) continue;
      done.add(current);
      const here = best.get(current) as Path;
      if (current === to) return here;
      if (current !== from && this.kinds.get(current) !== 'cloud') continue;
      for (const { link, to: next } of this.adjacency.get(current) ?? []) {
        if (!ignoreDown && !this.isUp(link.id)) continue;
        const latencyMs = here.latencyMs + link.latencyMs;
        const known = best.get(next);
        if (!known || latencyMs < known.latencyMs) {
          best.set(next, { nodes: [...here.nodes, next], links: [...here.links, link], latencyMs });
          open.push(next);
        }
      }
    }
    return null;
  }
}
