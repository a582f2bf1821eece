// A running-config as IOS prints it, for editing: top-level lines, each with the lines of its
// block (indented lines, or the text of a multi-line banner).

import { lexConfig } from './lexer';

export interface ConfigNode {
  /** The top-level line as written: a command, '!' or ''. */
  line: string;
  /** The lines of its block as written, indentation included. */
  children: string[];
}

export interface ConfigDocument {
  nodes: ConfigNode[];
}

export function readDocument(text: string): ConfigDocument {
  const nodes: ConfigNode[] = [];
  if (text === '') return { nodes };
  for (const line of lexConfig(text.replace(/\r?\n$/, ''))) {
    const parent = nodes.at(-1);
    const inBlock = line.kind === 'banner-text' || (line.indented && line.kind !== 'blank');
    if (inBlock && parent !== undefined) parent.children.push(line.raw);
    else nodes.push({ line: line.raw, children: [] });
  }
  return { nodes };
}

/** The document as text, one line per line, ending with a newline. */
export function writeDocument(document: ConfigDocument): string {
  return document.nodes
    .flatMap((node) => [node.line, ...node.children])
    .join('\n')
    .concat('\n');
}

/** The words of a written line; empty for blank lines and comments. */
export function wordsOf(line: string): string[] {
  const trimmed = line.trim();
  return trimmed === '' || trimmed.startsWith('!') ? [] : trimmed.split(/\s+/);
}
