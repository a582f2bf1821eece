// What the address bar's hash asks the app to show, as a route. Pure: reading a hash never touches
// the store or the DOM (routeStore.ts applies a route; useHashRoute.ts follows the address bar).
//
//   (empty)               the default preset, from the start, paused
//   #preset=<id>…         a built-in scenario   } with optional &t=<ms>, &p=1, &sel=<router> and
//                                               }  &view=ladder|statechart,
//   #s=<data>&c=…         a shared scenario     } read by decodeLinkHash (scenario/linkHash.ts)
//   #lesson=<id>&step=N   a lesson at step N    } (1-based, step 1 without it; the player
//                                               }  checks N against the lesson's length)
//   #lessons              the lesson library    } passed through: other screens own them
//   #compare=<payload>    a comparison          }
//   anything else         an error route: what is wrong, and the default preset to show behind it
//
// Built-in presets are read from the library of loaded ones: load presetsOfHash(hash) first. A
// shared scenario (`s=`) is read by the link codec: load it first too (loadLinkCodecFor(hash)).

import {
  type DecodedShareHash,
  decodeLinkHash,
  presetIdOfHash,
  type StageChart,
  type StageView,
} from '../scenario/linkHash';
import { DEFAULT_PRESET_ID } from '../scenario/presets/catalog';
import { loadedPreset } from '../scenario/presets/library';
import type { ScenarioDocument } from '../scenario/schema';
import type { ScenarioError } from '../scenario/types';
import { missingReaderMessage, scenarioPartReader } from './linkCodecStore';

/** A scenario to show, and the moment it opens at. */
export interface ScenarioRoute {
  kind: 'scenario';
  document: ScenarioDocument;
  /** The built-in preset's id for `#preset=` (and the empty hash), null for `#s=`. */
  presetId: string | null;
  /** Where the cursor opens, in virtual ms. */
  atMs: number;
  /** Opens paused (true) or playing. */
  paused: boolean;
  /** The router it opens with selected, or null. */
  selected: string | null;
  /** What the stage shows: the topology, the ladder or the statechart. */
  view: StageView;
  /** The machine the statechart shows. */
  chart: StageChart;
}

/** A lesson, and the step its link opens at. */
export interface LessonRoute {
  kind: 'lesson';
  id: string;
  /**
   * 1-based, as the player numbers steps ("Step 3 of 9"): a positive whole number, not yet
   * checked against the lesson's length (the player clamps it). 1 when the link names no step or
   * a bad one.
   */
  step: number;
  /** Why the link's step was not used (it opens at step 1 then), as a sentence; or null. */
  stepError: string | null;
}

export type HashRoute =
  | ScenarioRoute
  | LessonRoute
  | { kind: 'lessons' }
  | { kind: 'compare'; payload: string }
  | { kind: 'error'; errors: ScenarioError[]; fallback: ScenarioRoute };

/**
 * A built-in preset from its start, paused: what the empty hash and picking a preset show. Null
 * for a preset not loaded (or not built in).
 */
export function presetRoute(id: string): ScenarioRoute | null {
  const preset = loadedPreset(id);
  return preset
    ? {
        kind: 'scenario',
        document: preset.document,
        presetId: id,
        atMs: 0,
        paused: true,
        selected: null,
        view: 'topology',
        chart: 'ike',
      }
    : null;
}

/** The default preset (DEFAULT_PRESET_ID) at 0, paused. It must be loaded (presetsOfHash). */
export function defaultRoute(): ScenarioRoute {
  const route = presetRoute(DEFAULT_PRESET_ID);
  if (!route) throw new Error(`the default preset ${DEFAULT_PRESET_ID} is not loaded`);
  return route;
}

/**
 * The presets routeFromHash(hash) reads, to load before it: the one a `#preset=` link names, and
 * the default (the empty hash's, and the one shown behind a link that cannot be opened).
 */
export function presetsOfHash(hash: string): string[] {
  const named = presetIdOfHash(hash);
  return named === null ? [DEFAULT_PRESET_ID] : [DEFAULT_PRESET_ID, named];
}

/**
 * The route of a location.hash (with or without its "#"). Never throws once presetsOfHash(hash)
 * and, for a shared scenario, the link codec are loaded; a bad link gives an error route whose errors each name a path and what is wrong
 * there.
 */
export function routeFromHash(hash: string): HashRoute {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text === '') return defaultRoute();
  const match = /^(lesson|lessons|compare)(?:=(.*)|&.*|)$/s.exec(text);
  // The value after "name=", up to the end (compare: its payload is theirs to read, as is).
  const [, screen, value = ''] = match ?? [];
  switch (screen) {
    case 'lesson':
      return lessonRouteOf(value);
    case 'lessons':
      return { kind: 'lessons' };
    case 'compare':
      return { kind: 'compare', payload: value };
    default:
      return scenarioRouteOf(decodeLinkHash(text, scenarioPartReader(), missingReaderMessage()));
  }
}

/**
 * A decoded share link as a route. The moment it opens at: t= when the link has one, playing
 * unless p=1, as the sender saw it. A link without t= (a bare `#preset=<id>`, or the `#s=` the
 * address bar carries while editing) opens at 0 paused, the way picking a preset does, so a page
 * reload does not start playing by itself.
 */
export function scenarioRouteOf(decoded: DecodedShareHash): HashRoute {
  if (!decoded.ok) return { kind: 'error', errors: decoded.errors, fallback: defaultRoute() };
  return {
    kind: 'scenario',
    document: decoded.document,
    presetId: decoded.presetId,
    atMs: decoded.atMs ?? 0,
    paused: decoded.atMs === null ? true : decoded.paused,
    selected: decoded.selected,
    view: decoded.view,
    chart: decoded.chart,
  };
}

/** The hash of a lesson at a step (1-based): what the address bar says while the lesson plays. */
export function lessonHash(id: string, step: number): string {
  return `#lesson=${encodeURIComponent(id)}&step=${step}`;
}

/** The page's address without its hash: what a link's hash is appended to. */
export function pageBase(location: Pick<Location, 'origin' | 'pathname' | 'search'>): string {
  return `${location.origin}${location.pathname}${location.search}`;
}

/** `<id>&step=N&…` (what follows `lesson=`): the id, and step N when it is a positive integer. */
function lessonRouteOf(value: string): LessonRoute {
  const [id = '', ...params] = value.split('&');
  const stepParam = params.find((param) => param === 'step' || param.startsWith('step='));
  const route: LessonRoute = {
    kind: 'lesson',
    id: percentDecodedOrRaw(id),
    step: 1,
    stepError: null,
  };
  if (stepParam === undefined) return route;
  const text = percentDecodedOrRaw(stepParam.slice('step='.length));
  // A huge number is a step past the end, like 999: the player clamps it to the last step.
  const step = /^[0-9]+$/.test(text) ? Math.min(Number(text), Number.MAX_SAFE_INTEGER) : 0;
  if (step >= 1) return { ...route, step };
  const shown = text.length > 24 ? `${text.slice(0, 24)}…` : text;
  return {
    ...route,
    stepError: `The link’s step “${shown}” is not a step number (1, 2, 3…), so the lesson opens at its first step.`,
  };
}

function percentDecodedOrRaw(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
