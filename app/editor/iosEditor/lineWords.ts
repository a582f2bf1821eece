// What each word of a configuration line is, for colouring: the command's keywords as the
// parser's command tables read them (the console's keyword trees), a leading `no`, and the kind
// of each argument (address, number, interface, free text). Diagnostics and completion come from
// the parser itself (iosLint.ts, iosCompletion.ts); this only picks colours.

import { type Token, tokenize } from '../../console/commandTree';
import { walkConfig } from '../../console/config/readConfigLine';
import { lexLine, openBannerDelimiter } from '../../ios/config/lexer';
import { modeClaims, modeOpenedBy } from '../../ios/config/modeEngine';
import type { ActiveMode } from '../../ios/config/modes';
import { lookupInterfaceName } from '../../ios/interfaceName';
import { parseIpv4 } from '../../ios/ipv4';

export type WordKind =
  | 'comment'
  | 'negation'
  | 'keyword'
  | 'address'
  | 'number'
  | 'interface'
  | 'text'
  | 'argument';

export interface LineWord {
  /** Column of the word's first and past its last character. */
  readonly from: number;
  readonly to: number;
  readonly kind: WordKind;
}

/** Commands whose arguments are free text, coloured as such. */
const TEXT_COMMANDS: ReadonlySet<string> = new Set(['description', 'remark', 'banner']);

/**
 * The block lines are read in, named by the global line that opened it (`crypto map CMAP 10`);
 * null in global configuration mode.
 */
export type BlockHeader = string | null;

/** Blocks by header, read once each: a config has few, and every line of a block asks. */
const blocks = new Map<string, ActiveMode | null>();
/** Enough for the blocks of several configs; past it the cache starts again. */
const MAX_BLOCKS = 2_000;

function blockOf(header: BlockHeader): ActiveMode | null {
  if (header === null) return null;
  const known = blocks.get(header);
  if (known !== undefined) return known;
  if (blocks.size >= MAX_BLOCKS) blocks.clear();
  const block = modeOpenedBy(header.split(' '));
  blocks.set(header, block);
  return block;
}

function argumentKind(word: string): WordKind {
  if (parseIpv4(word) !== null) return 'address';
  if (/^\d+$/.test(word)) return 'number';
  if (/\d/.test(word) && lookupInterfaceName(word).kind === 'name') return 'interface';
  return 'argument';
}

/** Argument words by kind; a quoted string (`"a b"`) is one text word, to its closing quote. */
function argumentWords(tokens: readonly Token[]): LineWord[] {
  const words: LineWord[] = [];
  let quoteFrom: number | null = null;
  for (const token of tokens) {
    const end = token.start + token.text.length;
    if (quoteFrom === null && token.text.startsWith('"')) quoteFrom = token.start;
    if (quoteFrom === null) {
      words.push(wordAt(token, argumentKind(token.text)));
    } else if (token.text.endsWith('"') && (token.start > quoteFrom || token.text.length > 1)) {
      words.push({ from: quoteFrom, to: end, kind: 'text' });
      quoteFrom = null;
    }
  }
  const last = tokens.at(-1);
  if (quoteFrom !== null && last !== undefined) {
    words.push({ from: quoteFrom, to: last.start + last.text.length, kind: 'text' });
  }
  return words;
}

function wordAt(token: Token, kind: WordKind): LineWord {
  return { from: token.start, to: token.start + token.text.length, kind };
}

/** Where a line is read: in a block, or inside the text of a multi-line banner. */
export interface Reading {
  header: BlockHeader;
  /** The delimiter that ends the banner text the line belongs to; null outside a banner. */
  bannerDelimiter: string | null;
}

export const START_READING: Reading = { header: null, bannerDelimiter: null };

/** The words of `text`, read where `reading` says: a banner's text is text. */
export function readingWords(reading: Reading, text: string): LineWord[] {
  if (reading.bannerDelimiter === null) return lineWords(reading.header, text);
  const [first] = tokenize(text);
  return first === undefined
    ? []
    : [{ from: first.start, to: text.trimEnd().length, kind: 'text' }];
}

/** Where the line after `text` is read (headerAfter; a banner's text as lexConfig reads it). */
export function readingAfter(reading: Reading, text: string): Reading {
  const { header, bannerDelimiter } = reading;
  if (bannerDelimiter !== null) {
    return text.includes(bannerDelimiter) ? { header, bannerDelimiter: null } : reading;
  }
  const opened = lexLine(text, 1).kind === 'command' ? openBannerDelimiter(text) : null;
  return { header: headerAfter(header, text), bannerDelimiter: opened };
}

/** The words of `text`, read in the block `header` opened. */
export function lineWords(header: BlockHeader, text: string): LineWord[] {
  const line = lexLine(text, 1);
  const tokens = tokenize(text);
  if (line.kind === 'comment') {
    const first = tokens[0];
    return first === undefined ? [] : [{ from: first.start, to: text.length, kind: 'comment' }];
  }
  if (line.kind !== 'command') return [];
  const { walked } = walkConfig(blockOf(header), tokens);
  const steps = walked.ok ? walked.steps : [];
  const words: LineWord[] = [];
  let index = 0;
  let textCommand = false;
  for (const step of steps) {
    if (step.node.kind !== 'keyword') break;
    const token = tokens[index];
    if (token === undefined) break;
    const negation = index === 0 && step.node.word === 'no';
    words.push(wordAt(token, negation ? 'negation' : 'keyword'));
    textCommand ||= TEXT_COMMANDS.has(step.node.word);
    index += 1;
  }
  const rest = tokens.slice(index);
  const [restStart] = rest;
  if (textCommand && restStart !== undefined) {
    return [...words, { from: restStart.start, to: text.trimEnd().length, kind: 'text' }];
  }
  return [...words, ...argumentWords(rest)];
}

/**
 * The block the line after `text` is read in. As the parser reads a configuration: an indented
 * line, or one the block has a command for, stays in the block; an unindented `!`, `exit` or
 * `end` leaves it; any other line is global and may open a block of its own.
 */
export function headerAfter(header: BlockHeader, text: string): BlockHeader {
  const line = lexLine(text, 1);
  if (line.kind === 'comment') return line.indented ? header : null;
  if (line.kind !== 'command') return header;
  const keyword = line.words.length === 1 ? line.words[0]?.toLowerCase() : undefined;
  if (keyword === 'exit' || keyword === 'end') return null;
  const block = blockOf(header);
  if (block !== null && (line.indented || modeClaims(block, line.words))) return header;
  return modeOpenedBy(line.words) === null ? null : line.words.join(' ');
}
