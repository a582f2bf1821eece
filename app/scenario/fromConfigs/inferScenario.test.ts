import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../sim/trace';
import { FIRST_PING_AT_MS, inferScenario, WAN_LATENCY_MS } from './inferScenario';
import { presetConfigFiles, runInferred } from './testConfigs';
import type { ConfigSource } from './types';

const fixture = (name: string): ConfigSource => ({
  name,
  text: readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'),
});

function inferred(sources: readonly ConfigSource[]) {
  const inference = inferScenario(sources);
  if (!inference.ok) throw new Error(JSON.stringify(inference.errors));
  return inference;
}

/** Routers that installed an outbound SA, and the pings after the first that came back. */
function outcome(records: readonly TraceRecord[]) {
  const installed = records.flatMap((r) =>
    r.kind === 'sa' && r.event === 'installed' && r.direction === 'outbound' ? [r.node] : [],
  );
  const pings = records.flatMap((r) => (r.kind === 'ping' ? [r] : []));
  return {
    routersWithOutboundSa: [...new Set(installed)].sort(),
    pingsAfterFirst: [...new Set(pings.filter((p) => p.seq > 0).map((p) => p.result))],
    flows: [...new Set(pings.map((p) => p.flow))].sort(),
  };
}

describe('a scenario per crypto style, from the presets’ configs as plain files', () => {
  const cases: [string, string, string[], string[]][] = [
    ['static crypto map', 'baseline', ['R1', 'R2'], ['R1-to-R2']],
    ['dynamic crypto map hub', 'dynamic-map-hub-reload', ['HUB', 'SPOKE'], ['SPOKE-to-HUB']],
    ['GRE with tunnel protection', 'gre-tp-reload', ['R1', 'R2'], ['R1-to-R2']],
    ['static VTI', 'svti-reload', ['R1', 'R2'], ['R1-to-R2']],
    [
      'DMVPN hub and spokes',
      'dmvpn-spoke-reload',
      ['HUB', 'SPOKE1', 'SPOKE2'],
      ['HUB-to-SPOKE2', 'SPOKE1-to-HUB'],
    ],
    ['EzVPN server and client', 'ezvpn-client-reload', ['R1', 'R2'], ['R1-to-R2']],
  ];
  it.each(cases)(
    '%s (%s): the tunnels come up and the pings get through',
    (_style, preset, routers, flows) => {
      const records = runInferred(presetConfigFiles(preset), 20_000);
      expect(outcome(records)).toEqual({
        routersWithOutboundSa: routers,
        pingsAfterFirst: ['ok'],
        flows,
      });
    },
  );

  it('joins the crypto interfaces through one WAN cloud, pings from 5 s, assumes nothing', () => {
    const { document, assumptions } = inferred(presetConfigFiles('baseline'));
    expect(document.links).toEqual([
      { id: 'R1-WAN', a: 'R1', b: 'WAN', latencyMs: WAN_LATENCY_MS },
      { id: 'R2-WAN', a: 'R2', b: 'WAN', latencyMs: WAN_LATENCY_MS },
    ]);
    expect(document.traffic).toEqual([
      {
        id: 'R1-to-R2',
        kind: 'ping',
        src: '192.168.1.10',
        dst: '192.168.2.10',
        everyMs: 1000,
        startMs: FIRST_PING_AT_MS,
      },
    ]);
    expect(assumptions).toEqual([]);
  });
});

describe('a real lab pair routed with OSPF and BGP', () => {
  const lab = [fixture('lab-branch.cfg'), fixture('lab-cloud.cfg')];

  it('assumes the routes to the peer and the protected subnets, and says so', () => {
    const { document, assumptions, notSimulated } = inferred(lab);
    expect(assumptions).toEqual([
      'BRANCH: no route to crypto peer 198.51.100.2; assumed "ip route 198.51.100.2 255.255.255.255 GigabitEthernet1/0", as a routing protocol would provide it',
      'CLOUD: no route to crypto peer 203.0.113.2; assumed "ip route 203.0.113.2 255.255.255.255 GigabitEthernet0/0", as a routing protocol would provide it',
      'BRANCH: no route to 10.70.140.0 (CLOUD GigabitEthernet1/0); assumed "ip route 10.70.140.0 255.255.255.0 GigabitEthernet1/0", as a routing protocol would provide it',
      'CLOUD: no route to 10.4.0.0 (BRANCH GigabitEthernet2/0); assumed "ip route 10.4.0.0 255.255.255.0 GigabitEthernet0/0", as a routing protocol would provide it',
    ]);
    expect(document.description).toContain('Assumed: CLOUD: no route to 10.4.0.0');
    // The 10.0.0.0/8 of BRANCH's access list holds only its 10.4.0.0/24 host.
    expect(document.traffic?.map((f) => [f.src, f.dst])).toEqual([['10.4.0.10', '10.70.140.10']]);
    const cloudConfig = document.nodes.find((n) => n.id === 'CLOUD');
    expect(cloudConfig?.kind === 'router' && cloudConfig.config).toMatch(
      /ip route 10\.4\.0\.0 255\.255\.255\.0 GigabitEthernet0\/0\n!\nend$/,
    );
    expect(notSimulated.find((n) => n.text === 'router ospf 1')).toMatchObject({
      source: 'lab-branch.cfg',
      line: 30,
    });
  });

  it('brings the tunnel up', () => {
    expect(outcome(runInferred(lab, 15_000))).toEqual({
      routersWithOutboundSa: ['BRANCH', 'CLOUD'],
      pingsAfterFirst: ['ok'],
      flows: ['BRANCH-to-CLOUD'],
    });
  });

  it('assumes routes into the tunnel when a GRE pair routes over it with OSPF', () => {
    const [r1, r2] = presetConfigFiles('gre-tp-reload').map((source) => ({
      ...source,
      text: source.text.replace(
        /^ip route 192\.168\.\d\.0 .*$/m,
        'router ospf 1\n network 0.0.0.0 255.255.255.255 area 0',
      ),
    }));
    const { assumptions } = inferred([r1 as ConfigSource, r2 as ConfigSource]);
    expect(assumptions).toEqual([
      'R1: no route to 192.168.2.0 (R2 FastEthernet0/1) through the tunnel; assumed "ip route 192.168.2.0 255.255.255.0 172.16.0.2", as a routing protocol would provide it',
      'R2: no route to 192.168.1.0 (R1 FastEthernet0/1) through the tunnel; assumed "ip route 192.168.1.0 255.255.255.0 172.16.0.1", as a routing protocol would provide it',
    ]);
  });
});

describe('configs typed differently run the same', () => {
  it('unindented and abbreviated, a preset pair infers the same traffic and the same trace', () => {
    const files = presetConfigFiles('baseline');
    const typed = files.map((source) => ({
      ...source,
      text: source.text
        .replace(/^ +/gm, '')
        .replace(/^interface FastEthernet/gm, 'int fa')
        .replace(/^ip address/gm, 'ip add')
        .replace(/^no shutdown/gm, 'no shut')
        .replace(/^crypto map CMAP$/gm, 'cry map CMAP'),
    }));
    expect(inferred(typed).document.traffic).toEqual(inferred(files).document.traffic);
    expect(runInferred(typed, 12_000)).toEqual(runInferred(files, 12_000));
  });
});

describe('bad input names the file and the line', () => {
  const [r1, r2] = presetConfigFiles('baseline') as [ConfigSource, ConfigSource];

  it('a config without hostname', () => {
    const nameless = { name: 'b.cfg', text: r2.text.replace(/^hostname R2\n/m, '') };
    expect(inferScenario([r1, nameless])).toEqual({
      ok: false,
      errors: [
        {
          source: 'b.cfg',
          message: 'no hostname line: the scenario names each router by its hostname (hostname R1)',
        },
      ],
    });
  });

  it('two configs with the same hostname', () => {
    const twin = { name: 'copy.cfg', text: r1.text };
    expect(inferScenario([r1, twin])).toEqual({
      ok: false,
      errors: [
        {
          source: 'copy.cfg',
          line: 1,
          text: 'hostname R1',
          message: 'R1.cfg has the same hostname: each router needs its own',
        },
      ],
    });
  });

  it('a malformed line', () => {
    const broken = {
      name: 'R2.cfg',
      text: r2.text.replace(' match address 101', ' match address'),
    };
    const result = inferScenario([r1, broken]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([
      {
        source: 'R2.cfg',
        line: 16,
        text: ' match address',
        message: 'incomplete command: expected access list name or number',
      },
    ]);
  });
});
