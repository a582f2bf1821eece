import { SCENARIO_FORMAT, SCENARIO_VERSION } from '../types';
import { presetTitle } from './catalog';
import { backupPeerConfigs, R1, R2, R3 } from './configs';
import type { Preset } from './preset';
import { ispLink, ispTopology, LEFT, ping, RIGHT, RIGHT_BELOW } from './topology';

const configs = backupPeerConfigs({
  defaultPeer: false, // [1]
  r1Global: ['crypto isakmp keepalive 60 2'],
});

const title = presetTitle('dpd-idle-on-demand');
const summary =
  'R2’s link fails while nobody sends; on-demand DPD stays silent until a user sends again.';

export const dpdIdleOnDemand: Preset = {
  id: 'dpd-idle-on-demand',
  title,
  summary,
  teaches:
    'On-demand DPD probes only when R1 has traffic for the peer and has heard nothing from it for 60 s, so while nobody sends, the dead link goes unnoticed and the tunnel still looks up (QM_IDLE, ACTIVE). Only when a user starts pinging at 5:00 does R1 send R-U-THERE, at once since it has heard nothing for minutes; after five retransmissions 2 s apart it declares 20.1.1.2 dead and fails over to 30.1.1.3. The returning user pays for the detection with the first pings, which periodic DPD would have spent while nobody was sending (compare dpd-idle-periodic).',
  notesScenario: '7.4.8',
  sources: ['cg-dpd-periodic', 'rfc3706'],
  cryptoStyle: 'static-map',
  document: {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    title,
    description: summary,
    seed: 12,
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
//     goes straight to the next peer, so the only difference from dpd-idle-periodic is the
//     keepalive mode.
// [2] Eight minutes: the tunnel is idle from 1:00, the link fails at 1:30, and 3.5 idle minutes
//     pass (over three periodic DPD intervals) in which nothing happens before traffic resumes
//     at 5:00; on-demand DPD then needs about 12 s (five retries 2 s apart), and the end shows
//     the tunnel to R3 holding.
// [3] The returning user pings R3's LAN, which answers once R1 has failed over (see the note on
//     backupPeerConfigs). It starts only after the failure, so none of its packets reaches R2.
// [4] The link stays down for the rest of the run.
