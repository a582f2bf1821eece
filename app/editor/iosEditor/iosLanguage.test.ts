import { ensureSyntaxTree } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { highlightTree, tagHighlighter } from '@lezer/highlight';
import { describe, expect, it } from 'vitest';
import { iosStreamLanguage, WORD_TAGS } from './iosLanguage';
import { headerAfter, lineWords } from './lineWords';

/** Names each highlighted word by its kind. */
const KIND_NAMES = tagHighlighter(
  Object.entries(WORD_TAGS).map(([kind, tag]) => ({ tag, class: `ios-${kind}` })),
);

/** Each highlighted word of `doc` with its kind, in order. */
function coloured(doc: string): [string, string][] {
  const state = EditorState.create({ doc, extensions: [iosStreamLanguage] });
  const tree = ensureSyntaxTree(state, doc.length, 5_000);
  if (tree === null) throw new Error('no syntax tree');
  const found: [string, string][] = [];
  highlightTree(tree, KIND_NAMES, (from, to, classes) => {
    found.push([doc.slice(from, to), classes]);
  });
  return found;
}

describe('IOS highlighting', () => {
  it('colours keywords, addresses, masks, numbers and interface names', () => {
    expect(coloured('interface g0/0\n ip add 10.1.1.1 255.255.255.0\n')).toEqual([
      ['interface', 'ios-keyword'],
      ['g0/0', 'ios-interface'],
      ['ip', 'ios-keyword'],
      ['add', 'ios-keyword'],
      ['10.1.1.1', 'ios-address'],
      ['255.255.255.0', 'ios-address'],
    ]);
  });

  it('reads keywords in the mode the lines above opened: policy lines in an ISAKMP policy', () => {
    const doc = 'crypto isakmp policy 10\n authentication pre-share\n lifetime 3600\n';
    expect(coloured(doc)).toEqual([
      ['crypto', 'ios-keyword'],
      ['isakmp', 'ios-keyword'],
      ['policy', 'ios-keyword'],
      ['10', 'ios-number'],
      ['authentication', 'ios-keyword'],
      ['pre-share', 'ios-argument'],
      ['lifetime', 'ios-keyword'],
      ['3600', 'ios-number'],
    ]);
  });

  it('marks `no`, comments and description text', () => {
    const doc = '!\ninterface Tunnel0\n description to the branch office\n no shutdown\n';
    expect(coloured(doc)).toEqual([
      ['!', 'ios-comment'],
      ['interface', 'ios-keyword'],
      ['Tunnel0', 'ios-interface'],
      ['description', 'ios-keyword'],
      ['to the branch office', 'ios-text'],
      ['no', 'ios-negation'],
      ['shutdown', 'ios-keyword'],
    ]);
  });

  it('reads a multi-line banner and a quoted string as text', () => {
    const doc = 'banner motd ^C\nAuthorized access only\n^C\nfrobnicate "a b" c\n';
    expect(coloured(doc)).toEqual([
      ['banner', 'ios-keyword'],
      ['motd ^C', 'ios-text'],
      ['Authorized access only', 'ios-text'],
      ['^C', 'ios-text'],
      ['frobnicate', 'ios-argument'],
      ['"a b"', 'ios-text'],
      ['c', 'ios-argument'],
    ]);
  });

  it('gives no keyword colour to an unknown command (the parser marks it)', () => {
    expect(lineWords(null, 'frobnicate 10.0.0.1')).toEqual([
      { from: 0, to: 10, kind: 'argument' },
      { from: 11, to: 19, kind: 'address' },
    ]);
  });
});

describe('the block a line is read in', () => {
  it('opens with a block command, stays for its lines and leaves at `!`, exit or a global line', () => {
    const policy = headerAfter(null, 'crypto isakmp policy 10');
    expect(policy).toBe('crypto isakmp policy 10');
    expect(headerAfter(policy, 'encr aes')).toBe(policy);
    expect(headerAfter(policy, ' hash sha')).toBe(policy);
    expect(headerAfter(policy, '!')).toBeNull();
    expect(headerAfter(policy, 'exit')).toBeNull();
    expect(headerAfter(policy, 'hostname R1')).toBeNull();
    expect(headerAfter(policy, 'int g0/0')).toBe('int g0/0');
  });
});
