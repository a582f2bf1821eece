// Share links: a scenario in the URL hash, `#s=<lz-string>&c=<checksum>&t=<ms>&p=1&sel=<router>`,
// or a built-in one, `#preset=<id>&t=<ms>&p=1&sel=<router>`, either with `&view=<stage view>`.
// t is the cursor in ms, p=1 opens paused, sel names the router selected in the studio and view
// the view its stage shows (ladder or statechart; the topology without it); all are optional.
// c, the FNV-1a hash of the scenario's JSON, is always written and checked when present: without
// it one link in six with a character changed would still decode, to another scenario.
//
// linkHash.ts reads and writes `preset=` links and every link's t, p and sel without this module,
// which the browser loads only for a link, an address or a Share that carries a scenario.
//
// Decoding takes untrusted text: it never throws, its time is bounded by the caps below (checked
// before any work that could grow), it evaluates nothing (JSON.parse, then parseScenario), and
// every failure comes back as ScenarioErrors that say what is wrong.

import LZString from 'lz-string';
import { decompressBounded } from './boundedDecompress';
import { jsonErrorPosition, nestsDeeperThan, SCENARIO_JSON_MAX_DEPTH } from './jsonChecks';
import {
  type DecodedShareHash,
  decodeLinkHash,
  type LinkMoment,
  type LinkSource,
  linkFailure,
  momentParts,
  shown,
} from './linkHash';
import { migrateToCurrent } from './migrations';
import { parseScenario } from './parseScenario';
import { quote } from './scenarioErrors';
import { canonicalDocument } from './scenarioFile';
import type { ScenarioDocument } from './schema';

/** Longest scenario JSON a link may decompress to: 2 MiB of characters. */
export const LINK_JSON_MAX_CHARS = 2 * 1024 * 1024;
/** Deepest nesting of lists and objects a link's JSON may have: a file's. */
export const LINK_JSON_MAX_DEPTH = SCENARIO_JSON_MAX_DEPTH;
/**
 * Most lines of router startup-config a link may carry. The IOS parser takes 25 to 100 µs a line
 * (unknown commands are the dearest; long lines cost little more), so this keeps parseScenario of
 * a link to about 0.3 s, where 2 MiB of one-character lines would take minutes. Raise it when the
 * parser gets faster: dmvpn-scale (50 spokes) has 2,034 lines, dmvpnScenario(198) 7,954.
 */
export const LINK_CONFIG_LINES_MAX = 4000;

export interface ShareState extends LinkMoment {
  document: ScenarioDocument;
}

/**
 * `#s=<compressed canonical JSON>&c=<its checksum>`, then `&t=<ms>` and `&p=1` when given. A
 * document past the link caps above gives a link that decodeShareHash refuses: check with it, and
 * offer a file instead.
 */
export function encodeShareHash({ document, ...moment }: ShareState): string {
  const json = JSON.stringify(canonicalDocument(document, { omitDefaults: true }));
  const payload = LZString.compressToEncodedURIComponent(json);
  return `#s=${payload}&c=${checksum(json)}${momentParts(moment)}`;
}

/**
 * Reads a share hash, with or without its leading "#"; its parts may come in any order. An `s=`
 * scenario of an older version is migrated; one of a newer version gets the migration's error.
 * A `preset=` hash reads the preset from the library: load it first (presetIdOfHash).
 */
export function decodeShareHash(hash: string): DecodedShareHash {
  return decodeLinkHash(hash, readScenarioPart);
}

/** Decompresses, checks, parses and validates an `s=` payload (linkHash.ts ScenarioPartReader). */
export function readScenarioPart(
  payload: string,
  expectedChecksum: string | undefined,
): LinkSource {
  const decompressed = decompressBounded(payload, LINK_JSON_MAX_CHARS);
  if (!decompressed.ok) {
    switch (decompressed.reason) {
      case 'bad-character':
        return linkFailure(
          `the link is damaged: its scenario data has ${quote(decompressed.character)} at position ${decompressed.index}, a character no share link contains`,
        );
      case 'damaged':
        return linkFailure(
          'the link is cut short or damaged: the scenario data does not decompress',
        );
      case 'too-long':
        return linkFailure(
          `the link's scenario decompresses to more than ${LINK_JSON_MAX_CHARS} characters, the limit for a link; share it as a file instead`,
        );
    }
  }
  const { text } = decompressed;
  if (expectedChecksum !== undefined && !CHECKSUM.test(expectedChecksum)) {
    return linkFailure(`c=${shown(expectedChecksum)} is not a checksum: 8 hex digits`);
  }
  if (expectedChecksum !== undefined && checksum(text) !== expectedChecksum) {
    return linkFailure(
      "the link is damaged: its scenario data does not match the link's checksum (c=)",
    );
  }
  if (nestsDeeperThan(text, LINK_JSON_MAX_DEPTH)) {
    return linkFailure(
      `the link's scenario nests lists and objects more than ${LINK_JSON_MAX_DEPTH} deep; a scenario nests 4 deep`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return linkFailure(jsonErrorMessage(text));
  }
  const configLines = configLineCount(json);
  if (configLines > LINK_CONFIG_LINES_MAX) {
    return linkFailure(
      `the link's scenario has ${configLines} lines of router configuration; a link carries at most ${LINK_CONFIG_LINES_MAX}, so share it as a file instead`,
    );
  }
  const parsed = parseScenario(json);
  if (!parsed.ok) return parsed;
  const { scenario } = parsed.loaded;
  return { ok: true, document: scenario, durationMs: scenario.durationMs };
}

const CHECKSUM = /^[0-9a-f]{8}$/;

/** 32-bit FNV-1a over the UTF-16 code units, as 8 hex digits: catches damage, not forgery. */
function checksum(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The lines of the routers' startup-configs, as far as the document's shape can be read. */
function configLineCount(json: unknown): number {
  const migrated = migrateToCurrent(json);
  const nodes = migrated.ok ? fieldOf(migrated.doc, 'nodes') : undefined;
  if (!Array.isArray(nodes)) return 0;
  let lines = 0;
  for (const node of nodes) {
    const config = fieldOf(node, 'config');
    if (typeof config === 'string') lines += config.split('\n').length;
  }
  return lines;
}

function fieldOf(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** Where the JSON breaks; an end reached early means the link was cut short. */
function jsonErrorMessage(text: string): string {
  const position = jsonErrorPosition(text) ?? 0;
  const message = `the link's scenario is not valid JSON at position ${position}`;
  return position < text.length ? message : `${message}: it ends early, so the link is cut short`;
}
