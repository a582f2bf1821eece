// The picture every preset shares: each router has one WAN link to the cloud "ISP", and the
// layout reads left to right (R1, ISP, R2), with a third router below the side it belongs to.

import type { ScenarioDocument } from '../schema';
import { lanHost, type Site } from './configs';

type NodeDocument = ScenarioDocument['nodes'][number];
type LinkDocument = ScenarioDocument['links'][number];
type FlowDocument = Extract<NonNullable<ScenarioDocument['traffic']>[number], { kind: 'ping' }>;

const ISP = 'ISP';
/** One-way latency of every router–ISP link, so R1 → R2 takes 20 ms. */
const ISP_LATENCY_MS = 10;

export interface Position {
  x: number;
  y: number;
}

const ISP_AT: Position = { x: 400, y: 200 };
export const LEFT: Position = { x: 120, y: 200 };
export const RIGHT: Position = { x: 680, y: 200 };
export const LEFT_BELOW: Position = { x: 120, y: 360 };
export const RIGHT_BELOW: Position = { x: 680, y: 360 };

export interface RouterPlacement extends Position {
  /** Node id; the presets use the router's hostname. */
  id: string;
  config: string;
  /** false for an old image without the DPD vendor ID (legacy IOS keepalives). */
  dpdSupport?: boolean;
  /** The crypto engine's SA programming delay (a simulation property, [I] simplified). */
  saInstallDelayMs?: number;
}

/** The routers, the ISP cloud, and one `<router>-ISP` link per router. */
export function ispTopology(
  routers: readonly RouterPlacement[],
  ispAt: Position = ISP_AT,
): { nodes: NodeDocument[]; links: LinkDocument[] } {
  return {
    nodes: [
      ...routers.map(
        ({ id, x, y, config, dpdSupport, saInstallDelayMs }): NodeDocument => ({
          id,
          kind: 'router',
          x,
          y,
          config,
          ...(dpdSupport === undefined ? {} : { dpdSupport }),
          ...(saInstallDelayMs === undefined ? {} : { saInstallDelayMs }),
        }),
      ),
      { id: ISP, kind: 'cloud', ...ispAt },
    ],
    links: routers.map(({ id }) => ({ id: ispLink(id), a: id, b: ISP, latencyMs: ISP_LATENCY_MS })),
  };
}

/** The id of a router's link to the ISP: "R2-ISP". */
export function ispLink(routerId: string): string {
  return `${routerId}-${ISP}`;
}

/** One ping a second from the host on one LAN to the host on another, from `startMs` on. */
export function ping(id: string, from: Site, to: Site, startMs = 5_000): FlowDocument {
  return { id, kind: 'ping', src: lanHost(from), dst: lanHost(to), everyMs: 1_000, startMs };
}
