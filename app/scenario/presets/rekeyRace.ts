import { SCENARIO_FORMAT, SCENARIO_VERSION } from '../types';
import { presetTitle } from './catalog';
import { lanPrefix, R1, R2, type Site, staticMapRouter } from './configs';
import type { Preset } from './preset';
import { ispTopology, LEFT, ping, RIGHT } from './topology';

const title = presetTitle('rekey-race');
const summary =
  'Every rekey, R1 encrypts with its new SPI a moment before R2 can decrypt with it: R2 logs one %CRYPTO-4-RECVD_PKT_INV_SPI, and the pings go on.';

/** A static crypto map to `peer` with the shortest IPsec lifetime IOS accepts: 120 s [1]. */
function shortLifetimeRouter(site: Site, peer: Site): string {
  return staticMapRouter({
    site,
    peers: [peer.wanIp],
    remote: lanPrefix(peer),
    extraGlobal: ['crypto ipsec security-association lifetime seconds 120'],
  });
}

export const rekeyRace: Preset = {
  id: 'rekey-race',
  title,
  summary,
  teaches:
    'At each rekey R1 installs the new SA pair when QM2 arrives and encrypts with the new outbound SPI at once, while R2’s crypto engine is still programming the matching inbound SA. The one ping that lands in that moment is dropped, R2 logs %CRYPTO-4-RECVD_PKT_INV_SPI for the new SPI, sends no DELETE notify, and the next ping is answered. A single message is a transient rekey race; one that repeats for the same SPI means the SAs are out of sync (Cisco tech note 115801). The programming delay is simplified: IOS does not document it.',
  notesScenario: '7.4.11',
  sources: ['tn-115801', 'cg-security-lifetimes'],
  cryptoStyle: 'static-map',
  document: {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    title,
    description: summary,
    seed: 18,
    durationMs: 300_000, // [2]
    ...ispTopology([
      { id: 'R1', ...LEFT, config: shortLifetimeRouter(R1, R2) },
      { id: 'R2', ...RIGHT, config: shortLifetimeRouter(R2, R1), saInstallDelayMs: 1_000 }, // [3]
    ]),
    traffic: [
      { ...ping('first-ping', R1, R2, 2_500), stopMs: 3_000 }, // [4]
      ping('lan1-to-lan2', R1, R2),
    ],
  },
};

// [1] 120 s is the minimum ([C-2] ios-behavior.md 4.5). R1 started the first quick mode, so it
//     rekeys 30 s before expiry (the SAs carry traffic): at about 1:32.7, 3:02.7 and 4:32.7.
// [2] Five minutes: three rekeys, each with one INV_SPI line for its own new SPI, and never a
//     second line for the same SPI.
// [3] Simplified ([I]): IOS does not document how long the crypto engine takes to program an
//     SA; 1 s is chosen to make the race visible. R1 encrypts with the new SPI from R2's install
//     + 20 ms (QM2's flight) and R2 decrypts from its install + 1000 ms; a ping takes 20 ms, so
//     those R1 sends in the 960 ms between reach R2 too early: one a second, so at most one.
// [4] One ping at 0:02.5 brings the tunnel up (and is lost, as the first always is), half a
//     second off the steady pings from 0:05: R2 has programmed the first SA pair by 0:03.64, and
//     each rekey's window opens 300 ms (then 260, 220 ms) before a steady ping, far from its
//     edges. Had the first steady ping brought the tunnel up, its second would race the first
//     SA pair the same way, and R2 would log the line already at 0:06.
