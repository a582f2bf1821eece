import { CompletionContext } from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { iosCompletions } from './iosCompletion';

/** The labels offered with the cursor at the end of `doc`, asked for with Ctrl+Space. */
function offered(doc: string, explicit = true): string[] {
  const state = EditorState.create({ doc });
  const result = iosCompletions(new CompletionContext(state, doc.length, explicit));
  return result?.options.map((option) => option.label) ?? [];
}

/** The labels that start with what was typed, as the completion list filters them. */
function matching(doc: string): string[] {
  const typed = /\S*$/.exec(doc)?.[0] ?? '';
  return offered(doc).filter((label) => label.startsWith(typed));
}

describe('IOS completion', () => {
  it('offers crypto at global level for cry', () => {
    expect(matching('hostname R1\ncry')).toEqual(['crypto']);
  });

  it('offers the ISAKMP policy commands inside crypto isakmp policy 10', () => {
    expect(matching('crypto isakmp policy 10\n au')).toEqual(['authentication']);
    expect(matching('crypto isakmp policy 10\nau')).toEqual(['authentication']);
    // The same word at global level names no command.
    expect(matching('hostname R1\nau')).toEqual([]);
  });

  it('follows the mode of the lines above: an interface, then a crypto map entry', () => {
    const doc = 'interface g0/0\n ip address 10.0.0.1 255.0.0.0\ncrypto map CMAP 10\n set ';
    expect(offered(doc)).toEqual(
      expect.arrayContaining(['peer', 'transform-set', 'pfs', 'security-association']),
    );
    expect(matching('interface Tunnel0\n tunnel mode ')).toEqual(['gre', 'ipsec']);
    expect(matching('interface Tunnel0\n tunnel mode gre ')).toEqual(['ip', 'multipoint']);
  });

  it('completes keywords inside a command and the argument keywords the parser expects', () => {
    expect(matching('crypto isakmp ke')).toEqual(['keepalive', 'key']);
    expect(matching('crypto isakmp key K ')).toEqual(['address', 'hostname']);
    expect(matching('crypto isakmp keepalive 10 3 ')).toEqual(['on-demand', 'periodic']);
  });

  it('waits for a word or Ctrl+Space after a space', () => {
    expect(offered('crypto isakmp key K ', false)).toEqual([]);
  });

  it('offers nothing in a comment or after an unknown word', () => {
    expect(offered('! cry')).toEqual([]);
    expect(offered('frobnicate cr')).toEqual([]);
  });
});
