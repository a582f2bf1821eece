import { SCENARIO_FORMAT, SCENARIO_VERSION } from '../types';
import { presetTitle } from './catalog';
import { lanPrefix, R1, R2, staticMapRouter } from './configs';
import type { Preset } from './preset';
import { ispTopology, LEFT, ping, RIGHT } from './topology';

const title = presetTitle('reload-invalid-spi-recovery');
const summary =
  'The reload of the black-hole preset, with `crypto isakmp invalid-spi-recovery` in R2’s startup-config.';

export const reloadInvalidSpiRecovery: Preset = {
  id: 'reload-invalid-spi-recovery',
  title,
  summary,
  teaches:
    'The first stale packet after the reboot still makes R2 log %CRYPTO-4-RECVD_PKT_INV_SPI, but now R2 starts Main Mode as initiator toward its static peer 10.1.1.1 and sends INITIAL-CONTACT, so R1 brings down its old IKE and IPsec SAs for R2. R2 then sends the DELETE notify for the stale SPI over the new IKE SA, and R1’s next ping runs Quick Mode over that IKE SA: new SPIs, and the pings recover. The command works here because a static crypto map names the peer (Cisco tech note 115801).',
  notesScenario: '7.4.3',
  sources: ['tn-115801', 'cg-invalid-spi-recovery', 'rfc2407', 'rfc2408'],
  cryptoStyle: 'static-map',
  document: {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    title,
    description: summary,
    seed: 3,
    durationMs: 300_000, // [1]
    ...ispTopology([
      {
        id: 'R1',
        ...LEFT,
        config: staticMapRouter({ site: R1, peers: [R2.wanIp], remote: lanPrefix(R2) }),
      },
      {
        id: 'R2',
        ...RIGHT,
        config: staticMapRouter({
          site: R2,
          peers: [R1.wanIp],
          remote: lanPrefix(R1),
          extraGlobal: ['crypto isakmp invalid-spi-recovery'], // [2]
        }),
      },
    ]),
    traffic: [ping('lan1-to-lan2', R1, R2)],
    timeline: [{ atMs: 120_000, action: 'reload', node: 'R2' }], // [3]
  },
};

// [1] Five minutes: recovery is over a few seconds after R2 has booted (2:30); the rest shows the
//     rebuilt tunnel holding, with R2's new IKE SA in QM_IDLE.
// [2] In the startup-config, so R2 has it the moment it has booted, when the stale packets arrive.
// [3] Same moment as in reload-black-hole, so the two runs can be compared side by side.
