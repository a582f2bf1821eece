import { describe, expect, it } from 'vitest';
import { encodePresetHash } from '../scenario/linkHash';
import { DEFAULT_PRESET_ID } from '../scenario/presets';
import { encodeShareHash } from '../scenario/scenarioUrl';
import type { ScenarioDocument } from '../scenario/schema';
import { EXIT_INVALID_INPUT, EXIT_OK, parseDuration, runCli, USAGE } from './runCli';

function routerConfig(p: { name: string; wan: string; lan: string; peer: string; remote: string }) {
  const gateway = p.wan.replace(/\.\d+$/, '.254');
  return [
    `hostname ${p.name}`,
    'crypto isakmp policy 10',
    ' encr aes',
    ' authentication pre-share',
    ' group 2',
    `crypto isakmp key cisco123 address ${p.peer}`,
    'crypto ipsec transform-set TS esp-aes esp-sha-hmac',
    'crypto map CMAP 10 ipsec-isakmp',
    ` set peer ${p.peer}`,
    ' set transform-set TS',
    ' match address 101',
    'interface FastEthernet0/0',
    ` ip address ${p.wan} 255.255.255.0`,
    ' crypto map CMAP',
    ' no shutdown',
    'interface FastEthernet0/1',
    ` ip address ${p.lan} 255.255.255.0`,
    ' no shutdown',
    `ip route 0.0.0.0 0.0.0.0 ${gateway}`,
    `access-list 101 permit ip ${p.lan.replace(/\.1$/, '.0')} 0.0.0.255 ${p.remote} 0.0.0.255`,
  ].join('\n');
}

const SCENARIO = {
  format: 'tunnelscope/scenario',
  version: 1,
  title: 'Two routers, one ping',
  seed: 1,
  durationMs: 20_000,
  nodes: [
    {
      id: 'R1',
      kind: 'router',
      x: 0,
      y: 0,
      config: routerConfig({
        name: 'R1',
        wan: '10.1.1.1',
        lan: '192.168.1.1',
        peer: '20.1.1.2',
        remote: '192.168.2.0',
      }),
    },
    { id: 'ISP', kind: 'cloud', x: 1, y: 0 },
    {
      id: 'R2',
      kind: 'router',
      x: 2,
      y: 0,
      config: routerConfig({
        name: 'R2',
        wan: '20.1.1.2',
        lan: '192.168.2.1',
        peer: '10.1.1.1',
        remote: '192.168.1.0',
      }),
    },
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
  timeline: [],
};

function run(argv: string[], files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, {
    readFile: (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);
      return text;
    },
    writeFile: () => {
      throw new Error('no file is written without --pcap');
    },
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
  });
  return { code, out, err };
}

const FILES = { 'two.json': JSON.stringify(SCENARIO) };

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['15m', 900_000],
    ['2h', 7_200_000],
    ['1h30m', 5_400_000],
    ['1m30s', 90_000],
    ['500ms', 500],
    ['90000', 90_000],
    ['0', 0],
  ])('%s → %d', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', 'm', '1.5m', '-5s', '15 m', '30m1h', '2d'])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});

describe('runCli', () => {
  it('prints the usage with --help', () => {
    const { code, out, err } = run(['--help']);
    expect(code).toBe(EXIT_OK);
    expect(err).toEqual([]);
    expect(out[0]).toMatch(/^Usage: npm run sim/);
    expect(out.join('\n')).toContain(DEFAULT_PRESET_ID);
  });

  it('runs a scenario file as text, one line per record', () => {
    const { code, out, err } = run(['two.json'], FILES);
    expect(err).toEqual([]);
    expect(code).toBe(EXIT_OK);
    expect(out.length).toBeGreaterThan(10);
    for (const line of out) expect(line).toMatch(/^\d{2}:\d{2}:\d{2}\.\d{3} /);
    expect(out.some((line) => /ping1 seq \d+: !/.test(line))).toBe(true);
    expect(
      out.some((line) => / R1 sent ESP spi 0x[0-9A-F]{8} 10\.1\.1\.1 > 20\.1\.1\.2/.test(line)),
    ).toBe(true);
  });

  it('stops at --until', () => {
    const { out } = run(['two.json', '--until', '7s'], FILES);
    const last = out.at(-1) ?? '';
    expect(last.slice(0, 12) <= '00:00:07.000').toBe(true);
    expect(out.some((line) => line.startsWith('00:00:06'))).toBe(true);
  });

  it('writes JSON lines that parse back to trace records', () => {
    const { code, out } = run(['two.json', '--format=jsonl', '--until', '10s'], FILES);
    expect(code).toBe(EXIT_OK);
    const records = out.map((line) => JSON.parse(line));
    expect(records.every((r) => typeof r.atMs === 'number' && typeof r.kind === 'string')).toBe(
      true,
    );
    expect(records.some((r) => r.kind === 'ping' && r.result === 'ok')).toBe(true);
  });

  it('appends show commands per router with --show', () => {
    const { out } = run(['two.json', '--show'], FILES);
    const text = out.join('\n');
    for (const router of ['R1', 'R2']) {
      expect(out).toContain(`${router}#show crypto isakmp sa`);
      expect(out).toContain(`${router}#show crypto ipsec sa`);
    }
    expect(text).toContain('QM_IDLE');
    expect(text).toMatch(/current outbound spi: 0x[0-9A-F]+/);
    expect(text).not.toContain('#show ip nhrp');
    expect(out.indexOf('R1#show crypto isakmp sa')).toBeLessThan(
      out.indexOf('R1#show crypto ipsec sa'),
    );
  });

  it('adds show standby brief for routers with HSRP groups', () => {
    const { out } = run(['hsrp-headend-failover', '--show']);
    expect(out).toContain('HE2#show standby brief');
    expect(out).not.toContain('R1#show standby brief');
    const rows = out.filter((line) => line.startsWith('Fa0/0') && line.includes('20.1.1.10'));
    // At the end, HE1 (back from its reload, no preempt) is Standby and HE2 stays Active.
    expect(rows[0]).toMatch(/Fa0\/0\s+1\s+110\s+Standby\s+20\.1\.1\.3\s+local\s+20\.1\.1\.10/);
    expect(rows[1]).toMatch(/Fa0\/0\s+1\s+100\s+Active\s+local\s+20\.1\.1\.2\s+20\.1\.1\.10/);
  });

  it('gives show output as JSON objects in jsonl', () => {
    const { out } = run(['two.json', '--show', '--format', 'jsonl'], FILES);
    const shows = out.map((line) => JSON.parse(line)).filter((r) => 'show' in r);
    expect(shows.map((s) => `${s.node} ${s.show}`)).toEqual([
      'R1 show crypto isakmp sa',
      'R1 show crypto ipsec sa',
      'R2 show crypto isakmp sa',
      'R2 show crypto ipsec sa',
    ]);
    expect(shows[0].atMs).toBe(20_000);
  });

  it('runs a preset by id: the black hole logs RECVD_PKT_INV_SPI on R2', () => {
    const { code, out } = run([DEFAULT_PRESET_ID, '--until', '4m']);
    expect(code).toBe(EXIT_OK);
    expect(out.some((l) => /^\S+ R2: %CRYPTO-4-RECVD_PKT_INV_SPI: .*spi=0x/.test(l))).toBe(true);
    expect(out).toContain('00:02:00.000 R2 reloads');
  });

  it('is deterministic', () => {
    expect(run(['two.json', '--format', 'jsonl'], FILES).out).toEqual(
      run(['two.json', '--format', 'jsonl'], FILES).out,
    );
  });

  describe('invalid input: exit 2, every error with its place', () => {
    it('lists every bad flag at once', () => {
      const { code, err, out } = run(['two.json', '--until', 'soon', '--format', 'xml', '--fast']);
      expect(code).toBe(EXIT_INVALID_INPUT);
      expect(out).toEqual([]);
      expect(err.join('\n')).toContain('--until soon');
      expect(err.join('\n')).toContain('--format xml');
      expect(err.join('\n')).toContain('--fast');
    });

    it('lists the scenario errors with the flag errors', () => {
      const { code, err } = run(['no-such-preset', '--format', 'xml']);
      expect(code).toBe(EXIT_INVALID_INPUT);
      expect(err[0]).toContain('--format xml');
      expect(err[1]).toContain('no-such-preset: neither a preset id nor a readable file');
    });

    it('needs a scenario, and only one', () => {
      expect(run([]).code).toBe(EXIT_INVALID_INPUT);
      expect(run([]).err[0]).toContain('missing the scenario');
      expect(run(['a.json', 'b.json']).err[0]).toContain('one scenario at a time');
    });

    it('needs a value after --until', () => {
      const { code, err } = run(['two.json', '--until']);
      expect(code).toBe(EXIT_INVALID_INPUT);
      expect(err[0]).toContain('--until: needs a value');
    });

    it('reports an unreadable file', () => {
      const { code, err } = run(['missing.json']);
      expect(code).toBe(EXIT_INVALID_INPUT);
      expect(err[0]).toMatch(/missing\.json: cannot read the file: ENOENT/);
    });

    it('reports an unknown preset id with the known ones', () => {
      const { code, err } = run(['no-such-preset']);
      expect(code).toBe(EXIT_INVALID_INPUT);
      expect(err[0]).toContain('neither a preset id nor a readable file');
      expect(err[0]).toContain(DEFAULT_PRESET_ID);
    });

    it('reports bad JSON', () => {
      const { code, err } = run(['bad.json'], { 'bad.json': '{"format": ' });
      expect(code).toBe(EXIT_INVALID_INPUT);
      expect(err[0]).toMatch(/^error: bad\.json: .*not valid JSON/);
    });

    it('lists every scenario error with its JSON path', () => {
      const broken = {
        ...SCENARIO,
        seed: -1,
        links: [{ id: 'R1-ISP', a: 'R1', b: 'NOWHERE', latencyMs: 10 }],
      };
      const { code, err } = run(['broken.json'], { 'broken.json': JSON.stringify(broken) });
      expect(code).toBe(EXIT_INVALID_INPUT);
      expect(err.some((l) => l.startsWith('error: broken.json: seed: '))).toBe(true);
      expect(err.some((l) => l.startsWith('error: broken.json: links[0].b: '))).toBe(true);
    });

    it('reports a config error with its line', () => {
      const node = SCENARIO.nodes[0] as { config: string };
      const bad = {
        ...SCENARIO,
        nodes: [
          { ...node, config: node.config.replace(' encr aes', ' encr rot13') },
          ...SCENARIO.nodes.slice(1),
        ],
      };
      const { code, err } = run(['bad.json'], { 'bad.json': JSON.stringify(bad) });
      expect(code).toBe(EXIT_INVALID_INPUT);
      expect(err.join('\n')).toMatch(/nodes\[0\]\.config line 3: /);
    });
  });

  describe('share links', () => {
    const hash = encodeShareHash({
      document: SCENARIO as ScenarioDocument,
      atMs: 7000,
      paused: true,
    });
    const fromFile = run(['two.json', '--format', 'jsonl'], FILES).out;

    it('runs the scenario of a full URL, a bare hash or a hash without "#"', () => {
      for (const link of [`http://localhost:5173/${hash}`, hash, hash.slice(1)]) {
        const { code, out, err } = run([link, '--format', 'jsonl']);
        expect(err).toEqual([]);
        expect(code).toBe(EXIT_OK);
        expect(out).toEqual(fromFile);
      }
    });

    it("ignores the link's t: the whole scenario runs, or up to --until", () => {
      expect(hash).toContain('&t=7000');
      expect(run([hash]).out).toEqual(run(['two.json'], FILES).out);
      const until = run([`https://example.org/tunnelscope/${hash}`, '--until', '10s']).out;
      expect(until).toEqual(run(['two.json', '--until', '10s'], FILES).out);
    });

    it('runs a preset link', () => {
      const link = `http://localhost:5173/${encodePresetHash(DEFAULT_PRESET_ID, { atMs: 200_000 })}`;
      expect(run([link, '--until', '3m']).out).toEqual(
        run([DEFAULT_PRESET_ID, '--until', '3m']).out,
      );
    });

    it('says so in --help', () => {
      expect(USAGE).toContain('share link');
      expect(USAGE).toMatch(/t= \(cursor\) and p= \(paused\) are checked but\s+not used/);
    });

    it.each([
      [
        'a truncated link',
        hash.slice(0, hash.length / 2),
        'error: share link: (link): the link is cut short or damaged: the scenario data does not decompress',
      ],
      [
        'an unknown preset',
        'http://localhost:5173/#preset=nope',
        'error: share link: (link): no built-in scenario is called "nope"',
      ],
      [
        'a URL without a hash',
        'http://localhost:5173/',
        'error: share link: (link): the link has no scenario: it needs s=<scenario> or preset=<id>',
      ],
      [
        'a t that is no time',
        `#preset=${DEFAULT_PRESET_ID}&t=soon`,
        'error: share link: (link): t=soon is not a time in ms',
      ],
      [
        'a t past the end',
        encodePresetHash(DEFAULT_PRESET_ID, { atMs: 10_000_000 }),
        "error: share link: (link): t=10000000 is past the scenario's end (durationMs 900000)",
      ],
    ])('reports %s: exit 2, the error on stderr', (_name, link, message) => {
      const { code, out, err } = run([link]);
      expect(code).toBe(EXIT_INVALID_INPUT);
      expect(out).toEqual([]);
      expect(err).toEqual([message]);
    });

    it('lists every scenario error of a link with its JSON path', () => {
      const broken = { ...SCENARIO, seed: -1 } as ScenarioDocument;
      const { code, err } = run([encodeShareHash({ document: broken }), '--format', 'xml']);
      expect(code).toBe(EXIT_INVALID_INPUT);
      expect(err[0]).toContain('--format xml');
      expect(err[1]).toMatch(/^error: share link: seed: /);
    });
  });
});

describe('runCli on careless input', () => {
  it('warns of an address two routers have, naming both places, and still runs', () => {
    const r2 = SCENARIO.nodes[2] as { config: string };
    const twin = {
      ...SCENARIO,
      nodes: [
        SCENARIO.nodes[0],
        SCENARIO.nodes[1],
        { ...r2, config: r2.config.replace('ip address 20.1.1.2', 'ip address 10.1.1.1') },
      ],
    };
    const { code, err } = run(['twin.json'], { 'twin.json': JSON.stringify(twin) });
    expect(code).toBe(EXIT_OK);
    expect(err).toContain(
      'warning: R1 config line 13 " ip address 10.1.1.1 255.255.255.0": 10.1.1.1 is also the address of R2 (config line 13, FastEthernet0/0): packets to it go to R1 only',
    );
    expect(err.filter((line) => line.startsWith('warning:'))).toHaveLength(2);
  });

  it('cuts a long config line it notes as not simulated', () => {
    const r1 = SCENARIO.nodes[0] as { config: string };
    const long = {
      ...SCENARIO,
      nodes: [
        { ...r1, config: `${r1.config}\nbanner-ish ${'x'.repeat(60_000)}` },
        ...SCENARIO.nodes.slice(1),
      ],
    };
    const { code, err } = run(['long.json'], { 'long.json': JSON.stringify(long) });
    expect(code).toBe(EXIT_OK);
    expect(err).toHaveLength(1);
    expect(err[0]?.length).toBeLessThan(200);
  });

  it('reads a file that starts with a UTF-8 byte order mark', () => {
    const { code } = run(['bom.json'], { 'bom.json': `\uFEFF${JSON.stringify(SCENARIO)}` });
    expect(code).toBe(EXIT_OK);
  });

  it('refuses at once a run too big to write, saying how big and what to shorten', () => {
    const week = {
      ...SCENARIO,
      durationMs: 7 * 24 * 3_600_000,
      traffic: SCENARIO.traffic.map((flow) => ({ ...flow, everyMs: 10 })),
    };
    const started = Date.now();
    const { code, out, err } = run(['week.json'], { 'week.json': JSON.stringify(week) });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(code).toBe(EXIT_INVALID_INPUT);
    expect(out).toEqual([]);
    expect(err).toEqual([
      'error: week.json: (document): would make about 363 million trace records; the limit is 20 million: shorten the duration (7 d), or ping less often (flow ping1 every 10 ms), or run part of it (--until)',
    ]);
    const part = run(['week.json', '--until', '1m'], { 'week.json': JSON.stringify(week) });
    expect(part.code).toBe(EXIT_OK);
  });
});
