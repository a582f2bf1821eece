import { describe, expect, it } from 'vitest';
import { parseScenario } from './parseScenario';
import { dmvpnScenario, PRESETS } from './presets';
import { canonicalDocument, scenarioFromFileText, scenarioToFileText } from './scenarioFile';
import type { ScenarioDocument } from './schema';

const documents: Array<[string, ScenarioDocument]> = [
  ...PRESETS.map((preset): [string, ScenarioDocument] => [preset.id, preset.document]),
  ['dmvpnScenario(5)', dmvpnScenario(5)],
];

/** A document with every optional field and every kind of timeline entry, keys shuffled. */
const EVERYTHING: ScenarioDocument = {
  timeline: [
    { node: 'R1', action: 'reload', atMs: 3000 },
    { link: 'L1', atMs: 4000, action: 'link-down' },
    { action: 'link-up', link: 'L1', atMs: 5000 },
    { lines: ['crypto isakmp keepalive 10'], node: 'R1', action: 'config', atMs: 1000 },
    { command: 'clear crypto sa', node: 'R2', atMs: 2000, action: 'exec' },
    { state: 'stop', flow: 'p1', atMs: 6000, action: 'traffic' },
  ],
  traffic: [
    {
      sizeBytes: 100,
      stopMs: 9000,
      startMs: 1000,
      everyMs: 500,
      dst: '192.168.2.10',
      src: '192.168.1.10',
      kind: 'ping',
      id: 'p1',
    },
  ],
  links: [{ latencyMs: 5, b: 'R2', a: 'R1', id: 'L1' }],
  nodes: [
    {
      config: 'hostname R1',
      dpdSupport: true,
      bootMs: 30_000,
      y: 0,
      x: 0,
      kind: 'router',
      id: 'R1',
    },
    {
      config: 'hostname R2',
      saInstallDelayMs: 1000,
      dpdSupport: false,
      bootMs: 5000,
      y: 0,
      x: 9,
      kind: 'router',
      id: 'R2',
    },
    { y: 1, x: 1, kind: 'cloud', id: 'C' },
  ],
  durationMs: 10_000,
  seed: 7,
  description: 'every field',
  title: 'Everything',
  version: 1,
  format: 'tunnelscope/scenario',
};

describe('scenarioToFileText / scenarioFromFileText', () => {
  it.each(documents)('%s: reads back as the same scenario', (_id, document) => {
    const original = parseScenario(document);
    const text = scenarioToFileText(document);
    const read = scenarioFromFileText(text);
    expect(original.ok && read.ok).toBe(true);
    if (original.ok && read.ok) expect(read.loaded).toEqual(original.loaded);
    expect(scenarioToFileText(JSON.parse(text))).toBe(text);
  });

  it('writes canonical key order, two-space indents and a trailing newline', () => {
    const text = scenarioToFileText(EVERYTHING);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.startsWith('{\n  "format": "tunnelscope/scenario",\n  "version": 1,\n')).toBe(true);
    const file = JSON.parse(text);
    expect(Object.keys(file)).toEqual([
      'format',
      'version',
      'title',
      'description',
      'seed',
      'durationMs',
      'nodes',
      'links',
      'traffic',
      'timeline',
    ]);
    expect(file.nodes.map(Object.keys)).toEqual([
      ['id', 'kind', 'x', 'y', 'bootMs', 'dpdSupport', 'config'],
      ['id', 'kind', 'x', 'y', 'bootMs', 'dpdSupport', 'saInstallDelayMs', 'config'],
      ['id', 'kind', 'x', 'y'],
    ]);
    expect(Object.keys(file.links[0])).toEqual(['id', 'a', 'b', 'latencyMs']);
    expect(Object.keys(file.traffic[0])).toEqual([
      'id',
      'kind',
      'src',
      'dst',
      'everyMs',
      'startMs',
      'stopMs',
      'sizeBytes',
    ]);
    expect(file.timeline.map(Object.keys)).toEqual([
      ['atMs', 'action', 'node'],
      ['atMs', 'action', 'link'],
      ['atMs', 'action', 'link'],
      ['atMs', 'action', 'node', 'lines'],
      ['atMs', 'action', 'node', 'command'],
      ['atMs', 'action', 'flow', 'state'],
    ]);
    // A file keeps the timeline in the document's order; the schema sorts it on reading.
    expect(file.timeline.map((entry: { atMs: number }) => entry.atMs)).toEqual([
      3000, 4000, 5000, 1000, 2000, 6000,
    ]);
  });

  it('keeps stated defaults in a file and drops them only when asked', () => {
    const file = canonicalDocument(EVERYTHING, { omitDefaults: false });
    expect(file.nodes[0]).toMatchObject({ bootMs: 30_000, dpdSupport: true });
    const compact = canonicalDocument(
      { ...EVERYTHING, traffic: [], timeline: [] },
      { omitDefaults: true },
    );
    expect(compact.nodes[0]).toEqual({
      id: 'R1',
      kind: 'router',
      x: 0,
      y: 0,
      config: 'hostname R1',
    });
    expect(compact.nodes[1]).toMatchObject({
      bootMs: 5000,
      dpdSupport: false,
      saInstallDelayMs: 1000,
    });
    expect('traffic' in compact || 'timeline' in compact).toBe(false);
  });

  it('carries no key the schema does not know', () => {
    const extra = { ...EVERYTHING, colour: 'red', nodes: [{ ...EVERYTHING.nodes[2], z: 1 }] };
    const file = JSON.parse(scenarioToFileText(extra as ScenarioDocument));
    expect(file.colour).toBeUndefined();
    expect(file.nodes).toEqual([{ id: 'C', kind: 'cloud', x: 1, y: 1 }]);
  });

  it('reads a file exactly as parseScenarioText does, errors included', () => {
    expect(scenarioFromFileText('{"format": ')).toEqual({
      ok: false,
      errors: [{ path: '(document)', message: expect.stringMatching(/is not valid JSON/) }],
    });
  });
});
