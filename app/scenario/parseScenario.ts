// The only way in for a scenario: JSON text or an already-parsed value becomes either a
// LoadedScenario the engine can run or a list of errors. Never throws, whatever the input.
//
// Pipeline: migrate to the current version → schema (shape, ranges, cross-references) → parse
// each router's startup-config → check that ping flows start and end on router subnets.

import { inSubnet, parseIpv4 } from '../ios/ipv4';
import { parseIosConfig } from '../ios/parseConfig';
import type { RouterConfig } from '../ios/types';
import { addressWarnings } from './addressWarnings';
import { cryptoMapWarnings } from './cryptoMapWarnings';
import { jsonErrorPlace, nestsDeeperThan, SCENARIO_JSON_MAX_DEPTH } from './jsonChecks';
import { migrateToCurrent } from './migrations';
import { DOCUMENT_PATH, issueToError, plainEnglish, quote } from './scenarioErrors';
import { scenarioSchema } from './schema';
import type { LoadedScenario, ParseResult, Scenario, ScenarioError } from './types';

/** Longest scenario text we read: room for 200 configs of 64 KiB, and then some. */
export const DOCUMENT_MAX_CHARS = 16 * 1024 * 1024;

/**
 * Most lines of router startup-config in one scenario, all routers together. The IOS parser
 * takes 25 to 100 µs a line (unknown commands are the dearest; long lines cost little more), so
 * this keeps reading a scenario under a second, where a 16 MB file of one-word lines would take
 * half a minute. dmvpnScenario(198), the largest topology we build, has 7,954. Links carry at
 * most LINK_CONFIG_LINES_MAX (scenarioUrl.ts).
 */
export const SCENARIO_CONFIG_LINES_MAX = 8000;

/** U+FEFF at the start of a UTF-8 file: not part of the JSON, which may ignore it (RFC 8259 8.1). */
const BYTE_ORDER_MARK = '\uFEFF';

/**
 * Reads a scenario from JSON text (a leading byte order mark is skipped, as the browser's file
 * reading does); a JSON syntax error is reported at DOCUMENT_PATH with its line and column.
 */
export function parseScenarioText(input: string): ParseResult {
  const text = input.startsWith(BYTE_ORDER_MARK) ? input.slice(1) : input;
  if (text.length > DOCUMENT_MAX_CHARS) {
    const message = `is ${text.length} characters long; the limit is ${DOCUMENT_MAX_CHARS}`;
    return failure({ path: DOCUMENT_PATH, message });
  }
  // Checked first: the JSON parser takes long over deep nesting, and may run out of stack.
  if (nestsDeeperThan(text, SCENARIO_JSON_MAX_DEPTH)) {
    const message = `nests lists and objects more than ${SCENARIO_JSON_MAX_DEPTH} deep; a scenario nests 4 deep`;
    return failure({ path: DOCUMENT_PATH, message });
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    const place = jsonErrorPlace(text) ?? `: ${errorText(error)}`;
    return failure({ path: DOCUMENT_PATH, message: `is not valid JSON ${place}` });
  }
  return parseScenario(doc);
}

/** Reads a scenario from a JSON value (as JSON.parse returns it). */
export function parseScenario(input: unknown): ParseResult {
  const migrated = migrateToCurrent(input);
  if (!migrated.ok) return migrated;
  const parsed = scenarioSchema.safeParse(migrated.doc, { error: plainEnglish });
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map(issueToError) };
  return load(parsed.data);
}

function load(scenario: Scenario): ParseResult {
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

/** Subnets of the addressed interfaces that are not tunnels (LAN and WAN alike, shut or not). */
function connectedSubnets(config: RouterConfig): Subnet[] {
  return config.interfaces.flatMap((iface) => {
    if (iface.tunnel !== null || /^tunnel/i.test(iface.name) || iface.address === null) return [];
    const network = parseIpv4(iface.address.ip);
    const mask = parseIpv4(iface.address.mask);
    return network === null || mask === null ? [] : [{ network, mask }];
  });
}

function failure(error: ScenarioError): ParseResult {
  return { ok: false, errors: [error] };
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'unknown error';
}
