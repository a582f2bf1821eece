import { SCENARIO_FORMAT, SCENARIO_VERSION } from '../types';
import { presetTitle } from './catalog';
import { lanPrefix, R1, R2, staticMapRouter } from './configs';
import type { Preset } from './preset';
import { ispTopology, LEFT, ping, RIGHT } from './topology';

const title = presetTitle('baseline');
const summary =
  'R1 and R2 protect traffic between their LANs with a static crypto map; the first ping builds the tunnel.';

export const baseline: Preset = {
  id: 'baseline',
  title,
  summary,
  teaches:
    'The first ping makes R1 request an SA: Main Mode (MM_NO_STATE, MM_SA_SETUP, MM_KEY_EXCH, then QM_IDLE) and Quick Mode build one IPsec SA pair, so that first echo is usually lost (.!!!!). Both routers log %CRYPTO-5-SESSION_STATUS: Crypto tunnel is UP, and `show crypto ipsec sa` shows the SPIs crosswise: R1’s outbound SPI is R2’s inbound SPI.',
  notesScenario: '7.4.1',
  sources: ['rfc2409', 'rfc4303'],
  cryptoStyle: 'static-map',
  document: {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    title,
    description: summary,
    seed: 1,
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
        config: staticMapRouter({ site: R2, peers: [R1.wanIp], remote: lanPrefix(R1) }),
      },
    ]),
    traffic: [ping('lan1-to-lan2', R1, R2)], // [2]
    timeline: [],
  },
};

// [1] Five minutes: the bring-up takes well under a second; the rest shows a steady tunnel whose
//     encaps/decaps counters climb together, the picture the fault presets break.
// [2] Pings start at 5 s, so the run opens on two idle routers without SAs; the first echo is the
//     one that triggers IKE.
