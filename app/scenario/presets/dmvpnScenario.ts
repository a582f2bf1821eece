import { NODES_MAX } from '../limits';
import type { ScenarioDocument } from '../schema';
import { SCENARIO_FORMAT, SCENARIO_VERSION } from '../types';
import { dmvpnHub, dmvpnSpoke, HUB, lanPrefix, type Site } from './configs';
import { ispTopology, ping, type RouterPlacement } from './topology';

/** The hub and the ISP cloud take two of the NODES_MAX nodes a scenario may have. */
export const DMVPN_MAX_SPOKES = NODES_MAX - 2;

/** Room along the circle for each spoke, in view units. */
const SPOKE_SPACING = 70;
const MIN_RADIUS = 300;
const MARGIN = 120;

/**
 * A DMVPN hub with `spokeCount` spokes for one hour: each spoke pings the hub LAN once a second
 * and runs periodic DPD (`crypto isakmp keepalive 10 2 periodic`). Used by the benchmark.
 *
 * Addressing [1]: hub WAN 20.1.1.2, LAN 192.168.0.0/24, Tunnel0 172.16.0.1; spoke n (1-based)
 * WAN 10.1.n.1, LAN 192.168.n.0/24, Tunnel0 172.16.0.(n+1).
 *
 * @example dmvpnScenario(50) // 52 nodes, 51 links, 50 flows
 */
export function dmvpnScenario(spokeCount: number): ScenarioDocument {
  if (!Number.isInteger(spokeCount) || spokeCount < 1 || spokeCount > DMVPN_MAX_SPOKES) {
    throw new RangeError(`spokeCount must be a whole number from 1 to ${DMVPN_MAX_SPOKES}`);
  }
  const hub: Site = { ...HUB, lanIp: '192.168.0.1' };
  const spokes = Array.from({ length: spokeCount }, (_, i) => ({
    site: { hostname: `SPOKE${i + 1}`, wanIp: `10.1.${i + 1}.1`, lanIp: `192.168.${i + 1}.1` },
    tunnelIp: `172.16.0.${i + 2}`,
  }));

  // [2]
  const radius = Math.max(MIN_RADIUS, Math.ceil((spokeCount * SPOKE_SPACING) / (2 * Math.PI)));
  const centre = radius + MARGIN;
  const spokeNodes = spokes.map(({ site, tunnelIp }, i): RouterPlacement => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / spokeCount;
    return {
      id: site.hostname,
      x: Math.round(centre + radius * Math.cos(angle)),
      y: Math.round(centre + radius * Math.sin(angle)),
      config: dmvpnSpoke({
        site,
        tunnelIp,
        hubWanIp: hub.wanIp,
        hubLan: lanPrefix(hub),
        extraGlobal: ['crypto isakmp keepalive 10 2 periodic'],
      }),
    };
  });
  const hubNode: RouterPlacement = {
    id: hub.hostname,
    x: centre,
    y: centre,
    config: dmvpnHub({
      site: hub,
      spokes: spokes.map(({ site, tunnelIp }) => ({ tunnelIp, lan: lanPrefix(site) })),
    }),
  };

  return {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    title: `DMVPN hub with ${spokeCount} spokes`,
    description: `${spokeCount} spokes ping the hub LAN once a second for an hour, with periodic DPD every 10 s.`,
    seed: 1,
    durationMs: 3_600_000, // [3]
    ...ispTopology([hubNode, ...spokeNodes], { x: centre, y: centre + MARGIN }),
    // [4]
    traffic: spokes.map(({ site }, i) =>
      ping(`spoke${i + 1}-to-hub`, site, hub, 5_000 + Math.floor((i * 1_000) / spokeCount)),
    ),
    timeline: [],
  };
}

// [1] Spoke n's octet n stays within 1..198, so the /24 tunnel subnet and the 192.168.n.0 LANs
//     are enough for DMVPN_MAX_SPOKES; the hub LAN moves to 192.168.0.0/24 to stay clear of
//     them, unlike the two-spoke presets where it is 192.168.2.0/24.
// [2] The spokes sit on a circle around the hub, starting at the top and going clockwise, at
//     least SPOKE_SPACING apart; the ISP cloud sits just below the hub, inside the circle.
// [3] One hour covers a full IPsec SA lifetime (3600 s): every spoke rekeys about 30 s before
//     the end, so the benchmark exercises bring-up, steady traffic, DPD and rekey.
// [4] The first pings are spread over one second instead of all leaving at 5 s, as real users
//     would, so the benchmark does not measure an artificial burst of simultaneous Main Modes.
