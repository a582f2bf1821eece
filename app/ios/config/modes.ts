// The mode the lines after a global command are read in, and the shape of global commands.

import type { RouterConfig } from '../types';
import {
  type CommandSyntax,
  findCommand,
  type SubmodeSpec,
  type SubmodeSyntax,
  splitNo,
} from './commandTable';
import { argumentsReporter, type Reporter } from './reporter';

export type ActiveMode =
  /** A simulated submode, such as `interface Tunnel0` or `crypto map CMAP 10`. */
  | {
      kind: 'block';
      syntax: SubmodeSyntax;
      /** Applies a line of the block; false when the block has no such command. */
      applyLine: (words: string[], report: Reporter) => boolean;
    }
  /**
   * A block IOS opens that is not simulated (`line con 0`, `interface Vlan1`): its lines are
   * kept as not simulated. `syntax` is the mode's commands when they are known.
   */
  | { kind: 'not-simulated'; syntax: SubmodeSyntax | null }
  /** After a global line that is not simulated: indented lines below it are not simulated. */
  | { kind: 'after-not-simulated' }
  /** After a refused global line: indented lines below it are skipped (the config is refused). */
  | { kind: 'rejected' };

export interface GlobalCommandSpec extends CommandSyntax {
  /** Applies the line to the configuration and returns the block it opens, if any. */
  apply?: (config: RouterConfig, args: string[], report: Reporter) => ActiveMode | null;
  /** For a command without `apply`: IOS opens a block of lines below it (`line con 0`). */
  opensBlock?: boolean;
}

/** The submode `spec` editing `target`. */
export function openBlock<T>(spec: SubmodeSpec<T>, target: T): ActiveMode {
  return {
    kind: 'block',
    syntax: spec,
    applyLine: (words, report) => {
      const { negated, body } = splitNo(words);
      const match = findCommand(spec.commands, body);
      if (match === null) return false;
      const handler = negated ? match.spec.applyNo : match.spec.apply;
      if (handler === undefined) {
        const name = match.spec.name ?? match.spec.path;
        report.unsupported(`'${negated ? 'no ' : ''}${name}' is not simulated`);
      } else {
        handler(target, match.args, argumentsReporter(report, words.length - match.args.length));
      }
      return true;
    },
  };
}

/**
 * The commands of the block a mode reads: null for a block whose commands are unknown
 * (`line con 0`), undefined when the mode is no block at all.
 */
export function syntaxOf(mode: ActiveMode): SubmodeSyntax | null | undefined {
  return mode.kind === 'block' || mode.kind === 'not-simulated' ? mode.syntax : undefined;
}

/** 'an interface', 'a crypto map entry'. */
export function withArticle(label: string): string {
  return `${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label}`;
}
