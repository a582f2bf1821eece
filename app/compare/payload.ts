// The compare link: what `#compare=<payload>` carries, read defensively (any string in, a spec
// or one clear sentence out) and written canonically. Pure.
//
// Two forms, fields separated by "~" (unreserved in URLs, so it survives copy and paste):
//
//   <preset>~<router>~<feature>~<A>~<B>   one feature of one router, two values
//     reload-black-hole~R2~invalid-spi-recovery~off~on
//     dpd-idle-on-demand~R1~keepalive~on-demand~periodic
//     idle-timer~R1~idle-time~120~off
//   <presetA>~<presetB>                   two crypto configurations, same story
//     reload-invalid-spi-recovery~dynamic-map-hub-reload
//
// Feature values:
//   invalid-spi-recovery   off | on
//   keepalive (or dpd)     off | on-demand | periodic   (60 s, retry 2 s, as in the presets),
//                          or with timers: on-demand-30-5, periodic-10-2 (seconds 10-3600,
//                          retry 2-60, IOS's ranges)
//   idle-time              off | <seconds> (60-86400, IOS's range)

import type { FeatureChange } from '../scenario/features';
import { findPreset, PRESETS } from '../scenario/presets';

/** Feature names as the link spells them, and the FeatureChange each one edits. */
export const COMPARE_FEATURES = ['invalid-spi-recovery', 'keepalive', 'idle-time'] as const;
export type CompareFeature = (typeof COMPARE_FEATURES)[number];

const FEATURE_ALIASES: ReadonlyMap<string, CompareFeature> = new Map([
  ['invalid-spi-recovery', 'invalid-spi-recovery'],
  ['keepalive', 'keepalive'],
  ['dpd', 'keepalive'],
  ['idle-time', 'idle-time'],
]);

export type CompareSpec =
  | {
      kind: 'feature';
      /** Preset id of the base scenario. */
      base: string;
      router: string;
      /** Same `feature` on both sides, different values. */
      a: FeatureChange;
      b: FeatureChange;
    }
  | { kind: 'preset'; a: string; b: string };

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** Longer payloads are refused before any work: no real link comes close. */
export const PAYLOAD_MAX_CHARS = 300;

export const PAYLOAD_FORMS =
  '<scenario>~<router>~<feature>~<A>~<B> (e.g. reload-black-hole~R2~invalid-spi-recovery~off~on) or <scenarioA>~<scenarioB>';

export const DEFAULT_KEEPALIVE = { seconds: 60, retrySec: 2 } as const;
const KEEPALIVE_SECONDS = { min: 10, max: 3600 };
const KEEPALIVE_RETRY = { min: 2, max: 60 };
export const IDLE_TIME_SECONDS = { min: 60, max: 86_400 };

export function featureOf(change: FeatureChange): CompareFeature {
  switch (change.feature) {
    case 'invalidSpiRecovery':
      return 'invalid-spi-recovery';
    case 'keepalive':
      return 'keepalive';
    case 'idleTime':
      return 'idle-time';
  }
}

/** The link spelling of a value: `on`, `periodic`, `on-demand-30-5`, `120`, `off`. */
export function formatFeatureValue(change: FeatureChange): string {
  switch (change.feature) {
    case 'invalidSpiRecovery':
      return change.on ? 'on' : 'off';
    case 'keepalive': {
      const k = change.value;
      if (k === null) return 'off';
      const defaults =
        k.seconds === DEFAULT_KEEPALIVE.seconds && k.retrySec === DEFAULT_KEEPALIVE.retrySec;
      return defaults ? k.mode : `${k.mode}-${k.seconds}-${k.retrySec}`;
    }
    case 'idleTime':
      return change.seconds === null ? 'off' : String(change.seconds);
  }
}

/** Reads one value of a feature, e.g. ('keepalive', 'periodic-10-2'). */
export function parseFeatureValue(feature: CompareFeature, text: string): Parsed<FeatureChange> {
  const value = text.trim().toLowerCase();
  const refuse = (use: string): Parsed<FeatureChange> => ({
    ok: false,
    error: `"${text}" is not a value of ${feature}: use ${use}`,
  });
  switch (feature) {
    case 'invalid-spi-recovery':
      if (value === 'on' || value === 'off')
        return { ok: true, value: { feature: 'invalidSpiRecovery', on: value === 'on' } };
      return refuse('on or off');
    case 'keepalive': {
      if (value === 'off') return { ok: true, value: { feature: 'keepalive', value: null } };
      const match = /^(on-demand|periodic)(?:-(\d{1,4})-(\d{1,2}))?$/.exec(value);
      const use = 'off, on-demand or periodic (60 s, retry 2 s), or e.g. periodic-10-2';
      if (!match) return refuse(use);
      const mode = match[1] === 'periodic' ? 'periodic' : 'on-demand';
      const seconds = match[2] === undefined ? DEFAULT_KEEPALIVE.seconds : Number(match[2]);
      const retrySec = match[3] === undefined ? DEFAULT_KEEPALIVE.retrySec : Number(match[3]);
      if (seconds < KEEPALIVE_SECONDS.min || seconds > KEEPALIVE_SECONDS.max)
        return {
          ok: false,
          error: `DPD interval ${seconds} s is outside IOS's range ${KEEPALIVE_SECONDS.min}-${KEEPALIVE_SECONDS.max} s`,
        };
      if (retrySec < KEEPALIVE_RETRY.min || retrySec > KEEPALIVE_RETRY.max)
        return {
          ok: false,
          error: `DPD retry interval ${retrySec} s is outside IOS's range ${KEEPALIVE_RETRY.min}-${KEEPALIVE_RETRY.max} s`,
        };
      return { ok: true, value: { feature: 'keepalive', value: { seconds, retrySec, mode } } };
    }
    case 'idle-time': {
      if (value === 'off') return { ok: true, value: { feature: 'idleTime', seconds: null } };
      if (!/^\d{1,6}$/.test(value)) return refuse('off or a number of seconds, e.g. 120');
      const seconds = Number(value);
      if (seconds < IDLE_TIME_SECONDS.min || seconds > IDLE_TIME_SECONDS.max)
        return {
          ok: false,
          error: `idle-time ${seconds} s is outside IOS's range ${IDLE_TIME_SECONDS.min}-${IDLE_TIME_SECONDS.max} s`,
        };
      return { ok: true, value: { feature: 'idleTime', seconds } };
    }
  }
}

function presetError(id: string): string {
  const known = PRESETS.map((p) => p.id).join(', ');
  return `"${id}" is not a built-in scenario; the scenarios are ${known}`;
}

function decode(payload: string): Parsed<string> {
  try {
    return { ok: true, value: decodeURIComponent(payload) };
  } catch {
    return { ok: false, error: 'The compare link is not valid URL encoding (a stray "%"?)' };
  }
}

/**
 * Reads the text after `#compare=`. Never throws; every refusal is one sentence that says what
 * was expected, e.g. `"R9" is not a router of reload-black-hole; its routers are R1, R2`.
 */
export function parseComparePayload(payload: string): Parsed<CompareSpec> {
  if (payload.length > PAYLOAD_MAX_CHARS)
    return {
      ok: false,
      error: `The compare link is ${payload.length} characters long; at most ${PAYLOAD_MAX_CHARS} are read`,
    };
  const decoded = decode(payload.trim());
  if (!decoded.ok) return decoded;
  const text = decoded.value.trim();
  if (text === '')
    return { ok: false, error: `The compare link is empty: expected ${PAYLOAD_FORMS}` };
  const fields = text.split('~').map((field) => field.trim());
  if (fields.some((field) => field === ''))
    return {
      ok: false,
      error: `The compare link "${text}" has an empty field: expected ${PAYLOAD_FORMS}`,
    };
  if (fields.length === 2) return parsePresetPair(fields[0] as string, fields[1] as string);
  if (fields.length === 5)
    return parseFeatureSpec(fields as [string, string, string, string, string]);
  return {
    ok: false,
    error: `The compare link "${text}" has ${fields.length} field${fields.length === 1 ? '' : 's'}; expected ${PAYLOAD_FORMS}`,
  };
}

function parsePresetPair(a: string, b: string): Parsed<CompareSpec> {
  for (const id of [a, b]) if (!findPreset(id)) return { ok: false, error: presetError(id) };
  if (a === b)
    return { ok: false, error: `Both sides are "${a}": choose two different scenarios to compare` };
  return { ok: true, value: { kind: 'preset', a, b } };
}

function parseFeatureSpec([base, router, featureText, aText, bText]: [
  string,
  string,
  string,
  string,
  string,
]): Parsed<CompareSpec> {
  const preset = findPreset(base);
  if (!preset) return { ok: false, error: presetError(base) };
  const routers = (preset.document.nodes ?? []).filter((n) => n.kind === 'router').map((n) => n.id);
  if (!routers.includes(router))
    return {
      ok: false,
      error: `"${router}" is not a router of ${base}; its routers are ${routers.join(', ')}`,
    };
  const feature = FEATURE_ALIASES.get(featureText.toLowerCase());
  if (!feature)
    return {
      ok: false,
      error: `"${featureText}" is not a feature to compare; use invalid-spi-recovery, keepalive (DPD) or idle-time`,
    };
  const a = parseFeatureValue(feature, aText);
  if (!a.ok) return { ok: false, error: `A: ${a.error}` };
  const b = parseFeatureValue(feature, bText);
  if (!b.ok) return { ok: false, error: `B: ${b.error}` };
  if (formatFeatureValue(a.value) === formatFeatureValue(b.value))
    return {
      ok: false,
      error: `A and B are both "${formatFeatureValue(a.value)}": choose two different values of ${feature}`,
    };
  return { ok: true, value: { kind: 'feature', base, router, a: a.value, b: b.value } };
}

/** The canonical payload of a spec (parseComparePayload(formatComparePayload(s)) gives s). */
export function formatComparePayload(spec: CompareSpec): string {
  if (spec.kind === 'preset') return `${spec.a}~${spec.b}`;
  return [
    spec.base,
    spec.router,
    featureOf(spec.a),
    formatFeatureValue(spec.a),
    formatFeatureValue(spec.b),
  ].join('~');
}
