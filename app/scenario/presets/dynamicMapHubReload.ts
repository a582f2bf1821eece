import { SCENARIO_FORMAT, SCENARIO_VERSION } from '../types';
import { presetTitle } from './catalog';
import { dynamicMapHub, HUB, lanPrefix, R1, staticMapRouter } from './configs';
import type { Preset } from './preset';
import { ispTopology, LEFT, ping, RIGHT } from './topology';

const SPOKE = { ...R1, hostname: 'SPOKE' };

const title = presetTitle('dynamic-map-hub-reload');
const summary =
  'A hub with a dynamic crypto map reloads; its invalid-SPI recovery cannot help, and the spoke’s DPD repairs the tunnel.';

export const dynamicMapHubReload: Preset = {
  id: 'dynamic-map-hub-reload',
  title,
  summary,
  teaches:
    'After the reboot the hub logs %CRYPTO-4-RECVD_PKT_INV_SPI and "ignoring request to send delete notify (no ISAKMP sa)": a dynamic map is a responder-only template with no peer address, so `crypto isakmp invalid-spi-recovery` has nobody to call. The spoke’s on-demand DPD (`keepalive 60 2`) sees 60 s of sending without hearing back, sends R-U-THERE (the hub answers nothing and logs IKMP_NO_SA), retransmits every 2 s, declares the hub dead after five retries and deletes its SAs. Its next packet builds a new tunnel.',
  notesScenario: '7.4.5',
  sources: ['tn-115801', 'cg-dpd-periodic'],
  cryptoStyle: 'dynamic-map',
  document: {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    title,
    description: summary,
    seed: 5,
    durationMs: 360_000, // [1]
    ...ispTopology([
      {
        id: 'SPOKE',
        ...LEFT,
        config: staticMapRouter({
          site: SPOKE,
          peers: [HUB.wanIp],
          remote: lanPrefix(HUB),
          extraGlobal: ['crypto isakmp keepalive 60 2'],
        }),
      },
      {
        id: 'HUB',
        ...RIGHT,
        config: dynamicMapHub({ site: HUB, extraGlobal: ['crypto isakmp invalid-spi-recovery'] }), // [2]
      },
    ]),
    traffic: [ping('lan1-to-lan2', SPOKE, HUB)],
    timeline: [{ atMs: 120_000, action: 'reload', node: 'HUB' }], // [3]
  },
};

// [1] Six minutes: the spoke last hears from the hub just before 2:00, so DPD starts probing
//     about 60 s later and declares the hub dead about 10 s after that (5 retries, 2 s apart);
//     the tunnel is back by about 3:15, and the rest shows it holding.
// [2] The command is there on purpose, to show that it changes nothing with a dynamic map
//     (ios-behavior.md 1.6).
// [3] The hub is down for 30 s (the default bootMs) and comes back before DPD fires, so the
//     R-U-THERE reaches a running hub that no longer knows the IKE SA.
