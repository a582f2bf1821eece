// One line typed at the console (RETURN): an answer to a pending question, an EXEC command or a
// configuration line, depending on the session's mode.

import { tokenize } from './commandTree';
import { runConfigLine } from './config/configLine';
import { runExec } from './exec/execTree';
import { withHistory } from './history';
import { answerPending } from './pending';
import { prompt } from './prompt';
import type { ConsoleContext, ConsoleResult, ConsoleState } from './types';

/**
 * Runs `line` in `state`'s mode. The output excludes the echo of `prompt(state) + line`, which
 * the UI prints as the user types; error markers are placed for that echo.
 */
export function runLine(state: ConsoleState, line: string, context: ConsoleContext): ConsoleResult {
  if (state.pending !== null) return answerPending(state, line, context);
  const promptLength = prompt(state, context.hostname).length;
  const recorded = withHistory(state, line.trimEnd());
  // `!` starts a comment, as in a pasted configuration: IOS reads nothing on the line.
  if (line.trimStart().startsWith('!')) return { state: recorded, output: [], effects: [] };
  const tokens = tokenize(line);
  if (state.mode === 'exec' || state.mode === 'user-exec') {
    return runExec(recorded, tokens, line, context, promptLength);
  }
  return runConfigLine(recorded, line, tokens, context, promptLength);
}
