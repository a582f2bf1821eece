// Entry point of `npm run sim`: wires runCli to the process. The logic lives in runCli.ts.

import { writeFileSync } from 'node:fs';
import { lineWriter } from './lineWriter';
import { readScenarioFile } from './readScenarioFile';
import { runCli } from './runCli';

// A reader that stops early (`npm run sim -- … | head`) is not an error.
const stop = () => process.exit(process.exitCode ?? 0);
const stdout = lineWriter(1, 2000, stop);
const stderr = lineWriter(2, 1, stop);

process.exitCode = runCli(process.argv.slice(2), {
  readFile: (path) => readScenarioFile(path),
  writeFile: (path, bytes) => writeFileSync(path, bytes),
  stdout: stdout.write,
  stderr: stderr.write,
});
stdout.flush();
stderr.flush();
