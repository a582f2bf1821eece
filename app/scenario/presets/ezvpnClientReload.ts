import { SCENARIO_FORMAT, SCENARIO_VERSION } from '../types';
import { presetTitle } from './catalog';
import { ezvpnClient, ezvpnServer, R1, R2 } from './configs';
import type { Preset } from './preset';
import { ispTopology, LEFT, ping, RIGHT } from './topology';

const title = presetTitle('ezvpn-client-reload');
const summary =
  'An Easy VPN remote in network-extension mode reloads; `connect auto` dials the server again as soon as it has booted.';

export const ezvpnClientReload: Preset = {
  id: 'ezvpn-client-reload',
  title,
  summary,
  teaches:
    'The Easy VPN client is always the IKE initiator: with `connect auto` it dials 20.1.1.2 as soon as it has booted, in aggressive mode with its group key (AM1 to AM3, then XAUTH with its saved user name and password, mode config and quick mode), and the INITIAL-CONTACT in its AM3 makes the server drop the SAs of the old session; it logs %CRYPTO-6-EZVPN_CONNECTION_UP. Invalid-SPI recovery plays no role: the client never needs it, and the server’s dynamic map could not initiate anyway, which is why the table says "EzVPN client: N/A".',
  notesScenario: '1.6',
  sources: ['tn-115801', 'tn-113594', 'cg-easy-vpn-server', 'rfc2407', 'rfc2409'],
  cryptoStyle: 'ezvpn',
  document: {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    title,
    description: summary,
    seed: 10,
    durationMs: 300_000, // [1]
    ...ispTopology([
      { id: 'R1', ...LEFT, config: ezvpnClient({ site: R1, serverIp: R2.wanIp }) },
      { id: 'R2', ...RIGHT, config: ezvpnServer({ site: R2 }) },
    ]),
    traffic: [ping('lan1-to-lan2', R1, R2)], // [2]
    timeline: [{ atMs: 120_000, action: 'reload', node: 'R1' }],
  },
};

// [1] Five minutes: the client is back at 2:30 and reconnects at once; the rest shows the new
//     session holding.
// [2] `connect auto` brings the tunnel up when the client starts, before the first ping at 5 s,
//     and again right after the reload, before any user traffic asks for it.
