// Parses each source as a router's startup-config and names it by its hostname: a config error,
// a config without `hostname`, or two configs with the same one, is an error of its source.

import { lookupCommand, splitNo } from '../../ios/config/commandTable';
import { lexConfig } from '../../ios/config/lexer';
import { GLOBAL_COMMANDS } from '../../ios/config/modeEngine';
import { parseIosConfig } from '../../ios/parseConfig';
import type { RouterConfig } from '../../ios/types';
import type { ConfigSource, SourceNote } from './types';

export interface SourceRouter {
  source: ConfigSource;
  hostname: string;
  /** Parsed from source.text; the inference adds assumed routes to its own copy. */
  config: RouterConfig;
}

export type ReadRouters =
  | { ok: true; routers: SourceRouter[]; notSimulated: SourceNote[] }
  | { ok: false; errors: SourceNote[] };

/** The line number of the source's `hostname` command (abbreviated or not), or null. */
function hostnameLine(text: string): number | null {
  for (const line of lexConfig(text)) {
    if (line.kind !== 'command') continue;
    const { negated, body } = splitNo(line.words);
    const found = lookupCommand(GLOBAL_COMMANDS, body);
    if (!negated && found !== null && 'spec' in found && found.spec.path === 'hostname') {
      return line.lineNo;
    }
  }
  return null;
}

export function readRouters(sources: readonly ConfigSource[]): ReadRouters {
  const errors: SourceNote[] = [];
  const notSimulated: SourceNote[] = [];
  const routers: SourceRouter[] = [];
  const byHostname = new Map<string, SourceRouter>();
  if (sources.length === 0) return { ok: false, errors: [{ source: '', message: 'no configs' }] };
  for (const source of sources) {
    const parsed = parseIosConfig(source.text);
    const offset = source.lineOffset ?? 0;
    for (const { line, text, severity, message } of parsed.diagnostics) {
      const note = { source: source.name, line: line + offset, text, message };
      (severity === 'error' ? errors : notSimulated).push(note);
    }
    const line = hostnameLine(source.text);
    if (line === null) {
      errors.push({
        source: source.name,
        message: 'no hostname line: the scenario names each router by its hostname (hostname R1)',
      });
      continue;
    }
    const { hostname } = parsed.config;
    const twin = byHostname.get(hostname.toLowerCase());
    if (twin !== undefined) {
      errors.push({
        source: source.name,
        line: line + offset,
        text: `hostname ${hostname}`,
        message: `${twin.source.name} has the same hostname: each router needs its own`,
      });
      continue;
    }
    const router = { source, hostname, config: parsed.config };
    byHostname.set(hostname.toLowerCase(), router);
    routers.push(router);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, routers, notSimulated };
}
