// IOS configuration syntax for CodeMirror: a stream language whose tokens are the word kinds of
// lineWords.ts, and the classes that colour them (iosEditor.css, from the app's tokens).

import { HighlightStyle, StreamLanguage, syntaxHighlighting } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { tags } from '@lezer/highlight';
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
const TAG_OF: Readonly<Record<WordKind, string>> = {
  comment: 'comment',
  negation: 'iosNegation',
  keyword: 'keyword',
  address: 'iosAddress',
  number: 'number',
  interface: 'iosInterface',
  text: 'string',
  argument: 'variableName',
};

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
    return TAG_OF[word.kind];
  },
  blankLine(state) {
    state.words = [];
  },
  languageData: { commentTokens: { line: '!' } },
  tokenTable: {
    iosNegation: tags.modifier,
    iosAddress: tags.literal,
    iosInterface: tags.typeName,
  },
});

/** Classes, not inline styles: iosEditor.css colours them from the app's design tokens. */
export const iosHighlightStyle = HighlightStyle.define([
  { tag: tags.comment, class: 'ios-comment' },
  { tag: tags.keyword, class: 'ios-keyword' },
  { tag: tags.modifier, class: 'ios-negation' },
  { tag: tags.literal, class: 'ios-address' },
  { tag: tags.number, class: 'ios-number' },
  { tag: tags.typeName, class: 'ios-interface' },
  { tag: tags.string, class: 'ios-text' },
]);

/** The IOS language with its colours. */
export function iosLanguage(): Extension {
  return [iosStreamLanguage, syntaxHighlighting(iosHighlightStyle)];
}
