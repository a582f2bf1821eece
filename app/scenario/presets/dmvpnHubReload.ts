import { SCENARIO_FORMAT, SCENARIO_VERSION } from '../types';
import { presetTitle } from './catalog';
import { HUB, SPOKE1, SPOKE2 } from './configs';
import type { Preset } from './preset';
import { ping } from './topology';
import { twoSpokeDmvpn } from './twoSpokeDmvpn';

const title = presetTitle('dmvpn-hub-reload');
const summary =
  'The hub of a two-spoke DMVPN reloads; it has invalid-SPI recovery, but knew its spokes only from NHRP registrations.';

export const dmvpnHubReload: Preset = {
  id: 'dmvpn-hub-reload',
  title,
  summary,
  teaches:
    'The reload empties the hub’s NHRP cache and SADB, while both spokes keep encrypting GRE with their old SPIs. The hub logs %CRYPTO-4-RECVD_PKT_INV_SPI for each spoke but cannot call them back even with `crypto isakmp invalid-spi-recovery`: it learned their NBMA addresses only from NHRP registrations (`show ip nhrp` Type: dynamic), now lost. With no DPD on the spokes, both tunnels stay broken: table row "mGRE TP, dynamic NHRP mapping: No".',
  notesScenario: '7.4.6',
  sources: ['tn-115801', 'cg-nhrp'],
  cryptoStyle: 'mgre-dynamic-nhrp',
  document: {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    title,
    description: summary,
    seed: 6,
    durationMs: 600_000, // [1]
    ...twoSpokeDmvpn({ hubGlobal: ['crypto isakmp invalid-spi-recovery'] }), // [2]
    traffic: [ping('lan1-to-lan2', SPOKE1, HUB), ping('lan3-to-lan2', SPOKE2, HUB)], // [3]
    timeline: [{ atMs: 120_000, action: 'reload', node: 'HUB' }],
  },
};

// [1] Ten minutes: enough for several rate-limited RECVD_PKT_INV_SPI lines per spoke and to show
//     that nothing heals, while the spokes' 3600 s IPsec lifetime and 7200 s NHRP holdtime are
//     still far away.
// [2] The command is there on purpose: the hub has it and still cannot recover (ios-behavior.md
//     1.6 and 5).
// [3] The spokes send, as branch users would; the hub only answers. Pings from the hub LAN would
//     not help either: after the reload the hub has no NHRP entry to reach a spoke with.
