import { SCENARIO_FORMAT, SCENARIO_VERSION } from '../types';
import { presetTitle } from './catalog';
import { lanPrefix, R1, R2, staticMapRouter } from './configs';
import type { Preset } from './preset';
import { ispTopology, LEFT, ping, RIGHT } from './topology';

const title = presetTitle('idle-timer');
const summary =
  'R1 has `crypto ipsec security-association idle-time 120`; the pings pause from 1:00 to 6:00.';

export const idleTimer: Preset = {
  id: 'idle-timer',
  title,
  summary,
  teaches:
    'After 120 s without traffic on the SA pair, R1 deletes its inbound and outbound SAs and sends a DELETE notify, so R2 removes its pair too; as that was the last IPsec SA to R2, the IKE SA goes as well, and `show crypto isakmp sa` is empty. The ping at 6:00 then runs a full Main Mode and Quick Mode with new SPIs. Without the idle timer the idle SA would have stayed until its 3600 s lifetime, and expired without a rekey since it carried no traffic.',
  notesScenario: '7.4.9',
  sources: ['cg-idle-timers'],
  cryptoStyle: 'static-map',
  document: {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    title,
    description: summary,
    seed: 14,
    durationMs: 480_000, // [1]
    ...ispTopology([
      {
        id: 'R1',
        ...LEFT,
        config: staticMapRouter({
          site: R1,
          peers: [R2.wanIp],
          remote: lanPrefix(R2),
          extraGlobal: ['crypto ipsec security-association idle-time 120'], // [2]
        }),
      },
      {
        id: 'R2',
        ...RIGHT,
        config: staticMapRouter({ site: R2, peers: [R1.wanIp], remote: lanPrefix(R1) }),
      },
    ]),
    traffic: [ping('lan1-to-lan2', R1, R2)],
    timeline: [
      { atMs: 60_000, action: 'traffic', flow: 'lan1-to-lan2', state: 'stop' },
      { atMs: 360_000, action: 'traffic', flow: 'lan1-to-lan2', state: 'start' }, // [3]
    ],
  },
};

// [1] Eight minutes: the SAs idle out at about 3:00, two minutes after the last ping, and the
//     run ends two minutes after the fresh bring-up at 6:00.
// [2] On R1 only, so a single router expires the pair and R2 learns of it from the DELETE
//     notify; with the same timer on both ends the two deletions would race.
// [3] Three minutes after the expiry, so the empty `show crypto isakmp sa` and
//     `show crypto ipsec sa` can be inspected before the next packet rebuilds everything.
