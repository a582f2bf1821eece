import { describe, expect, it } from 'vitest';
import { openSession, routerContext, type } from '../console/testRouter';
import { parseExecArg } from './cliExec';
import { EXIT_INVALID_INPUT, EXIT_OK, runCli } from './runCli';

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, {
    readFile: () => {
      throw new Error('no file in these tests');
    },
    writeFile: () => {
      throw new Error('no file is written');
    },
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
  });
  return { code, out, err };
}

/** What follows the trace: from the `! console at` header on. */
function afterTrace(out: readonly string[]): string[] {
  const header = out.findIndex((line) => line.startsWith('! console at '));
  expect(header).toBeGreaterThan(0);
  return out.slice(header);
}

describe('parseExecArg', () => {
  it('splits the router from the line at the first colon', () => {
    expect(parseExecArg('R1: show crypto isakmp sa')).toEqual({
      router: 'R1',
      line: 'show crypto isakmp sa',
    });
    expect(parseExecArg('R1:sh ip nhrp | include 10:')).toEqual({
      router: 'R1',
      line: 'sh ip nhrp | include 10:',
    });
  });

  it.each(['show clock', ': show clock', 'R1:', 'R1:   '])('refuses %j', (text) => {
    expect(parseExecArg(text)).toBeNull();
  });
});

describe('npm run sim -- … --at --exec', () => {
  it('prints, after the trace, the prompt, the command as typed and what the console shows then', () => {
    const { code, out, err } = run([
      'baseline',
      '--until',
      '2m',
      '--at',
      '90s',
      '--exec',
      'R1: sh cry isa sa',
    ]);
    expect(code).toBe(EXIT_OK);
    expect(err).toEqual([]);
    // The trace runs to --until, not to --at.
    expect(out.some((line) => line.startsWith('00:02:00.000 '))).toBe(true);
    // The console at the same moment, driven by the console's test driver.
    const console = type(openSession(routerContext('R1', 'baseline', 90_000)), 'sh cry isa sa');
    expect(afterTrace(out)).toEqual(['! console at 00:01:30.000', '', ...console]);
    // IOS 12.4's layout (show crypto isakmp sa capture): one QM_IDLE row once the tunnel is up.
    expect(console).toContain('dst             src             state          conn-id slot status');
    expect(console.some((line) => /^20\.1\.1\.2\s+10\.1\.1\.1\s+QM_IDLE\s/.test(line))).toBe(true);
  });

  it('shows the tables of that moment: before the first ping there is no IKE SA', () => {
    const { code, out } = run([
      'baseline',
      '--until',
      '2m',
      '--at',
      '3s',
      '--exec',
      'R1: sh cry isa sa',
    ]);
    expect(code).toBe(EXIT_OK);
    const shown = afterTrace(out);
    expect(shown.slice(0, 3)).toEqual(['! console at 00:00:03.000', '', 'R1#sh cry isa sa']);
    expect(shown.some((line) => line.includes('QM_IDLE'))).toBe(false);
  });

  it('runs one session per router, in order: disable leaves R1> for the next command', () => {
    const { code, out } = run([
      'baseline',
      '--until',
      '1m',
      '--at',
      '1m',
      '--exec',
      'R1: disable',
      '--exec',
      'R2: show clock',
      '--exec',
      'R1: show crypto isakmp sa',
    ]);
    expect(code).toBe(EXIT_OK);
    const shown = afterTrace(out);
    expect(shown).toContain('R1#disable');
    expect(shown).toContain('R2#show clock');
    expect(shown).toContain('*00:01:00.000 UTC Fri Mar 1 2002');
    // User EXEC knows the command and refuses it, marker under `crypto`.
    const refused = shown.indexOf('R1>show crypto isakmp sa');
    expect(refused).toBeGreaterThan(0);
    expect(shown.slice(refused + 1, refused + 3)).toEqual([
      `${' '.repeat('R1>show '.length)}^`,
      "% Invalid input detected at '^' marker.",
    ]);
  });

  it('after a reload: show version counts from the boot, show logging holds only what came since', () => {
    const { code, out } = run([
      'reload-black-hole',
      '--at',
      '5m',
      '--exec',
      'R2: show version',
      '--exec',
      'R2: show logging',
    ]);
    expect(code).toBe(EXIT_OK);
    const shown = afterTrace(out);
    // R2 reloads at 2:00 and is up again at 2:30.
    expect(shown).toContain('R2 uptime is 2 minutes');
    expect(shown).toContain('System returned to ROM by reload');
    const logged = shown.filter((line) => line.startsWith('*Mar  1 '));
    expect(logged.map((line) => line.slice(0, 21))).toEqual([
      '*Mar  1 00:02:30.020:',
      '*Mar  1 00:03:30.020:',
      '*Mar  1 00:04:30.020:',
    ]);
  });

  it('the WAN link pulled at 1:30: show ip interface brief on R2 says down, the engine keeps its ids', () => {
    const { code, out } = run([
      'dpd-idle-on-demand',
      '--until',
      '100s',
      '--at',
      '100s',
      '--exec',
      'R2: sh ip int br',
      '--exec',
      'R2: sh cry engine conn active',
    ]);
    expect(code).toBe(EXIT_OK);
    const shown = afterTrace(out);
    expect(shown).toContain(
      'FastEthernet0/0            20.1.1.2        YES NVRAM  down                  down',
    );
    expect(shown).toContain(
      'FastEthernet0/1            192.168.2.1     YES NVRAM  up                    up',
    );
    expect(
      shown.some((line) => /^ 1001 FastEthernet0\/0 +20\.1\.1\.2 +set +HMAC_SHA/.test(line)),
    ).toBe(true);
  });

  it('jsonl: one exec record per command, the output joined by newlines', () => {
    const { code, out } = run([
      'baseline',
      '--until',
      '2m',
      '--format',
      'jsonl',
      '--at',
      '90s',
      '--exec',
      'R2: sh clock',
    ]);
    expect(code).toBe(EXIT_OK);
    const last = JSON.parse(out.at(-1) as string);
    expect(last).toEqual({
      kind: 'exec',
      atMs: 90_000,
      node: 'R2',
      command: 'sh clock',
      output: '*00:01:30.000 UTC Fri Mar 1 2002',
    });
    // Every line is JSON: no text header in jsonl.
    for (const line of out) expect(() => JSON.parse(line)).not.toThrow();
  });

  it.each([
    [
      ['--at', '90s', '--exec', 'R9: show clock'],
      'error: --exec "R9: show clock": no router R9 (routers: R1, R2)',
    ],
    [
      ['--at', '3m', '--exec', 'R1: show clock'],
      'error: --at 00:03:00.000: past the end of the run (00:02:00.000)',
    ],
    [
      ['--at', '90s', '--exec', 'R1: conf t', '--exec', 'R1: hostname X'],
      `error: --exec "R1: hostname X": configures the router; the runner only reads the routers (put this in the scenario's timeline)`,
    ],
    [
      ['--at', '90s', '--exec', 'R1: ping 192.168.2.1'],
      `error: --exec "R1: ping 192.168.2.1": sends a ping; the runner only reads the routers (put this in the scenario's timeline)`,
    ],
    [['--at', '90s'], 'error: --at: needs --exec "<router>: <command>" to run at that moment'],
    [
      ['--exec', 'R1: show clock'],
      'error: --exec: needs --at <time>, the moment to run the commands at',
    ],
    [
      ['--at', 'soon', '--exec', 'R1: show clock'],
      'error: --at soon: not a time (try 90s, 15m, 2h, 1h30m or milliseconds)',
    ],
  ])('%j is invalid input: exit 2, nothing on stdout', (args, message) => {
    const { code, out, err } = run(['baseline', '--until', '2m', ...args]);
    expect(code).toBe(EXIT_INVALID_INPUT);
    expect(out).toEqual([]);
    expect(err[0]).toBe(message);
  });
});
