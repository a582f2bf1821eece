import { describe, expect, it } from 'vitest';
import { parseScenario } from '../parseScenario';
import type { ScenarioDocument } from '../schema';
import type { LoadedScenario } from '../types';
import { DEFAULT_PRESET_ID, DMVPN_MAX_SPOKES, dmvpnScenario, findPreset, PRESETS } from './index';

// The only preset lines the parser reports as not simulated: the AAA lookup of the Easy VPN
// server's group (ezvpn-client-reload, R2), which a real server needs and the engine takes as
// given. Any other such line would be a preset showing a command the simulation ignores.
const NOT_SIMULATED = new Set([
  'aaa authorization network EZ-AUTHOR local',
  'crypto map CMAP isakmp authorization list EZ-AUTHOR',
]);

const documents: Array<[string, ScenarioDocument]> = [
  ...PRESETS.map((preset): [string, ScenarioDocument] => [preset.id, preset.document]),
  ['dmvpnScenario(50)', dmvpnScenario(50)],
];

function load(document: ScenarioDocument): LoadedScenario {
  const result = parseScenario(document);
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result.loaded;
}

describe.each(documents)('%s', (_name, document) => {
  it('parses, with no error in any router config', () => {
    const result = parseScenario(document);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('uses only simulated IOS commands, apart from the Easy VPN AAA lines', () => {
    const { notSimulated } = load(document);
    const unexpected = Object.values(notSimulated)
      .flat()
      .filter((diagnostic) => !NOT_SIMULATED.has(diagnostic.text));
    expect(unexpected).toEqual([]);
  });

  it('turns on `crypto logging session` on every router', () => {
    const { startupConfigs } = load(document);
    for (const config of Object.values(startupConfigs)) {
      expect(config.cryptoLoggingSession, config.hostname).toBe(true);
    }
  });

  it('uses hostnames as node ids', () => {
    const { startupConfigs } = load(document);
    for (const [id, config] of Object.entries(startupConfigs)) expect(config.hostname).toBe(id);
  });
});

describe('PRESETS', () => {
  it('have unique ids', () => {
    const ids = PRESETS.map((preset) => preset.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('have unique seeds', () => {
    const seeds = PRESETS.map((preset) => preset.document.seed);
    expect(new Set(seeds).size).toBe(seeds.length);
  });

  it('include the default preset', () => {
    expect(findPreset(DEFAULT_PRESET_ID)?.id).toBe(DEFAULT_PRESET_ID);
    expect(findPreset('no-such-preset')).toBeUndefined();
  });
});

describe('dmvpnScenario', () => {
  it('builds a hub, the ISP and N spokes, each pinging the hub LAN', () => {
    const { scenario } = load(dmvpnScenario(50));
    expect(scenario.nodes).toHaveLength(52);
    expect(scenario.links).toHaveLength(51);
    expect(scenario.traffic).toHaveLength(50);
    expect(new Set(scenario.traffic.map((flow) => flow.dst))).toEqual(new Set(['192.168.0.10']));
  });

  it('places nodes at distinct whole-number positions', () => {
    const { nodes } = dmvpnScenario(DMVPN_MAX_SPOKES);
    expect(nodes.every((node) => Number.isInteger(node.x) && Number.isInteger(node.y))).toBe(true);
    expect(new Set(nodes.map((node) => `${node.x},${node.y}`)).size).toBe(nodes.length);
  });

  it('accepts the largest size the scenario format allows, and no more', () => {
    expect(parseScenario(dmvpnScenario(DMVPN_MAX_SPOKES)).ok).toBe(true);
    expect(() => dmvpnScenario(DMVPN_MAX_SPOKES + 1)).toThrow(RangeError);
    expect(() => dmvpnScenario(0)).toThrow(RangeError);
  });
});
