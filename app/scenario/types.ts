// The scenario document, format "tunnelscope/scenario" version 1: what a URL, a file and the
// headless runner carry. parseScenario (app/scenario/parseScenario.ts) is the only way in for
// what comes from outside; loadScenarioDocument (loadScenario.ts) loads the app's own documents.

import type { RouterConfig } from '../ios/types';

export const SCENARIO_FORMAT = 'tunnelscope/scenario';
export const SCENARIO_VERSION = 1;

/** The values a document may leave out, and what they then are (schema.ts, loadScenario.ts). */
export const DOCUMENT_DEFAULTS = {
  bootMs: 30_000,
  dpdSupport: true,
  saInstallDelayMs: 0,
  sizeBytes: 100,
} as const;

export interface RouterNode {
  id: string;
  kind: 'router';
  x: number;
  y: number;
  /** Time from power-on to a running IOS after a reload; default 30000. */
  bootMs: number;
  /** The startup-config, as IOS text. */
  config: string;
  /**
   * false for an old IOS image that does not advertise the DPD vendor ID: `crypto isakmp
   * keepalive` then runs legacy IOS keepalives with this peer. Default true.
   */
  dpdSupport: boolean;
  /**
   * Simulation property, not an IOS command ([I], simplified): how long this router's crypto
   * engine takes to program an inbound SA after IKE installed it. Meanwhile ESP for that SPI is
   * dropped as an invalid SPI, without a DELETE notify: the rekey race of ios-behavior.md 1.1.
   * Whole ms, 0..10000; default 0 (at once).
   */
  saInstallDelayMs: number;
}

export interface CloudNode {
  id: string;
  kind: 'cloud';
  x: number;
  y: number;
}

export type ScenarioNode = RouterNode | CloudNode;

export interface Link {
  id: string;
  a: string;
  b: string;
  /** One-way latency across the link. */
  latencyMs: number;
}

export interface PingFlow {
  id: string;
  kind: 'ping';
  src: string;
  dst: string;
  everyMs: number;
  startMs: number;
  /** Optional end of the flow; absent = until the scenario ends. */
  stopMs?: number;
  /** Payload size in bytes (IOS ping default 100). */
  sizeBytes: number;
  /**
   * A router's `ping … repeat N`: N echoes, one at a time, as IOS sends them: the next leaves
   * when the previous one is answered (but not sooner than everyMs after it) or has timed out
   * (2 s); then the flow stops. Absent: one echo every everyMs, answered or not.
   */
  repeat?: number;
}

/**
 * A scanner: a host that sends ESP with a random SPI (drawn from the scenario's seeded generator,
 * one per packet) to a router's address, as an attacker probing for IPsec endpoints would. Its
 * packets enter the network at `from` and carry `claimedSrc` as their source: the scanner's own
 * address, or a spoofed one (a configured peer's). Nothing answers it: it sends and forgets.
 */
export interface EspScanFlow {
  id: string;
  kind: 'esp-scan';
  /** The node (a cloud, or a router's outside) where the scanner's packets enter the network. */
  from: string;
  /** The scanner's own address. */
  src: string;
  /** The source address its packets carry; absent = src (no spoofing). */
  claimedSrc?: string;
  /** The router address it sends to. */
  dst: string;
  everyMs: number;
  startMs: number;
  /** Optional end of the flow; absent = until the scenario ends. */
  stopMs?: number;
}

export type TrafficFlow = PingFlow | EspScanFlow;

export type TimelineEntry =
  | { atMs: number; action: 'reload'; node: string }
  | { atMs: number; action: 'link-down'; link: string }
  | { atMs: number; action: 'link-up'; link: string }
  | { atMs: number; action: 'config'; node: string; lines: string[] }
  | { atMs: number; action: 'exec'; node: string; command: ExecCommand }
  | { atMs: number; action: 'traffic'; flow: string; state: 'start' | 'stop' };

/** `clear crypto session remote A.B.C.D`: one peer's session. */
export type ClearSessionRemote = `clear crypto session remote ${string}`;
export type ExecCommand =
  | 'clear crypto sa'
  | 'clear crypto isakmp'
  | 'clear crypto session'
  | ClearSessionRemote
  | 'write memory';
/** The exec commands without an argument. */
export const EXEC_COMMANDS = [
  'clear crypto sa',
  'clear crypto isakmp',
  'clear crypto session',
  'write memory',
] as const satisfies readonly ExecCommand[];

export interface Scenario {
  format: typeof SCENARIO_FORMAT;
  version: typeof SCENARIO_VERSION;
  title: string;
  description?: string;
  seed: number;
  durationMs: number;
  nodes: ScenarioNode[];
  links: Link[];
  traffic: TrafficFlow[];
  timeline: TimelineEntry[];
}

/** A line of a router's startup-config, and what to tell the user about it. */
export interface ConfigLineNote {
  /** 1-based line number in the config text. */
  line: number;
  /** The line as written. */
  text: string;
  message: string;
}

/** A scenario whose router configs are parsed: what the engine runs. */
export interface LoadedScenario {
  scenario: Scenario;
  /** Parsed startup-config of each router, by node id. */
  startupConfigs: Record<string, RouterConfig>;
  /** Lines kept but not simulated, per router (shown to the user, never dropped silently). */
  notSimulated: Record<string, ConfigLineNote[]>;
  /**
   * Lines that run but are likely mistakes, per router, in line order: an address another
   * router also has, a subnet overlapping another router's (addressWarnings.ts), a crypto map
   * entry that protects nothing (cryptoMapWarnings.ts).
   */
  warnings: Record<string, ConfigLineNote[]>;
}

export interface ScenarioError {
  /** Where: a JSON path like "nodes[0].config" or "nodes[0].config line 12". */
  path: string;
  message: string;
}

export type ParseResult =
  | { ok: true; loaded: LoadedScenario }
  | { ok: false; errors: ScenarioError[] };
