// Loading a well-formed scenario: what follows the schema for a document from outside
// (parseScenario.ts), and all there is for a document the app builds itself (a built-in preset, an
// edit the studio makes to the scenario on screen), which is typed and needs no zod: its defaults
// are filled in, its lists held to their limits, its timeline sorted, its router configs parsed
// and its ping flows checked.
// Never throws.

import { inSubnet, parseIpv4 } from '../ios/ipv4';
import { parseIosConfig } from '../ios/parseConfig';
import type { RouterConfig } from '../ios/types';
import { addressWarnings } from './addressWarnings';
import { cryptoMapWarnings } from './cryptoMapWarnings';
import { FLOWS_MAX, LINKS_MAX, NODES_MAX, TIMELINE_ENTRIES_MAX } from './limits';
import { quote } from './scenarioErrors';
import type { ScenarioDocument } from './schema';
import {
  DOCUMENT_DEFAULTS,
  type LoadedScenario,
  type ParseResult,
  type Scenario,
  type ScenarioError,
  type TimelineEntry,
} from './types';

/**
 * Most lines of router startup-config in one scenario, all routers together. The IOS parser
 * takes 25 to 100 µs a line (unknown commands are the dearest; long lines cost little more), so
 * this keeps reading a scenario under a second, where a 16 MB file of one-word lines would take
 * half a minute. dmvpnScenario(198), the largest topology we build, has 7,954. Links carry at
 * most LINK_CONFIG_LINES_MAX (scenarioUrl.ts).
 */
export const SCENARIO_CONFIG_LINES_MAX = 8000;

/**
 * Loads a document the app built itself, typed as a ScenarioDocument: a built-in preset, or an
 * edit of the scenario on screen. What comes from outside (a link, a file) goes through
 * parseScenario instead: the schema checks what the type system checks here, and every limit.
 */
export function loadScenarioDocument(document: ScenarioDocument): ParseResult {
  const scenario = withDefaults(document);
  const tooLong = listLimitErrors(scenario);
  return tooLong.length > 0 ? { ok: false, errors: tooLong } : loadScenario(scenario);
}

/**
 * The lists past their limit (limits.ts), with the schema's message: edits grow the timeline and
 * the traffic, and an edited scenario must stay one that a link or a file can carry.
 */
function listLimitErrors(scenario: Scenario): ScenarioError[] {
  const lists = [
    ['nodes', scenario.nodes.length, NODES_MAX],
    ['links', scenario.links.length, LINKS_MAX],
    ['traffic', scenario.traffic.length, FLOWS_MAX],
    ['timeline', scenario.timeline.length, TIMELINE_ENTRIES_MAX],
  ] as const;
  return lists.flatMap(([path, entries, max]) =>
    entries > max ? [{ path, message: `must have at most ${max} entries` }] : [],
  );
}

/** The document as the schema outputs it: defaults filled in, the timeline sorted by atMs. */
export function withDefaults(document: ScenarioDocument): Scenario {
  return {
    ...document,
    nodes: document.nodes.map((node) =>
      node.kind === 'cloud'
        ? node
        : {
            ...node,
            bootMs: node.bootMs ?? DOCUMENT_DEFAULTS.bootMs,
            dpdSupport: node.dpdSupport ?? DOCUMENT_DEFAULTS.dpdSupport,
            saInstallDelayMs: node.saInstallDelayMs ?? DOCUMENT_DEFAULTS.saInstallDelayMs,
          },
    ),
    traffic: (document.traffic ?? []).map((flow) =>
      flow.kind === 'ping'
        ? { ...flow, sizeBytes: flow.sizeBytes ?? DOCUMENT_DEFAULTS.sizeBytes }
        : flow,
    ),
    timeline: sortedByTime(document.timeline ?? []),
  };
}

/** Stable: entries at the same atMs keep their order in the document. */
export function sortedByTime(timeline: readonly TimelineEntry[]): TimelineEntry[] {
  return [...timeline].sort((first, second) => first.atMs - second.atMs);
}

/**
 * Loads a scenario that has passed the schema (or was built by the app): parses each router's
 * startup-config, checks the ping flows' ends against the routers' subnets, and gathers the
 * configs' warnings.
 */
export function loadScenario(scenario: Scenario): ParseResult {
  const lines = configLineCount(scenario);
  if (lines > SCENARIO_CONFIG_LINES_MAX) {
    const message = `the routers' startup-configs have ${lines} lines in all; a scenario has at most ${SCENARIO_CONFIG_LINES_MAX}`;
    return failure({ path: 'nodes', message });
  }
  const errors: ScenarioError[] = [];
  const startupConfigs: LoadedScenario['startupConfigs'] = {};
  const notSimulated: LoadedScenario['notSimulated'] = {};
  scenario.nodes.forEach((node, index) => {
    if (node.kind !== 'router') return;
    const configPath = `nodes[${index}].config`;
    let parsed: ReturnType<typeof parseIosConfig>;
    try {
      parsed = parseIosConfig(node.config);
    } catch (error) {
      // The IOS parser's contract is to report, not throw; if it does throw, say so here.
      errors.push({ path: configPath, message: `could not be read: ${errorText(error)}` });
      return;
    }
    const unsupported: LoadedScenario['notSimulated'][string] = [];
    for (const { line, text, severity, message } of parsed.diagnostics) {
      if (severity === 'error') errors.push({ path: `${configPath} line ${line}`, message });
      else unsupported.push({ line, text, message });
    }
    startupConfigs[node.id] = parsed.config;
    notSimulated[node.id] = unsupported;
  });
  // Subnets come from the configs: with a config in error, a ping error could be a false alarm.
  if (errors.length === 0) errors.push(...pingEndpointErrors(scenario, startupConfigs));
  if (errors.length > 0) return { ok: false, errors };
  const routers = new Map(
    scenario.nodes.flatMap((node) =>
      node.kind === 'router'
        ? [[node.id, { text: node.config, config: startupConfigs[node.id] as RouterConfig }]]
        : [],
    ),
  );
  const warnings = addressWarnings(routers);
  for (const [node, { text, config }] of routers) {
    const notes = [...(warnings[node] ?? []), ...cryptoMapWarnings(text, config)];
    warnings[node] = notes.sort((a, b) => a.line - b.line);
  }
  return { ok: true, loaded: { scenario, startupConfigs, notSimulated, warnings } };
}

/** The lines of all routers' startup-configs (a config of n line breaks has n + 1 lines). */
export function configLineCount(scenario: {
  nodes: ReadonlyArray<{ kind: 'cloud' } | { kind: 'router'; config: string }>;
}): number {
  let lines = 0;
  for (const node of scenario.nodes) {
    if (node.kind !== 'router') continue;
    lines++;
    for (let at = node.config.indexOf('\n'); at !== -1; at = node.config.indexOf('\n', at + 1))
      lines++;
  }
  return lines;
}

/** A subnet as 32-bit values: any address in it (an interface's own) and its mask. */
interface Subnet {
  network: number;
  mask: number;
}

/** Each ping flow's src and dst must lie on a router's LAN: a subnet of a non-tunnel interface. */
function pingEndpointErrors(
  scenario: Scenario,
  configs: Readonly<Record<string, RouterConfig>>,
): ScenarioError[] {
  const subnets = Object.values(configs).flatMap(connectedSubnets);
  const onLan = (address: string) => {
    const ip = parseIpv4(address);
    return ip !== null && subnets.some((subnet) => inSubnet(ip, subnet.network, subnet.mask));
  };
  const errors: ScenarioError[] = [];
  scenario.traffic.forEach((flow, index) => {
    // A scanner sits anywhere on the internet: only pings start and end on a LAN.
    if (flow.kind !== 'ping') return;
    for (const end of ['src', 'dst'] as const) {
      if (onLan(flow[end])) continue;
      errors.push({
        path: `traffic[${index}].${end}`,
        message: `flow ${quote(flow.id)}: ${flow[end]} is not on any router's LAN (the subnet of a non-tunnel interface)`,
      });
    }
  });
  return errors;
}

/** An addressed interface that is not a tunnel: its subnet may hold a ping's end. */
export function hostsPings(
  iface: RouterConfig['interfaces'][number],
): iface is RouterConfig['interfaces'][number] & { address: { ip: string; mask: string } } {
  return iface.tunnel === null && !/^tunnel/i.test(iface.name) && iface.address !== null;
}

/** Subnets of the addressed interfaces that are not tunnels (LAN and WAN alike, shut or not). */
function connectedSubnets(config: RouterConfig): Subnet[] {
  return config.interfaces.flatMap((iface) => {
    if (!hostsPings(iface)) return [];
    const network = parseIpv4(iface.address.ip);
    const mask = parseIpv4(iface.address.mask);
    return network === null || mask === null ? [] : [{ network, mask }];
  });
}

export function failure(error: ScenarioError): ParseResult {
  return { ok: false, errors: [error] };
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'unknown error';
}
