import { SCENARIO_FORMAT, SCENARIO_VERSION } from '../types';
import { presetTitle } from './catalog';
import { backupPeerConfigs, R1, R2, R3 } from './configs';
import type { Preset } from './preset';
import { ispLink, ispTopology, LEFT, ping, RIGHT, RIGHT_BELOW } from './topology';

const configs = backupPeerConfigs({
  defaultPeer: true,
  r1Global: ['crypto isakmp keepalive 60 2'],
});

const title = presetTitle('dpd-backup-peer');
const summary =
  'R1 prefers R2 and has R3 as a backup peer; R2’s link fails at 2:00 while R1’s users keep sending.';

export const dpdBackupPeer: Preset = {
  id: 'dpd-backup-peer',
  title,
  summary,
  teaches:
    'R1 keeps encrypting toward 20.1.1.2 but hears nothing back; after 60 s on-demand DPD sends R-U-THERE, retransmits it every 2 s (the "2" is a retry interval, not a count), and after five unanswered retransmissions declares the peer dead and deletes its IKE and IPsec SAs (Crypto tunnel is DOWN). DPD resets the peer list, so with `set peer 20.1.1.2 default` R1 tries the dead default peer first; only when that main mode times out, a minute later, does it build a new tunnel to the next `set peer`, 30.1.1.3: stateless failover, no SA state is copied, slower than without `default` but back to the preferred peer at every new attempt. The flow to R3’s LAN then answers while the flow to R2’s LAN stays dark.',
  notesScenario: '7.4.7',
  sources: ['cg-dpd-periodic', 'cg-preferred-peer', 'rfc3706'],
  cryptoStyle: 'static-map',
  document: {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    title,
    description: summary,
    seed: 11,
    durationMs: 360_000, // [1]
    ...ispTopology([
      { id: 'R1', ...LEFT, config: configs.r1 },
      { id: 'R2', ...RIGHT, config: configs.r2 },
      { id: 'R3', ...RIGHT_BELOW, config: configs.r3 },
    ]),
    traffic: [
      ping('lan1-to-lan2', R1, R2),
      ping('lan1-to-lan3', R1, R3, 120_000), // [2]
    ],
    timeline: [{ atMs: 120_000, action: 'link-down', link: ispLink('R2') }], // [3]
  },
};

// [1] Six minutes: DPD needs about 70 s after the failure (60 s of silence, then 5 retries 2 s
//     apart), main mode to the dead default peer a minute more, the backup tunnel follows, and
//     the rest shows R1 settled on R3.
// [2] A second user starts pinging R3's LAN when R2's link fails. R3 fronts its own LAN
//     (192.168.3.0/24), so after the failover the pings to 192.168.2.10 keep failing and these
//     succeed: the switch of headend is visible in the traffic, not only in `show crypto`. The
//     flow starts at the failure, not before, so that none of its packets ever reaches R2, which
//     would decrypt them and hand them to the ISP in the clear.
// [3] The link stays down: the lesson is the failover, and R2 coming back is idle-default-peer.
