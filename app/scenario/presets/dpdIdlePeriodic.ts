import { SCENARIO_FORMAT, SCENARIO_VERSION } from '../types';
import { presetTitle } from './catalog';
import { backupPeerConfigs, R1, R2, R3 } from './configs';
import type { Preset } from './preset';
import { ispLink, ispTopology, LEFT, ping, RIGHT, RIGHT_BELOW } from './topology';

const configs = backupPeerConfigs({
  defaultPeer: false, // [1]
  r1Global: ['crypto isakmp keepalive 60 2 periodic'],
});

const title = presetTitle('dpd-idle-periodic');
const summary = 'R2’s link fails while nobody sends; periodic DPD finds the dead peer anyway.';

export const dpdIdlePeriodic: Preset = {
  id: 'dpd-idle-periodic',
  title,
  summary,
  teaches:
    'With `crypto isakmp keepalive 60 2 periodic` R1 sends R-U-THERE every 60 s whatever the traffic, so it declares 20.1.1.2 dead within about 70 s of the failure although the tunnel is idle, and deletes the SAs while nobody uses them. When a user starts pinging at 5:00, the first packet goes straight to the backup 30.1.1.3 and only the echo spent on the bring-up is lost (compare dpd-idle-on-demand). Cisco notes the price: periodic DPD costs more overhead with many peers.',
  notesScenario: '7.4.8',
  sources: ['cg-dpd-periodic', 'rfc3706'],
  cryptoStyle: 'static-map',
  document: {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    title,
    description: summary,
    seed: 13,
    durationMs: 480_000, // [2]
    ...ispTopology([
      { id: 'R1', ...LEFT, config: configs.r1 },
      { id: 'R2', ...RIGHT, config: configs.r2 },
      { id: 'R3', ...RIGHT_BELOW, config: configs.r3 },
    ]),
    traffic: [ping('lan1-to-lan2', R1, R2), ping('lan1-to-lan3', R1, R3, 300_000)], // [3]
    timeline: [
      { atMs: 60_000, action: 'traffic', flow: 'lan1-to-lan2', state: 'stop' },
      { atMs: 90_000, action: 'link-down', link: ispLink('R2') }, // [4]
    ],
  },
};

// [1] Plain `set peer` lines, without `default`: after the peer is declared dead the next attempt
//     goes straight to the next peer, so the only difference from dpd-idle-on-demand is the
//     keepalive mode.
// [2] Eight minutes, as in dpd-idle-on-demand: the tunnel is idle from 1:00, the link fails at
//     1:30, and periodic DPD declares R2 dead at most about 70 s later, long before traffic
//     resumes at 5:00; the end shows the tunnel to R3 holding.
// [3] The returning user pings R3's LAN, which answers once R1 has failed over (see the note on
//     backupPeerConfigs). It starts only after the failure, so none of its packets reaches R2.
// [4] The link stays down for the rest of the run.
