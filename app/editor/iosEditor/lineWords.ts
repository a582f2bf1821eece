// What each word of a configuration line is, for colouring: the command's keywords as the
// parser's command tables read them (the console's keyword trees), a leading `no`, and the kind
// of each argument (address, number, interface, free text). Diagnostics and completion come from
// the parser itself (iosLint.ts, iosCompletion.ts); this only picks colours.

import { type Token, tokenize } from '../../console/commandTree';
import { walkConfig } from '../../console/config/readConfigLine';
import { lexLine } from '../../ios/config/lexer';
import { modeClaims, modeOpenedBy } from '../../ios/config/modeEngine';
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

function argumentKind(word: string): WordKind {
  if (parseIpv4(word) !== null) return 'address';
  if (/^\d+$/.test(word)) return 'number';
  if (/\d/.test(word) && lookupInterfaceName(word).kind === 'name') return 'interface';
  return 'argument';
}

function wordAt(token: Token, kind: WordKind): LineWord {
  return { from: token.start, to: token.start + token.text.length, kind };
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
  const block = header === null ? null : modeOpenedBy(header.split(' '));
  const { walked } = walkConfig(block, tokens);
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
  return [...words, ...rest.map((token) => wordAt(token, argumentKind(token.text)))];
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
  const block = header === null ? null : modeOpenedBy(header.split(' '));
  if (block !== null && (line.indented || modeClaims(block, line.words))) return header;
  return modeOpenedBy(line.words) === null ? null : line.words.join(' ');
}
