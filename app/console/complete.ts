// Tab: IOS completes the word being typed when it abbreviates exactly one keyword (or is one in
// full), and adds a space; otherwise it leaves the line alone.

import { type CommandNode, keywordsMatching, nextNodes, walk } from './commandTree';
import { openBlockOf } from './config/configModes';
import { walkConfig } from './config/readConfigLine';
import { execRoots } from './exec/execTree';
import { splitLine } from './help';
import type { ConsoleState } from './types';

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
export function complete(state: ConsoleState, partialLine: string): string | null {
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
