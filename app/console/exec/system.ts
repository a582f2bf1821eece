// Session and system commands: `configure terminal`, `enable`/`disable`, `exit`/`logout`,
// `write`, `copy running-config startup-config` and `reload`. The last two ask a question first
// (pending.ts reads the answer).

import { showRunningConfig } from '../show/showConfig';
import type { ConsoleState } from '../types';
import { type ExecAction, type ExecNode, keyword, printing } from './execNodes';

export const ENTER_CONFIGURATION = 'Enter configuration commands, one per line.  End with CNTL/Z.';

/** What `write memory` and an accepted `copy running-config startup-config` print. */
export const BUILDING_CONFIGURATION = ['Building configuration...', '[OK]'];

export function configureTerminal(state: ConsoleState): ConsoleState {
  return { ...state, mode: 'config', submodeHeader: null };
}

function asking(kind: NonNullable<ConsoleState['pending']>['kind']): ExecAction {
  return ({ state }) => ({ output: [], state: { ...state, pending: { kind } } });
}

const writeMemory: ExecAction = () => ({
  output: BUILDING_CONFIGURATION,
  effects: [{ kind: 'exec', command: 'write memory' }],
});

/** IOS first offers to save a configuration changed since the last save. */
const reload: ExecAction = (request) => {
  const { runningConfig, startupConfig } = request.context;
  const modified = runningConfig.trim() !== startupConfig.trim();
  return asking(modified ? 'reload-save' : 'reload-confirm')(request);
};

/** The console line is free again; RETURN starts a new session in user EXEC mode. */
const exitSession: ExecAction = ({ state, context }) => ({
  output: [
    '',
    `${context.hostname} con0 is now available`,
    '',
    '',
    '',
    '',
    '',
    'Press RETURN to get started.',
    '',
  ],
  state: { ...state, mode: 'user-exec', pending: { kind: 'press-return' } },
});

export const CONFIGURE: ExecNode = keyword('configure', 'Enter configuration mode', {
  action: asking('configure-from'),
  children: [
    keyword('terminal', 'Configure from the terminal', {
      action: ({ state }) => ({ output: [ENTER_CONFIGURATION], state: configureTerminal(state) }),
    }),
  ],
});

export const COPY: ExecNode = keyword('copy', 'Copy from one file to another', {
  children: [
    keyword('running-config', 'Copy from current system configuration', {
      children: [
        keyword('startup-config', 'Copy to startup configuration', {
          action: asking('copy-destination'),
        }),
      ],
    }),
  ],
});

export const WRITE: ExecNode = keyword(
  'write',
  'Write running configuration to memory, network, or terminal',
  {
    action: writeMemory,
    children: [
      keyword('memory', 'Write to NV memory', { action: writeMemory }),
      keyword('terminal', 'Write to terminal', {
        action: printing(({ context }) => showRunningConfig(context.runningConfig)),
      }),
    ],
  },
);

export const RELOAD: ExecNode = keyword('reload', 'Halt and perform a cold restart', {
  action: reload,
});

export const ENABLE: ExecNode = keyword('enable', 'Turn on privileged commands', {
  action: ({ state }) => ({ output: [], state: { ...state, mode: 'exec' } }),
});

export const DISABLE: ExecNode = keyword('disable', 'Turn off privileged commands', {
  action: ({ state }) => ({ output: [], state: { ...state, mode: 'user-exec' } }),
});

export const EXIT: ExecNode = keyword('exit', 'Exit from the EXEC', { action: exitSession });

export const LOGOUT: ExecNode = keyword('logout', 'Exit from the EXEC', { action: exitSession });
