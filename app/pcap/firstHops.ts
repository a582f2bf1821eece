// The first link each sent packet crossed, if any. The trace gives the path of every packet the
// network carried; one it could not deliver has none, yet crossed its first link when that link
// was up: toward its destination's router over the path it would have taken (a later link being
// down), or, with no router owning the destination, into the sender's first cloud.

import type { LoadedScenario } from '../scenario/types';
import { Network } from '../sim/network';
import type { FaultRecord, PacketRecord } from '../sim/trace';
import { ipv4Number } from './bytes';
import type { RouterConfigs } from './routerConfigs';

export interface Hop {
  link: string;
  /** The node at the other end of `link`. */
  next: string;
}

export class FirstHops {
  private readonly network: Network;
  private readonly routers: string[];

  constructor(
    private readonly loaded: LoadedScenario,
    private readonly configs: RouterConfigs,
  ) {
    this.network = new Network(loaded.scenario.nodes, loaded.scenario.links);
    this.routers = loaded.scenario.nodes.filter((n) => n.kind === 'router').map((n) => n.id);
  }

  /** Follows the trace's link changes, in trace order. */
  apply(record: FaultRecord): void {
    if (record.link === undefined) return;
    if (record.event === 'link-down' || record.event === 'link-up') {
      this.network.setLink(record.link, record.event === 'link-up', record.atMs);
    }
  }

  /** Where `sent` (from `sender`) went on the wire, or null when it never left `sender`. */
  of(sent: PacketRecord, sender: string): Hop | null {
    if (sent.path && sent.link !== undefined) return { link: sent.link, next: sent.path[1] ?? '' };
    const owner = this.owner(ipv4Number(sent.dst));
    const wouldBe = owner === undefined ? null : this.network.path(sender, owner, true);
    const first = wouldBe
      ? wouldBe.links[0]
      : this.loaded.scenario.links.find(
          (l) => (l.a === sender || l.b === sender) && this.network.isUp(l.id),
        );
    if (!first || !this.network.isUp(first.id)) return null;
    return { link: first.id, next: first.a === sender ? first.b : first.a };
  }

  /** The router an address belongs to, first in scenario order (as the engine indexes owners). */
  private owner(addr: number): string | undefined {
    return this.routers.find((r) => this.configs.plan(r)?.ownAddrs.has(addr));
  }
}
