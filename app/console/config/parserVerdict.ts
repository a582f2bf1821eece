// What the configuration parser says of a typed line, applied to a scratch copy of the running
// configuration: accepted, incomplete (and what it expects next), or refused (and why). The
// console's error messages and `?` hints are read from these verdicts, and abbreviated keyword
// arguments are the parser's own reading (ArgReader), so the grammar of arguments stays the
// parser's.

import { applyConfigLines } from '../../ios/applyConfigLines';
import { lexLine } from '../../ios/config/lexer';
import { modeClaims, newParserState, parseLine } from '../../ios/config/modeEngine';
import type { HelpEntry } from '../commandTree';

export type Verdict =
  | { readonly kind: 'accepted' }
  /** `expected` as the parser words it: "keepalive interval in seconds (10-3600)". */
  | { readonly kind: 'incomplete'; readonly expected: string }
  | { readonly kind: 'refused'; readonly message: string };

/**
 * The parser's verdict on `line`, typed in the submode `header` opened (null: in global
 * configuration mode). Nothing is applied to the router.
 */
export function parserVerdict(running: string, header: string | null, line: string): Verdict {
  const lines = header === null ? [line] : [header, line];
  const error = applyConfigLines(running, lines).errors.find((e) => e.line === lines.length);
  if (error === undefined) return { kind: 'accepted' };
  const incomplete = /^incomplete command: expected (.*)$/.exec(error.message);
  return incomplete?.[1] === undefined
    ? { kind: 'refused', message: error.message }
    : { kind: 'incomplete', expected: incomplete[1] };
}

/**
 * What an accepted `line` may go on with, as the parser's own reading of it offers (the optional
 * arguments after its last word: `crypto isakmp keepalive 10 3` → `keyword (periodic |
 * on-demand)`), in parser order. `header` as in parserVerdict.
 */
export function parserOffers(header: string | null, line: string): string[] {
  const state = newParserState();
  if (header !== null) parseLine(state, lexLine(header, 1));
  const words = line.trim().split(/\s+/);
  // A line the submode claims is read inside it, as `show running-config` indents it.
  const inBlock = state.block !== null && modeClaims(state.block.mode, words);
  const offers: string[] = [];
  parseLine({ ...state, offers }, lexLine(inBlock ? ` ${line}` : line, 2));
  return offers;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The `?` entries for what the parser expects: `(A.B.C.D)` → `A.B.C.D`, `(10-3600)` →
 * `<10-3600>`, `(des | 3des | aes)` → one entry per keyword, anything else → `WORD`.
 */
export function expectedEntries(expected: string): HelpEntry[] {
  const parts = /^(.*) \(([^()]*)\)$/.exec(expected);
  const what = capitalized(parts?.[1] ?? expected);
  const hint = parts?.[2];
  if (hint === undefined) return [{ name: 'WORD', help: what }];
  if (hint.includes(' | ') || parts?.[1] === 'keyword') {
    // Keywords, in IOS's `?` order (code units: `14` before `2`).
    return hint
      .split(' | ')
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map((name) => ({ name, help: '' }));
  }
  if (/^\d+-\d+$/.test(hint)) return [{ name: `<${hint}>`, help: what }];
  return [{ name: hint, help: what }];
}

/**
 * The word a refusal is about, for the `^` marker: the first word it quotes, or the word it
 * starts with ("30 is out of range…"), when the line has it among its arguments; else null.
 */
export function refusedWordIndex(
  message: string,
  words: readonly string[],
  from: number,
): number | null {
  const quoted = /'([^']*)'/.exec(message)?.[1]?.split(' ')[0];
  const leading = message.split(' ')[0];
  for (const candidate of [quoted, leading]) {
    if (candidate === undefined || candidate === '') continue;
    const lower = candidate.toLowerCase();
    const at = words.findIndex((word, index) => index >= from && word.toLowerCase() === lower);
    if (at >= 0) return at;
  }
  return null;
}
