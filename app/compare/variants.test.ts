import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/parseScenario';
import { findPreset } from '../scenario/presets';
import type { ScenarioDocument } from '../scenario/schema';
import { parseComparePayload } from './payload';
import { SUGGESTIONS } from './suggestions';
import { buildVariants, type VariantPair, withConfigLines } from './variants';

function pair(payload: string): VariantPair {
  const parsed = parseComparePayload(payload);
  if (!parsed.ok) throw new Error(parsed.error);
  const built = buildVariants(parsed.value);
  if (!built.ok) throw new Error(built.errors.join('; '));
  return built.pair;
}

function configOf(document: ScenarioDocument, router: string): string {
  const node = document.nodes?.find((n) => n.id === router);
  if (node?.kind !== 'router') throw new Error(`no router ${router}`);
  return node.config;
}

/** Non-blank config lines of `a` missing from `b`. */
function linesOnlyIn(a: string, b: string): string[] {
  const other = new Set(b.split('\n'));
  return a.split('\n').filter((line) => line.trim() !== '' && !other.has(line));
}

/** The document without the one router's config: what must be identical on both sides. */
function withoutConfig(document: ScenarioDocument, router: string): unknown {
  return {
    ...document,
    nodes: document.nodes?.map((n) =>
      n.id === router && n.kind === 'router' ? { ...n, config: '' } : n,
    ),
  };
}

describe('buildVariants: a feature of one router', () => {
  it.each([
    [
      'reload-black-hole~R2~invalid-spi-recovery~off~on',
      'R2',
      [],
      ['crypto isakmp invalid-spi-recovery'],
    ],
    [
      'dpd-idle-on-demand~R1~keepalive~on-demand~periodic',
      'R1',
      ['crypto isakmp keepalive 60 2 on-demand'],
      ['crypto isakmp keepalive 60 2 periodic'],
    ],
    [
      'dpd-backup-peer~R1~keepalive~off~on-demand',
      'R1',
      [],
      ['crypto isakmp keepalive 60 2 on-demand'],
    ],
    [
      'idle-timer~R1~idle-time~120~600',
      'R1',
      ['crypto ipsec security-association idle-time 120'],
      ['crypto ipsec security-association idle-time 600'],
    ],
    [
      'idle-timer~R1~idle-time~120~off',
      'R1',
      ['crypto ipsec security-association idle-time 120'],
      [],
    ],
  ])('%s: A and B differ exactly in the intended lines', (payload, router, onlyA, onlyB) => {
    const { a, b } = pair(payload);
    const configA = configOf(a.document, router);
    const configB = configOf(b.document, router);
    expect(linesOnlyIn(configA, configB)).toEqual(onlyA);
    expect(linesOnlyIn(configB, configA)).toEqual(onlyB);
    expect(withoutConfig(a.document, router)).toEqual(withoutConfig(b.document, router));
  });

  it('leaves the base preset untouched and both documents valid', () => {
    const base = findPreset('reload-black-hole');
    const before = JSON.stringify(base?.document);
    const { a, b } = pair('reload-black-hole~R2~invalid-spi-recovery~off~on');
    expect(JSON.stringify(base?.document)).toBe(before);
    expect(parseScenario(a.document).ok).toBe(true);
    expect(parseScenario(b.document).ok).toBe(true);
  });

  it('names each side for the column and for the headline sentence', () => {
    const { heading, a, b } = pair('reload-black-hole~R2~invalid-spi-recovery~off~on');
    expect(heading).toBe('Invalid-SPI recovery on R2 in “R2 reloads: the black hole”');
    expect([a.title, a.phrase]).toEqual([
      'Invalid-SPI recovery OFF',
      'without invalid-SPI recovery on R2',
    ]);
    expect([b.title, b.phrase]).toEqual([
      'Invalid-SPI recovery ON',
      'with invalid-SPI recovery on R2',
    ]);
    expect(b.detail).toBe('R2(config)# crypto isakmp invalid-spi-recovery');
    const dpd = pair('dpd-idle-on-demand~R1~keepalive~off~periodic');
    expect([dpd.a.title, dpd.b.title]).toEqual(['No DPD', 'Periodic DPD 60 s / 2 s']);
    expect(dpd.b.phrase).toBe('with periodic DPD on R1');
  });

  it('reports a router the base does not have', () => {
    expect(
      withConfigLines(findPreset('baseline')?.document as ScenarioDocument, 'R7', ['x']).errors,
    ).toEqual(['the scenario has no router "R7"']);
  });
});

describe('buildVariants: two presets', () => {
  it('takes both documents as they are and names them by crypto style', () => {
    const p = pair('gre-tp-reload~dmvpn-hub-reload');
    expect(p.a.document).toBe(findPreset('gre-tp-reload')?.document);
    expect(p.b.document).toBe(findPreset('dmvpn-hub-reload')?.document);
    expect(p.a.phrase).toBe('with P2P GRE with tunnel protection');
    expect(p.b.phrase).toBe('with DMVPN with dynamic NHRP mappings');
  });

  it('names same-style presets by title', () => {
    const p = pair('reload-black-hole~reload-invalid-spi-recovery');
    expect(p.a.phrase).toBe('in “R2 reloads: the black hole”');
  });

  it('builds every ready-made suggestion', () => {
    for (const s of SUGGESTIONS) expect(() => pair(s.payload)).not.toThrow();
  });
});

describe('buildVariants on every built-in scenario', () => {
  it('applies every feature to every router without a refused line', async () => {
    const { PRESETS } = await import('../scenario/presets');
    const pairs = [
      'invalid-spi-recovery~off~on',
      'keepalive~off~periodic-10-2',
      'idle-time~off~300',
    ];
    for (const preset of PRESETS)
      for (const node of preset.document.nodes ?? []) {
        if (node.kind !== 'router') continue;
        for (const values of pairs) {
          const payload = `${preset.id}~${node.id}~${values}`;
          const parsed = parseComparePayload(payload);
          if (!parsed.ok) throw new Error(parsed.error);
          const built = buildVariants(parsed.value);
          expect(built.ok ? [] : built.errors, payload).toEqual([]);
        }
      }
  });
});
