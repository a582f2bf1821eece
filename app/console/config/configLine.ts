// A line typed in a configuration mode. Its keywords are read from the parser's command tables,
// then the parser applies it to a scratch copy of the running configuration: a refused line gets
// IOS's error, an accepted one becomes a `config` effect (after the submode header when it
// belongs to the submode, and when it changes the configuration) and may open or leave a
// submode.

import { applyConfigLines } from '../../ios/applyConfigLines';
import { isAmbiguity } from '../../ios/config/abbreviation';
import { modeClaims, withArgumentsSpelled } from '../../ios/config/modeEngine';
import type { ActiveMode } from '../../ios/config/modes';
import { NEW_CRYPTO_MAP_NOTE } from '../../ios/cryptoMapStatus';
import { parseIosConfig } from '../../ios/parseConfig';
import type { Token } from '../commandTree';
import { configuredFromConsole } from '../consoleLog';
import { ambiguousCommand, incompleteCommand, invalidInput } from '../errors';
import { runExec } from '../exec/execTree';
import type { ConsoleContext, ConsoleResult, ConsoleState } from '../types';
import { openBlockOf, submodeOpenedBy } from './configModes';
import { parserVerdict, refusedWordIndex, type Verdict } from './parserVerdict';
import { readConfigLine } from './readConfigLine';

interface Judged {
  readonly verdict: Verdict | { readonly kind: 'ambiguous' };
  /** The words with the keyword arguments they abbreviate spelled out, as the parser read them. */
  readonly words: string[];
}

/** The parser's verdict on the typed words, read in `block` (the submode `header` opened). */
export function judge(
  context: ConsoleContext,
  header: string | null,
  block: ActiveMode | null,
  typed: readonly string[],
): Judged {
  const words = withArgumentsSpelled(block, typed);
  const verdict = parserVerdict(context.runningConfig, header, words.join(' '));
  if (verdict.kind === 'refused' && isAmbiguity(verdict.message)) {
    return { verdict: { kind: 'ambiguous' }, words };
  }
  return { verdict, words };
}

/**
 * Whether the lines change the running configuration: entering an existing block
 * (`interface FastEthernet0/0`) or removing what is not there is no change for the timeline.
 */
function changesConfig(running: string, lines: string[]): boolean {
  return applyConfigLines(running, lines).text !== applyConfigLines(running, []).text;
}

/**
 * The note IOS prints when the lines create a static crypto map entry: a new entry protects
 * nothing until it has a peer and a valid access list (cryptoMapStatus.ts).
 */
function newEntryNote(running: string, lines: string[]): readonly string[] {
  const staticEntries = (text: string) =>
    parseIosConfig(text)
      .config.cryptoMaps.filter((entry) => entry.dynamicMap === null)
      .map((entry) => `${entry.map} ${entry.seq}`);
  if (!/^crypto map \S+ \d+/.test(lines[0] ?? '')) return [];
  const before = new Set(staticEntries(running));
  const after = staticEntries(applyConfigLines(running, lines).text);
  return after.some((entry) => !before.has(entry)) ? NEW_CRYPTO_MAP_NOTE : [];
}

/** Leaving configuration mode logs `%SYS-5-CONFIG_I`. */
function leaveConfiguration(state: ConsoleState, context: ConsoleContext): ConsoleResult {
  return {
    state: { ...state, mode: 'exec', submodeHeader: null },
    output: [configuredFromConsole(context.nowMs)],
    effects: [],
  };
}

/** The session after an accepted line: in its submode, or in the one it opens, or global. */
function modeAfter(state: ConsoleState, block: ActiveMode | null, words: string[]): ConsoleState {
  if (block !== null && modeClaims(block, words)) return state;
  const opened = submodeOpenedBy(words);
  return opened === null
    ? { ...state, mode: 'config', submodeHeader: null }
    : { ...state, mode: opened, submodeHeader: words.join(' ') };
}

export function runConfigLine(
  state: ConsoleState,
  line: string,
  tokens: readonly Token[],
  context: ConsoleContext,
  promptLength: number,
): ConsoleResult {
  const same = (output: string[]): ConsoleResult => ({ state, output, effects: [] });
  if (tokens.length === 0) return same([]);
  const block = openBlockOf(state);
  const read = readConfigLine(block, tokens);
  if (!read.ok) {
    if (read.kind === 'incomplete') return same(incompleteCommand());
    if (read.kind === 'ambiguous') return same(ambiguousCommand(line));
    return same(invalidInput(promptLength, tokens[read.at]?.start ?? 0));
  }
  switch (read.action) {
    case 'do':
      return runExec(state, tokens.slice(1), line, context, promptLength);
    case 'end':
      return leaveConfiguration(state, context);
    case 'exit':
      return state.submodeHeader === null
        ? leaveConfiguration(state, context)
        : { state: { ...state, mode: 'config', submodeHeader: null }, output: [], effects: [] };
    case 'command':
      break;
  }
  const header = state.submodeHeader;
  const { verdict, words } = judge(context, header, block, read.words);
  switch (verdict.kind) {
    case 'ambiguous':
      return same(ambiguousCommand(line));
    case 'incomplete':
      return same(incompleteCommand());
    case 'refused': {
      // The parser names the word it refused; failing that, IOS's marker goes under the first.
      const at = refusedWordIndex(verdict.message, words, read.keywordCount) ?? 0;
      return same(invalidInput(promptLength, tokens[at]?.start ?? 0));
    }
    case 'accepted': {
      const text = words.join(' ');
      const inBlock = block !== null && header !== null && modeClaims(block, words);
      const lines = inBlock ? [header, text] : [text];
      return {
        state: modeAfter(state, block, words),
        output: [...newEntryNote(context.runningConfig, lines)],
        effects: changesConfig(context.runningConfig, lines) ? [{ kind: 'config', lines }] : [],
      };
    }
  }
}
