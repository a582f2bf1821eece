// The one store of the app: the scenario being shown, its run, the playback cursor and the
// view selections. Actions live in actions.ts as plain functions (zustand's "no store actions").

import { create } from 'zustand';
import type { ScenarioDocument } from '../scenario/schema';
import type { LoadedScenario, ScenarioError } from '../scenario/types';
import type { Run } from '../sim/run';

export type Selection =
  | { kind: 'router'; id: string }
  | { kind: 'link'; id: string }
  | { kind: 'packet'; id: number }
  | null;

/** Which trace records the log shows. */
export type LogKind = 'logs' | 'syslog' | 'debug' | 'packets' | 'all';

export interface SimState {
  /** The built-in preset the document came from, or null for a file or an edited scenario. */
  presetId: string | null;
  /** The scenario as a document: what files and links carry, and what actions edit. */
  document: ScenarioDocument | null;
  /** Each router's config as first loaded: the config view highlights what changed since. */
  baselineConfigs: Record<string, string>;
  loaded: LoadedScenario | null;
  run: Run | null;
  /** Why nothing runs: the document's errors, with their places. */
  errors: ScenarioError[];
  /** Playback cursor, virtual ms. */
  t: number;
  playing: boolean;
  /** Virtual ms per wall ms (0.1x … 1000x). */
  speed: number;
  /** Slow down while packets fly, skip quiet stretches. */
  adaptive: boolean;
  selection: Selection;
  /** Routers whose log lines are hidden. */
  logHidden: string[];
  logKind: LogKind;
  shortcutsOpen: boolean;
}

export const INITIAL_STATE: SimState = {
  presetId: null,
  document: null,
  baselineConfigs: {},
  loaded: null,
  run: null,
  errors: [],
  t: 0,
  playing: false,
  speed: 1,
  adaptive: true,
  selection: null,
  logHidden: [],
  logKind: 'logs',
  shortcutsOpen: false,
};

export const useSimStore = create<SimState>()(() => INITIAL_STATE);
