// The keyword trees of the configuration modes, built from the parser's command tables (so the
// console accepts exactly the commands the parser knows), plus the words every configuration
// mode has: `no`, `do`, `exit`, `end`. After a command's keywords come its arguments (ARGS),
// which the parser itself checks.

import type { CommandSyntax, SubmodeSyntax } from '../../ios/config/commandTable';
import { GLOBAL_COMMANDS } from '../../ios/config/modeEngine';
import type { CommandNode, KeywordNode, ParamNode } from '../commandTree';
import { HIDDEN_COMMANDS, modeHelp } from './configHelpText';

/** What a configuration line does once read. */
export type ConfigAction = 'command' | 'do' | 'exit' | 'end';

export type ConfigNode = CommandNode<ConfigAction>;

/** The arguments after a command's keywords; `?` asks the parser what they may be. */
export const ARGS_KEY = 'args';

const ARGS: ParamNode<ConfigAction> = {
  kind: 'param',
  label: 'LINE',
  help: '',
  accepts: () => true,
  rest: true,
  key: ARGS_KEY,
  action: 'command',
};

interface Trie {
  readonly children: Map<string, Trie>;
  complete: boolean;
}

/**
 * The spellings of a command as keyword lists, without those that abbreviate another spelling
 * (`int` for `interface`, `encr` for `encryption`): IOS offers the full keyword, and a shorter
 * spelling beside it would make its own prefixes ambiguous.
 */
function spellings(spec: CommandSyntax): string[][] {
  const all = [spec.path, ...(spec.aliases ?? [])].map((spelling) => spelling.split(' '));
  return all.filter(
    (words) =>
      !all.some(
        (other) =>
          other !== words &&
          other.length === words.length &&
          other.join(' ') !== words.join(' ') &&
          words.every((word, index) => (other[index] ?? '').startsWith(word)),
      ),
  );
}

function trieOf(commands: readonly CommandSyntax[]): Trie {
  const root: Trie = { children: new Map(), complete: false };
  for (const spec of commands) {
    for (const words of spellings(spec)) {
      let node = root;
      for (const word of words) {
        let child = node.children.get(word);
        if (child === undefined) {
          child = { children: new Map(), complete: false };
          node.children.set(word, child);
        }
        node = child;
      }
      node.complete = true;
    }
  }
  return root;
}

function nodesOf(
  trie: Trie,
  path: readonly string[],
  help: Readonly<Record<string, string>>,
): KeywordNode<ConfigAction>[] {
  return [...trie.children].map(([word, child]): KeywordNode<ConfigAction> => {
    const keywords = [...path, word];
    const children = nodesOf(child, keywords, help);
    const key = keywords.join(' ');
    return {
      kind: 'keyword',
      word,
      help: help[key] ?? '',
      ...(HIDDEN_COMMANDS.has(key) ? { hidden: true } : {}),
      ...(child.complete ? { action: 'command', children: [...children, ARGS] } : { children }),
    };
  });
}

function keyword(
  word: string,
  help: string,
  rest: Pick<KeywordNode<ConfigAction>, 'action' | 'children'>,
): KeywordNode<ConfigAction> {
  return { kind: 'keyword', word, help, ...rest };
}

const trees = new Map<SubmodeSyntax | null, readonly ConfigNode[]>();

/** The words a line may start with in a mode (null: global configuration mode). */
export function configRoots(syntax: SubmodeSyntax | null): readonly ConfigNode[] {
  const cached = trees.get(syntax);
  if (cached !== undefined) return cached;
  const { table, exit } = modeHelp(syntax);
  const commands = nodesOf(trieOf(syntax?.commands ?? GLOBAL_COMMANDS), [], table);
  const roots: ConfigNode[] = [
    ...commands,
    keyword('no', 'Negate a command or set its defaults', { children: commands }),
    keyword('do', 'To run exec commands in config mode', {
      children: [{ ...ARGS, help: 'Exec Command', action: 'do' }],
    }),
    keyword('exit', exit, { action: 'exit' }),
    keyword('end', 'Exit from configure mode', { action: 'end' }),
  ];
  trees.set(syntax, roots);
  return roots;
}
