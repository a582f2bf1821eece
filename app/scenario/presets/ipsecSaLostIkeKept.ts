import { SCENARIO_FORMAT, SCENARIO_VERSION } from '../types';
import { presetTitle } from './catalog';
import { lanPrefix, R1, R2, staticMapRouter } from './configs';
import type { Preset } from './preset';
import { ispLink, ispTopology, LEFT, ping, RIGHT } from './topology';

const title = presetTitle('ipsec-sa-lost-ike-kept');
const summary =
  'R2 clears its IPsec SAs while its DELETE notify cannot reach R1; R2 has no invalid-SPI recovery.';

export const ipsecSaLostIkeKept: Preset = {
  id: 'ipsec-sa-lost-ike-kept',
  title,
  summary,
  teaches:
    '`clear crypto sa` removes R2’s IPsec SAs but not its IKE SA, and the DELETE notify it sends is lost on the broken link, so R1 goes on using the old SPI when the link returns. R2 logs %CRYPTO-4-RECVD_PKT_INV_SPI and, because it still holds the IKE SA, sends a DELETE notify for that SPI although it has no `crypto isakmp invalid-spi-recovery`. R1 deletes the SA pair and its next packet runs Quick Mode only, no Main Mode: the command matters only when there is no IKE SA.',
  notesScenario: '7.4.4',
  sources: ['tn-115801', 'cr-clear-crypto-sa'],
  cryptoStyle: 'static-map',
  document: {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    title,
    description: summary,
    seed: 4,
    durationMs: 180_000, // [1]
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
    traffic: [ping('lan1-to-lan2', R1, R2)],
    timeline: [
      { atMs: 60_000, action: 'link-down', link: ispLink('R2') }, // [2]
      { atMs: 61_000, action: 'exec', node: 'R2', command: 'clear crypto sa' },
      { atMs: 65_000, action: 'link-up', link: ispLink('R2') }, // [3]
    ],
  },
};

// [1] Three minutes: the repair takes one round trip after the link returns at 1:05; the rest
//     shows the new SA pair carrying the pings under the same IKE SA (same conn-id).
// [2] The link goes down a second before the clear so that the DELETE notify R2 sends for its
//     own SAs is lost: the state "IPsec SA gone on one side only, IKE SA kept" that a rekey race
//     or an earlier expiry leaves in real networks (ios-behavior.md 7.4.4).
// [3] Five seconds of outage: much shorter than anything that could expire, so both IKE SAs are
//     still in QM_IDLE when R1's next ESP packet reaches R2.
