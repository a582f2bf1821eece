// `debug crypto isakmp|ipsec`, their `no debug` / `undebug` forms, and `undebug all`. The
// flags live in the session; the app prints the matching debug records (consoleShows).

import type { DebugFlags } from '../types';
import { type ExecAction, type ExecNode, keyword } from './execNodes';

type Subsystem = keyof DebugFlags;

const NAMES: Record<Subsystem, string> = { isakmp: 'ISAKMP', ipsec: 'IPSEC' };

function setDebug(subsystem: Subsystem, on: boolean): ExecAction {
  return ({ state }) => ({
    output: [`Crypto ${NAMES[subsystem]} debugging is ${on ? 'on' : 'off'}`],
    effects: [{ kind: 'debug', [subsystem]: on }],
    state: { ...state, debug: { ...state.debug, [subsystem]: on } },
  });
}

const allOff: ExecAction = ({ state }) => ({
  output: ['All possible debugging has been turned off'],
  effects: [{ kind: 'debug', isakmp: false, ipsec: false }],
  state: { ...state, debug: { isakmp: false, ipsec: false } },
});

function cryptoDebug(on: boolean): ExecNode {
  return keyword('crypto', 'Cryptographic subsystem', {
    children: [
      keyword('ipsec', 'IPSEC processing', { action: setDebug('ipsec', on) }),
      keyword('isakmp', 'ISAKMP Key Management', { action: setDebug('isakmp', on) }),
    ],
  });
}

/** The words after `undebug` or `no debug`. */
const TURN_OFF: readonly ExecNode[] = [
  keyword('all', 'Disable all debugging', { action: allOff }),
  cryptoDebug(false),
];

export const DEBUG: ExecNode = keyword('debug', "Debugging functions (see also 'undebug')", {
  children: [cryptoDebug(true)],
});

export const UNDEBUG: ExecNode = keyword(
  'undebug',
  "Disable debugging functions (see also 'debug')",
  { children: TURN_OFF },
);

export const NO: ExecNode = keyword('no', 'Disable debugging functions', {
  children: [keyword('debug', 'Disable debugging functions', { children: TURN_OFF })],
});
