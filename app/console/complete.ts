// Tab: IOS completes the word being typed when it abbreviates exactly one keyword (or is one in
// full), and adds a space; otherwise it leaves the line alone. Among a configuration command's
// arguments, the keywords are those `?` lists there, read from the parser (help.ts).

import { keywordsAbbreviatedBy } from '../ios/config/abbreviation';
import { type CommandNode, keywordEntries, keywordsMatching, nextNodes, walk } from './commandTree';
import { openBlockOf } from './config/configModes';
import { walkConfig } from './config/readConfigLine';
import { execRoots } from './exec/execTree';
import { argumentHelp, splitLine } from './help';
import type { ConsoleContext, ConsoleState } from './types';

/** A keyword `?` lists, not a parameter (`A.B.C.D`, `<10-3600>`, `WORD`, `<cr>`). */
const KEYWORD = /^[a-z][a-z0-9-]*$/;

/** The keyword `partial` completes to after `node`, if it abbreviates exactly one. */
function completion<A>(
  roots: readonly CommandNode<A>[],
  node: CommandNode<A> | null,
  partial: string,
): string | null {
  const [only, other] = keywordsMatching(nextNodes(roots, node), partial);
  return only !== undefined && other === undefined ? only.word : null;
}

/**
 * The line with its last word completed and a space after it, or null when Tab does nothing
 * (after a space, inside arguments, or when the word is ambiguous or unknown).
 */
export function complete(
  state: ConsoleState,
  partialLine: string,
  context: ConsoleContext,
): string | null {
  if (state.pending !== null) return null;
  const { before, partial } = splitLine(partialLine);
  if (partial === null) return null;
  const keep = partialLine.slice(0, partial.start);
  const inExec = state.mode === 'exec' || state.mode === 'user-exec';
  if (!inExec) {
    const { roots, walked } = walkConfig(openBlockOf(state), before);
    if (!walked.ok) return null;
    const [first] = walked.steps;
    const isDo = first?.node.kind === 'keyword' && first.node.word === 'do';
    if (!isDo && walked.node?.action === 'command') {
      // Arguments: the keywords the parser expects or still takes here, and the command's own.
      const echo = { line: partialLine, promptLength: 0 };
      const args = argumentHelp(state, context, walked.steps, before, echo);
      if ('error' in args) return null;
      const names = [...args.entries, ...keywordEntries(nextNodes(roots, walked.node))]
        .map((entry) => entry.name)
        .filter((name) => KEYWORD.test(name));
      const [only, other] = keywordsAbbreviatedBy(partial.text, names);
      return only === undefined || other !== undefined ? null : `${keep}${only} `;
    }
    if (!isDo) {
      const word = completion(roots, walked.node, partial.text);
      return word === null ? null : `${keep}${word} `;
    }
  }
  const roots = execRoots(state);
  const walked = walk(roots, inExec ? before : before.slice(1));
  if (!walked.ok) return null;
  const word = completion(roots, walked.node, partial.text);
  return word === null ? null : `${keep}${word} `;
}
