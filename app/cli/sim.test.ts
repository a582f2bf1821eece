// The runner as a process: what reaches the terminal, and what it refuses to read.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findPreset } from '../scenario/presets';

const dir = mkdtempSync(join(tmpdir(), 'tunnelscope-sim-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sim(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'app/cli/sim.ts', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starting node with tsx takes seconds on a busy machine. */
const PROCESS_TEST_MS = 60_000;

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are the point
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

describe('npm run sim', () => {
  it(
    'prints no control character of a config: they show as escapes',
    () => {
      const document = structuredClone(findPreset('baseline')?.document);
      if (!document) throw new Error('no baseline');
      const hostile = 'X\x1b]0;owned\x07\x1b[2J\x00';
      for (const node of document.nodes) {
        if (node.kind === 'router')
          node.config = `${node.config.replaceAll('CMAP', hostile)}\nbanner-ish ${hostile}\n`;
      }
      const path = join(dir, 'controls.json');
      writeFileSync(path, JSON.stringify({ ...document, durationMs: 20_000 }));
      for (const format of ['text', 'jsonl']) {
        const { code, stdout, stderr } = sim(path, '--show', '--format', format);
        expect(code).toBe(0);
        expect(stdout).not.toMatch(CONTROLS);
        expect(stderr).not.toMatch(CONTROLS);
        expect(stderr).toContain('banner-ish X\\u001b]0;owned\\u0007\\u001b[2J\\u0000');
      }
    },
    PROCESS_TEST_MS,
  );

  it(
    'refuses /dev/zero at once instead of reading it',
    () => {
      const { code, stdout, stderr } = sim('/dev/zero');
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain('error: /dev/zero: cannot read the file: not a regular file');
    },
    PROCESS_TEST_MS,
  );

  it(
    'waits for a slow reader instead of queueing its output in memory',
    async () => {
      const document = structuredClone(findPreset('baseline')?.document);
      if (!document) throw new Error('no baseline');
      // Two hours of pings every 10 ms: 3.6 million JSON lines, about 900 MB.
      const heavy = {
        ...document,
        durationMs: 7_200_000,
        timeline: [],
        traffic: document.traffic?.map((flow) => ({ ...flow, everyMs: 10 })),
      };
      const path = join(dir, 'heavy.json');
      writeFileSync(path, JSON.stringify(heavy));
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'app/cli/sim.ts', path, '--format', 'jsonl'],
        {
          stdio: ['ignore', 'pipe', 'ignore'],
        },
      );
      // Nobody reads stdout: the pipe fills, and the runner must wait rather than buffer.
      let maxRssKb = 0;
      for (let waited = 0; waited < 20_000 && child.exitCode === null; waited += 500) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        maxRssKb = Math.max(maxRssKb, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
      }
      child.kill();
      expect(maxRssKb / 1024).toBeLessThan(400);
    },
    PROCESS_TEST_MS,
  );
});
