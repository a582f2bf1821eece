// How one typed line edits the lines of a scope (the top level, or the lines of one block) so
// that they read as `show running-config` would show them afterwards.

import {
  type CommandSyntax,
  canonicalWords,
  findCommand,
  identityOf,
  isSimulated,
  noIdentityOf,
  splitNo,
} from './commandTable';
import { type ConfigNode, wordsOf } from './configDocument';
import { modeOpenedBy } from './modeEngine';

/** Where a line is edited: the top level or inside a block. */
export interface Scope {
  commands: readonly CommandSyntax[];
  /** How lines are indented: '' at the top level, one space inside a block. */
  indent: string;
  /** Whether a new line opens a block (and so goes after everything else). */
  opensBlock: boolean;
}

/**
 * Applies one line to the lines of a scope. `written` is the line as added or updated, or null
 * when the line only removed lines (or changed nothing).
 */
export function editLines(
  entries: readonly ConfigNode[],
  scope: Scope,
  words: readonly string[],
): { entries: ConfigNode[]; written: string | null } {
  const { negated, body } = splitNo(words);
  if (negated) {
    const kept = removeLines(entries, scope, body);
    if (kept !== null) return { entries: kept, written: null };
    const match = findCommand(scope.commands, body);
    // Nothing to remove: a simulated setting is already at its default. Otherwise keep the `no`
    // line, as IOS shows it for features that are on by default (`no ip domain lookup`).
    if (match !== null && isSimulated(match.spec)) return { entries: [...entries], written: null };
  }
  return setLine(entries, scope, words);
}

/**
 * The entries without those `no BODY` removes, or null when it removes none. A '!' separator
 * left next to another by the removal goes too.
 */
function removeLines(
  entries: readonly ConfigNode[],
  scope: Scope,
  body: readonly string[],
): ConfigNode[] | null {
  const kept: ConfigNode[] = [];
  let removedBefore = false;
  let removedAny = false;
  for (const entry of entries) {
    if (isRemovedBy(scope.commands, body, entry)) {
      removedBefore = true;
      removedAny = true;
    } else if (!(removedBefore && isSeparator(entry) && isSeparator(kept.at(-1)))) {
      kept.push(entry);
      removedBefore = false;
    }
  }
  return removedAny ? kept : null;
}

function isSeparator(entry: ConfigNode | undefined): boolean {
  return entry?.line.trim() === '!';
}

/** Whether `no BODY` removes the entry: it starts with BODY, or has the identity BODY names. */
function isRemovedBy(
  commands: readonly CommandSyntax[],
  body: readonly string[],
  entry: ConfigNode,
): boolean {
  const existing = wordsOf(entry.line);
  if (existing.length === 0) return false;
  if (startsWithWords(canonicalWords(commands, existing), canonicalWords(commands, body))) {
    return true;
  }
  const removed = noIdentityOf(commands, body);
  return removed !== null && removed === noIdentityOf(commands, existing);
}

/**
 * Adds or updates a line. A line that turns back on a feature shown as `no ...` removes that
 * line instead. A line with the identity of an existing one replaces it in place (a block keeps
 * its lines; a retyped block header such as `crypto map CMAP 10` keeps the fuller existing
 * header). A new line goes after the last line of the same command family, or at the end.
 */
function setLine(
  entries: readonly ConfigNode[],
  scope: Scope,
  words: readonly string[],
): { entries: ConfigNode[]; written: string | null } {
  const { negated, body } = splitNo(words);
  const canonical = negated
    ? ['no', ...canonicalWords(scope.commands, body)]
    : canonicalWords(scope.commands, words);
  const written = scope.indent + canonical.join(' ');
  const identity = negated ? canonical.join(' ') : identityOf(scope.commands, words);
  const identityOfEntry = (entry: ConfigNode) => {
    const existing = wordsOf(entry.line);
    return existing[0]?.toLowerCase() === 'no'
      ? ['no', ...canonicalWords(scope.commands, existing.slice(1))].join(' ')
      : identityOf(scope.commands, existing);
  };
  // `shutdown` is written when on: it takes the place of a `no shutdown` line.
  const shownWhenOn = !negated && SHOWN_WHEN_ON.has(canonical.join(' '));
  const turnedBackOn = entries.findIndex(
    (entry) => !negated && isTurnedBackOn(scope, entry, canonical),
  );
  if (shownWhenOn && turnedBackOn >= 0) {
    const replaced = [...entries];
    replaced[turnedBackOn] = { line: written, children: [] };
    return { entries: replaced, written };
  }
  const result = entries.filter((entry) => negated || !isTurnedBackOn(scope, entry, canonical));
  // Turning a feature back on restores its default, which IOS does not show (`ip domain lookup`).
  if (result.length < entries.length) return { entries: result, written: null };
  const same = result.findIndex((entry) => identityOfEntry(entry) === identity);
  const existing = result[same];
  if (existing !== undefined) {
    const keepExisting =
      scope.opensBlock &&
      startsWithWords(canonicalWords(scope.commands, wordsOf(existing.line)), canonical);
    const line = keepExisting ? existing.line : written;
    result[same] = { line, children: existing.children };
    return {
      entries: result.filter(
        (entry, index) => index <= same || identityOfEntry(entry) !== identity,
      ),
      written: line,
    };
  }
  const added = { line: written, children: [] };
  const position = insertionIndex(result, scope, canonical);
  const before = result[position.index - 1];
  const separator = position.separated && before !== undefined && !isSeparator(before);
  result.splice(position.index, 0, ...(separator ? [{ line: '!', children: [] }] : []), added);
  return { entries: result, written };
}

/**
 * Lines IOS shows when their feature is on, and whose `no` form the configuration may also
 * spell out: a shut interface reads `shutdown` (one that is up may read `no shutdown`).
 */
const SHOWN_WHEN_ON: ReadonlySet<string> = new Set(['shutdown']);

/** Whether the entry is `no M` and the positive line `canonical` starts with M. */
function isTurnedBackOn(scope: Scope, entry: ConfigNode, canonical: readonly string[]): boolean {
  const existing = wordsOf(entry.line);
  if (existing[0]?.toLowerCase() !== 'no' || existing.length < 2) return false;
  return startsWithWords(canonical, canonicalWords(scope.commands, existing.slice(1)));
}

/**
 * Where a new line goes: after the last single line of the same family (same first two words),
 * else at the end — at the top level before a final `end`, after a '!' separator.
 */
function insertionIndex(
  entries: readonly ConfigNode[],
  scope: Scope,
  canonical: readonly string[],
): { index: number; separated: boolean } {
  const family = canonical.slice(0, 2).join(' ').toLowerCase();
  if (!scope.opensBlock) {
    const last = lastIndexWhere(
      entries,
      (entry) =>
        entry.children.length === 0 &&
        (scope.indent !== '' || modeOpenedBy(wordsOf(entry.line)) === null) &&
        canonicalWords(scope.commands, wordsOf(entry.line)).slice(0, 2).join(' ').toLowerCase() ===
          family,
    );
    if (last >= 0) return { index: last + 1, separated: false };
  }
  if (scope.indent !== '') return { index: entries.length, separated: false };
  const end = lastIndexWhere(entries, (entry) => entry.line.trim().toLowerCase() === 'end');
  return { index: end >= 0 ? end : entries.length, separated: true };
}

function lastIndexWhere<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  for (let index = items.length - 1; index >= 0; index -= 1) {
    const item = items[index];
    if (item !== undefined && predicate(item)) return index;
  }
  return -1;
}

function startsWithWords(words: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= words.length && prefix.every((word, index) => words[index] === word);
}
