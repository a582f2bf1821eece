import { SCENARIO_FORMAT, SCENARIO_VERSION } from '../types';
import { presetTitle } from './catalog';
import { lanPrefix, R1, R2, staticMapRouter } from './configs';
import type { Preset } from './preset';
import { ispLink, ispTopology, LEFT, ping, RIGHT } from './topology';

const keepalive = ['crypto isakmp keepalive 10 2'];

const title = presetTitle('legacy-keepalive');
const summary =
  'R2 runs an old image without DPD, so `crypto isakmp keepalive 10 2` falls back to legacy IOS keepalives; R2’s link fails.';

export const legacyKeepalive: Preset = {
  id: 'legacy-keepalive',
  title,
  summary,
  teaches:
    'R2 does not advertise the DPD vendor ID in Main Mode, so R1 and R2 exchange legacy IOS IKE keepalives instead of RFC 3706 R-U-THERE. When R2’s link fails, each side declares the other dead after three consecutive unacknowledged keepalives (the rule Cisco Press’s IPSec VPN Design gives for legacy keepalives, not DPD’s five retransmissions) and deletes its SAs. When the link returns, the next ping builds a fresh tunnel.',
  notesScenario: '0.2',
  sources: ['book-ipsec-vpn-design'],
  cryptoStyle: 'static-map',
  document: {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    title,
    description: summary,
    seed: 16,
    durationMs: 300_000, // [1]
    ...ispTopology([
      {
        id: 'R1',
        ...LEFT,
        config: staticMapRouter({
          site: R1,
          peers: [R2.wanIp],
          remote: lanPrefix(R2),
          extraGlobal: keepalive,
        }),
      },
      {
        id: 'R2',
        ...RIGHT,
        config: staticMapRouter({
          site: R2,
          peers: [R1.wanIp],
          remote: lanPrefix(R1),
          extraGlobal: keepalive,
        }),
        dpdSupport: false, // [2]
      },
    ]),
    traffic: [ping('lan1-to-lan2', R1, R2)],
    timeline: [
      { atMs: 60_000, action: 'link-down', link: ispLink('R2') }, // [3]
      { atMs: 180_000, action: 'link-up', link: ispLink('R2') },
    ],
  },
};

// [1] Five minutes: failure at 1:00, both sides give up about 35 s later (three unanswered
//     keepalives 10 s apart), the link returns at 3:00 and the last two minutes show the new
//     tunnel.
// [2] The old image is a property of the node, not of the config: the same command line means
//     DPD on an image that advertises it.
// [3] The 10 s interval (the minimum) keeps detection short; with both ends configured, both
//     run keepalives and both delete their SAs.
