import { SCENARIO_FORMAT, SCENARIO_VERSION } from '../types';
import { presetTitle } from './catalog';
import { HUB, SPOKE1, SPOKE2 } from './configs';
import type { Preset } from './preset';
import { ping } from './topology';
import { twoSpokeDmvpn } from './twoSpokeDmvpn';

const title = presetTitle('dmvpn-operations');
const summary =
  'A two-spoke DMVPN with a 300 s NHRP hold time; the hub reloads. SPOKE1 runs DPD, SPOKE2 does not.';

/** The spokes' NHRP hold time: they register every third of it, the hub forgets them after it. */
export const DMVPN_OPERATIONS_HOLDTIME_SEC = 300;

export const dmvpnOperations: Preset = {
  id: 'dmvpn-operations',
  title,
  summary,
  teaches:
    '`show dmvpn` on the hub lists each spoke it learnt from a registration (Attrb D); a spoke lists its hub from `ip nhrp map` (Attrb S). Each spoke registers again every third of its hold time (100 s here), and the hub drops an entry the hold time after the last registration. When the hub reloads it forgets both spokes: SPOKE1, with DPD, finds the hub dead, deletes its stale SAs, negotiates afresh and registers, so it is back in the hub’s table; SPOKE2, without DPD, keeps its stale SAs, its registrations die as invalid SPIs at the hub, and its `show dmvpn` says NHRP.',
  notesScenario: '7.4.6',
  sources: ['cg-nhrp', 'cg-dpd-periodic', 'tn-115801', 'nl-dmvpn-attributes'],
  cryptoStyle: 'mgre-dynamic-nhrp',
  document: {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    title,
    description: summary,
    seed: 29,
    durationMs: 420_000, // [1]
    ...twoSpokeDmvpn({
      spoke1Global: ['crypto isakmp keepalive 10 2'], // [2]
      spokeNhrp: [` ip nhrp holdtime ${DMVPN_OPERATIONS_HOLDTIME_SEC}`],
    }),
    traffic: [ping('lan1-to-lan2', SPOKE1, HUB), ping('lan3-to-lan2', SPOKE2, HUB)], // [3]
    timeline: [{ atMs: 120_000, action: 'reload', node: 'HUB' }],
  },
};

// [1] Seven minutes: the spokes register at boot and every 100 s; the hub reloads at 2:00 and is
//     back at 2:30; by 7:00 SPOKE2 has sent three unanswered registrations' worth of retries.
// [2] On-demand DPD: SPOKE1 sends traffic, so it asks R-U-THERE after 10 s without anything
//     back from the hub (Cisco, "IPsec Dead Peer Detection Periodic Message Option").
// [3] The spokes send, as branch users would; the hub only answers.
