import { staticPairPreset } from './staticPair';

export const manualClear = staticPairPreset({
  id: 'manual-clear',
  summary:
    'The black hole again, repaired by hand on R1: `clear crypto sa` at 3:30, which does not help, then `clear crypto isakmp` at 5:30, which does.',
  teaches:
    'R2 reloads at 2:00 and R1 encrypts into the black hole. `clear crypto sa` on R1 deletes only the IPsec SAs: the next ping starts quick mode under R1’s old IKE SA, which R2 lost in the reload, so R2 logs %CRYPTO-4-IKMP_NO_SA for every QM1 and R1 gives up with “Death by retransmission P2”, again and again. `clear crypto isakmp` removes the stale IKE SA: the next ping runs main mode with INITIAL-CONTACT, then quick mode, and the pings answer. `clear crypto session` does both at once.',
  notesScenario: '7.4.2',
  sources: ['tn-115801', 'cr-clear-crypto-sa', 'cr-clear-crypto-session'],
  seed: 26,
  durationMs: 420_000, // [1]
  timeline: [
    { atMs: 120_000, action: 'reload', node: 'R2' },
    { atMs: 210_000, action: 'exec', node: 'R1', command: 'clear crypto sa' }, // [2]
    { atMs: 330_000, action: 'exec', node: 'R1', command: 'clear crypto isakmp' }, // [3]
  ],
});

// [1] Seven minutes: the black hole from 2:30, two minutes of quick mode going nowhere after the
//     first clear, and the repair after the second.
// [2] A minute into the black hole, as an operator would react to the first RECVD_PKT_INV_SPI.
// [3] Two minutes later: long enough for two quick modes to die by retransmission (60 s each).
