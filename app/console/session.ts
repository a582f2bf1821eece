// A console session as the app opens it on a router, and as a reload leaves it.

import type { ConsoleState } from './types';

/**
 * A fresh session in privileged EXEC mode (`R1#`): the classroom console skips `enable`.
 * Debug flags off, no history, no question pending.
 */
export function createConsole(node: string): ConsoleState {
  return {
    node,
    mode: 'exec',
    submodeHeader: null,
    history: [],
    debug: { isakmp: false, ipsec: false },
    pending: null,
  };
}
