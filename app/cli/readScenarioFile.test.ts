import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SCENARIO_FILE_MAX_BYTES } from '../scenario/scenarioFile';
import { readScenarioFile } from './readScenarioFile';

const dir = mkdtempSync(join(tmpdir(), 'tunnelscope-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('readScenarioFile', () => {
  it('reads a UTF-8 file', () => {
    expect(readScenarioFile(file('ok.json', '{"title": "Zürich"}'))).toBe('{"title": "Zürich"}');
  });

  it('refuses a device such as /dev/zero at once, without reading it', () => {
    const started = Date.now();
    expect(() => readScenarioFile('/dev/zero')).toThrow(/not a regular file: a character device/);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses a directory and a named pipe without waiting for a writer', () => {
    expect(() => readScenarioFile(dir)).toThrow(/not a regular file: a directory/);
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    expect(() => readScenarioFile(fifo)).toThrow(/not a regular file: a named pipe/);
  });

  it('refuses a file over the size limit before reading it', () => {
    const path = file('huge.json', '');
    truncateSync(path, SCENARIO_FILE_MAX_BYTES + 1);
    const started = Date.now();
    expect(() => readScenarioFile(path)).toThrow(
      `is ${SCENARIO_FILE_MAX_BYTES + 1} bytes; a scenario file is at most ${SCENARIO_FILE_MAX_BYTES}`,
    );
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(() => readScenarioFile(file('latin1.json', new Uint8Array([0x7b, 0xe9, 0x7d])))).toThrow(
      'is not UTF-8 text',
    );
  });
});
