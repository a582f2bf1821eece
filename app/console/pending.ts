// Answers to the questions IOS asks before acting (prompt.ts shows them):
//   reload   → `System configuration has been modified. Save? [yes/no]: ` when the running
//              configuration differs from the startup one, then `Proceed with reload? [confirm]`
//              (RETURN or `y` confirms, anything else cancels);
//   copy     → `Destination filename [startup-config]? ` (RETURN accepts the default);
//   configure→ `Configuring from terminal, memory, or network [terminal]? `;
//   exit     → the console waits for RETURN, then starts a user EXEC session.

import { reloadRequested } from './consoleLog';
import { BUILDING_CONFIGURATION, configureTerminal, ENTER_CONFIGURATION } from './exec/system';
import { createConsole } from './session';
import type { ConsoleContext, ConsoleEffect, ConsoleResult, ConsoleState } from './types';

function answered(
  state: ConsoleState,
  output: string[] = [],
  effects: ConsoleEffect[] = [],
): ConsoleResult {
  return { state: { ...state, pending: null }, output, effects };
}

function isPrefixOf(answer: string, word: string): boolean {
  return answer !== '' && word.startsWith(answer);
}

export function answerPending(
  state: ConsoleState,
  line: string,
  context: ConsoleContext,
): ConsoleResult {
  const answer = line.trim().toLowerCase();
  switch (state.pending?.kind) {
    case 'reload-save': {
      const next = { ...state, pending: { kind: 'reload-confirm' } } as const;
      if (isPrefixOf(answer, 'yes')) {
        return {
          state: next,
          output: BUILDING_CONFIGURATION,
          effects: [{ kind: 'exec', command: 'write memory' }],
        };
      }
      if (isPrefixOf(answer, 'no')) return { state: next, output: [], effects: [] };
      return { state, output: ["% Please answer 'yes' or 'no'."], effects: [] };
    }
    case 'reload-confirm':
      if (answer !== '' && answer !== 'y') return answered(state);
      // A reloaded router starts a new console session: modes, debug flags and history go.
      return {
        state: createConsole(state.node),
        output: [reloadRequested(context.nowMs)],
        effects: [{ kind: 'reload' }],
      };
    case 'copy-destination':
      if (answer === '' || answer === 'startup-config') {
        return answered(state, BUILDING_CONFIGURATION, [{ kind: 'exec', command: 'write memory' }]);
      }
      return answered(state, [`%Error opening nvram:/${line.trim()} (Permission denied)`]);
    case 'configure-from':
      if (answer === '' || isPrefixOf(answer, 'terminal')) {
        return answered(configureTerminal(state), [ENTER_CONFIGURATION]);
      }
      return answered(state, ['?Must be "terminal", "memory" or "network"']);
    case 'press-return':
      return answered({ ...state, mode: 'user-exec' });
    case undefined:
      return answered(state);
  }
}
