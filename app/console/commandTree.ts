// The IOS command line grammar: a tree of keywords and parameters, read word by word the way
// the IOS parser reads it. A keyword may be abbreviated to any prefix that names it alone
// (`sh cry isa sa`); a word that is a prefix of several keywords is ambiguous; a keyword typed in
// full wins over longer keywords it is a prefix of; keywords win over parameters.

import { abbreviatedBy } from '../ios/config/abbreviation';

/** A word of the typed line and the column it starts at (for the `^` marker). */
export interface Token {
  readonly text: string;
  readonly start: number;
}

interface NodeBase<A> {
  /** The one-line description `?` prints beside the keyword or parameter. */
  readonly help: string;
  /** What may follow. */
  readonly children?: readonly CommandNode<A>[];
  /** Set when the words so far form a complete command. */
  readonly action?: A;
  /** Records the word under this name in Walked.values (a keyword records itself). */
  readonly key?: string;
}

export interface KeywordNode<A> extends NodeBase<A> {
  readonly kind: 'keyword';
  /** Lowercase, as IOS lists it. */
  readonly word: string;
  /** Left out of `?` listings, as IOS hides some commands (`boot-start-marker`). */
  readonly hidden?: boolean;
}

export interface ParamNode<A> extends NodeBase<A> {
  readonly kind: 'param';
  /** As `?` shows it: `A.B.C.D`, `WORD`, `<1-2147483647>`, `LINE`. */
  readonly label: string;
  readonly accepts: (word: string) => boolean;
  /** Takes every remaining word (`LINE`). */
  readonly rest?: boolean;
}

export type CommandNode<A> = KeywordNode<A> | ParamNode<A>;

/** One matched step: the node and the words it took. */
export interface Step<A> {
  readonly node: CommandNode<A>;
  readonly words: readonly string[];
}

export type Walked<A> =
  | {
      readonly ok: true;
      /** The last node matched; null when no word was typed. */
      readonly node: CommandNode<A> | null;
      readonly steps: readonly Step<A>[];
    }
  | { readonly ok: false; readonly kind: 'invalid' | 'ambiguous'; readonly at: number };

export function tokenize(line: string): Token[] {
  return [...line.matchAll(/\S+/g)].map((match) => ({ text: match[0], start: match.index }));
}

/** The children of `node`, or the roots before the first word. */
export function nextNodes<A>(
  roots: readonly CommandNode<A>[],
  node: CommandNode<A> | null,
): readonly CommandNode<A>[] {
  return node === null ? roots : (node.children ?? []);
}

/** The keywords `prefix` may abbreviate: the exact one alone if typed in full (abbreviation.ts). */
export function keywordsMatching<A>(
  candidates: readonly CommandNode<A>[],
  prefix: string,
): KeywordNode<A>[] {
  const keywords = candidates.filter((node): node is KeywordNode<A> => node.kind === 'keyword');
  return abbreviatedBy(prefix, keywords, (node) => node.word);
}

type Match<A> = { node: CommandNode<A> } | { ambiguous: true } | null;

function matchWord<A>(candidates: readonly CommandNode<A>[], word: string): Match<A> {
  const keywords = keywordsMatching(candidates, word);
  const [first] = keywords;
  if (first !== undefined && keywords.length === 1) return { node: first };
  if (keywords.length > 1) return { ambiguous: true };
  const param = candidates.find(
    (node): node is ParamNode<A> => node.kind === 'param' && node.accepts(word),
  );
  return param === undefined ? null : { node: param };
}

/** Reads `tokens` from the roots; `at` names the first word that does not fit. */
export function walk<A>(roots: readonly CommandNode<A>[], tokens: readonly Token[]): Walked<A> {
  const steps: Step<A>[] = [];
  let node: CommandNode<A> | null = null;
  let index = 0;
  while (index < tokens.length) {
    const word = tokens[index]?.text ?? '';
    const match: Match<A> = matchWord(nextNodes(roots, node), word);
    if (match === null) return { ok: false, kind: 'invalid', at: index };
    if ('ambiguous' in match) return { ok: false, kind: 'ambiguous', at: index };
    const matched: CommandNode<A> = match.node;
    const taken = matched.kind === 'param' && matched.rest ? tokens.slice(index) : [tokens[index]];
    steps.push({ node: matched, words: taken.flatMap((token) => (token ? [token.text] : [])) });
    node = matched;
    index += taken.length;
  }
  return { ok: true, node, steps };
}

/** The words as IOS reads them: keywords spelled out, parameters as typed. */
export function spelledOut<A>(steps: readonly Step<A>[]): string[] {
  return steps.flatMap((step) => (step.node.kind === 'keyword' ? [step.node.word] : step.words));
}

/** Keyed words of a walk: `{ peer: '20.1.1.2', detail: 'detail', pattern: 'crypto isakmp' }`. */
export function valuesOf<A>(steps: readonly Step<A>[]): ReadonlyMap<string, string> {
  const values = new Map<string, string>();
  for (const { node, words } of steps) {
    if (node.key !== undefined) {
      values.set(node.key, node.kind === 'keyword' ? node.word : words.join(' '));
    }
  }
  return values;
}

/** One line of a `?` listing. */
export interface HelpEntry {
  readonly name: string;
  readonly help: string;
}

/** `<cr>`: the words so far are a complete command. */
export const CR_ENTRY: HelpEntry = { name: '<cr>', help: '' };

/** The keywords among `nodes` as `?` lists them: alphabetically, hidden ones left out. */
export function keywordEntries<A>(nodes: readonly CommandNode<A>[]): HelpEntry[] {
  return (
    nodes
      .flatMap((node) =>
        node.kind === 'keyword' && !node.hidden ? [{ name: node.word, help: node.help }] : [],
      )
      // Code-unit order, as IOS sorts: `|` after the letters.
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  );
}

/**
 * What may follow `node`, in IOS order: parameters as declared, keywords alphabetically,
 * then `<cr>` when the command is complete.
 */
export function entriesAfter<A>(
  roots: readonly CommandNode<A>[],
  node: CommandNode<A> | null,
): HelpEntry[] {
  const next = nextNodes(roots, node);
  const params = next.flatMap((child) =>
    child.kind === 'param' ? [{ name: child.label, help: child.help }] : [],
  );
  const complete = node?.action !== undefined ? [CR_ENTRY] : [];
  return [...params, ...keywordEntries(next), ...complete];
}

/**
 * The `?` listing layout: two spaces, the names padded to the longest plus two, the description;
 * a blank line closes it.
 */
export function formatHelpEntries(entries: readonly HelpEntry[]): string[] {
  const width = Math.max(0, ...entries.map((entry) => entry.name.length)) + 2;
  return [...entries.map((entry) => `  ${entry.name.padEnd(width)}${entry.help}`.trimEnd()), ''];
}

/** IOS wraps `word?` completion lists at 80 columns, two spaces between words. */
const COMPLETION_WIDTH = 80;

/** The `word?` layout: the completions side by side, then a blank line. */
export function formatCompletions(names: readonly string[]): string[] {
  const lines: string[] = [];
  let line = '';
  for (const name of names) {
    const next = line === '' ? name : `${line}  ${name}`;
    if (line !== '' && next.length > COMPLETION_WIDTH) {
      lines.push(line);
      line = name;
    } else {
      line = next;
    }
  }
  return [...lines, line, ''];
}
