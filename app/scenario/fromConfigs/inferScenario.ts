// A scenario from plain IOS startup-configs, one router per config: the interfaces that carry
// crypto joined through a WAN cloud, a host on each other connected subnet, a ping every second
// between the hosts of each protected pair once the tunnels could be up, and the routes a
// routing protocol would have provided, as stated assumptions. Pure and deterministic: the
// runner (`--configs`) and the app read files, this module only text.

import { DESCRIPTION_MAX_CHARS, TITLE_MAX_CHARS } from '../limits';
import { parseScenario } from '../parseScenario';
import type { ScenarioDocument } from '../schema';
import { SCENARIO_FORMAT, SCENARIO_VERSION } from '../types';
import { type AssumedRoute, addAssumedRoutes } from './assumedRoutes';
import { CLOUD_AT, routerAt } from './layout';
import { type HostPair, protectedPairs, tunnelNeighbors } from './protectedPairs';
import { readRouters, type SourceRouter } from './readRouters';
import { wanInterfaces } from './sites';
import type { ConfigSource, Inference } from './types';

/** One-way latency of each router's link to the WAN cloud, as in the presets. */
export const WAN_LATENCY_MS = 10;
/**
 * The first ping: boot is over at 0, and by 5 s a DMVPN spoke has registered and an EzVPN client
 * has connected, as in the presets; the first ping of a crypto map starts its negotiation.
 */
export const FIRST_PING_AT_MS = 5_000;
export const PING_EVERY_MS = 1_000;
/** Two minutes: the tunnels come up in the first seconds; `--until` or the app go further. */
export const INFERRED_DURATION_MS = 120_000;
/** Node, link and flow ids: scenario ids are at most 32 characters. */
const ID_MAX_CHARS = 32;

/** The startup-config with the assumed routes, before its final `end` when it has one. */
function withRoutes(text: string, routes: readonly AssumedRoute[]): string {
  if (routes.length === 0) return text;
  const lines = text.replace(/\s+$/, '').split(/\r?\n/);
  const block = [
    '!',
    '! Assumed by TunnelScope: routes a routing protocol would provide',
    ...routes.map((route) => route.line),
    '!',
  ];
  const end = lines.map((line) => line.trim().toLowerCase()).lastIndexOf('end');
  const at = end >= 0 && !/^\s/.test(lines[end] ?? '') ? end : lines.length;
  return [...lines.slice(0, at), ...block, ...lines.slice(at)].join('\n');
}

/** `wanted` when it is free and short enough, else `fallback`. */
function idOr(wanted: string, taken: ReadonlySet<string>, fallback: () => string): string {
  return wanted.length <= ID_MAX_CHARS && !taken.has(wanted) ? wanted : fallback();
}

function cloudId(routers: readonly SourceRouter[]): string {
  const names = new Set(routers.map((router) => router.hostname));
  return ['WAN', 'WAN-CLOUD', 'INTERNET'].find((id) => !names.has(id)) ?? 'WAN-0';
}

function pingFlows(pairs: readonly HostPair[]) {
  const taken = new Set<string>();
  return pairs.map(({ src, dst }, index) => {
    const base = `${src.router}-to-${dst.router}`;
    const id = idOr(base, taken, () =>
      idOr(`${base}-${index + 1}`, taken, () => `ping-${index + 1}`),
    );
    taken.add(id);
    return {
      id,
      kind: 'ping' as const,
      src: src.ip,
      dst: dst.ip,
      everyMs: PING_EVERY_MS,
      startMs: FIRST_PING_AT_MS,
    };
  });
}

function assumptionText(route: AssumedRoute): string {
  return `${route.router}: ${route.reason}; assumed "${route.line}", as a routing protocol would provide it`;
}

export function inferScenario(sources: readonly ConfigSource[]): Inference {
  const read = readRouters(sources);
  if (!read.ok) return read;
  const { routers, notSimulated } = read;
  const tooLong = routers.find((router) => router.hostname.length > ID_MAX_CHARS);
  if (tooLong !== undefined) {
    return {
      ok: false,
      errors: [
        {
          source: tooLong.source.name,
          message: `hostname ${tooLong.hostname} is longer than ${ID_MAX_CHARS} characters, the longest router name a scenario takes`,
        },
      ],
    };
  }
  const neighbors = tunnelNeighbors(routers);
  const pairs = protectedPairs(routers, neighbors);
  const routes = addAssumedRoutes(routers, pairs, neighbors);
  const cloud = cloudId(routers);
  const linked = routers.filter((router) => wanInterfaces(router.config).length > 0);
  const linkIds = new Set<string>();
  const links = linked.map((router, index) => {
    const id = idOr(`${router.hostname}-${cloud}`, linkIds, () => `wan-${index + 1}`);
    linkIds.add(id);
    return { id, a: router.hostname, b: cloud, latencyMs: WAN_LATENCY_MS };
  });
  const assumptions = routes.map(assumptionText);
  if (pairs.length === 0) {
    assumptions.push(
      'No pings: no crypto map access list, protected tunnel or EzVPN client joins hosts of two of these routers',
    );
  }
  const names = routers.map((router) => router.hostname).join(', ');
  const description = [
    `Built from the startup-configs of ${names}: their crypto interfaces meet in the cloud ${cloud}, and a host on each protected subnet pings its peer every second from ${FIRST_PING_AT_MS / 1000} s.`,
    ...assumptions.map((text) => `Assumed: ${text}.`),
  ].join('\n');
  const document: ScenarioDocument = {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    title: `From configs: ${names}`.slice(0, TITLE_MAX_CHARS),
    description: description.slice(0, DESCRIPTION_MAX_CHARS),
    seed: 1,
    durationMs: INFERRED_DURATION_MS,
    nodes: [
      ...routers.map((router, index) => ({
        id: router.hostname,
        kind: 'router' as const,
        ...routerAt(index, routers.length),
        config: withRoutes(
          router.source.text,
          routes.filter((route) => route.router === router.hostname),
        ),
      })),
      { id: cloud, kind: 'cloud' as const, ...CLOUD_AT },
    ],
    links,
    traffic: pingFlows(pairs),
    timeline: [],
  };
  const checked = parseScenario(document);
  if (!checked.ok) {
    return {
      ok: false,
      errors: checked.errors.map((error) => ({
        source: 'inferred scenario',
        message: `${error.path}: ${error.message}`,
      })),
    };
  }
  return { ok: true, document, assumptions, notSimulated };
}
