// Reads a configuration line's keywords as IOS does: in the current submode first, then in
// global configuration mode (a global command typed in a submode leaves it). Arguments are left
// to the parser.

import type { ActiveMode } from '../../ios/config/modes';
import { syntaxOf } from '../../ios/config/modes';
import { spelledOut, type Token, type Walked, walk } from '../commandTree';
import { type ConfigAction, type ConfigNode, configRoots } from './configTree';

export type ReadLine =
  | {
      readonly ok: true;
      readonly action: ConfigAction;
      /** The words with keywords spelled out (`no crypto isakmp keepalive`). */
      readonly words: string[];
      /** How many of them are keywords (`no` included): the arguments follow. */
      readonly keywordCount: number;
    }
  | { readonly ok: false; readonly kind: 'invalid' | 'ambiguous'; readonly at: number }
  | { readonly ok: false; readonly kind: 'incomplete' };

/** A walk of the line's words and the tree it was read in. */
export interface ConfigWalk {
  readonly roots: readonly ConfigNode[];
  readonly walked: Walked<ConfigAction>;
}

/** How far a reading got: a complete one beats an incomplete one, which read every word. */
function reach({ walked }: ConfigWalk, tokens: readonly Token[]): number {
  if (!walked.ok) return walked.at;
  return walked.node?.action === undefined ? tokens.length : Number.POSITIVE_INFINITY;
}

/**
 * The words read in `block`'s submode, else in global configuration mode; when neither reads a
 * complete command, the reading that got further (IOS reports the error of the deepest parse).
 */
export function walkConfig(block: ActiveMode | null, tokens: readonly Token[]): ConfigWalk {
  const syntax = block === null ? null : (syntaxOf(block) ?? null);
  const roots = configRoots(syntax);
  const inMode = { roots, walked: walk(roots, tokens) };
  if (syntax === null) return inMode;
  const globalRoots = configRoots(null);
  const inGlobal = { roots: globalRoots, walked: walk(globalRoots, tokens) };
  return reach(inGlobal, tokens) > reach(inMode, tokens) ? inGlobal : inMode;
}

/**
 * The line's command, or why it is not one. A block the simulator does not model
 * (`line con 0`) takes any line global mode does not know, as typed.
 */
export function readConfigLine(block: ActiveMode | null, tokens: readonly Token[]): ReadLine {
  const { walked } = walkConfig(block, tokens);
  const unmodelledBlock = block !== null && syntaxOf(block) === null;
  const action = walked.ok ? walked.node?.action : undefined;
  if (walked.ok && action !== undefined) {
    return {
      ok: true,
      action,
      words: spelledOut(walked.steps),
      keywordCount: walked.steps.filter((step) => step.node.kind === 'keyword').length,
    };
  }
  if (unmodelledBlock) {
    return { ok: true, action: 'command', words: tokens.map((t) => t.text), keywordCount: 0 };
  }
  return walked.ok ? { ok: false, kind: 'incomplete' } : walked;
}
