// The parts of a share link that every first load reads, without the codec: `#preset=<id>` links
// (written and read here, synchronously), the moment parts t=, p=, sel=, view= and chart= of any link, and which
// links carry a compressed scenario (`s=`), whose reader (scenarioUrl.ts, with lz-string) loads on
// demand. The hash's grammar is in scenarioUrl.ts.
//
// Reading takes untrusted text: it never throws and its time is linear in the hash, capped at
// HASH_MAX_CHARS; every failure comes back as ScenarioErrors that say what is wrong.

import type { ChartMachineId } from '../sim/machines/chartLabels';
import { presetEntry } from './presets/catalog';
import { loadedPreset } from './presets/library';
import { quote } from './scenarioErrors';
import type { ScenarioDocument } from './schema';
import type { ScenarioError } from './types';

/** The path of errors about the link itself rather than a place in its scenario. */
export const LINK_PATH = '(link)';
/** Longest hash we read (the compressed scenario and the other parts): 200 kB. */
export const HASH_MAX_CHARS = 200_000;

/** What the studio's stage can show; `view=` names one, the topology when absent. */
export const STAGE_VIEWS = ['topology', 'ladder', 'statechart'] as const;
export type StageView = (typeof STAGE_VIEWS)[number];

/** The machines the statechart view can show; `chart=` names one, the IKE SA when absent. */
export const STAGE_CHARTS = [
  'ike',
  'ipsec',
  'liveness',
  'hsrp',
] as const satisfies readonly ChartMachineId[];
export type StageChart = (typeof STAGE_CHARTS)[number];

/** Where a link opens: the cursor, the pause, the selected router and the stage's view. */
export interface LinkMoment {
  /** The cursor; written rounded to whole ms, left out when absent or not finite. */
  atMs?: number;
  /** true writes p=1. */
  paused?: boolean;
  /** The selected router's id, written as sel=; left out when absent. */
  selected?: string;
  /** The stage's view, written as view= unless it is the topology. */
  view?: StageView;
  /** The statechart's machine, written as chart= on the statechart view unless it is the IKE SA. */
  chart?: StageChart;
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
      /** The chart= machine the statechart shows; the IKE SA without it. */
      chart: StageChart;
    }
  | { ok: false; errors: ScenarioError[] };

/** A link's scenario as read, with its duration (which t= must not pass). */
export type LinkSource =
  | { ok: true; document: ScenarioDocument; durationMs: number }
  | { ok: false; errors: ScenarioError[] };

/**
 * Reads the scenario of an `s=` part, with the checksum of its `c=` part when the link has one:
 * scenarioUrl.ts's, once loaded; null while it is not (the link then cannot be read).
 */
export type ScenarioPartReader = (payload: string, checksum: string | undefined) => LinkSource;

/** `#preset=<id>`, then `&t=<ms>`, `&p=1`, `&sel=<router>`, `&view=` and `&chart=` when given. */
export function encodePresetHash(id: string, moment: LinkMoment = {}): string {
  return `#preset=${encodeURIComponent(id)}${momentParts(moment)}`;
}

/** `&t=<ms>`, `&p=1`, `&sel=<router>`, `&view=` and `&chart=`, each when given; '' for none. */
export function momentParts({ atMs, paused, selected, view, chart }: LinkMoment): string {
  const t =
    atMs !== undefined && Number.isFinite(atMs) ? `&t=${Math.round(Math.max(0, atMs))}` : '';
  const sel = selected === undefined ? '' : `&sel=${encodeURIComponent(selected)}`;
  return `${t}${paused === true ? '&p=1' : ''}${sel}${viewPart(view, chart)}`;
}

/**
 * `&view=<view>` for a view other than the topology, else ''; on the statechart, then
 * `&chart=<machine>` for a machine other than the IKE SA.
 */
export function viewPart(view: StageView | undefined, chart?: StageChart): string {
  if (view === undefined || view === 'topology') return '';
  const chartPart =
    view === 'statechart' && chart !== undefined && chart !== 'ike' ? `&chart=${chart}` : '';
  return `&view=${view}${chartPart}`;
}

/**
 * The built-in preset a share hash names (`preset=<id>`), or null: the preset whose module must be
 * loaded (presets/library.ts) before the hash can be read.
 */
export function presetIdOfHash(hash: string): string | null {
  const text = withoutHashMark(hash);
  if (text.length > HASH_MAX_CHARS) return null;
  return splitHash(text, []).preset ?? null;
}

/** True when the hash carries a compressed scenario (`s=`): its reader must be loaded first. */
export function carriesScenario(hash: string): boolean {
  const text = withoutHashMark(hash);
  return text.length <= HASH_MAX_CHARS && splitHash(text, []).s !== undefined;
}

/**
 * True when two hashes name the same scenario, whatever their t=, p=, sel=, view= and chart= and the
 * order of their parts: the address bar is left alone then (a link opened at t=150000 keeps its t).
 */
export function sameScenarioHash(a: string, b: string): boolean {
  return scenarioKey(a) === scenarioKey(b);
}

function scenarioKey(hash: string): string {
  return withoutHashMark(hash)
    .split('&')
    .filter((part) => part !== '' && !/^(t|p|sel|view|chart)=/.test(part))
    .sort()
    .join('&');
}

/**
 * Reads a share hash, with or without its leading "#"; its parts may come in any order. A
 * `preset=` hash reads the preset from the library: load it first (presetIdOfHash). An `s=` hash
 * is read by `readScenarioPart`; without one (its module could not be loaded) it is an error
 * naming `missingReader`.
 */
export function decodeLinkHash(
  hash: string,
  readScenarioPart: ScenarioPartReader | null,
  missingReader = 'the code that reads shared scenarios is not loaded',
): DecodedShareHash {
  if (hash.length > HASH_MAX_CHARS) {
    return linkFailure(
      `the link is ${hash.length} characters long; the limit is ${HASH_MAX_CHARS}`,
    );
  }
  const errors: ScenarioError[] = [];
  const { s, c, preset, t, p, sel, view, chart } = splitHash(withoutHashMark(hash), errors);
  const source = readSource(s, c, preset, readScenarioPart, missingReader);
  if (!source.ok) errors.push(...source.errors);
  const atMs = typeof t === 'string' ? readTime(t, errors) : null;
  const paused = typeof p === 'string' ? readPaused(p, errors) : false;
  if (source.ok && atMs !== null && atMs > source.durationMs) {
    errors.push(
      linkError(`t=${atMs} is past the scenario's end (durationMs ${source.durationMs})`),
    );
  }
  const selected = source.ok && typeof sel === 'string' ? readSelected(sel, source, errors) : null;
  const stageView =
    typeof view === 'string' ? readName('view', STAGE_VIEWS, view, errors) : 'topology';
  const stageChart =
    typeof chart === 'string' ? readName('chart', STAGE_CHARTS, chart, errors) : 'ike';
  if (!source.ok || errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    document: source.document,
    presetId: preset ?? null,
    atMs,
    paused,
    selected,
    view: stageView,
    chart: stageChart,
  };
}

function withoutHashMark(hash: string): string {
  return hash.startsWith('#') ? hash.slice(1) : hash;
}

type Key = 's' | 'c' | 'preset' | 't' | 'p' | 'sel' | 'view' | 'chart';
const KEYS: readonly string[] = [
  's',
  'c',
  'preset',
  't',
  'p',
  'sel',
  'view',
  'chart',
] satisfies Key[];

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
          `${shown(key)}= is not part of a TunnelScope link, which has s= and c= (a scenario) or preset= (a built-in one), then t=, p=, sel=, view= and chart=`,
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

/** view= or chart=: one of `names`; the first of them (the default) when it is none. */
function readName<Name extends string>(
  key: string,
  names: readonly [Name, ...Name[]],
  text: string,
  errors: ScenarioError[],
): Name {
  const name = names.find((candidate) => candidate === text);
  if (name === undefined) {
    errors.push(linkError(`${key}=${shown(text)} must be ${names.join(', ')}`));
  }
  return name ?? names[0];
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

/**
 * The scenario of an `s=` (with its checksum `c=`, when given) or `preset=` part: exactly one of
 * them. A part that could not be read (null) has had its error already.
 */
function readSource(
  s: string | null | undefined,
  c: string | null | undefined,
  preset: string | null | undefined,
  readScenarioPart: ScenarioPartReader | null,
  missingReader: string,
): LinkSource {
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
  if (readScenarioPart === null) return linkFailure(missingReader);
  return readScenarioPart(s, c);
}

/** A part of the link quoted in a message: as is when short and printable, else quoted and cut. */
export function shown(text: string): string {
  return /^[\x21-\x7e]{0,40}$/.test(text) ? text : quote(text);
}

function linkError(message: string): ScenarioError {
  return { path: LINK_PATH, message };
}

/** A link that cannot be opened, for one reason. */
export function linkFailure(message: string): { ok: false; errors: ScenarioError[] } {
  return { ok: false, errors: [linkError(message)] };
}
