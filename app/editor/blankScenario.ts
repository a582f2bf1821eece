// What "New scenario" starts from: two routers, each with a WAN interface toward an ISP cloud
// (10 ms each way) and a LAN, addressed and routed but with no crypto yet (the user writes that),
// and a ping a second from LAN 1 to LAN 2 from 5 s, the traffic that brings a tunnel up.

import {
  DOCUMENT_DEFAULTS,
  type RouterNode,
  SCENARIO_FORMAT,
  SCENARIO_VERSION,
  type Scenario,
} from '../scenario/types';

/** A router's startup-config with only its addressing: WAN .x on `wan`, LAN .1 on `lan`. */
function addressedConfig(hostname: string, wanIp: string, lanIp: string): string {
  const gateway = `${wanIp.split('.').slice(0, 3).join('.')}.254`;
  return [
    `hostname ${hostname}`,
    '!',
    'interface FastEthernet0/0',
    ` ip address ${wanIp} 255.255.255.0`,
    ' no shutdown',
    '!',
    'interface FastEthernet0/1',
    ` ip address ${lanIp} 255.255.255.0`,
    ' no shutdown',
    '!',
    `ip route 0.0.0.0 0.0.0.0 ${gateway}`,
  ].join('\n');
}

function router(id: string, x: number, config: string): RouterNode {
  return {
    id,
    kind: 'router',
    x,
    y: 200,
    bootMs: DOCUMENT_DEFAULTS.bootMs,
    config,
    dpdSupport: DOCUMENT_DEFAULTS.dpdSupport,
    saInstallDelayMs: DOCUMENT_DEFAULTS.saInstallDelayMs,
  };
}

export function blankScenario(): Scenario {
  return {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    title: 'New scenario',
    seed: 1,
    durationMs: 120_000,
    nodes: [
      router('R1', 120, addressedConfig('R1', '10.1.1.1', '192.168.1.1')),
      { id: 'ISP', kind: 'cloud', x: 400, y: 200 },
      router('R2', 680, addressedConfig('R2', '20.1.1.2', '192.168.2.1')),
    ],
    links: [
      { id: 'R1-ISP', a: 'R1', b: 'ISP', latencyMs: 10 },
      { id: 'R2-ISP', a: 'R2', b: 'ISP', latencyMs: 10 },
    ],
    traffic: [
      {
        id: 'lan1-to-lan2',
        kind: 'ping',
        src: '192.168.1.10',
        dst: '192.168.2.10',
        everyMs: 1_000,
        startMs: 5_000,
        sizeBytes: DOCUMENT_DEFAULTS.sizeBytes,
      },
    ],
    timeline: [],
  };
}
