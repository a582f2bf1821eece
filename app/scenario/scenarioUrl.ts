// Share links: a scenario in the URL hash, `#s=<lz-string>&c=<checksum>&t=<ms>&p=1&sel=<router>`,
// or a built-in one, `#preset=<id>&t=<ms>&p=1&sel=<router>`, either with `&view=<stage view>`.
// t is the cursor in ms, p=1 opens paused, sel names the router selected in the studio and view
// the view its stage shows (ladder or statechart; the topology without it); all are optional. c, the FNV-1a hash of the scenario's JSON, is always written and checked when present:
// without it one link in six with a character changed would still decode, to another scenario.
//
// Decoding takes untrusted text: it never throws, its time is bounded by the caps below (checked
// before any work that could grow), it evaluates nothing (JSON.parse, then parseScenario), and
// every failure comes back as ScenarioErrors that say what is wrong.

import LZString from 'lz-string';
import { decompressBounded } from './boundedDecompress';
import { jsonErrorPosition, nestsDeeperThan, SCENARIO_JSON_MAX_DEPTH } from './jsonChecks';
import { migrateToCurrent } from './migrations';
import { parseScenario } from './parseScenario';
import { presetEntry } from './presets/catalog';
import { loadedPreset } from './presets/library';
import { quote } from './scenarioErrors';
import { canonicalDocument } from './scenarioFile';
import type { ScenarioDocument } from './schema';
import type { ScenarioError } from './types';

/** The path of errors about the link itself rather than a place in its scenario. */
export const LINK_PATH = '(link)';
/** Longest hash we read (the compressed scenario and the other parts): 200 kB. */
export const HASH_MAX_CHARS = 200_000;
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

/** What the studio's stage can show; `view=` names one, the topology when absent. */
export const STAGE_VIEWS = ['topology', 'ladder', 'statechart'] as const;
export type StageView = (typeof STAGE_VIEWS)[number];

export interface ShareState {
  document: ScenarioDocument;
  /** The cursor; written rounded to whole ms, left out when absent or not finite. */
  atMs?: number;
  /** true writes p=1. */
  paused?: boolean;
  /** The selected router's id, written as sel=; left out when absent. */
  selected?: string;
  /** The stage's view, written as view= unless it is the topology. */
  view?: StageView;
}

export type DecodedShareHash =
  | {
      ok: true;
      /** For `s=`: the parsed scenario (defaults filled in); for `preset=`: the preset's own. */
      document: ScenarioDocument;
      /** The preset's id for `preset=`, else null. */
      presetId: string | null;
      atMs: number | null;
      paused: boolean;
      /** The router sel= selects (one of the scenario's routers), else null. */
      selected: string | null;
      /** The view= the stage opens on; the topology without it. */
      view: StageView;
    }
  | { ok: false; errors: ScenarioError[] };

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

/** `#preset=<id>`, then `&t=<ms>`, `&p=1` and `&sel=<router>` when given. */
export function encodePresetHash(id: string, moment: Omit<ShareState, 'document'> = {}): string {
  return `#preset=${encodeURIComponent(id)}${momentParts(moment)}`;
}

function momentParts({ atMs, paused, selected, view }: Omit<ShareState, 'document'>): string {
  const t =
    atMs !== undefined && Number.isFinite(atMs) ? `&t=${Math.round(Math.max(0, atMs))}` : '';
  const sel = selected === undefined ? '' : `&sel=${encodeURIComponent(selected)}`;
  return `${t}${paused === true ? '&p=1' : ''}${sel}${viewPart(view)}`;
}

/** `&view=<view>` for a view other than the topology, else ''. */
export function viewPart(view: StageView | undefined): string {
  return view === undefined || view === 'topology' ? '' : `&view=${view}`;
}

/**
 * Reads a share hash, with or without its leading "#"; its parts may come in any order. An `s=`
 * scenario of an older version is migrated; one of a newer version gets the migration's error.
 * A `preset=` hash reads the preset from the library: load it first (presetIdOfHash).
 */
export function decodeShareHash(hash: string): DecodedShareHash {
  if (hash.length > HASH_MAX_CHARS) {
    return linkFailure(
      `the link is ${hash.length} characters long; the limit is ${HASH_MAX_CHARS}`,
    );
  }
  const errors: ScenarioError[] = [];
  const { s, c, preset, t, p, sel, view } = splitHash(
    hash.startsWith('#') ? hash.slice(1) : hash,
    errors,
  );
  const source = readSource(s, c, preset);
  if (!source.ok) errors.push(...source.errors);
  const atMs = typeof t === 'string' ? readTime(t, errors) : null;
  const paused = typeof p === 'string' ? readPaused(p, errors) : false;
  if (source.ok && atMs !== null && atMs > source.durationMs) {
    errors.push(
      linkError(`t=${atMs} is past the scenario's end (durationMs ${source.durationMs})`),
    );
  }
  const selected = source.ok && typeof sel === 'string' ? readSelected(sel, source, errors) : null;
  const stageView = typeof view === 'string' ? readView(view, errors) : 'topology';
  if (!source.ok || errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    document: source.document,
    presetId: preset ?? null,
    atMs,
    paused,
    selected,
    view: stageView,
  };
}

/**
 * The built-in preset a share hash names (`preset=<id>`), or null: the preset whose module must be
 * loaded (presets/library.ts) before decodeShareHash can read the hash.
 */
export function presetIdOfHash(hash: string): string | null {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text.length > HASH_MAX_CHARS) return null;
  return splitHash(text, []).preset ?? null;
}

type Key = 's' | 'c' | 'preset' | 't' | 'p' | 'sel' | 'view';
const KEYS: readonly string[] = ['s', 'c', 'preset', 't', 'p', 'sel', 'view'] satisfies Key[];

/**
 * The hash's `key=value` parts, percent-decoded; null for a part whose %-escape is broken. An
 * unknown, repeated or broken part adds an error and the others are still read.
 */
function splitHash(text: string, errors: ScenarioError[]): Partial<Record<Key, string | null>> {
  const values: Partial<Record<Key, string | null>> = {};
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq === -1 ? part : part.slice(0, eq);
    if (!isKey(key)) {
      errors.push(
        linkError(
          `${shown(key)}= is not part of a TunnelScope link, which has s= and c= (a scenario) or preset= (a built-in one), then t=, p=, sel= and view=`,
        ),
      );
    } else if (values[key] !== undefined) {
      errors.push(linkError(`${key}= appears more than once`));
    } else {
      values[key] = percentDecoded(eq === -1 ? '' : part.slice(eq + 1));
      if (values[key] === null) errors.push(linkError(`${key}= has a broken %-escape`));
    }
  }
  return values;
}

function isKey(key: string): key is Key {
  return KEYS.includes(key);
}

function percentDecoded(text: string): string | null {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** t: whole milliseconds. */
function readTime(text: string, errors: ScenarioError[]): number | null {
  const ms = /^\d{1,15}$/.test(text) ? Number(text) : null;
  if (ms === null) errors.push(linkError(`t=${shown(text)} is not a time in ms`));
  return ms;
}

/** p: 1 opens paused, 0 playing. */
function readPaused(text: string, errors: ScenarioError[]): boolean {
  if (text !== '0' && text !== '1') {
    errors.push(linkError(`p=${shown(text)} must be 1 (paused) or 0 (playing)`));
  }
  return text === '1';
}

/** view: one of STAGE_VIEWS. */
function readView(text: string, errors: ScenarioError[]): StageView {
  const view = STAGE_VIEWS.find((name) => name === text);
  if (view === undefined) {
    errors.push(linkError(`view=${shown(text)} must be ${STAGE_VIEWS.join(', ')}`));
  }
  return view ?? 'topology';
}

/** sel: the id of one of the scenario's routers. */
function readSelected(
  text: string,
  source: { document: ScenarioDocument },
  errors: ScenarioError[],
): string | null {
  const routers = source.document.nodes.filter((n) => n.kind === 'router').map((n) => n.id);
  if (routers.includes(text)) return text;
  const listed = routers.length > 6 ? `${routers.slice(0, 6).join(', ')}…` : routers.join(', ');
  errors.push(
    linkError(`sel=${shown(text)} names no router of this scenario (its routers: ${listed})`),
  );
  return null;
}

type Source =
  | { ok: true; document: ScenarioDocument; durationMs: number }
  | { ok: false; errors: ScenarioError[] };

/**
 * The scenario of an `s=` (with its checksum `c=`, when given) or `preset=` part: exactly one of
 * them. A part that could not be read (null) has had its error already.
 */
function readSource(
  s: string | null | undefined,
  c: string | null | undefined,
  preset: string | null | undefined,
): Source {
  if (s !== undefined && preset !== undefined) {
    return linkFailure('the link has both s= and preset=; it carries one scenario');
  }
  if (s === null || c === null || preset === null) return { ok: false, errors: [] };
  if (preset !== undefined) {
    if (c !== undefined)
      return linkFailure('c= is the checksum of an s= scenario, not of a preset');
    if (presetEntry(preset) === undefined)
      return linkFailure(`no built-in scenario is called ${quote(preset)}`);
    const found = loadedPreset(preset);
    if (found === undefined)
      return linkFailure(`the built-in scenario ${quote(preset)} could not be loaded`);
    return { ok: true, document: found.document, durationMs: found.document.durationMs };
  }
  if (s === undefined) {
    return linkFailure('the link has no scenario: it needs s=<scenario> or preset=<id>');
  }
  return readScenario(s, c);
}

/** Decompresses, checks, parses and validates an `s=` payload. */
function readScenario(payload: string, expectedChecksum: string | undefined): Source {
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

/** A part of the link quoted in a message: as is when short and printable, else quoted and cut. */
function shown(text: string): string {
  return /^[\x21-\x7e]{0,40}$/.test(text) ? text : quote(text);
}

function linkError(message: string): ScenarioError {
  return { path: LINK_PATH, message };
}

function linkFailure(message: string): { ok: false; errors: ScenarioError[] } {
  return { ok: false, errors: [linkError(message)] };
}
