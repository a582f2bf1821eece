// The parser's findings as editor diagnostics: a line IOS would refuse is an error with the
// parser's message, a line kept but not simulated is information. The mark covers the word the
// message names when the line has it (as the console's `^` marker does), else the whole line.

import type { Diagnostic } from '@codemirror/lint';
import type { Text } from '@codemirror/state';
import { tokenize } from '../../console/commandTree';
import { refusedWordIndex } from '../../console/config/parserVerdict';
import { parseIosConfig } from '../../ios/parseConfig';

/** How the editor names where its diagnostics come from. */
const SOURCE = 'IOS parser';

export function iosDiagnostics(doc: Text): Diagnostic[] {
  return parseIosConfig(doc.toString()).diagnostics.flatMap((diagnostic) => {
    if (diagnostic.line < 1 || diagnostic.line > doc.lines) return [];
    const line = doc.line(diagnostic.line);
    const tokens = tokenize(line.text);
    const first = tokens[0];
    const last = tokens.at(-1);
    if (first === undefined || last === undefined) return [];
    const error = diagnostic.severity === 'error';
    const at = error
      ? refusedWordIndex(
          diagnostic.message,
          tokens.map((token) => token.text),
          0,
        )
      : null;
    const word = at === null ? undefined : tokens[at];
    const from = line.from + (word ?? first).start;
    const to =
      word === undefined ? line.from + last.start + last.text.length : from + word.text.length;
    return [
      {
        from,
        to,
        severity: error ? 'error' : 'info',
        message: diagnostic.message,
        source: SOURCE,
      },
    ];
  });
}
