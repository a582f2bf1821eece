// `clear crypto sa`, `clear crypto isakmp` and `clear crypto session` (its own module): IOS
// prints nothing; the simulation deletes the SAs (sending DELETE notifies while an IKE SA exists).

import type { ExecCommand } from '../../scenario/types';
import { CLEAR_SESSION } from './clearSession';
import { type ExecAction, type ExecNode, keyword } from './execNodes';

function clearing(command: ExecCommand): ExecAction {
  return () => ({ output: [], effects: [{ kind: 'exec', command }] });
}

export const CLEAR: ExecNode = keyword('clear', 'Reset functions', {
  children: [
    keyword('crypto', 'Clear crypto', {
      children: [
        keyword('isakmp', 'Flush the ISAKMP database', {
          action: clearing('clear crypto isakmp'),
        }),
        keyword('sa', 'Clear all IPSEC security associations', {
          action: clearing('clear crypto sa'),
        }),
        CLEAR_SESSION,
      ],
    }),
  ],
});
