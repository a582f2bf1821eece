import { SCENARIO_FORMAT, SCENARIO_VERSION } from '../types';
import { presetTitle } from './catalog';
import { backupPeerConfigs, R1, R2, R3 } from './configs';
import type { Preset } from './preset';
import { ispLink, ispTopology, LEFT, ping, RIGHT, RIGHT_BELOW } from './topology';

const configs = backupPeerConfigs({
  defaultPeer: true,
  r1Global: ['crypto isakmp keepalive 60 2'],
  r1Map: [' set security-association idle-time 600 default'], // [1]
});

const title = presetTitle('idle-default-peer');
const summary =
  'After a DPD failover to R3, the idle timer with `default` sends the next connection back to R2.';

export const idleDefaultPeer: Preset = {
  id: 'idle-default-peer',
  title,
  summary,
  teaches:
    'DPD fails R1 over from 20.1.1.2 to the backup 30.1.1.3 as in dpd-backup-peer, and R2’s link is repaired while R1 is on R3. `set security-association idle-time 600 default` removes the R3 SAs after 600 s without traffic and resets the peer list, so when the users send again R1 tries the default peer 20.1.1.2 first instead of staying on the backup. Without `default`, IOS would stay on R3 until R3 failed.',
  notesScenario: '7.4.10',
  sources: ['cg-preferred-peer', 'cg-idle-timers'],
  cryptoStyle: 'static-map',
  document: {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    title,
    description: summary,
    seed: 15,
    durationMs: 1_080_000, // [2]
    ...ispTopology([
      { id: 'R1', ...LEFT, config: configs.r1 },
      { id: 'R2', ...RIGHT, config: configs.r2 },
      { id: 'R3', ...RIGHT_BELOW, config: configs.r3 },
    ]),
    traffic: [ping('lan1-to-lan2', R1, R2), ping('lan1-to-lan3', R1, R3, 60_000)], // [3]
    timeline: [
      { atMs: 60_000, action: 'link-down', link: ispLink('R2') },
      { atMs: 240_000, action: 'traffic', flow: 'lan1-to-lan2', state: 'stop' }, // [4]
      { atMs: 240_000, action: 'traffic', flow: 'lan1-to-lan3', state: 'stop' },
      { atMs: 300_000, action: 'link-up', link: ispLink('R2') },
      { atMs: 900_000, action: 'traffic', flow: 'lan1-to-lan2', state: 'start' }, // [5]
    ],
  },
};

// [1] In the crypto map entry, as the `default` keyword requires; R1 has no global idle time, so
//     the map value is used (ios-behavior.md section 3).
// [2] Eighteen minutes: the 600 s idle timer sets the pace. Failure at 1:00, R2 declared dead
//     about 70 s later and R1 on R3 a minute after that (main mode to the dead default peer
//     times out first), idle from 4:00, R3 SAs gone at about 14:00,
//     traffic again at 15:00, and three minutes on R2 to end.
// [3] As in dpd-backup-peer, the second flow to R3's LAN starts at the failure so that it never
//     reaches R2; it shows when R1 is on R3.
// [4] Both flows stop a minute before R2's link returns, so no packet decrypted by R3 reaches
//     the repaired R2 in the clear, and R2 is back long before the idle timer expires.
// [5] Only the flow to R2's LAN comes back: its answers prove R1 returned to the default peer.
