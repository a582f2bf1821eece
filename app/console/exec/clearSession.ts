// `clear crypto session [remote A.B.C.D]`: IOS prints nothing; the simulation deletes the IPsec
// SAs and the IKE SAs of every session, or of the one peer, telling the peer while an IKE SA
// exists (Cisco IOS Security Command Reference, `clear crypto session`).

import { type ExecAction, type ExecNode, isIpv4, keyword, param } from './execNodes';

const clearAll: ExecAction = () => ({
  output: [],
  effects: [{ kind: 'exec', command: 'clear crypto session' }],
});

const clearRemote: ExecAction = ({ values }) => ({
  output: [],
  effects: [{ kind: 'exec', command: `clear crypto session remote ${values.get('remote') ?? ''}` }],
});

export const CLEAR_SESSION: ExecNode = keyword('session', 'Clear crypto sessions (tunnels)', {
  action: clearAll,
  children: [
    keyword('remote', 'Remote IKE peer', {
      children: [
        param('A.B.C.D', 'IP address of the remote peer', isIpv4, {
          key: 'remote',
          action: clearRemote,
        }),
      ],
    }),
  ],
});
