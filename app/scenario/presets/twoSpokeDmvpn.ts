// The two-spoke DMVPN of the DMVPN presets: SPOKE1 (tunnel 172.16.0.2) on the left, the HUB on
// the right, SPOKE2 (172.16.0.3) below SPOKE1, all on the ISP cloud. Each preset adds its own
// global lines and NHRP lines.

import { dmvpnHub, dmvpnSpoke, HUB, lanPrefix, SPOKE1, SPOKE2 } from './configs';
import { ispTopology, LEFT, LEFT_BELOW, RIGHT } from './topology';

export interface TwoSpokeDmvpnOptions {
  hubGlobal?: readonly string[];
  spoke1Global?: readonly string[];
  spoke2Global?: readonly string[];
  /** NHRP lines both spokes add to Tunnel0 (e.g. ` ip nhrp holdtime 300`). */
  spokeNhrp?: readonly string[];
}

function spoke(
  site: typeof SPOKE1,
  tunnelIp: string,
  global?: readonly string[],
  nhrp?: readonly string[],
): string {
  return dmvpnSpoke({
    site,
    tunnelIp,
    hubWanIp: HUB.wanIp,
    hubLan: lanPrefix(HUB),
    ...(global ? { extraGlobal: global } : {}),
    ...(nhrp ? { extraNhrp: nhrp } : {}),
  });
}

export function twoSpokeDmvpn(options: TwoSpokeDmvpnOptions = {}): ReturnType<typeof ispTopology> {
  return ispTopology([
    {
      id: 'SPOKE1',
      ...LEFT,
      config: spoke(SPOKE1, '172.16.0.2', options.spoke1Global, options.spokeNhrp),
    },
    {
      id: 'HUB',
      ...RIGHT,
      config: dmvpnHub({
        site: HUB,
        spokes: [
          { tunnelIp: '172.16.0.2', lan: lanPrefix(SPOKE1) },
          { tunnelIp: '172.16.0.3', lan: lanPrefix(SPOKE2) },
        ],
        ...(options.hubGlobal ? { extraGlobal: options.hubGlobal } : {}),
      }),
    },
    {
      id: 'SPOKE2',
      ...LEFT_BELOW,
      config: spoke(SPOKE2, '172.16.0.3', options.spoke2Global, options.spokeNhrp),
    },
  ]);
}
