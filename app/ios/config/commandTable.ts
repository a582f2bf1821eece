// The shape of the IOS command tables: which keywords name a command in a mode, how its
// arguments are applied, and which words identify the setting a line configures.

import { abbreviatedBy } from './abbreviation';
import type { Reporter } from './reporter';

/** Picks, from a line's arguments, those that identify the setting it configures. */
export type IdentityArgs = (args: readonly string[]) => readonly string[];

export interface CommandSyntax {
  /** The keywords naming the command, lowercase, as `show running-config` writes them. */
  path: string;
  /** How messages name the command when its keywords alone are vague ('crypto map NAME client'). */
  name?: string;
  /** Other spellings IOS accepts for the same keywords ('encryption' for 'encr'). */
  aliases?: readonly string[];
  /** Narrows the argument lists this command takes when another command shares its keywords. */
  accepts?: (args: readonly string[]) => boolean;
  /** The arguments as `show running-config` writes them ('fa0/0' → 'FastEthernet0/0'). */
  canonicalArgs?: (args: readonly string[]) => string[];
  /**
   * The (canonical) arguments that identify the setting: IOS keeps one line per identity, so a
   * new line with the same keywords and identity replaces the old one. Absent: every distinct
   * line is an entry of its own (ACL entries, routes).
   */
  identityArgs?: IdentityArgs;
  /**
   * What a `no` line removes when IOS ignores its other arguments: `no access-list 101 ...`
   * deletes all of list 101. Default: identityArgs.
   */
  noIdentityArgs?: IdentityArgs;
}

export interface CommandSpec<T> extends CommandSyntax {
  /** Applies a line to the mode's target; absent when IOS accepts it but it is not simulated. */
  apply?: (target: T, args: string[], report: Reporter) => void;
  /** Applies the `no` form; absent: `no` lines of this command are reported as not simulated. */
  applyNo?: (target: T, args: string[], report: Reporter) => void;
}

/** A configuration submode, for claiming lines and identifying settings. */
export interface SubmodeSyntax {
  /** The mode as messages name it: 'crypto map entry'. */
  label: string;
  /** The command that opens it, for messages: 'crypto map NAME SEQ'. */
  opener: string;
  commands: readonly CommandSyntax[];
}

export interface SubmodeSpec<T> extends SubmodeSyntax {
  commands: readonly CommandSpec<T>[];
}

export interface CommandMatch<S> {
  spec: S;
  args: string[];
}

/** The setting is a single value: a new line replaces the previous one whatever its arguments. */
export const SINGLE_SETTING: IdentityArgs = () => [];

/** The setting is identified by its first `count` arguments (`set peer 10.1.1.1`). */
export function leadingArgs(count: number): IdentityArgs {
  return (args) => args.slice(0, count);
}

/** Commands that IOS accepts with a single value and the simulator ignores. */
export function notSimulatedSettings(paths: readonly string[]): CommandSyntax[] {
  return paths.map((path) => ({ path, identityArgs: SINGLE_SETTING }));
}

/**
 * Each command's spellings (path and aliases) split into keywords, computed once per command,
 * without those that abbreviate another spelling (`int` for `interface`, `encr` for
 * `encryption`): prefix matching accepts them anyway, and they must not make a prefix ambiguous.
 */
const spellingsOf = new WeakMap<CommandSyntax, readonly string[][]>();

function spellings(spec: CommandSyntax): readonly string[][] {
  let split = spellingsOf.get(spec);
  if (!split) {
    const all = [spec.path, ...(spec.aliases ?? [])].map((spelling) => spelling.split(' '));
    split = all.filter(
      (words) => !all.some((other) => other !== words && abbreviates(words, other)),
    );
    spellingsOf.set(spec, split);
  }
  return split;
}

/** Whether `short` spells the same keywords as `long`, each a prefix, and is not `long` itself. */
function abbreviates(short: readonly string[], long: readonly string[]): boolean {
  return (
    short.length === long.length &&
    short.join(' ') !== long.join(' ') &&
    short.every((word, index) => (long[index] ?? '').startsWith(word))
  );
}

/** A line's words are a prefix of several commands' keywords: `cry i` (ipsec, isakmp). */
export interface AmbiguousCommand {
  /** The typed word that is ambiguous, as typed. */
  word: string;
  /** The keywords it may abbreviate, sorted. */
  candidates: string[];
}

export type CommandLookup<S> = CommandMatch<S> | { ambiguous: AmbiguousCommand } | null;

interface Candidate<S> {
  spec: S;
  keywords: readonly string[];
}

/**
 * The command whose keywords begin `words`, as IOS reads a line: each keyword may be abbreviated
 * to a prefix (matched case-insensitively) that names it alone; a keyword typed in full wins over
 * longer keywords it is a prefix of; a keyword wins over an argument of a shorter command (the
 * longest command is taken); a word that abbreviates several keywords is ambiguous, also when
 * the line is too short for some of them (`crypto i`: ikev2, ipsec, isakmp). Only commands whose
 * `accepts` takes the remaining words are taken.
 */
export function lookupCommand<S extends CommandSyntax>(
  commands: readonly S[],
  words: readonly string[],
): CommandLookup<S> {
  const first = words[0]?.toLowerCase();
  if (first === undefined) return null;
  const candidates = candidatesStartingWith(commands, first);
  if (candidates.length === 0) return null;
  // Only the words keywords can stand for are read: a line may be long (an ACL, a description).
  const keywordsMax = Math.max(...candidates.map((candidate) => candidate.keywords.length));
  const typed = words.slice(0, keywordsMax).map((word) => word.toLowerCase());
  let alive: Candidate<S>[] = [];
  for (const candidate of candidates) {
    const { spec, keywords } = candidate;
    const complete = keywords.length <= words.length;
    let matches = true;
    for (let index = 1; index < keywords.length && index < typed.length; index += 1) {
      if (!(keywords[index] as string).startsWith(typed[index] as string)) {
        matches = false;
        break;
      }
    }
    if (!matches) continue;
    if (complete && spec.accepts !== undefined && !spec.accepts(words.slice(keywords.length)))
      continue;
    alive.push(candidate);
  }
  for (let index = 0; index < typed.length && alive.length > 0; index += 1) {
    const word = typed[index] ?? '';
    const reaching = alive.filter((candidate) => candidate.keywords.length > index);
    if (reaching.length === 0) break;
    const keep = abbreviatedBy(word, reaching, (candidate) => candidate.keywords[index] ?? '');
    const keywords = [...new Set(keep.map((candidate) => candidate.keywords[index] ?? ''))];
    if (keywords.length > 1) {
      return { ambiguous: { word: words[index] ?? '', candidates: keywords.sort() } };
    }
    alive = alive.filter(
      (candidate) => candidate.keywords.length <= index || keep.includes(candidate),
    );
  }
  let best: Candidate<S> | null = null;
  for (const candidate of alive) {
    if (candidate.keywords.length > words.length) continue;
    if (best === null || candidate.keywords.length > best.keywords.length) best = candidate;
  }
  return best === null ? null : { spec: best.spec, args: words.slice(best.keywords.length) };
}

/** A table's spellings by first keyword, built once per table. */
const indexOf = new WeakMap<readonly CommandSyntax[], Map<string, Candidate<CommandSyntax>[]>>();

/** The spellings of `commands` whose first keyword `first` (lowercase) abbreviates or is. */
function candidatesStartingWith<S extends CommandSyntax>(
  commands: readonly S[],
  first: string,
): Candidate<S>[] {
  let index = indexOf.get(commands);
  if (index === undefined) {
    index = new Map();
    for (const spec of commands) {
      for (const keywords of spellings(spec)) {
        const key = keywords[0] ?? '';
        const list = index.get(key) ?? [];
        list.push({ spec, keywords });
        index.set(key, list);
      }
    }
    indexOf.set(commands, index);
  }
  const exact = index.get(first);
  const found: Candidate<CommandSyntax>[] = [];
  for (const [keyword, list] of index) {
    if (keyword.startsWith(first)) found.push(...list);
  }
  // A first keyword typed in full still meets longer ones it abbreviates: they are filtered
  // (and found ambiguous or not) with the other keywords, so keep them all.
  return (exact !== undefined && found.length === exact.length ? exact : found) as Candidate<S>[];
}

/** The command `words` name (see lookupCommand); null when none does or several may. */
export function findCommand<S extends CommandSyntax>(
  commands: readonly S[],
  words: readonly string[],
): CommandMatch<S> | null {
  const found = lookupCommand(commands, words);
  return found !== null && 'spec' in found ? found : null;
}

/** Whether the simulator models the command (as opposed to keeping it as 'not simulated'). */
export function isSimulated(spec: CommandSyntax): boolean {
  return 'apply' in spec && spec.apply !== undefined;
}

/** A line as `show running-config` writes it: canonical keywords and arguments. */
export function canonicalWords(commands: readonly CommandSyntax[], words: readonly string[]) {
  const match = findCommand(commands, words);
  if (match === null) return [...words];
  return [...match.spec.path.split(' '), ...canonicalArgsOf(match)];
}

/** The words identifying the setting a line configures (see CommandSyntax.identityArgs). */
export function identityOf(commands: readonly CommandSyntax[], words: readonly string[]): string {
  const match = findCommand(commands, words);
  if (match === null) return words.join(' ');
  const args = canonicalArgsOf(match);
  const identity = match.spec.identityArgs?.(args) ?? args;
  return [match.spec.path, ...identity].join(' ');
}

/** The identity a `no` line (given without its `no`) removes, or null if it has none. */
export function noIdentityOf(
  commands: readonly CommandSyntax[],
  words: readonly string[],
): string | null {
  const match = findCommand(commands, words);
  const pick = match?.spec.noIdentityArgs ?? match?.spec.identityArgs;
  if (match === null || pick === undefined) return null;
  return [match.spec.path, ...pick(canonicalArgsOf(match))].join(' ');
}

/** `words` without a leading `no`, and whether there was one. */
export function splitNo(words: readonly string[]): { negated: boolean; body: string[] } {
  const negated = words[0]?.toLowerCase() === 'no';
  return { negated, body: words.slice(negated ? 1 : 0) };
}

function canonicalArgsOf(match: CommandMatch<CommandSyntax>): readonly string[] {
  return match.spec.canonicalArgs?.(match.args) ?? match.args;
}
