// Output modifiers: `show ... | begin|exclude|include|section REGEX`. The expression is the rest
// of the line, spaces included (`| section crypto isakmp`).

import { type ExecAction, type ExecNode, keyword, param } from './execNodes';

type Modifier = 'begin' | 'exclude' | 'include' | 'section';

const MODIFIERS: ReadonlyArray<readonly [Modifier, string]> = [
  ['begin', 'Begin with the line that matches'],
  ['exclude', 'Exclude lines that match'],
  ['include', 'Include lines that match'],
  ['section', 'Filter a section of output'],
];

/** The `| ...` that may follow a `show` command running `action`. */
export function pipeNode(action: ExecAction): ExecNode {
  return keyword('|', 'Output modifiers', {
    children: MODIFIERS.map(([word, help]) =>
      keyword(word, help, {
        key: 'pipe',
        children: [
          param('LINE', 'Regular Expression', () => true, { rest: true, key: 'pattern', action }),
        ],
      }),
    ),
  });
}

/**
 * IOS regular expressions are close to JavaScript's for what trainees type; an expression
 * JavaScript refuses is matched as plain text.
 */
function matcher(pattern: string): (line: string) => boolean {
  try {
    const re = new RegExp(pattern);
    return (line) => re.test(line);
  } catch {
    return (line) => line.includes(pattern);
  }
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/**
 * `section`: each matching line with the lines indented below it, so a matching block header
 * brings its whole block and a matching block line comes alone (with its own sub-lines).
 */
function section(lines: readonly string[], matches: (line: string) => boolean): string[] {
  const kept: string[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] ?? '';
    index += 1;
    if (!matches(line)) continue;
    kept.push(line);
    while (index < lines.length && indentOf(lines[index] ?? '') > indentOf(line)) {
      kept.push(lines[index] ?? '');
      index += 1;
    }
  }
  return kept;
}

/** The output through the modifier the line named, if any. */
export function applyPipe(output: string[], values: ReadonlyMap<string, string>): string[] {
  const modifier = MODIFIERS.find(([word]) => word === values.get('pipe'))?.[0];
  const pattern = values.get('pattern');
  if (modifier === undefined || pattern === undefined) return output;
  const matches = matcher(pattern);
  switch (modifier) {
    case 'begin': {
      const first = output.findIndex(matches);
      return first < 0 ? [] : output.slice(first);
    }
    case 'exclude':
      return output.filter((line) => !matches(line));
    case 'include':
      return output.filter(matches);
    case 'section':
      return section(output, matches);
  }
}
