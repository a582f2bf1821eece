// The console sessions: one per router, kept while a scenario is shown (edits included) and
// dropped when another one loads. A session is the IOS CLI state (app/console) and the blocks
// typed; what the console shows is derived from them and the run (transcript.ts).

import { create } from 'zustand';
import { type ConsoleState, createConsole } from '../../console';
import type { ConsoleBlock, Transcript } from './transcript';

export interface ConsoleSession {
  readonly state: ConsoleState;
  readonly blocks: readonly ConsoleBlock[];
}

interface ConsoleStoreState {
  /**
   * The scenario load the sessions belong to: the sim store's `baselineConfigs` object, which
   * every load replaces and edits keep.
   */
  scenario: object | null;
  /** The router whose console is shown (null: the first router). */
  active: string | null;
  sessions: Readonly<Record<string, ConsoleSession>>;
}

export const INITIAL_CONSOLES: ConsoleStoreState = { scenario: null, active: null, sessions: {} };

export const useConsoleStore = create<ConsoleStoreState>()(() => INITIAL_CONSOLES);

/** A router's console before anything is typed: `R1#`, no history, no debugging. */
export function freshSession(node: string): ConsoleSession {
  return { state: createConsole(node), blocks: [] };
}

/** The session of `node` in the scenario load `scenario`, if anything was typed there. */
export function storedSession(
  store: ConsoleStoreState,
  scenario: object,
  node: string,
): ConsoleSession | undefined {
  return store.scenario === scenario ? store.sessions[node] : undefined;
}

export function sessionOf(scenario: object, node: string): ConsoleSession {
  return storedSession(useConsoleStore.getState(), scenario, node) ?? freshSession(node);
}

export function saveSession(scenario: object, node: string, session: ConsoleSession): void {
  useConsoleStore.setState((store) => ({
    scenario,
    sessions: { ...(store.scenario === scenario ? store.sessions : {}), [node]: session },
  }));
}

export function setActiveConsole(node: string): void {
  if (useConsoleStore.getState().active !== node) useConsoleStore.setState({ active: node });
}

/**
 * The CLI state the next line runs in: a reload after the last line started a new session
 * (privileged EXEC, no debugging, no question pending); the typed history stays for Up/Down.
 */
export function currentState(session: ConsoleSession, transcript: Transcript): ConsoleState {
  if (!transcript.reloadedSinceLastBlock) return session.state;
  return { ...createConsole(session.state.node), history: session.state.history };
}
