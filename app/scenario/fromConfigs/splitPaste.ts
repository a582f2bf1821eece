// One paste, several configs: a new config starts at its `hostname` line, or earlier at what
// ends the config before it (`end`) or opens its own listing (`Building configuration...`, a
// `R2#show running-config` prompt), so that each config keeps the lines printed above its
// hostname. Line numbers in messages stay those of the paste.

import { lookupCommand, splitNo } from '../../ios/config/commandTable';
import { lexConfig } from '../../ios/config/lexer';
import { GLOBAL_COMMANDS } from '../../ios/config/modeEngine';
import type { ConfigSource } from './types';

const LISTING_START = /^(?:Building configuration\.\.\.|[A-Za-z][\w.-]*#.*)$/;

function isHostnameLine(words: readonly string[]): boolean {
  const { negated, body } = splitNo(words);
  const found = lookupCommand(GLOBAL_COMMANDS, body);
  return !negated && found !== null && 'spec' in found && found.spec.path === 'hostname';
}

/**
 * Where the config whose hostname is on line index `at` starts, the previous one's hostname being
 * on `previous`: after the last `end` between them (blank lines skipped), else at the first line
 * that opens a listing, else at the hostname.
 */
function startBefore(lines: readonly string[], previous: number, at: number): number {
  let afterEnd: number | null = null;
  let listing: number | null = null;
  for (let index = previous + 1; index < at; index += 1) {
    const line = lines[index] ?? '';
    if (line.trim().toLowerCase() === 'end' && !/^\s/.test(line)) {
      afterEnd = index + 1;
      listing = null;
    } else if (listing === null && LISTING_START.test(line.trim())) {
      listing = index;
    }
  }
  if (afterEnd !== null) {
    while (afterEnd < at && (lines[afterEnd] ?? '').trim() === '') afterEnd += 1;
    return afterEnd;
  }
  return listing ?? at;
}

/** The configs of a paste, named "config 1", "config 2"… in order; one when it has one hostname. */
export function splitPaste(text: string): ConfigSource[] {
  const lines = text.split(/\r?\n/);
  const lexed = lexConfig(text);
  const hostnames = lexed
    .filter((line) => line.kind === 'command' && !line.indented && isHostnameLine(line.words))
    .map((line) => line.lineNo - 1);
  const starts = hostnames.map((at, k) =>
    k === 0 ? 0 : startBefore(lines, hostnames[k - 1] ?? 0, at),
  );
  if (starts.length === 0) starts.push(0);
  return starts.map((start, k) => ({
    name: `config ${k + 1}`,
    text: lines.slice(start, starts[k + 1] ?? lines.length).join('\n'),
    lineOffset: start,
  }));
}
