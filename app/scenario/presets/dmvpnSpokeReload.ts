import { SCENARIO_FORMAT, SCENARIO_VERSION } from '../types';
import { presetTitle } from './catalog';
import { HUB, SPOKE1, SPOKE2 } from './configs';
import type { Preset } from './preset';
import { ping } from './topology';
import { twoSpokeDmvpn } from './twoSpokeDmvpn';

const title = presetTitle('dmvpn-spoke-reload');
const summary =
  'Spoke 1 of a two-spoke DMVPN reloads while the hub keeps sending to it; the spoke has invalid-SPI recovery.';

export const dmvpnSpokeReload: Preset = {
  id: 'dmvpn-spoke-reload',
  title,
  summary,
  teaches:
    'The hub keeps encrypting to SPOKE1 with SPIs the rebooted spoke no longer has, and SPOKE1 logs %CRYPTO-4-RECVD_PKT_INV_SPI. Unlike the hub, the spoke knows its peer statically (`ip nhrp map 172.16.0.1 20.1.1.2`), so it can initiate IKE toward the hub with INITIAL-CONTACT, whether to register again with its NHS or, through `crypto isakmp invalid-spi-recovery`, to send the DELETE notify: table row "mGRE TP, static NHRP mapping: Yes". The hub drops its old SAs for SPOKE1 and the pings recover, while SPOKE2 is never disturbed.',
  notesScenario: '7.4.6',
  sources: ['tn-115801', 'cg-nhrp', 'rfc2407'],
  cryptoStyle: 'mgre-static-nhrp',
  document: {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    title,
    description: summary,
    seed: 7,
    durationMs: 360_000, // [1]
    ...twoSpokeDmvpn({ spoke1Global: ['crypto isakmp invalid-spi-recovery'] }),
    traffic: [ping('lan2-to-lan1', HUB, SPOKE1), ping('lan2-to-lan3', HUB, SPOKE2)], // [2]
    timeline: [{ atMs: 120_000, action: 'reload', node: 'SPOKE1' }],
  },
};

// [1] Six minutes: SPOKE1 is back at 2:30 and recovers within seconds; the rest shows both
//     spokes steady.
// [2] The pings come from the hub LAN, so it is the hub that sends stale ESP to the rebooted
//     spoke. The flow to SPOKE2 is the control: its tunnel never notices the reload. The spokes
//     register with their NHS as soon as they run, so by 5 s the hub has an NHRP entry for each.
