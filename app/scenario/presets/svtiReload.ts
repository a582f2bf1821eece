import { SCENARIO_FORMAT, SCENARIO_VERSION } from '../types';
import { presetTitle } from './catalog';
import { lanPrefix, pointToPointRouter, R1, R2 } from './configs';
import type { Preset } from './preset';
import { ispTopology, LEFT, ping, RIGHT } from './topology';

const title = presetTitle('svti-reload');
const summary =
  'A static virtual tunnel interface (`tunnel mode ipsec ipv4`); R2 reloads and has invalid-SPI recovery.';

export const svtiReload: Preset = {
  id: 'svti-reload',
  title,
  summary,
  teaches:
    'An sVTI carries IP in IPsec tunnel mode with proxies 0.0.0.0/0 (`show crypto ipsec sa` shows 0.0.0.0/0.0.0.0/0/0), and its peer comes from `tunnel destination`. After the reload R1’s stale ESP makes R2 log %CRYPTO-4-RECVD_PKT_INV_SPI, and `crypto isakmp invalid-spi-recovery` can start Main Mode toward 10.1.1.1 with INITIAL-CONTACT and send the DELETE notify: Cisco tech note 115801 names "static peers derived from instantiated crypto maps, such as VTI" among the cases where recovery works.',
  notesScenario: '1.6',
  sources: ['tn-115801'],
  cryptoStyle: 'svti',
  document: {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    title,
    description: summary,
    seed: 9,
    durationMs: 300_000, // [1]
    ...ispTopology([
      {
        id: 'R1',
        ...LEFT,
        config: pointToPointRouter({
          site: R1,
          style: 'svti',
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
          style: 'svti',
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
