// `npm run sim -- --configs …`: a scenario from plain startup-configs, run; bad input exits 2
// with the file and the line.

import { describe, expect, it } from 'vitest';
import { presetConfigFiles } from '../scenario/fromConfigs/testConfigs';
import type { TraceRecord } from '../sim/trace';
import { EXIT_INVALID_INPUT, EXIT_OK, runCli } from './runCli';

function run(argv: string[], files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const written = new Map<string, string>();
  const code = runCli(argv, {
    readFile: (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);
      return text;
    },
    writeFile: (path, bytes) => {
      written.set(path, new TextDecoder().decode(bytes));
    },
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
  });
  return { code, out, err, written };
}

/** The preset's routers as files `<id>.cfg`. */
function presetFiles(presetId: string): Record<string, string> {
  return Object.fromEntries(presetConfigFiles(presetId).map((f) => [f.name, f.text]));
}

function records(out: readonly string[]): TraceRecord[] {
  return out.map((line) => JSON.parse(line) as TraceRecord);
}

describe('--configs, one run per crypto style', () => {
  it.each([
    ['baseline', 'static crypto map'],
    ['dynamic-map-hub-reload', 'dynamic crypto map'],
    ['gre-tp-reload', 'GRE with tunnel protection'],
    ['svti-reload', 'static VTI'],
    ['dmvpn-spoke-reload', 'DMVPN hub and spokes'],
    ['ezvpn-client-reload', 'EzVPN server and client'],
  ])('%s (%s): every router installs an SA and the pings after the first succeed', (preset) => {
    const files = presetFiles(preset);
    const names = Object.keys(files);
    const { code, out } = run(
      ['--configs', ...names, '--until', '20s', '--format', 'jsonl'],
      files,
    );
    expect(code).toBe(EXIT_OK);
    const trace = records(out);
    const withSa = new Set(
      trace.flatMap((r) => (r.kind === 'sa' && r.event === 'installed' ? [r.node] : [])),
    );
    expect([...withSa].sort()).toEqual(names.map((name) => name.replace(/\.cfg$/, '')).sort());
    const pings = trace.flatMap((r) => (r.kind === 'ping' && r.seq > 0 ? [r.result] : []));
    expect(pings.length).toBeGreaterThan(10);
    expect(new Set(pings)).toEqual(new Set(['ok']));
  });
});

describe('--emit-scenario', () => {
  it('writes a scenario file that runs the same trace and states its assumptions', () => {
    const files = {
      'a.cfg': `${presetFiles('baseline')['R1.cfg']?.replace(/^ip route 0\.0\.0\.0 .*$/m, '')}`,
      'b.cfg': presetFiles('baseline')['R2.cfg'] ?? '',
    };
    const built = run(
      ['--configs', 'a.cfg', 'b.cfg', '--emit-scenario', 'out.json', '--until', '10s'],
      files,
    );
    expect(built.code).toBe(EXIT_OK);
    expect(built.err).toEqual([
      'assumption: R1: no route to crypto peer 20.1.1.2; assumed "ip route 20.1.1.2 255.255.255.255 FastEthernet0/0", as a routing protocol would provide it',
      'assumption: R1: no route to 192.168.2.0 (R2 FastEthernet0/1); assumed "ip route 192.168.2.0 255.255.255.0 FastEthernet0/0", as a routing protocol would provide it',
    ]);
    const emitted = built.written.get('out.json') ?? '';
    expect(JSON.parse(emitted)).toMatchObject({
      format: 'tunnelscope/scenario',
      title: 'From configs: R1, R2',
    });
    const rerun = run(['out.json', '--until', '10s'], { 'out.json': emitted });
    expect(rerun.code).toBe(EXIT_OK);
    expect(rerun.out).toEqual(built.out);
  });

  it('needs --configs', () => {
    const { code, err } = run(['baseline', '--emit-scenario', 'out.json'], {});
    expect(code).toBe(EXIT_INVALID_INPUT);
    expect(err[0]).toBe(
      'error: --emit-scenario: needs --configs <files…>, the configs to build the scenario from',
    );
  });
});

describe('--configs with bad input exits 2 and names the file and line', () => {
  const files = presetFiles('baseline');
  const r1 = files['R1.cfg'] ?? '';
  const r2 = files['R2.cfg'] ?? '';

  it.each([
    [
      'a missing file',
      ['R1.cfg', 'nowhere.cfg'],
      {},
      ["error: nowhere.cfg: cannot read the file: ENOENT: no such file, open 'nowhere.cfg'"],
    ],
    [
      'a config without hostname',
      ['R1.cfg', 'b.cfg'],
      { 'b.cfg': r2.replace('hostname R2\n', '') },
      [
        'error: b.cfg: no hostname line: the scenario names each router by its hostname (hostname R1)',
      ],
    ],
    [
      'two configs with one hostname',
      ['R1.cfg', 'b.cfg'],
      { 'b.cfg': r1 },
      ['error: b.cfg:1: R1.cfg has the same hostname: each router needs its own ("hostname R1")'],
    ],
    [
      'a broken line',
      ['R1.cfg', 'b.cfg'],
      {
        'b.cfg': r2.replace(
          ' ip address 20.1.1.2 255.255.255.0',
          ' ip address 20.1.1.2 255.255.0.255',
        ),
      },
      [
        'error: b.cfg:19: \'255.255.0.255\' is not a subnet mask: its one-bits must be contiguous ("ip address 20.1.1.2 255.255.0.255")',
      ],
    ],
  ])('%s', (_what, names, extra, errors) => {
    const { code, out, err } = run(['--configs', ...names], { ...files, ...extra });
    expect(code).toBe(EXIT_INVALID_INPUT);
    expect(out).toEqual([]);
    expect(err).toEqual(errors);
  });

  it('--configs without files, or with a scenario too', () => {
    expect(run(['--configs'], {}).err[0]).toBe(
      'error: --configs: needs one startup-config file or more',
    );
    expect(run(['baseline', '--configs', 'R1.cfg'], files).err[0]).toBe(
      'error: --configs builds the scenario from the configs; got a scenario too: "baseline"',
    );
  });
});
