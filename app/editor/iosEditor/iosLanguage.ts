// IOS configuration syntax for CodeMirror: a stream language whose tokens are the word kinds of
// lineWords.ts, and their colours, calm ones from the app's design tokens (tokens.css).

import { HighlightStyle, StreamLanguage, syntaxHighlighting } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { type Tag, tags } from '@lezer/highlight';
import {
  type BlockHeader,
  headerAfter,
  type LineWord,
  lineWords,
  type WordKind,
} from './lineWords';

interface LineState {
  /** The block the current line is read in. */
  header: BlockHeader;
  /** The words of the current line, read at its start. */
  words: readonly LineWord[];
}

/** The highlighting tag of each word kind. */
export const WORD_TAGS: Readonly<Record<WordKind, Tag>> = {
  comment: tags.lineComment,
  negation: tags.modifier,
  keyword: tags.keyword,
  address: tags.literal,
  number: tags.number,
  interface: tags.typeName,
  text: tags.string,
  argument: tags.variableName,
};

/** Keywords navy, addresses green, interfaces blue, numbers and `no` brown, comments muted. */
const WORD_STYLES: Readonly<Partial<Record<WordKind, Record<string, string>>>> = {
  comment: { color: 'var(--ink-muted)', fontStyle: 'italic' },
  text: { color: 'var(--ink-muted)', fontStyle: 'italic' },
  keyword: { color: 'var(--accent)', fontWeight: '600' },
  negation: { color: 'var(--warn)', fontWeight: '600' },
  address: { color: 'var(--ok)' },
  number: { color: 'var(--warn)' },
  interface: { color: 'var(--focus)' },
};

const KINDS = Object.keys(WORD_TAGS) as WordKind[];

export const iosStreamLanguage = StreamLanguage.define<LineState>({
  name: 'ios',
  startState: () => ({ header: null, words: [] }),
  copyState: (state) => ({ header: state.header, words: state.words }),
  token(stream, state) {
    if (stream.sol()) {
      // The line before this one decides the block; this line's words are read in it.
      state.words = lineWords(state.header, stream.string);
      state.header = headerAfter(state.header, stream.string);
    }
    if (stream.eatSpace()) return null;
    const word = state.words.find((candidate) => candidate.from === stream.pos);
    if (word === undefined) {
      stream.skipToEnd();
      return null;
    }
    stream.pos = word.to;
    return word.kind;
  },
  blankLine(state) {
    state.words = [];
  },
  languageData: { commentTokens: { line: '!' } },
  tokenTable: WORD_TAGS,
});

const iosHighlightStyle = HighlightStyle.define(
  KINDS.flatMap((kind) => {
    const style = WORD_STYLES[kind];
    return style === undefined ? [] : [{ tag: WORD_TAGS[kind], ...style }];
  }),
);

/** The IOS language with its colours. */
export function iosLanguage(): Extension {
  return [iosStreamLanguage, syntaxHighlighting(iosHighlightStyle)];
}
