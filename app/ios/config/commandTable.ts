// The shape of the IOS command tables: which keywords name a command in a mode, how its
// arguments are applied, and which words identify the setting a line configures.

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

/** Each command's spellings (path and aliases) split into keywords, computed once per command. */
const spellingsOf = new WeakMap<CommandSyntax, readonly string[][]>();

function spellings(spec: CommandSyntax): readonly string[][] {
  let split = spellingsOf.get(spec);
  if (!split) {
    split = [spec.path, ...(spec.aliases ?? [])].map((spelling) => spelling.split(' '));
    spellingsOf.set(spec, split);
  }
  return split;
}

/** The command whose keywords begin `words` (matched case-insensitively), the longest first. */
export function findCommand<S extends CommandSyntax>(
  commands: readonly S[],
  words: readonly string[],
): CommandMatch<S> | null {
  let best: CommandMatch<S> | null = null;
  let bestLength = 0;
  for (const spec of commands) {
    for (const keywords of spellings(spec)) {
      if (keywords.length <= bestLength || !startsWithKeywords(words, keywords)) continue;
      const args = words.slice(keywords.length);
      if (spec.accepts !== undefined && !spec.accepts(args)) continue;
      best = { spec, args };
      bestLength = keywords.length;
    }
  }
  return best;
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

function startsWithKeywords(words: readonly string[], keywords: readonly string[]): boolean {
  return keywords.every((keyword, index) => words[index]?.toLowerCase() === keyword);
}
