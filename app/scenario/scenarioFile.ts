// A scenario as a file, and the canonical form that files and share links write: the same
// document always gives the same text. Reading goes through parseScenarioText, the one way in.

import { DOCUMENT_MAX_CHARS, parseScenarioText } from './parseScenario';
import type { ScenarioDocument } from './schema';
import { DOCUMENT_DEFAULTS, type ParseResult } from './types';

/**
 * Largest scenario file read, in bytes: DOCUMENT_MAX_CHARS characters take at most 4 bytes each in
 * UTF-8. Checked before the file is read.
 */
export const SCENARIO_FILE_MAX_BYTES = 4 * DOCUMENT_MAX_CHARS;

type NodeDocument = ScenarioDocument['nodes'][number];
type LinkDocument = ScenarioDocument['links'][number];
type FlowDocument = NonNullable<ScenarioDocument['traffic']>[number];
type EntryDocument = NonNullable<ScenarioDocument['timeline']>[number];

export interface CanonicalOptions {
  /**
   * Leave out what the schema would fill in anyway: bootMs, dpdSupport, saInstallDelayMs and
   * sizeBytes equal to DOCUMENT_DEFAULTS, and an empty traffic or timeline list. The parsed
   * scenario is the same.
   */
  omitDefaults: boolean;
}

/**
 * The document with its keys in one fixed order: header first, then nodes, links, traffic and
 * timeline; in each item its id and kind before its values, and a router's config (the long part)
 * last. Keys that the schema does not know are not carried. Lists keep their order.
 */
export function canonicalDocument(
  document: ScenarioDocument,
  { omitDefaults }: CanonicalOptions,
): ScenarioDocument {
  const keep = <T>(value: T | undefined, schemaDefault: T): value is T =>
    value !== undefined && !(omitDefaults && value === schemaDefault);
  const node = (item: NodeDocument): NodeDocument => {
    if (item.kind === 'cloud') return { id: item.id, kind: item.kind, x: item.x, y: item.y };
    return {
      id: item.id,
      kind: item.kind,
      x: item.x,
      y: item.y,
      ...(keep(item.bootMs, DOCUMENT_DEFAULTS.bootMs) ? { bootMs: item.bootMs } : {}),
      ...(keep(item.dpdSupport, DOCUMENT_DEFAULTS.dpdSupport)
        ? { dpdSupport: item.dpdSupport }
        : {}),
      ...(keep(item.saInstallDelayMs, DOCUMENT_DEFAULTS.saInstallDelayMs)
        ? { saInstallDelayMs: item.saInstallDelayMs }
        : {}),
      config: item.config,
    };
  };
  const link = (item: LinkDocument): LinkDocument => ({
    id: item.id,
    a: item.a,
    b: item.b,
    latencyMs: item.latencyMs,
  });
  const flow = (item: FlowDocument): FlowDocument =>
    item.kind === 'ping'
      ? {
          id: item.id,
          kind: item.kind,
          src: item.src,
          dst: item.dst,
          everyMs: item.everyMs,
          startMs: item.startMs,
          ...(item.stopMs === undefined ? {} : { stopMs: item.stopMs }),
          ...(keep(item.sizeBytes, DOCUMENT_DEFAULTS.sizeBytes)
            ? { sizeBytes: item.sizeBytes }
            : {}),
          ...(item.repeat === undefined ? {} : { repeat: item.repeat }),
        }
      : {
          id: item.id,
          kind: item.kind,
          from: item.from,
          src: item.src,
          ...(item.claimedSrc === undefined ? {} : { claimedSrc: item.claimedSrc }),
          dst: item.dst,
          everyMs: item.everyMs,
          startMs: item.startMs,
          ...(item.stopMs === undefined ? {} : { stopMs: item.stopMs }),
        };
  const keepList = <T>(list: readonly T[] | undefined): list is readonly T[] =>
    list !== undefined && !(omitDefaults && list.length === 0);
  const { traffic, timeline } = document;
  return {
    format: document.format,
    version: document.version,
    title: document.title,
    ...(document.description === undefined ? {} : { description: document.description }),
    seed: document.seed,
    durationMs: document.durationMs,
    nodes: document.nodes.map(node),
    links: document.links.map(link),
    ...(keepList(traffic) ? { traffic: traffic.map(flow) } : {}),
    ...(keepList(timeline) ? { timeline: timeline.map(canonicalEntry) } : {}),
  };
}

/** A timeline entry as `atMs, action`, then the fields of that action in schema order. */
function canonicalEntry(entry: EntryDocument): EntryDocument {
  const { atMs } = entry;
  switch (entry.action) {
    case 'reload':
      return { atMs, action: entry.action, node: entry.node };
    case 'link-down':
    case 'link-up':
      return { atMs, action: entry.action, link: entry.link };
    case 'config':
      return { atMs, action: entry.action, node: entry.node, lines: [...entry.lines] };
    case 'exec':
      return { atMs, action: entry.action, node: entry.node, command: entry.command };
    case 'traffic':
      return { atMs, action: entry.action, flow: entry.flow, state: entry.state };
  }
}

/**
 * The document as a file: canonical key order, every field it states (defaults included),
 * indented by two spaces, with a trailing newline.
 */
export function scenarioToFileText(document: ScenarioDocument): string {
  return `${JSON.stringify(canonicalDocument(document, { omitDefaults: false }), null, 2)}\n`;
}

/** Reads a scenario file: exactly parseScenarioText. */
export function scenarioFromFileText(text: string): ParseResult {
  return parseScenarioText(text);
}
