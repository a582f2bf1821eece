// `?` at the console. After a space, IOS lists what may come next with a description each
// (`  isakmp  Show ISAKMP`, then `<cr>` when the command is complete); right after a word, it
// lists the keywords that word may abbreviate (`isakmp  ipsec`). Configuration arguments are
// described from what the parser expects (`<10-3600>  Keepalive interval in seconds`).

import {
  type CommandNode,
  CR_ENTRY,
  entriesAfter,
  formatCompletions,
  formatHelpEntries,
  type HelpEntry,
  keywordEntries,
  nextNodes,
  type Step,
  spelledOut,
  type Token,
  tokenize,
  walk,
} from './commandTree';
import { keywordArgumentHelp } from './config/configHelpText';
import { judge } from './config/configLine';
import { openBlockOf } from './config/configModes';
import { ARGS_KEY, type ConfigAction } from './config/configTree';
import { expectedEntries, parserOffers, refusedWordIndex } from './config/parserVerdict';
import { walkConfig } from './config/readConfigLine';
import { ambiguousCommand, invalidInput, unrecognizedCommand } from './errors';
import { execRoots } from './exec/execTree';
import { prompt } from './prompt';
import type { ConsoleContext, ConsoleState } from './types';

/** The typed words before the one being typed, and that one (null after a space). */
export interface SplitLine {
  readonly before: Token[];
  readonly partial: Token | null;
}

export function splitLine(line: string): SplitLine {
  const tokens = tokenize(line);
  const last = tokens.at(-1);
  if (last === undefined || /\s$/.test(line)) return { before: tokens, partial: null };
  return { before: tokens.slice(0, -1), partial: last };
}

/** Where the UI echoes the line: the marker's columns count from the prompt. */
interface Echo {
  readonly line: string;
  readonly promptLength: number;
}

/** The error `?` reports when the words before it do not read. */
function walkError(
  walked: { kind: 'invalid' | 'ambiguous'; at: number },
  before: readonly Token[],
  echo: Echo,
): string[] {
  if (walked.kind === 'ambiguous') return ambiguousCommand(echo.line);
  if (walked.at === 0) return unrecognizedCommand();
  return invalidInput(echo.promptLength, before[walked.at]?.start ?? 0);
}

/** Names for `word?`: the parameters the word could be, then the keywords it starts. */
function completionNames<A>(next: readonly CommandNode<A>[], partial: string): string[] {
  const params = next.flatMap((node) =>
    node.kind === 'param' && node.key !== ARGS_KEY && node.accepts(partial) ? [node.label] : [],
  );
  return [...params, ...byPrefix(keywordEntries(next), partial)];
}

/** Keyword names starting with `partial`; parameter labels (`A.B.C.D`, `<1-10>`) stay. */
function byPrefix(entries: readonly HelpEntry[], partial: string): string[] {
  const lower = partial.toLowerCase();
  return entries
    .map((entry) => entry.name)
    .filter((name) => !/^[a-z0-9]/.test(name) || name.startsWith(lower));
}

function completions(names: readonly string[]): string[] {
  return names.length === 0 ? unrecognizedCommand() : formatCompletions(names);
}

function execHelp(
  roots: ReturnType<typeof execRoots>,
  { before, partial }: SplitLine,
  echo: Echo,
): string[] {
  const walked = walk(roots, before);
  if (!walked.ok) return walkError(walked, before, echo);
  if (partial === null) return formatHelpEntries(entriesAfter(roots, walked.node));
  return completions(completionNames(nextNodes(roots, walked.node), partial.text));
}

type ArgumentHelp = { readonly entries: HelpEntry[] } | { readonly error: string[] };

/**
 * What may follow a command's keywords or some of its arguments, as the parser sees the line so
 * far: what it expects next, or `<cr>` when it would take the line as it is.
 */
function argumentHelp(
  state: ConsoleState,
  context: ConsoleContext,
  steps: readonly Step<ConfigAction>[],
  before: readonly Token[],
  echo: Echo,
): ArgumentHelp {
  const keywordCount = steps.filter((step) => step.node.kind === 'keyword').length;
  const judged = judge(context, state.submodeHeader, openBlockOf(state), spelledOut(steps));
  switch (judged.verdict.kind) {
    case 'accepted': {
      // The optional arguments the parser would still take here, then `<cr>`.
      const offers = parserOffers(state.submodeHeader, judged.words.join(' ')).flatMap(
        expectedEntries,
      );
      const path = judged.words.slice(0, keywordCount).join(' ');
      const described = offers.map((entry) =>
        entry.help === '' ? { ...entry, help: keywordArgumentHelp(path, entry.name) } : entry,
      );
      return { entries: [...described, CR_ENTRY] };
    }
    case 'incomplete':
      return { entries: expectedEntries(judged.verdict.expected) };
    case 'ambiguous':
      return { error: ambiguousCommand(echo.line) };
    case 'refused': {
      const at = refusedWordIndex(judged.verdict.message, judged.words, keywordCount) ?? 0;
      return { error: invalidInput(echo.promptLength, before[at]?.start ?? 0) };
    }
  }
}

function configHelp(
  state: ConsoleState,
  context: ConsoleContext,
  { before, partial }: SplitLine,
  echo: Echo,
): string[] {
  const { roots, walked } = walkConfig(openBlockOf(state), before);
  if (!walked.ok) return walkError(walked, before, echo);
  const [first] = walked.steps;
  if (first?.node.kind === 'keyword' && first.node.word === 'do') {
    // `do ?` shows IOS's `LINE  Exec Command`; after that, the EXEC commands' own help.
    if (before.length === 1 && partial === null) {
      return formatHelpEntries(entriesAfter(roots, first.node));
    }
    return execHelp(execRoots(state), { before: before.slice(1), partial }, echo);
  }
  const { node } = walked;
  if (node?.action !== 'command') {
    if (partial === null) return formatHelpEntries(entriesAfter(roots, node));
    return completions(completionNames(nextNodes(roots, node), partial.text));
  }
  const args = argumentHelp(state, context, walked.steps, before, echo);
  if ('error' in args) return args.error;
  const keywords = keywordEntries(nextNodes(roots, node));
  const params = args.entries.filter((entry) => entry !== CR_ENTRY);
  const complete = args.entries.includes(CR_ENTRY) ? [CR_ENTRY] : [];
  if (partial === null) return formatHelpEntries([...params, ...keywords, ...complete]);
  return completions(byPrefix([...params, ...keywords], partial.text));
}

/**
 * The lines `?` prints after `partialLine` (the UI then shows the prompt and the line again).
 * Nothing while a question is pending.
 */
export function help(state: ConsoleState, partialLine: string, context: ConsoleContext): string[] {
  if (state.pending !== null) return [];
  const echo = { line: partialLine, promptLength: prompt(state, context.hostname).length };
  const split = splitLine(partialLine);
  if (state.mode === 'exec' || state.mode === 'user-exec') {
    return execHelp(execRoots(state), split, echo);
  }
  return configHelp(state, context, split, echo);
}
