import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { parseIosConfig } from '../ios/parseConfig';
import type { ParsedConfig } from '../ios/types';
import { SCENARIO_CONFIG_LINES_MAX } from './loadScenario';
import { DOCUMENT_MAX_CHARS, parseScenario, parseScenarioText } from './parseScenario';
import type { ScenarioDocument } from './schema';
import type { ParseResult, ScenarioError } from './types';

// The real parser, unless a test substitutes a result with mockReturnValueOnce.
vi.mock(import('../ios/parseConfig'), async (importOriginal) => {
  const original = await importOriginal();
  return { parseIosConfig: vi.fn(original.parseIosConfig) };
});

const R1_CONFIG = `hostname R1
!
crypto isakmp policy 10
 encryption aes
 hash sha
 authentication pre-share
 group 2
crypto isakmp key cisco123 address 20.1.1.2
crypto isakmp keepalive 10
!
crypto ipsec transform-set TS esp-aes esp-sha-hmac
!
crypto map CMAP 10 ipsec-isakmp
 set peer 20.1.1.2
 set transform-set TS
 match address 101
!
interface FastEthernet0/0
 ip address 10.1.1.1 255.255.255.0
 crypto map CMAP
!
interface FastEthernet0/1
 ip address 192.168.1.1 255.255.255.0
!
ip route 0.0.0.0 0.0.0.0 10.1.1.2
!
access-list 101 permit ip 192.168.1.0 0.0.0.255 192.168.2.0 0.0.0.255
`;

const R2_CONFIG = `hostname R2
!
crypto isakmp policy 10
 encryption aes
 hash sha
 authentication pre-share
 group 2
crypto isakmp key cisco123 address 10.1.1.1
crypto isakmp keepalive 10
!
crypto ipsec transform-set TS esp-aes esp-sha-hmac
!
crypto map CMAP 10 ipsec-isakmp
 set peer 10.1.1.1
 set transform-set TS
 match address 101
!
interface FastEthernet0/0
 ip address 20.1.1.2 255.255.255.0
 crypto map CMAP
!
interface FastEthernet0/1
 ip address 192.168.2.1 255.255.255.0
!
ip route 0.0.0.0 0.0.0.0 20.1.1.1
!
access-list 101 permit ip 192.168.2.0 0.0.0.255 192.168.1.0 0.0.0.255
`;

/** The example of the format's documentation, as a user writes it (defaults left out). */
function exampleDocument() {
  return {
    format: 'tunnelscope/scenario',
    version: 1,
    title: 'R2 reloads while R1 keeps sending',
    seed: 1,
    durationMs: 900000,
    nodes: [
      { id: 'R1', kind: 'router', x: 120, y: 200, bootMs: 30000, config: R1_CONFIG },
      { id: 'R2', kind: 'router', x: 680, y: 200, config: R2_CONFIG },
      { id: 'ISP', kind: 'cloud', x: 400, y: 200 },
    ],
    links: [
      { id: 'R1-ISP', a: 'R1', b: 'ISP', latencyMs: 10 },
      { id: 'R2-ISP', a: 'R2', b: 'ISP', latencyMs: 10 },
    ],
    traffic: [
      {
        id: 'ping1',
        kind: 'ping',
        src: '192.168.1.10',
        dst: '192.168.2.10',
        everyMs: 1000,
        startMs: 5000,
      },
    ],
    timeline: [
      { atMs: 120000, action: 'reload', node: 'R2' },
      { atMs: 300000, action: 'link-down', link: 'R2-ISP' },
      { atMs: 360000, action: 'link-up', link: 'R2-ISP' },
      {
        atMs: 400000,
        action: 'config',
        node: 'R2',
        lines: ['crypto isakmp invalid-spi-recovery'],
      },
      { atMs: 500000, action: 'exec', node: 'R1', command: 'clear crypto sa' },
      { atMs: 600000, action: 'traffic', flow: 'ping1', state: 'stop' },
    ],
  } satisfies ScenarioDocument;
}

/** The example as plain mutable JSON, for tests that break it. */
function exampleJson(): Record<string, unknown> & {
  nodes: Record<string, unknown>[];
  links: Record<string, unknown>[];
  traffic: Record<string, unknown>[];
  timeline: Record<string, unknown>[];
} {
  return structuredClone(exampleDocument());
}

/** A scanner on the example's ISP cloud sending to R2, with `fields` changed. */
function scanner(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    id: 'scan1',
    kind: 'esp-scan',
    from: 'ISP',
    src: '203.0.113.66',
    dst: '20.1.1.2',
    everyMs: 10_000,
    startMs: 0,
    ...fields,
  };
}

function errorsOf(result: ParseResult): ScenarioError[] {
  if (result.ok) throw new Error('expected the scenario to be rejected');
  return result.errors;
}

describe('parseScenario on the documented example', () => {
  it('loads it, with defaults and parsed configs', () => {
    const result = parseScenario(exampleDocument());
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { scenario, startupConfigs, notSimulated } = result.loaded;
    expect(scenario.nodes[1]).toEqual({
      id: 'R2',
      kind: 'router',
      x: 680,
      y: 200,
      bootMs: 30000,
      config: R2_CONFIG,
      dpdSupport: true,
      saInstallDelayMs: 0,
    });
    const [flow] = scenario.traffic;
    expect(flow?.kind === 'ping' && flow.sizeBytes).toBe(100);
    expect(scenario.traffic[0]?.stopMs).toBeUndefined();
    expect(scenario.description).toBeUndefined();
    expect(Object.keys(startupConfigs)).toEqual(['R1', 'R2']);
    expect(startupConfigs.R1?.hostname).toBe('R1');
    expect(startupConfigs.R2?.hostname).toBe('R2');
    expect(notSimulated).toEqual({ R1: [], R2: [] });
  });

  it('reads the same from JSON text', () => {
    const fromValue = parseScenario(exampleDocument());
    expect(parseScenarioText(JSON.stringify(exampleDocument()))).toEqual(fromValue);
  });

  it('fills in traffic and timeline when left out', () => {
    const { traffic: _traffic, timeline: _timeline, ...doc } = exampleDocument();
    const result = parseScenario(doc);
    expect(result.ok && result.loaded.scenario.traffic).toEqual([]);
    expect(result.ok && result.loaded.scenario.timeline).toEqual([]);
  });

  it('sorts the timeline by atMs, keeping the written order of ties', () => {
    const doc = exampleJson();
    doc.timeline = [
      { atMs: 500, action: 'link-down', link: 'R1-ISP' },
      { atMs: 100, action: 'reload', node: 'R1' },
      { atMs: 500, action: 'link-up', link: 'R1-ISP' },
      { atMs: 100, action: 'exec', node: 'R1', command: 'write memory' },
      { atMs: 0, action: 'traffic', flow: 'ping1', state: 'start' },
    ];
    const result = parseScenario(doc);
    const actions = result.ok ? result.loaded.scenario.timeline.map((entry) => entry.action) : [];
    expect(actions).toEqual(['traffic', 'reload', 'exec', 'link-down', 'link-up']);
  });
});

describe('parseScenarioText', () => {
  it('reports a JSON syntax error at (document), with its line and column', () => {
    const [error, ...rest] = errorsOf(parseScenarioText('{"format": "tunnelscope/scenario",, }'));
    expect(rest).toEqual([]);
    expect(error).toEqual({
      path: '(document)',
      message: 'is not valid JSON at line 1, column 35: unexpected ","',
    });
    const text = `${JSON.stringify(exampleDocument(), null, 2).replace('"seed": 1', '"seed": 1 2')}`;
    expect(errorsOf(parseScenarioText(text))).toEqual([
      {
        path: '(document)',
        message: 'is not valid JSON at line 5, column 13: unexpected "2"',
      },
    ]);
    expect(errorsOf(parseScenarioText('{\r\n  "format": "tunnelscope/scenario",\r\n'))).toEqual([
      { path: '(document)', message: 'is not valid JSON at line 3, column 1: the text ends early' },
    ]);
  });

  it('accepts a UTF-8 byte order mark at the start, as the browser does', () => {
    const text = JSON.stringify(exampleDocument());
    expect(parseScenarioText(`\uFEFF${text}`)).toEqual(parseScenarioText(text));
  });

  it('refuses nesting deeper than a scenario needs before parsing it', () => {
    const deep = `{"nodes": ${'['.repeat(40)}${']'.repeat(40)}}`;
    expect(errorsOf(parseScenarioText(deep))).toEqual([
      {
        path: '(document)',
        message: 'nests lists and objects more than 16 deep; a scenario nests 4 deep',
      },
    ]);
  });

  it('refuses text over the size limit without parsing it', () => {
    const errors = errorsOf(parseScenarioText(' '.repeat(DOCUMENT_MAX_CHARS + 1)));
    expect(errors).toEqual([{ path: '(document)', message: expect.stringMatching(/limit/) }]);
  });

  it('survives nesting deeper than the JSON parser allows', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    expect(errorsOf(parseScenarioText(deep))[0]?.path).toBe('(document)');
  });
});

describe('errors name the offending field', () => {
  type Doc = ReturnType<typeof exampleJson>;
  const cases: Array<[string, (doc: Doc) => void, string, RegExp]> = [
    ['a fractional time', (d) => Object.assign(d, { durationMs: 1.5 }), 'durationMs', /whole/],
    [
      'a duration over 7 days',
      (d) => Object.assign(d, { durationMs: 7 * 86_400_000 + 1 }),
      'durationMs',
      /7 days/,
    ],
    ['a zero duration', (d) => Object.assign(d, { durationMs: 0 }), 'durationMs', /at least 1/],
    ['a negative seed', (d) => Object.assign(d, { seed: -1 }), 'seed', /at least 0/],
    ['a seed over uint32', (d) => Object.assign(d, { seed: 2 ** 32 }), 'seed', /uint32/],
    [
      'a seed as text',
      (d) => Object.assign(d, { seed: '1' }),
      'seed',
      /must be a number, not the text "1"/,
    ],
    [
      'a long title',
      (d) => Object.assign(d, { title: 'x'.repeat(201) }),
      'title',
      /at most 200 characters/,
    ],
    ['an empty title', (d) => Object.assign(d, { title: '' }), 'title', /empty/],
    ['a missing title', (d) => delete d.title, 'title', /missing/],
    [
      'a latency over 10 s',
      (d) => Object.assign(d.links[1] ?? {}, { latencyMs: 10_001 }),
      'links[1].latencyMs',
      /at most 10000/,
    ],
    [
      'a negative latency',
      (d) => Object.assign(d.links[0] ?? {}, { latencyMs: -1 }),
      'links[0].latencyMs',
      /at least 0/,
    ],
    [
      'a bad id',
      (d) => Object.assign(d.nodes[2] ?? {}, { id: 'my cloud' }),
      'nodes[2].id',
      /letters, digits/,
    ],
    [
      'an empty id',
      (d) => Object.assign(d.links[0] ?? {}, { id: '' }),
      'links[0].id',
      /letters, digits/,
    ],
    [
      'a 33-character id',
      (d) => Object.assign(d.nodes[2] ?? {}, { id: 'c'.repeat(33) }),
      'nodes[2].id',
      /1 to 32/,
    ],
    [
      'a prototype id',
      (d) => Object.assign(d.traffic[0] ?? {}, { id: '__proto__' }),
      'traffic[0].id',
      /reserved/,
    ],
    [
      'an unknown node kind',
      (d) => Object.assign(d.nodes[2] ?? {}, { kind: 'switch' }),
      'nodes[2].kind',
      /"router", "cloud"/,
    ],
    [
      'a huge config',
      (d) => Object.assign(d.nodes[0] ?? {}, { config: 'x'.repeat(65_537) }),
      'nodes[0].config',
      /64 KiB/,
    ],
    [
      'a boot time as text',
      (d) => Object.assign(d.nodes[0] ?? {}, { bootMs: '30s' }),
      'nodes[0].bootMs',
      /number/,
    ],
    [
      'dpdSupport as text',
      (d) => Object.assign(d.nodes[0] ?? {}, { dpdSupport: 'yes' }),
      'nodes[0].dpdSupport',
      /true or false/,
    ],
    [
      'an SA install delay over 10 s',
      (d) => Object.assign(d.nodes[1] ?? {}, { saInstallDelayMs: 10_001 }),
      'nodes[1].saInstallDelayMs',
      /at most 10000/,
    ],
    [
      'a fractional SA install delay',
      (d) => Object.assign(d.nodes[1] ?? {}, { saInstallDelayMs: 0.5 }),
      'nodes[1].saInstallDelayMs',
      /whole number/,
    ],
    [
      'an id used twice',
      (d) => Object.assign(d.links[1] ?? {}, { id: 'R1' }),
      'links[1].id',
      /"R1" is already the id of nodes\[0\]/,
    ],
    [
      'a link to nowhere',
      (d) => Object.assign(d.links[1] ?? {}, { b: 'R9' }),
      'links[1].b',
      /no node has the id "R9"/,
    ],
    [
      'a loop link',
      (d) => Object.assign(d.links[0] ?? {}, { b: 'R1' }),
      'links[0].b',
      /must differ/,
    ],
    [
      'a bad IPv4',
      (d) => Object.assign(d.traffic[0] ?? {}, { src: '192.168.1.300' }),
      'traffic[0].src',
      /IPv4/,
    ],
    [
      'a fast ping',
      (d) => Object.assign(d.traffic[0] ?? {}, { everyMs: 9 }),
      'traffic[0].everyMs',
      /at least 10/,
    ],
    [
      'a stop before the start',
      (d) => Object.assign(d.traffic[0] ?? {}, { stopMs: 5000 }),
      'traffic[0].stopMs',
      /after startMs/,
    ],
    [
      'a start after the end',
      (d) => Object.assign(d.traffic[0] ?? {}, { startMs: 900_001 }),
      'traffic[0].startMs',
      /within the scenario/,
    ],
    [
      'an odd ping size',
      (d) => Object.assign(d.traffic[0] ?? {}, { sizeBytes: 20 }),
      'traffic[0].sizeBytes',
      /at least 36/,
    ],
    [
      'an event after the end',
      (d) => Object.assign(d.timeline[0] ?? {}, { atMs: 900_001 }),
      'timeline[0].atMs',
      /within the scenario/,
    ],
    [
      'a negative event time',
      (d) => Object.assign(d.timeline[0] ?? {}, { atMs: -5 }),
      'timeline[0].atMs',
      /at least 0/,
    ],
    [
      'a cloud reload',
      (d) => Object.assign(d.timeline[0] ?? {}, { node: 'ISP' }),
      'timeline[0].node',
      /"ISP" is a cloud; only a router/,
    ],
    [
      'a reload of nothing',
      (d) => Object.assign(d.timeline[0] ?? {}, { node: 'R3' }),
      'timeline[0].node',
      /no node has the id "R3"/,
    ],
    [
      'a config on a cloud',
      (d) => Object.assign(d.timeline[3] ?? {}, { node: 'ISP' }),
      'timeline[3].node',
      /cloud/,
    ],
    [
      'an exec on a cloud',
      (d) => Object.assign(d.timeline[4] ?? {}, { node: 'ISP' }),
      'timeline[4].node',
      /cloud/,
    ],
    [
      'a link event on a node',
      (d) => Object.assign(d.timeline[1] ?? {}, { link: 'R2' }),
      'timeline[1].link',
      /no link has the id "R2"/,
    ],
    [
      'a traffic event on a link',
      (d) => Object.assign(d.timeline[5] ?? {}, { flow: 'R1-ISP' }),
      'timeline[5].flow',
      /no traffic flow has the id/,
    ],
    [
      'an unknown command',
      (d) => Object.assign(d.timeline[4] ?? {}, { command: 'reload' }),
      'timeline[4].command',
      /"clear crypto sa"/,
    ],
    [
      'an unknown action',
      (d) => Object.assign(d.timeline[2] ?? {}, { action: 'link-flap' }),
      'timeline[2].action',
      /"reload"/,
    ],
    [
      'an unknown traffic state',
      (d) => Object.assign(d.timeline[5] ?? {}, { state: 'pause' }),
      'timeline[5].state',
      /"start", "stop"/,
    ],
    [
      'a two-line config line',
      (d) => Object.assign(d.timeline[3] ?? {}, { lines: ['a\nb'] }),
      'timeline[3].lines[0]',
      /single line/,
    ],
    [
      'an empty config action',
      (d) => Object.assign(d.timeline[3] ?? {}, { lines: [] }),
      'timeline[3].lines',
      /empty/,
    ],
    [
      'too many nodes',
      (d) =>
        Object.assign(d, {
          nodes: Array.from({ length: 201 }, (_, i) => ({
            id: `C${i}`,
            kind: 'cloud',
            x: 0,
            y: 0,
          })),
        }),
      'nodes',
      /at most 200 entries/,
    ],
    [
      'too many timeline entries',
      (d) => Object.assign(d, { timeline: Array(2001).fill(d.timeline[0]) }),
      'timeline',
      /at most 2000 entries/,
    ],
    [
      'nodes not a list',
      (d) => Object.assign(d, { nodes: {} }),
      'nodes',
      /must be a list, not an object/,
    ],
    [
      'a node that is null',
      (d) => Object.assign(d, { nodes: [...d.nodes, null] }),
      'nodes[3]',
      /must be an object, not null/,
    ],
    [
      'a ping from off the LANs',
      (d) => Object.assign(d.traffic[0] ?? {}, { src: '172.16.0.1' }),
      'traffic[0].src',
      /flow "ping1": 172\.16\.0\.1 is not on any router's LAN/,
    ],
    [
      'a ping to off the LANs',
      (d) => Object.assign(d.traffic[0] ?? {}, { dst: '192.168.3.1' }),
      'traffic[0].dst',
      /192\.168\.3\.1/,
    ],
    [
      'a scanner that enters at no node',
      (d) => d.traffic.splice(0, 1, scanner({ from: 'moon' })),
      'traffic[0].from',
      /no node has the id "moon"/,
    ],
    [
      'a scanner faster than one packet in 100 ms',
      (d) => d.traffic.splice(0, 1, scanner({ everyMs: 50 })),
      'traffic[0].everyMs',
      /100/,
    ],
    [
      'a scanner claiming a source that is no address',
      (d) => d.traffic.splice(0, 1, scanner({ claimedSrc: '10.1.1' })),
      'traffic[0].claimedSrc',
      /IPv4/i,
    ],
  ];

  it('loads a scanner from off the LANs, spoofing or not, next to the pings', () => {
    const doc = exampleJson();
    doc.traffic.push(scanner({}), scanner({ id: 'scan2', claimedSrc: '10.1.1.1' }));
    const result = parseScenario(doc);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.loaded.scenario.traffic.map((flow) => flow.kind)).toEqual([
      'ping',
      'esp-scan',
      'esp-scan',
    ]);
  });

  it.each(cases)('%s', (_name, breakIt, path, message) => {
    const doc = exampleJson();
    breakIt(doc);
    const errors = errorsOf(parseScenario(doc));
    expect(errors).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it('reports every unknown key, by name, where it is', () => {
    const doc = exampleJson();
    Object.assign(doc, { author: 'me', colour: 'red' });
    Object.assign(doc.nodes[2] ?? {}, { bootMs: 1 });
    Object.assign(doc.timeline[0] ?? {}, { link: 'R2-ISP' });
    expect(errorsOf(parseScenario(doc))).toEqual([
      { path: 'nodes[2]', message: 'has unknown key "bootMs"' },
      { path: 'timeline[0]', message: 'has unknown key "link"' },
      { path: '(document)', message: 'has unknown keys "author", "colour"' },
    ]);
  });

  it('names "__proto__" as an unknown key rather than obeying it', () => {
    const doc = JSON.parse(
      `{"__proto__": {"polluted": true}, ${JSON.stringify(exampleDocument()).slice(1)}`,
    );
    expect(errorsOf(parseScenario(doc))).toEqual([
      { path: '(document)', message: 'has unknown key "__proto__"' },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports a cross-reference error only once the shape is right', () => {
    const doc = exampleJson();
    Object.assign(doc.links[0] ?? {}, { b: 'nowhere' });
    Object.assign(doc, { seed: 'x' });
    expect(errorsOf(parseScenario(doc)).map((error) => error.path)).toEqual(['seed']);
  });
});

describe('router configs', () => {
  // Parsed before any test queues a substitute result.
  const r1 = parseIosConfig(R1_CONFIG).config;
  const r2 = parseIosConfig(R2_CONFIG).config;
  const configResult = (
    config: ParsedConfig['config'],
    diagnostics: ParsedConfig['diagnostics'],
  ): ParsedConfig => ({ config, diagnostics });

  it('turn config errors into errors at the config line', () => {
    vi.mocked(parseIosConfig)
      .mockReturnValueOnce(configResult(r1, []))
      .mockReturnValueOnce(
        configResult(r2, [
          { line: 12, text: ' set peer 1.2.3', severity: 'error', message: 'bad peer address' },
          { line: 14, text: 'router ospf 1', severity: 'unsupported', message: 'not simulated' },
        ]),
      );
    expect(errorsOf(parseScenario(exampleDocument()))).toEqual([
      { path: 'nodes[1].config line 12', message: 'bad peer address' },
    ]);
  });

  it('keep unsupported lines in notSimulated, by router', () => {
    const unsupported = { line: 3, text: 'router ospf 1', message: 'not simulated' };
    vi.mocked(parseIosConfig)
      .mockReturnValueOnce(configResult(r1, [{ ...unsupported, severity: 'unsupported' }]))
      .mockReturnValueOnce(configResult(r2, []));
    const result = parseScenario(exampleDocument());
    expect(result.ok && result.loaded.notSimulated).toEqual({ R1: [unsupported], R2: [] });
  });

  it('refuse configs of more than SCENARIO_CONFIG_LINES_MAX lines in all, reading none of them', () => {
    const doc = exampleJson();
    const unknown = Array.from({ length: SCENARIO_CONFIG_LINES_MAX / 2 + 1 }, (_, i) => `x${i}`);
    for (const node of doc.nodes)
      if (node.kind === 'router') Object.assign(node, { config: unknown.join('\n') });
    vi.mocked(parseIosConfig).mockClear();
    expect(errorsOf(parseScenario(doc))).toEqual([
      {
        path: 'nodes',
        message: `the routers' startup-configs have ${SCENARIO_CONFIG_LINES_MAX + 2} lines in all; a scenario has at most ${SCENARIO_CONFIG_LINES_MAX}`,
      },
    ]);
    expect(parseIosConfig).not.toHaveBeenCalled();
  });

  it('report a parser that throws as an error of that config', () => {
    vi.mocked(parseIosConfig).mockImplementationOnce(() => {
      throw new Error('boom');
    });
    expect(errorsOf(parseScenario(exampleDocument()))).toContainEqual({
      path: 'nodes[0].config',
      message: 'could not be read: boom',
    });
  });

  it('reject a malformed interface address from the real parser', () => {
    const doc = exampleJson();
    const config = R1_CONFIG.replace('10.1.1.1 255', '10.1.1.300 255');
    Object.assign(doc.nodes[0] ?? {}, { config });
    const line = config.split('\n').findIndex((text) => text.includes('10.1.1.300')) + 1;
    const errors = errorsOf(parseScenario(doc));
    expect(errors.map((error) => error.path)).toContain(`nodes[0].config line ${line}`);
  });
});

describe('the version-0 draft', () => {
  it('loads as the same scenario as version 1', () => {
    const { nodes, timeline, ...rest } = exampleJson();
    const draft = {
      ...rest,
      version: 0,
      routers: nodes.filter((node) => node.kind === 'router').map(({ kind: _, ...node }) => node),
      clouds: nodes.filter((node) => node.kind === 'cloud').map(({ kind: _, ...node }) => node),
      timeline: timeline.map(({ action, ...entry }) => ({ type: action, ...entry })),
    };
    const result = parseScenario(draft);
    expect(result.ok).toBe(true);
    expect(result).toEqual(parseScenario(exampleDocument()));
  });
});

describe('a newer or foreign document', () => {
  it('is refused with the version it was made by', () => {
    expect(errorsOf(parseScenario({ ...exampleDocument(), version: 2 }))).toEqual([
      {
        path: 'version',
        message: 'made by a newer TunnelScope (version 2); this one reads up to 1',
      },
    ]);
  });

  it('is refused without a format', () => {
    const { format: _, ...doc } = exampleDocument();
    expect(errorsOf(parseScenario(doc))[0]?.path).toBe('format');
  });
});

function isPlainContainer(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return Array.isArray(value) || prototype === Object.prototype || prototype === null;
}

/** Every path to a value inside `value`'s plain objects and arrays, the root included. */
function pathsIn(
  value: unknown,
  prefix: Array<string | number> = [],
): Array<Array<string | number>> {
  const inner = isPlainContainer(value)
    ? Object.entries(value).flatMap(([key, child]) =>
        pathsIn(child, [...prefix, Array.isArray(value) ? Number(key) : key]),
      )
    : [];
  return [prefix, ...inner];
}

const REMOVE = Symbol('remove');

/** `doc` with the value at `path` replaced (or removed); the root replaced returns the value. */
function mutated(doc: unknown, path: Array<string | number>, replacement: unknown): unknown {
  if (path.length === 0) return replacement === REMOVE ? undefined : replacement;
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (replacement === REMOVE) delete parent[last];
  else
    Object.defineProperty(parent, last, { value: replacement, enumerable: true, writable: true });
  return copy;
}

function expectWellFormed(result: ParseResult): void {
  if (result.ok) return;
  expect(result.errors.length).toBeGreaterThan(0);
  for (const error of result.errors) {
    expect(typeof error.path).toBe('string');
    expect(typeof error.message).toBe('string');
    expect(error.message.length).toBeLessThan(1000);
  }
}

describe('hostile input never throws', () => {
  const anything = fc.anything({
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withBigInt: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withBoxedValues: true,
  });
  const replacement = fc.oneof(
    anything,
    fc.constant(REMOVE),
    fc.constantFrom(
      '__proto__',
      'constructor',
      '',
      'R1',
      'ISP',
      'ping1',
      'R1-ISP',
      'x'.repeat(70_000),
    ),
    fc.integer(),
    fc.double(),
    fc.string(),
  );
  const mutation = fc.record({ at: fc.nat(), value: replacement });

  it('for deeply nested junk', () => {
    let deep: unknown = 'bottom';
    for (let level = 0; level < 100_000; level += 1) deep = level % 2 ? [deep] : { deep };
    const doc = exampleJson();
    Object.assign(doc, { nodes: deep });
    Object.assign(doc.links[0] ?? {}, { extra: deep });
    Object.assign(doc.timeline[0] ?? {}, { node: deep });
    expectWellFormed(parseScenario(doc));
    expectWellFormed(parseScenario(deep));
  });

  it('for any value at all', () => {
    fc.assert(
      fc.property(anything, (input) => expectWellFormed(parseScenario(input))),
      { numRuns: 300 },
    );
  });

  it('for the example with a few values replaced or removed', () => {
    const example = exampleDocument();
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        let doc: unknown = example;
        for (const { at, value } of mutations) {
          const paths = pathsIn(doc);
          doc = mutated(doc, paths[at % paths.length] ?? [], value);
        }
        expectWellFormed(parseScenario(doc));
      }),
      { numRuns: 300 },
    );
  });

  it('for JSON text: arbitrary, or the example cut and spliced', () => {
    const text = JSON.stringify(exampleDocument());
    const spliced = fc
      .tuple(fc.nat(text.length), fc.nat(40), fc.string())
      .map(([at, cut, insert]) => text.slice(0, at) + insert + text.slice(at + cut));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), spliced), (input) =>
        expectWellFormed(parseScenarioText(input)),
      ),
      { numRuns: 300 },
    );
  });

  it('for the version-0 draft with junk in its renamed parts', () => {
    fc.assert(
      fc.property(anything, anything, anything, (routers, clouds, timeline) => {
        const { nodes: _, ...example } = exampleDocument();
        expectWellFormed(parseScenario({ ...example, version: 0, routers, clouds, timeline }));
        expectWellFormed(parseScenario({ ...example, version: 0, routers, clouds }));
      }),
      { numRuns: 200 },
    );
  });
});
