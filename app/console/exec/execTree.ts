// The EXEC command trees and how a line runs in them: `R1>` (user EXEC) offers a few commands,
// `R1#` (privileged EXEC) all of them; `do` in configuration modes reads the privileged tree.

import { type Token, valuesOf, walk } from '../commandTree';
import { ambiguousCommand, incompleteCommand, invalidInput, unknownCommand } from '../errors';
import type { ConsoleContext, ConsoleResult, ConsoleState } from '../types';
import { CLEAR } from './clear';
import { DEBUG, NO, UNDEBUG } from './debug';
import type { ExecNode } from './execNodes';
import { PING } from './ping';
import { applyPipe } from './pipe';
import { SHOW, USER_SHOW } from './show';
import { CONFIGURE, COPY, DISABLE, ENABLE, EXIT, LOGOUT, RELOAD, WRITE } from './system';
import { TERMINAL } from './terminal';

export const PRIVILEGED_EXEC: readonly ExecNode[] = [
  CLEAR,
  CONFIGURE,
  COPY,
  DEBUG,
  DISABLE,
  ENABLE,
  EXIT,
  LOGOUT,
  NO,
  PING,
  RELOAD,
  SHOW,
  TERMINAL,
  UNDEBUG,
  WRITE,
];

export const USER_EXEC: readonly ExecNode[] = [ENABLE, EXIT, LOGOUT, PING, USER_SHOW, TERMINAL];

/** Commands `do` cannot run: they would change the session's mode. */
const NOT_FROM_CONFIG = new Set(['configure', 'enable', 'disable', 'exit', 'logout']);

/** The commands of `state`'s EXEC mode (the privileged ones in configuration modes, for `do`). */
export function execRoots(state: ConsoleState): readonly ExecNode[] {
  if (state.mode === 'user-exec') return USER_EXEC;
  if (state.mode === 'exec') return PRIVILEGED_EXEC;
  return PRIVILEGED_EXEC.filter(
    (node) => node.kind !== 'keyword' || !NOT_FROM_CONFIG.has(node.word),
  );
}

/**
 * In user EXEC mode IOS knows the privileged commands and refuses them as invalid input
 * (`R1>configure terminal`), where an unknown word would be taken for a host name.
 */
function isPrivilegedCommand(state: ConsoleState, tokens: readonly Token[]): boolean {
  return state.mode === 'user-exec' && walk(PRIVILEGED_EXEC, tokens.slice(0, 1)).ok;
}

/**
 * Runs an EXEC command line (`tokens` may be what follows `do`; columns are the typed line's).
 * An unknown first word in EXEC mode is taken for a host name, as IOS does.
 */
export function runExec(
  state: ConsoleState,
  tokens: readonly Token[],
  line: string,
  context: ConsoleContext,
  promptLength: number,
): ConsoleResult {
  const same = (output: string[]): ConsoleResult => ({ state, output, effects: [] });
  if (tokens.length === 0) return same([]);
  const walked = walk(execRoots(state), tokens);
  if (!walked.ok) {
    if (walked.kind === 'ambiguous') return same(ambiguousCommand(line));
    const inExec = state.mode === 'exec' || state.mode === 'user-exec';
    if (walked.at === 0 && inExec && !isPrivilegedCommand(state, tokens)) {
      return same(unknownCommand());
    }
    return same(invalidInput(promptLength, tokens[walked.at]?.start ?? 0));
  }
  const action = walked.node?.action;
  if (action === undefined) return same(incompleteCommand());
  const values = valuesOf(walked.steps);
  const outcome = action({ state, context, values });
  return {
    state: outcome.state ?? state,
    output: applyPipe(outcome.output, values),
    effects: outcome.effects ?? [],
  };
}
