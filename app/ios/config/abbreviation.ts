// IOS's rule for abbreviated keywords, one rule for command keywords and keyword arguments, in
// the configuration parser and at the console: a word stands for the keyword it begins
// (case-insensitively); a word that spells a keyword in full is that keyword even when longer
// keywords begin with it; a word that begins several keywords is ambiguous.

import { echoed } from '../echo';

/**
 * The items whose keyword `typed` may stand for: those it spells in full, else every one whose
 * keyword it begins. More than one distinct keyword: the word is ambiguous.
 */
export function abbreviatedBy<T>(
  typed: string,
  items: readonly T[],
  keywordOf: (item: T) => string,
): T[] {
  const lower = typed.toLowerCase();
  const exact = items.filter((item) => keywordOf(item).toLowerCase() === lower);
  if (exact.length > 0) return exact;
  return items.filter((item) => keywordOf(item).toLowerCase().startsWith(lower));
}

/** The keywords `typed` may stand for (see abbreviatedBy), each once. */
export function keywordsAbbreviatedBy<K extends string>(
  typed: string,
  keywords: readonly K[],
): K[] {
  return [...new Set(abbreviatedBy(typed, keywords, (keyword) => keyword))];
}

const AMBIGUOUS = 'ambiguous command: ';

/** IOS answers `% Ambiguous command`; the message also names what the word may abbreviate. */
export function ambiguousMessage(word: string, candidates: readonly string[]): string {
  return `${AMBIGUOUS}${echoed(word)} may abbreviate ${[...candidates].sort().map(echoed).join(', ')}`;
}

/** Whether a parser message is the refusal of an ambiguous word (ambiguousMessage). */
export function isAmbiguity(message: string): boolean {
  return message.startsWith(AMBIGUOUS);
}
