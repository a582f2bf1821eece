import { presetTitle } from './catalog';
import { dmvpnScenario } from './dmvpnScenario';
import type { Preset } from './preset';

const title = presetTitle('dmvpn-scale');
const summary =
  'Fifty spokes register with the hub and ping its LAN every second, with periodic DPD every 10 s.';

export const dmvpnScale: Preset = {
  id: 'dmvpn-scale',
  title,
  summary,
  teaches:
    'Every spoke builds its own IKE and IPsec SAs to the hub through its static NHRP mapping, and periodic DPD sends an R-U-THERE every 10 s on each of the 50 sessions whatever the traffic: Cisco warns that periodic DPD costs more overhead with many peers. Compare the probe traffic with the on-demand presets, where a busy tunnel sends none.',
  notesScenario: '2.1',
  sources: ['cg-dpd-periodic', 'cg-nhrp', 'rfc3706'],
  cryptoStyle: 'mgre-dynamic-nhrp',
  document: { ...dmvpnScenario(50), title, description: summary, seed: 17, durationMs: 600_000 }, // [1]
};

// [1] Ten minutes: enough for 60 DPD rounds per spoke; the benchmark runs the generator's full
//     hour on its own.
