import { SCENARIO_FORMAT, SCENARIO_VERSION } from '../types';
import { presetTitle } from './catalog';
import { lanPrefix, pointToPointRouter, R1, R2 } from './configs';
import type { Preset } from './preset';
import { ispTopology, LEFT, ping, RIGHT } from './topology';

const title = presetTitle('gre-tp-reload');
const summary =
  'A point-to-point GRE tunnel protected by an IPsec profile; R2 reloads and has invalid-SPI recovery.';

export const greTpReload: Preset = {
  id: 'gre-tp-reload',
  title,
  summary,
  teaches:
    'Tunnel protection encrypts GRE (protocol 47) between the tunnel endpoints, in transport mode, so `show crypto ipsec sa` shows the endpoints, not the LANs, as proxies. After the reload R1’s stale ESP makes R2 log %CRYPTO-4-RECVD_PKT_INV_SPI; `tunnel destination 10.1.1.1` gives R2 a static peer, so `crypto isakmp invalid-spi-recovery` starts Main Mode with INITIAL-CONTACT and sends the DELETE notify, and the tunnel comes back: table row "P2P GRE with TP: Yes".',
  notesScenario: '1.6',
  sources: ['tn-115801'],
  cryptoStyle: 'gre-tp',
  document: {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    title,
    description: summary,
    seed: 8,
    durationMs: 300_000, // [1]
    ...ispTopology([
      {
        id: 'R1',
        ...LEFT,
        config: pointToPointRouter({
          site: R1,
          style: 'gre-tp',
          tunnelIp: '172.16.0.1',
          peerTunnelIp: '172.16.0.2',
          peerWanIp: R2.wanIp,
          remote: lanPrefix(R2),
        }),
      },
      {
        id: 'R2',
        ...RIGHT,
        config: pointToPointRouter({
          site: R2,
          style: 'gre-tp',
          tunnelIp: '172.16.0.2',
          peerTunnelIp: '172.16.0.1',
          peerWanIp: R1.wanIp,
          remote: lanPrefix(R1),
          extraGlobal: ['crypto isakmp invalid-spi-recovery'],
        }),
      },
    ]),
    traffic: [ping('lan1-to-lan2', R1, R2)],
    timeline: [{ atMs: 120_000, action: 'reload', node: 'R2' }], // [2]
  },
};

// [1] Five minutes, as in reload-invalid-spi-recovery: recovery a few seconds after R2 has
//     booted (2:30), then a steady tunnel.
// [2] The same reload as reload-invalid-spi-recovery, so the only difference is the crypto
//     configuration style.
