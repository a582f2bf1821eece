// IOS configuration syntax for CodeMirror: a stream language whose tokens are the word kinds of
// lineWords.ts, and their colours, calm ones from the app's design tokens (tokens.css).

import { HighlightStyle, StreamLanguage, syntaxHighlighting } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { type Tag, tags } from '@lezer/highlight';
import {
  type LineWord,
  type Reading,
  readingAfter,
  readingWords,
  START_READING,
  type WordKind,
} from './lineWords';

interface LineState {
  /** Where the current line is read. */
  reading: Reading;
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
  startState: () => ({ reading: START_READING, words: [] }),
  copyState: (state) => ({ reading: state.reading, words: state.words }),
  token(stream, state) {
    if (stream.sol()) {
      // The lines before this one decide where it is read (a block, a banner's text).
      state.words = readingWords(state.reading, stream.string);
      state.reading = readingAfter(state.reading, stream.string);
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
