// Completion of configuration keywords in the mode the cursor is in. The mode is the parser's
// own reading of the lines above (modeEngine.ts); the keywords are the console's trees, built
// from the parser's command tables (console/config/configTree.ts), read in that mode and then in
// global mode as IOS reads a typed line; argument keywords are what the parser expects or would
// still take at that word (the console's `?` reads them the same way).

import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import type { Text } from '@codemirror/state';
import { keywordEntries, nextNodes } from '../../console/commandTree';
import { expectedEntries } from '../../console/config/parserVerdict';
import { walkConfig } from '../../console/config/readConfigLine';
import { splitLine } from '../../console/help';
import { lexConfig, lexLine } from '../../ios/config/lexer';
import { newParserState, type ParserState, parseLine } from '../../ios/config/modeEngine';

/** The parser's state after the lines before line `lineNo` (1-based) of `doc`. */
export function parserStateBefore(doc: Text, lineNo: number): ParserState {
  const state = newParserState();
  if (lineNo <= 1) return state;
  const above = doc.sliceString(0, doc.line(lineNo - 1).to);
  for (const line of lexConfig(above)) parseLine(state, line);
  return state;
}

const INCOMPLETE = /^incomplete command: expected (.*)$/;
/** A keyword or keywords (`gre ip`), not a parameter label (`A.B.C.D`, `<1-10>`, `WORD`). */
const KEYWORDS = /^[a-z][a-z0-9-]*(?: [a-z0-9-]+)*$/;

/**
 * The argument keywords the parser expects after `typed` (the line up to the word being typed),
 * or would still take there, read after the lines above.
 */
function argumentKeywords(doc: Text, lineNo: number, typed: string): string[] {
  const state = parserStateBefore(doc, lineNo);
  const offers: string[] = [];
  const first = state.diagnostics.length;
  parseLine({ ...state, offers }, lexLine(typed.trimEnd(), lineNo));
  const expected = state.diagnostics
    .slice(first)
    .flatMap((diagnostic) => INCOMPLETE.exec(diagnostic.message)?.[1] ?? []);
  const options = [...expected, ...offers]
    .flatMap(expectedEntries)
    .map((entry) => entry.name)
    .filter((name) => KEYWORDS.test(name));
  return nextWords(options, typed.trim().toLowerCase().split(/\s+/));
}

/**
 * The next word of each option the typed words may be partway through: an option of several
 * words (`gre multipoint`) counts the words that end the line and begin it; only the options
 * most advanced count (after `tunnel mode gre`: `ip`, `multipoint`).
 */
function nextWords(options: readonly string[], typed: readonly string[]): string[] {
  const progress = options.map((option) => {
    const words = option.split(' ');
    let done = words.length - 1;
    while (done > 0 && typed.slice(-done).join(' ') !== words.slice(0, done).join(' ')) done -= 1;
    return { done, next: words[done] ?? '' };
  });
  const most = Math.max(0, ...progress.map(({ done }) => done));
  return progress.filter(({ done }) => done === most).map(({ next }) => next);
}

/** The keywords that may stand at the cursor, as completions replacing the word typed so far. */
export function iosCompletions(context: CompletionContext): CompletionResult | null {
  const { doc } = context.state;
  const line = doc.lineAt(context.pos);
  const typed = line.text.slice(0, context.pos - line.from);
  if (typed.trimStart().startsWith('!')) return null;
  const word = context.matchBefore(/\S+/);
  if (word === null && !context.explicit) return null;
  const { before } = splitLine(typed);
  const block = parserStateBefore(doc, line.number).block?.mode ?? null;
  const { roots, walked } = walkConfig(block, before);
  if (!walked.ok) return null;
  const [first] = walked.steps;
  if (first?.node.kind === 'keyword' && first.node.word === 'do') return null;
  const node = walked.node;
  const keywords: Completion[] = keywordEntries(nextNodes(roots, node)).map((entry) => ({
    label: entry.name,
    type: 'keyword',
    ...(entry.help === '' ? {} : { detail: entry.help }),
  }));
  const from = word?.from ?? context.pos;
  const args: Completion[] =
    node?.action === 'command'
      ? argumentKeywords(doc, line.number, line.text.slice(0, from - line.from)).map((label) => ({
          label,
          type: 'keyword',
        }))
      : [];
  const seen = new Set<string>();
  const options = [...args, ...keywords].filter((option) => {
    if (seen.has(option.label)) return false;
    seen.add(option.label);
    return true;
  });
  return options.length === 0 ? null : { from, options, validFor: /^\S*$/ };
}
