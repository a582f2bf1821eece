// IOS configuration-mode semantics: the mode each line is read in and what becomes of it.
//
// A global command may open a block (`interface Tunnel0`, `crypto map CMAP 10`); the lines after
// it belong to the block while they are indented, as `show running-config` writes them. Typed
// without indentation, a line stays in the block unless the block has no such command and global
// mode has (IOS reads a line in the current submode first and leaves the submode only for a
// global command). `exit`, `end`, an unindented `!` or such a global command leave the block.
// Keywords may be abbreviated (commandTable.ts lookupCommand).

import { echoed } from '../echo';
import type { ConfigDiagnostic, RouterConfig } from '../types';
import { ambiguousMessage } from './abbreviation';
import { ACCESS_LIST_MODE } from './accessListMode';
import {
  type AmbiguousCommand,
  findCommand,
  lookupCommand,
  type SubmodeSyntax,
  splitNo,
} from './commandTable';
import { CRYPTO_GLOBAL_COMMANDS } from './cryptoGlobalCommands';
import { CRYPTO_MAP_MODE, DYNAMIC_MAP_MODE } from './cryptoMapModes';
import { EZVPN_CLIENT_MODE, EZVPN_GROUP_MODE } from './ezvpnModes';
import { GENERAL_GLOBAL_COMMANDS } from './globalCommands';
import { INTERFACE_MODE } from './interfaceMode';
import { IPSEC_PROFILE_MODE } from './ipsecProfileMode';
import { ISAKMP_POLICY_MODE } from './isakmpPolicyMode';
import { type ConfigLine, lexLine } from './lexer';
import { type ActiveMode, type GlobalCommandSpec, syntaxOf, withArticle } from './modes';
import { argumentsReporter, LineReporter, type Reporter, type SpelledKeyword } from './reporter';
import { emptyRouterConfig } from './routerDefaults';
import { TRANSFORM_SET_MODE } from './transformSetMode';

export const GLOBAL_COMMANDS: readonly GlobalCommandSpec[] = [
  ...GENERAL_GLOBAL_COMMANDS,
  ...CRYPTO_GLOBAL_COMMANDS,
];

const SUBMODES: readonly SubmodeSyntax[] = [
  INTERFACE_MODE,
  ISAKMP_POLICY_MODE,
  TRANSFORM_SET_MODE,
  IPSEC_PROFILE_MODE,
  CRYPTO_MAP_MODE,
  DYNAMIC_MAP_MODE,
  ACCESS_LIST_MODE,
  EZVPN_CLIENT_MODE,
  EZVPN_GROUP_MODE,
];

/** A block being read, with the line that opened it (for messages). */
export interface OpenedBlock {
  mode: ActiveMode;
  lineNo: number;
  text: string;
  /**
   * Whether a line of the block was indented: the block is written as `show running-config`
   * writes it, so an unindented line is a global one unless only the block knows it.
   */
  indented: boolean;
}

export interface ParserState {
  config: RouterConfig;
  diagnostics: ConfigDiagnostic[];
  /** The block later lines may belong to; null in global mode. */
  block: OpenedBlock | null;
  /** When set, collects what the lines may go on with (Reporter.offer), for `?`. */
  offers?: string[];
}

export function newParserState(): ParserState {
  return { config: emptyRouterConfig(), diagnostics: [], block: null };
}

/**
 * Whether `mode` has a command for `words` (with or without `no`). IOS reads a typed line in the
 * current mode first, so a line the mode claims stays in it; a block that is not simulated also
 * claims lines no mode knows.
 */
export function modeClaims(mode: ActiveMode, words: readonly string[]): boolean {
  const { body } = splitNo(words);
  const syntax = syntaxOf(mode);
  if (syntax === undefined) return false;
  if (syntax !== null && findCommand(syntax.commands, body) !== null) return true;
  return (
    mode.kind === 'not-simulated' &&
    findCommand(GLOBAL_COMMANDS, body) === null &&
    owningModes(body).length === 0
  );
}

/** The block a global line opens (with `syntaxOf` defined), read on its own; else null. */
export function modeOpenedBy(words: readonly string[]): ActiveMode | null {
  const state = newParserState();
  parseLine(state, lexLine(words.join(' '), 1));
  const mode = state.block?.mode;
  return mode !== undefined && syntaxOf(mode) !== undefined ? mode : null;
}

/** Reads one line in the current mode, applying it to the configuration or reporting it. */
export function parseLine(state: ParserState, line: ConfigLine): void {
  const report = new LineReporter(line.lineNo, line.raw, state.diagnostics, state.offers);
  if (line.kind === 'blank') return;
  if (line.kind === 'comment') {
    if (!line.indented) state.block = null;
    return;
  }
  if (line.kind === 'banner-text') {
    report.unsupported('banner text is not simulated');
    return;
  }
  const { words } = line;
  const keyword = words.length === 1 ? words[0]?.toLowerCase() : undefined;
  // `end` closes every `show running-config`: it leaves configuration mode, nothing to report.
  if (keyword === 'exit' || keyword === 'end') {
    state.block = null;
    return;
  }
  if (state.block !== null && belongsToBlock(state.block, line)) {
    state.block.indented ||= line.indented;
    parseBlockLine(state.block, words, report);
    return;
  }
  const mode = parseGlobalLine(state.config, words, report);
  state.block =
    mode === null ? null : { mode, lineNo: line.lineNo, text: line.raw.trim(), indented: false };
}

/**
 * `show running-config` marks the lines of a block by indentation: there, an unindented line
 * belongs to the block only when the block has such a command and global mode has not, so that
 * a `crypto ipsec client ezvpn EZ` after an interface block opens the client block. In a block
 * typed without indentation, IOS's rule applies: the line stays unless global mode has it and
 * the block has not (a line neither knows stays, kept as not simulated in the block).
 */
function belongsToBlock(block: OpenedBlock, line: ConfigLine): boolean {
  if (line.indented) return true;
  const { body } = splitNo(line.words);
  const global = lookupCommand(GLOBAL_COMMANDS, body);
  if (modeClaims(block.mode, line.words)) return block.indented ? global === null : true;
  return !block.indented && block.mode.kind === 'block' && global === null;
}

function parseBlockLine(block: OpenedBlock, words: string[], report: Reporter): void {
  const { mode } = block;
  // The lines of a refused block are not read: the opener's error is the one to fix, and an
  // error for each line below it would only repeat it.
  if (mode.kind === 'rejected') return;
  if (mode.kind !== 'block') {
    report.unsupported(
      `not simulated: the line belongs to ${echoed(block.text)} (line ${block.lineNo})`,
    );
    return;
  }
  if (mode.applyLine(words, report)) return;
  const { body } = splitNo(words);
  const ambiguity = ambiguityOf(mode.syntax.commands, body);
  if (ambiguity !== null) {
    report.error(ambiguousMessage(ambiguity.word, ambiguity.candidates));
    return;
  }
  const global = findCommand(GLOBAL_COMMANDS, body);
  if (global !== null) {
    report.error(
      `'${global.spec.path}' is a global command: it cannot be indented inside ${withArticle(mode.syntax.label)} block`,
    );
    return;
  }
  const owners = owningModes(body);
  if (owners.length > 0) {
    report.error(
      `'${owners[0]?.path}' is not valid in ${withArticle(mode.syntax.label)}: it belongs in ${describeModes(owners)}`,
    );
    return;
  }
  report.unsupported(`unknown ${mode.syntax.label} command: kept, not simulated`);
}

/**
 * `words` as `show running-config` writes their keyword arguments: each word that abbreviates
 * one (`add` in `crypto isakmp key K add 10.0.0.2`) spelled out, as the parser reads the line in
 * `mode` (null: global configuration mode), or globally when the mode has no such command; a
 * `no` line as the line it removes. The line is applied to scratch copies only (`mode` must come
 * from modeOpenedBy); command keywords are left to canonicalWords.
 */
export function withArgumentsSpelled(mode: ActiveMode | null, words: readonly string[]): string[] {
  // A `no` line names its arguments as the line it removes does: read them as that line.
  const { negated, body } = splitNo(words);
  if (negated) return [...words.slice(0, 1), ...withArgumentsSpelled(mode, body)];
  const spellings: SpelledKeyword[] = [];
  const report = new LineReporter(1, words.join(' '), [], undefined, spellings);
  if (mode !== null && modeClaims(mode, words)) {
    // A block opened by modeOpenedBy edits its own scratch target.
    if (mode.kind === 'block') mode.applyLine([...words], report);
  } else {
    parseGlobalLine(emptyRouterConfig(), [...words], report);
  }
  return words.map((word, index) => spellings.find((s) => s.index === index)?.keyword ?? word);
}

/** Applies a global line; returns the mode the lines after it are read in, or null. */
function parseGlobalLine(
  config: RouterConfig,
  words: string[],
  report: LineReporter,
): ActiveMode | null {
  const { negated, body } = splitNo(words);
  const found = lookupCommand(GLOBAL_COMMANDS, body);
  if (found !== null && 'ambiguous' in found) {
    report.error(ambiguousMessage(found.ambiguous.word, found.ambiguous.candidates));
    return { kind: 'rejected' };
  }
  const match = found;
  if (match === null) {
    const owners = owningModes(body);
    if (owners.length > 0) {
      report.error(
        `'${owners[0]?.path}' is not a global command: it belongs in ${describeModes(owners)}`,
      );
      return { kind: 'rejected' };
    }
    report.unsupported('unknown command: kept, not simulated');
    return { kind: 'after-not-simulated' };
  }
  const { spec, args } = match;
  if (negated || spec.apply === undefined) {
    report.unsupported(`'${negated ? 'no ' : ''}${spec.name ?? spec.path}' is not simulated`);
    return spec.opensBlock === true && !negated
      ? { kind: 'not-simulated', syntax: null }
      : { kind: 'after-not-simulated' };
  }
  const opened = spec.apply(config, args, argumentsReporter(report, words.length - args.length));
  if (opened !== null) return opened;
  return report.errored ? { kind: 'rejected' } : null;
}

/** The submodes that have a command for `words`, with its keywords. */
function owningModes(words: readonly string[]): { syntax: SubmodeSyntax; path: string }[] {
  return SUBMODES.flatMap((syntax) => {
    const match = findCommand(syntax.commands, words);
    return match === null ? [] : [{ syntax, path: match.spec.path }];
  });
}

function describeModes(owners: readonly { syntax: SubmodeSyntax }[]): string {
  return owners.map(({ syntax }) => `${withArticle(syntax.label)} (${syntax.opener})`).join(' or ');
}

function ambiguityOf(
  commands: readonly SubmodeSyntax['commands'][number][],
  words: readonly string[],
): AmbiguousCommand | null {
  const found = lookupCommand(commands, words);
  return found !== null && 'ambiguous' in found ? found.ambiguous : null;
}
