import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod/mini';
import { type ScenarioDocument, scenarioSchema } from './schema';
import type { Scenario } from './types';

/** The smallest complete document: every defaulted or optional field left out. */
const minimal = {
  format: 'tunnelscope/scenario',
  version: 1,
  title: 'two routers',
  seed: 0,
  durationMs: 60_000,
  nodes: [
    { id: 'A', kind: 'router', x: 0, y: 0, config: 'hostname A' },
    { id: 'B', kind: 'router', x: 10, y: 0, config: 'hostname B' },
  ],
  links: [{ id: 'A-B', a: 'A', b: 'B', latencyMs: 0 }],
} satisfies ScenarioDocument;

describe('scenarioSchema', () => {
  it('outputs a Scenario', () => {
    expectTypeOf<z.output<typeof scenarioSchema>>().toExtend<Scenario>();
  });

  it('fills in the defaults', () => {
    const scenario = scenarioSchema.parse({
      ...minimal,
      traffic: [
        { id: 'p', kind: 'ping', src: '10.0.0.1', dst: '10.0.0.2', everyMs: 10, startMs: 0 },
      ],
    });
    expect(scenario.nodes[0]).toEqual({
      id: 'A',
      kind: 'router',
      x: 0,
      y: 0,
      bootMs: 30_000,
      config: 'hostname A',
      dpdSupport: true,
      saInstallDelayMs: 0,
    });
    const [flow] = scenario.traffic;
    expect(flow?.kind === 'ping' && flow.sizeBytes).toBe(100);
    expect(scenario.timeline).toEqual([]);
  });

  it('accepts the limits themselves', () => {
    const doc = {
      ...minimal,
      seed: 2 ** 32 - 1,
      durationMs: 7 * 24 * 3_600_000,
      title: 't'.repeat(200),
      nodes: [
        { id: 'A', kind: 'router', x: -5.5, y: 1e6, config: 'x'.repeat(64 * 1024) },
        { id: `B${'b'.repeat(31)}`, kind: 'cloud', x: 0, y: 0 },
      ],
      links: [{ id: 'a_b.c-d', a: 'A', b: `B${'b'.repeat(31)}`, latencyMs: 10_000 }],
      timeline: [
        { atMs: 0, action: 'reload', node: 'A' },
        { atMs: 7 * 24 * 3_600_000, action: 'exec', node: 'A', command: 'write memory' },
      ],
    };
    expect(scenarioSchema.safeParse(doc).success).toBe(true);
  });

  it('refuses ids that are Object.prototype members', () => {
    for (const id of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const doc = { ...minimal, links: [{ ...minimal.links[0], id }] };
      expect(scenarioSchema.safeParse(doc).success).toBe(false);
    }
  });

  it('reports each duplicated id once, at its second use', () => {
    const result = scenarioSchema.safeParse({
      ...minimal,
      nodes: [...minimal.nodes, { id: 'A-B', kind: 'cloud', x: 0, y: 0 }],
    });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['links.0.id', '"A-B" is already the id of nodes[2]'],
    ]);
  });
});
