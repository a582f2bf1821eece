// `--configs a.cfg b.cfg … [--emit-scenario out.json]`: reads plain IOS startup-configs, infers
// the scenario (app/scenario/fromConfigs), says what it assumed, writes the document when asked,
// and hands the loaded scenario to the runner. Only the files are read and written here.

import { inferScenario } from '../scenario/fromConfigs/inferScenario';
import type { ConfigSource, SourceNote } from '../scenario/fromConfigs/types';
import { parseScenario } from '../scenario/parseScenario';
import { scenarioToFileText } from '../scenario/scenarioFile';
import type { LoadedScenario } from '../scenario/types';
import type { CliIo } from './runCli';

/** `a.cfg:12: message ("the line")`, or `a.cfg: message` for the whole file. */
export function formatSourceNote({ source, line, text, message }: SourceNote): string {
  const place = line === undefined ? source : `${source}:${line}`;
  return text === undefined ? `${place}: ${message}` : `${place}: ${message} ("${text.trim()}")`;
}

/**
 * The scenario the configs make, loaded; or every problem (unreadable file, config error, no or
 * shared hostname, an unwritable --emit-scenario file), each naming its file and line.
 */
export function loadConfigs(
  files: readonly string[],
  io: CliIo,
  emitTo: string | undefined,
): { loaded: LoadedScenario } | { errors: string[] } {
  const sources: ConfigSource[] = [];
  const unreadable: string[] = [];
  for (const file of files) {
    try {
      sources.push({ name: file, text: io.readFile(file) });
    } catch (error) {
      unreadable.push(
        `${file}: cannot read the file: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  if (unreadable.length > 0) return { errors: unreadable };
  const inference = inferScenario(sources);
  if (!inference.ok) return { errors: inference.errors.map(formatSourceNote) };
  for (const assumption of inference.assumptions) io.stderr(`assumption: ${assumption}`);
  if (emitTo !== undefined) {
    try {
      io.writeFile(emitTo, new TextEncoder().encode(scenarioToFileText(inference.document)));
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return { errors: [`--emit-scenario ${emitTo}: cannot write the file: ${why}`] };
    }
  }
  const result = parseScenario(inference.document);
  // inferScenario has validated the document; a failure here would be a bug, said plainly.
  if (!result.ok)
    return { errors: result.errors.map((e) => `inferred scenario: ${e.path}: ${e.message}`) };
  return { loaded: result.loaded };
}
