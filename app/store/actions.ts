// Every change to the app state goes through these functions (keyboard, menus, views, tests).
// Editing the scenario re-runs it and keeps the cursor: acting in the past recomputes the future.

import { applyConfigLines } from '../ios/applyConfigLines';
import { parseIosConfig } from '../ios/parseConfig';
import { type FeatureChange, featureHolds, featureLines, featureState } from '../scenario/features';
import { loadScenarioDocument } from '../scenario/loadScenario';
import { presetEntry } from '../scenario/presets/catalog';
import { loadedPreset, withPresets } from '../scenario/presets/library';
import type { ScenarioDocument } from '../scenario/schema';
import type { ParseResult, ScenarioError, TimelineEntry } from '../scenario/types';
import { STUDIO_TRACE_RECORDS_MAX, workLimitError } from '../scenario/workEstimate';
import { runningConfigAt } from '../sim/derived/configAt';
import { isComplete, type RunBuilder } from '../sim/run';
import {
  advance,
  clampSpeed,
  nextEventAtMs,
  nextPacketAtMs,
  previousEventAtMs,
  speedStep,
} from './navigation';
import { computeAll, computeUntil, follow, startRun } from './runProgress';
import { type LogKind, type Selection, type SimState, useSimStore } from './simStore';

const get = useSimStore.getState;
const set = useSimStore.setState;

type RunResult = Pick<SimState, 'loaded' | 'run' | 'errors'> & { builder: RunBuilder | null };

/**
 * Loads and runs a document, computed at least up to atMs (see runProgress); on errors keeps
 * them for display and shows no run. The caller follow()s the builder once the store shows it.
 * A document is typed when it gets here: a preset, an edit the app made, or a link's or a file's
 * that parseScenario has read (loadScenarioDocument does the rest).
 */
function runDocument(
  document: ScenarioDocument,
  atMs: number,
  parsed: ParseResult = loadScenarioDocument(document),
): RunResult {
  if (!parsed.ok) return { loaded: null, run: null, errors: parsed.errors, builder: null };
  // Refused before any of it runs: a run past the limit would take minutes and the page with it.
  const tooBig = workLimitError(parsed.loaded, STUDIO_TRACE_RECORDS_MAX);
  if (tooBig !== null) return { loaded: null, run: null, errors: [tooBig], builder: null };
  try {
    return { loaded: parsed.loaded, ...startRun(parsed.loaded, atMs), errors: [] };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const errors = [{ path: 'simulation', message }];
    return { loaded: parsed.loaded, run: null, errors, builder: null };
  }
}

function routerConfigs(document: ScenarioDocument): Record<string, string> {
  const configs: Record<string, string> = {};
  for (const node of document.nodes ?? [])
    if (node.kind === 'router') configs[node.id] = node.config;
  return configs;
}

/** Scenarios shown or asked for so far: a preset that arrives late shows only if still the last. */
let scenarioRequests = 0;

/**
 * Shows a new scenario from the start, paused. `parsed`, when given, is the document already
 * loaded (a file is read in a worker): it is not loaded again.
 */
export function loadDocument(
  document: ScenarioDocument,
  presetId: string | null = null,
  parsed?: ParseResult,
): void {
  scenarioRequests++;
  const { builder, ...result } = runDocument(document, 0, parsed);
  set({
    presetId,
    document,
    baselineConfigs: routerConfigs(document),
    ...result,
    t: 0,
    playing: false,
    selection: null,
    logHidden: [],
  });
  follow(builder);
}

/**
 * Shows a built-in preset from its start, paused: at once when its module is loaded, else once it
 * has arrived, unless another scenario was asked for meanwhile. False for an id that is not built
 * in (the store shows the error).
 */
export function loadPreset(id: string): boolean {
  if (!presetEntry(id)) {
    set({ errors: [{ path: 'preset', message: `no built-in scenario is called "${id}"` }] });
    return false;
  }
  const request = ++scenarioRequests;
  withPresets([id], (failures) => {
    if (request !== scenarioRequests) return;
    const preset = loadedPreset(id);
    if (preset) loadDocument(preset.document, id);
    else {
      const why = failures.find((failure) => failure.id === id)?.message ?? 'unknown error';
      const message = `the built-in scenario "${id}" could not be loaded (${why}); check the connection and pick it again`;
      set({ errors: [{ path: 'preset', message }] });
    }
  });
  return true;
}

/** Replaces the document with an edited one, re-runs it, and keeps the cursor where it is. */
function editDocument(edit: (document: ScenarioDocument) => ScenarioDocument): void {
  const { document, t } = get();
  if (!document) return;
  const next = edit(document);
  const { builder, ...result } = runDocument(next, t);
  set({ document: next, presetId: null, ...result, t: Math.min(t, result.run?.durationMs ?? t) });
  follow(builder);
}

/**
 * Replaces the document with `next` only if it is valid: returns its errors and changes nothing
 * otherwise (a console ping must never turn the scenario into errors). Keeps the cursor.
 */
export function tryReplaceDocument(next: ScenarioDocument): ScenarioError[] {
  const t = get().t;
  const { builder, ...result } = runDocument(next, t);
  if (!result.run) return result.errors;
  set({ document: next, presetId: null, ...result, t: Math.min(t, result.run.durationMs) });
  follow(builder);
  return [];
}

/** Adds an action at the current cursor (reload R2 now, break a link now…) and recomputes. */
export function inject(entry: DistributiveOmitAtMs<TimelineEntry>): void {
  const atMs = Math.round(get().t);
  editDocument((document) => ({
    ...document,
    timeline: [...(document.timeline ?? []), { ...entry, atMs } as TimelineEntry],
  }));
}

type DistributiveOmitAtMs<T> = T extends unknown ? Omit<T, 'atMs'> : never;

/**
 * Turns a remedy on or off in a router's startup-config (unless it already is), so it holds
 * from the start and across reloads (as if the router had been configured and saved before the
 * class). The toggles show
 * the running-config at the cursor: when a line typed before the cursor (at the console or in
 * the timeline, and not undone by a reload) still overrides the startup-config there, the same
 * line is also typed at the cursor, so the router is as asked where the class is looking.
 */
export function setFeature(node: string, change: FeatureChange): string[] {
  const atMs = Math.round(get().t);
  const lines = featureLines(change);
  let errors: string[] = [];
  editDocument((document) => {
    const edited = {
      ...document,
      nodes: (document.nodes ?? []).map((n) => {
        if (n.id !== node || n.kind !== 'router' || configHas(n.config, change)) return n;
        const applied = applyConfigLines(n.config, lines);
        errors = applied.errors.map((e) => e.message);
        return applied.errors.length > 0 ? n : { ...n, config: applied.text };
      }),
    };
    if (errors.length > 0 || holdsAt(edited, node, change, atMs)) return edited;
    const typed: TimelineEntry = { atMs, action: 'config', node, lines };
    return { ...edited, timeline: [...(edited.timeline ?? []), typed] };
  });
  return errors;
}

/** The router's running-config at atMs has the change (true when the document does not load). */
function holdsAt(
  document: ScenarioDocument,
  node: string,
  change: FeatureChange,
  atMs: number,
): boolean {
  const parsed = loadScenarioDocument(document);
  if (!parsed.ok) return true;
  return configHas(runningConfigAt(parsed.loaded.scenario, node, atMs).runningConfig, change);
}

function configHas(configText: string, change: FeatureChange): boolean {
  return featureHolds(featureState(parseIosConfig(configText).config), change);
}

// ---- playback ----

export function play(): void {
  const { run, t } = get();
  if (!run) return;
  set({ playing: true, t: t >= run.durationMs ? 0 : t });
}

export function pause(): void {
  set({ playing: false });
}

export function togglePlay(): void {
  if (get().playing) pause();
  else play();
}

export function seek(atMs: number): void {
  const run = get().run;
  if (!run) return;
  const t = Math.max(0, Math.min(run.durationMs, Math.round(atMs)));
  computeUntil(t);
  set({ t });
}

/** Pauses and moves to the next moment something happens. */
export function stepForward(): void {
  const { run, t } = get();
  if (!run) return;
  if (nextEventAtMs(run, t) === undefined && !isComplete(run)) computeAll();
  const next = nextEventAtMs(get().run ?? run, t) ?? run.durationMs;
  computeUntil(next);
  set({ playing: false, t: next });
}

export function stepBack(): void {
  const { run, t } = get();
  if (!run) return;
  set({ playing: false, t: previousEventAtMs(run, t) ?? 0 });
}

/** Virtual time computed ahead of the cursor while playing, at least. */
const PLAYBACK_LOOKAHEAD_MS = 10_000;

/** Called by the playback loop with the wall time since its last frame. */
export function tick(wallMs: number): void {
  const { t, playing, speed, adaptive } = get();
  if (!playing) return;
  computeUntil(t + Math.max(PLAYBACK_LOOKAHEAD_MS, 2 * wallMs * speed));
  const ahead = get().run;
  // Adaptive playback skips a quiet stretch up to the next packet, wherever that is.
  if (ahead && adaptive && nextPacketAtMs(ahead, t) === undefined && !isComplete(ahead))
    computeAll();
  const run = get().run;
  if (!run) return;
  const next = advance(run, t, wallMs, speed, adaptive);
  set({ t: next, playing: next < run.durationMs });
}

export function setSpeed(speed: number): void {
  set({ speed: clampSpeed(speed) });
}

export function faster(): void {
  setSpeed(speedStep(get().speed, 1));
}

export function slower(): void {
  setSpeed(speedStep(get().speed, -1));
}

export function setAdaptive(adaptive: boolean): void {
  set({ adaptive });
}

// ---- selection and filters ----

export function select(selection: Selection): void {
  set({ selection });
}

export function toggleLogRouter(node: string): void {
  const hidden = get().logHidden;
  set({ logHidden: hidden.includes(node) ? hidden.filter((n) => n !== node) : [...hidden, node] });
}

export function setLogKind(logKind: LogKind): void {
  set({ logKind });
}

export function setShortcutsOpen(shortcutsOpen: boolean): void {
  set({ shortcutsOpen });
}
