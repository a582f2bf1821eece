// Entry point of `npm run sim`: wires runCli to the process. The logic lives in runCli.ts.

import { writeFileSync } from 'node:fs';
import { readScenarioFile } from './readScenarioFile';
import { runCli } from './runCli';
import { terminalSafe } from './terminalText';

/**
 * Lines are written in chunks (one write per line is slow, one write for a long trace is big),
 * with control characters shown as escapes (terminalText.ts).
 */
function chunkedWriter(stream: NodeJS.WriteStream, chunkLines = 2000) {
  let pending: string[] = [];
  const flush = () => {
    if (pending.length > 0) stream.write(`${pending.join('\n')}\n`);
    pending = [];
  };
  const write = (line: string) => {
    pending.push(terminalSafe(line));
    if (pending.length >= chunkLines) flush();
  };
  return { write, flush };
}

// A reader that stops early (`npm run sim -- … | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const stdout = chunkedWriter(process.stdout);
const stderr = chunkedWriter(process.stderr, 1);

process.exitCode = runCli(process.argv.slice(2), {
  readFile: (path) => readScenarioFile(path),
  writeFile: (path, bytes) => writeFileSync(path, bytes),
  stdout: stdout.write,
  stderr: stderr.write,
});
stdout.flush();
stderr.flush();
