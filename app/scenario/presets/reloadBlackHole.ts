import { SCENARIO_FORMAT, SCENARIO_VERSION } from '../types';
import { presetTitle } from './catalog';
import { lanPrefix, R1, R2, staticMapRouter } from './configs';
import type { Preset } from './preset';
import { ispTopology, LEFT, ping, RIGHT } from './topology';

const title = presetTitle('reload-black-hole');
const summary =
  'R2 reloads at 2:00 and loses every SA; with no invalid-SPI recovery and no DPD, nothing repairs the tunnel.';

export const reloadBlackHole: Preset = {
  id: 'reload-black-hole',
  title,
  summary,
  teaches:
    'After the reload R1 still shows QM_IDLE and an ACTIVE SA pair, and its #pkts encaps keeps climbing, while R2 drops every packet and logs %CRYPTO-4-RECVD_PKT_INV_SPI at most once a minute. R2 has no IKE SA with R1, so it ignores its own request to send a DELETE notify ("no ISAKMP sa"), and without `crypto isakmp invalid-spi-recovery` or DPD the pings fail for the rest of the run. The receiver logs the error; the sender looks healthy.',
  notesScenario: '7.4.2',
  sources: ['tn-115801', 'cg-invalid-spi-recovery'],
  cryptoStyle: 'static-map',
  document: {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    title,
    description: summary,
    seed: 2,
    durationMs: 900_000, // [1]
    ...ispTopology([
      {
        id: 'R1',
        ...LEFT,
        config: staticMapRouter({ site: R1, peers: [R2.wanIp], remote: lanPrefix(R2) }),
      },
      {
        id: 'R2',
        ...RIGHT,
        config: staticMapRouter({ site: R2, peers: [R1.wanIp], remote: lanPrefix(R1) }),
      },
    ]),
    traffic: [ping('lan1-to-lan2', R1, R2)], // [2]
    timeline: [{ atMs: 120_000, action: 'reload', node: 'R2' }], // [3]
  },
};

// [1] Fifteen minutes: the black hole lasts about 12 of them, long enough to see that
//     RECVD_PKT_INV_SPI is rate-limited to one line a minute and that nothing ever heals, yet
//     far from the 3600 s IPsec lifetime whose rekey would change the story.
// [2] Only R1's LAN sends. Traffic started behind R2 would make R2 initiate IKE with
//     INITIAL-CONTACT and end the black hole (ios-behavior.md section 0, item 6).
// [3] Two minutes of a healthy tunnel first, so the student has seen the SPIs and counters that
//     R1 goes on using. R2 is back 30 s later (the default bootMs) with no SA at all.
