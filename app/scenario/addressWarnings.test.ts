import { describe, expect, it } from 'vitest';
import { parseIosConfig } from '../ios/parseConfig';
import { ADDRESS_COLLISIONS_MAX, addressWarnings } from './addressWarnings';
import { parseScenario } from './parseScenario';
import { dmvpnScenario, findPreset, PRESETS } from './presets';
import type { ScenarioDocument } from './schema';
import type { LoadedScenario } from './types';

function loaded(document: ScenarioDocument): LoadedScenario {
  const parsed = parseScenario(document);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.loaded;
}

/** The baseline preset with one of R2's lines changed. */
function baselineWithR2(from: string, to: string): ScenarioDocument {
  const document = structuredClone(findPreset('baseline')?.document) as ScenarioDocument;
  for (const node of document.nodes) {
    if (node.kind === 'router' && node.id === 'R2') node.config = node.config.replace(from, to);
  }
  return document;
}

describe('address warnings', () => {
  it('warn of an address two routers have, at both lines, each naming the other', () => {
    const document = baselineWithR2('ip address 20.1.1.2', 'ip address 10.1.1.1');
    const { warnings } = loaded(document);
    expect(warnings).toEqual({
      R1: [
        {
          line: 19,
          text: ' ip address 10.1.1.1 255.255.255.0',
          message:
            '10.1.1.1 is also the address of R2 (config line 19, FastEthernet0/0): packets to it go to R1 only',
        },
      ],
      R2: [
        {
          line: 19,
          text: ' ip address 10.1.1.1 255.255.255.0',
          message:
            '10.1.1.1 is also the address of R1 (config line 19, FastEthernet0/0): packets to it go to R1 only',
        },
      ],
    });
  });

  it('warn of subnets that overlap without being the same', () => {
    const document = baselineWithR2(
      'ip address 20.1.1.2 255.255.255.0',
      'ip address 10.1.1.130 255.255.255.128',
    );
    const { warnings } = loaded(document);
    expect(warnings.R2).toEqual([
      {
        line: 19,
        text: ' ip address 10.1.1.130 255.255.255.128',
        message:
          '10.1.1.128/25 (FastEthernet0/0) overlaps 10.1.1.0/24 of R1 (config line 19, FastEthernet0/0): hosts in 10.1.1.128/25 are on both routers',
      },
    ]);
    expect(warnings.R1?.[0]?.message).toBe(
      '10.1.1.0/24 (FastEthernet0/0) overlaps 10.1.1.128/25 of R2 (config line 19, FastEthernet0/0): hosts in 10.1.1.128/25 are on both routers',
    );
  });

  it('say nothing of one subnet shared by two routers (a segment, as an HSRP pair has)', () => {
    expect(
      loaded(findPreset('hsrp-headend-failover')?.document as ScenarioDocument).warnings,
    ).toEqual({
      HE1: [],
      HE2: [],
      R1: [],
    });
  });

  it('say nothing for any preset, or for 198 DMVPN spokes', () => {
    for (const document of [...PRESETS.map((p) => p.document), dmvpnScenario(198)]) {
      // incomplete-map's one warning is of its crypto map, the point of it (cryptoMapWarnings).
      const warnings = Object.values(loaded(document).warnings)
        .flat()
        .filter((w) => !w.message.startsWith('crypto map '));
      expect(warnings, document.title).toEqual([]);
    }
  });

  it('stay quick and few for 200 routers of 300 addresses each, all colliding', {
    timeout: 30_000,
  }, () => {
    const text = Array.from(
      { length: 300 },
      (_, i) =>
        `interface Loopback${i}\n ip address 10.${i >> 8}.${i & 255}.1 255.255.255.${i % 2 ? 0 : 252}`,
    ).join('\n');
    const config = parseIosConfig(text).config;
    const routers = new Map(Array.from({ length: 200 }, (_, i) => [`R${i}`, { text, config }]));
    const started = process.hrtime.bigint();
    const warnings = addressWarnings(routers);
    // A hang detector (a pairwise search takes minutes); about 0.3 s on a quiet machine.
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(10_000);
    expect(Object.values(warnings).flat()).toHaveLength(2 * ADDRESS_COLLISIONS_MAX);
  });
});
