// The pieces EXEC command families are built from: what a command does, and short builders for
// its keywords and parameters.

import { parseIpv4 } from '../../ios/ipv4';
import type { CommandNode, KeywordNode, ParamNode } from '../commandTree';
import type { ConsoleContext, ConsoleEffect, ConsoleState } from '../types';

export interface ExecRequest {
  readonly state: ConsoleState;
  readonly context: ConsoleContext;
  /** The keyed words of the line (see CommandNode.key). */
  readonly values: ReadonlyMap<string, string>;
}

export interface ExecOutcome {
  readonly output: string[];
  readonly effects?: ConsoleEffect[];
  /** The session after the command (mode, debug flags, a question); absent: unchanged. */
  readonly state?: ConsoleState;
}

export type ExecAction = (request: ExecRequest) => ExecOutcome;

export type ExecNode = CommandNode<ExecAction>;

interface NodeOptions {
  readonly children?: readonly ExecNode[];
  readonly action?: ExecAction;
  readonly key?: string;
}

export function keyword(
  word: string,
  help: string,
  options: NodeOptions = {},
): KeywordNode<ExecAction> {
  return { kind: 'keyword', word, help, ...options };
}

export function param(
  label: string,
  help: string,
  accepts: (word: string) => boolean,
  options: NodeOptions & { readonly rest?: boolean } = {},
): ParamNode<ExecAction> {
  return { kind: 'param', label, help, accepts, ...options };
}

/** A command that only prints. */
export function printing(print: (request: ExecRequest) => string[]): ExecAction {
  return (request) => ({ output: print(request) });
}

/** The lines of a `show` formatter's text, whose every line ends in "\n". */
export function linesOf(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** A `<min-max>` parameter: a whole number in the range. */
export function inRange(min: number, max: number): (word: string) => boolean {
  return (word) => /^\d+$/.test(word) && Number(word) >= min && Number(word) <= max;
}

/** An `A.B.C.D` parameter. */
export function isIpv4(word: string): boolean {
  return parseIpv4(word) !== null;
}
