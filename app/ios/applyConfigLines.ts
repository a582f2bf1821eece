// `configure terminal` on a running-config text. Each typed line is read in the mode IOS would
// read it in, edits the text as `show running-config` would then show it, and is refused, as IOS
// refuses invalid input, when the result would have an error it did not have before.

import { findCommand, identityOf, splitNo } from './config/commandTable';
import { type ConfigDocument, readDocument, wordsOf, writeDocument } from './config/configDocument';
import { lexLine } from './config/lexer';
import { editLines } from './config/lineEdits';
import {
  GLOBAL_COMMANDS,
  modeClaims,
  modeOpenedBy,
  withArgumentsSpelled,
} from './config/modeEngine';
import { type ActiveMode, syntaxOf } from './config/modes';
import { echoed } from './echo';
import { isRemovableInterface, readInterfaceName } from './interfaceName';
import { parseIosConfig } from './parseConfig';
import type { ConfigDiagnostic } from './types';

/** The block typed lines go to while the mode claims them. */
interface OpenBlock {
  /** The identity of its top-level line (see identityOf). */
  identity: string;
  mode: ActiveMode;
}

type Edit = { document: ConfigDocument; written: string | null } | { error: string };

/**
 * Applies lines typed in one `configure terminal` session (starting in global mode) to a
 * running-config text and returns the new text. A `no` line removes the lines it names (a whole
 * block for a block's line); a line for a setting IOS keeps once replaces the previous value; new
 * block lines go into their block, new blocks at the end (before a final `end`). A line that
 * would make the configuration invalid is left out and reported, with `line` the 1-based index of
 * the typed line.
 */
export function applyConfigLines(
  running: string,
  lines: string[],
): { text: string; errors: ConfigDiagnostic[] } {
  let document = readDocument(running);
  let diagnostics = parseIosConfig(writeDocument(document)).diagnostics;
  let block: OpenBlock | null = null;
  const errors: ConfigDiagnostic[] = [];
  for (const [index, typed] of lines.entries()) {
    const refuse = (message: string) =>
      errors.push({ line: index + 1, text: typed, severity: 'error', message });
    const line = lexLine(typed.trim(), index + 1);
    if (line.kind === 'comment') block = null;
    if (line.kind !== 'command') continue;
    const { words } = line;
    const keyword = words[0]?.toLowerCase();
    if (keyword === 'do') {
      refuse("'do' runs an EXEC command: it is not a configuration line");
      continue;
    }
    if ((keyword === 'exit' || keyword === 'end') && words.length === 1) {
      block = null;
      continue;
    }
    const target: OpenBlock | null = block !== null && modeClaims(block.mode, words) ? block : null;
    const opened: ActiveMode | null = target === null ? modeOpenedBy(words) : null;
    // The running-config spells out the keyword arguments a typed line abbreviates.
    const spelled = withArgumentsSpelled(target?.mode ?? null, words);
    const edit =
      target === null
        ? editGlobal(document, spelled, opened !== null)
        : editBlock(document, target, spelled);
    if ('error' in edit) {
      refuse(edit.error);
      continue;
    }
    const text = writeDocument(edit.document);
    const after = parseIosConfig(text).diagnostics;
    const introduced = newErrors(diagnostics, after);
    if (introduced.length > 0) {
      for (const diagnostic of introduced) refuse(describeError(diagnostic, edit.written));
      continue;
    }
    document = edit.document;
    diagnostics = after;
    if (target === null) {
      block =
        opened === null ? null : { identity: identityOf(GLOBAL_COMMANDS, spelled), mode: opened };
    }
  }
  return { text: writeDocument(document), errors };
}

function editGlobal(document: ConfigDocument, words: string[], opensBlock: boolean): Edit {
  const { negated, body } = splitNo(words);
  if (negated) {
    const refusal = interfaceRemovalRefusal(body);
    if (refusal !== null) return { error: refusal };
  }
  const nodes = editLines(
    document.nodes,
    { commands: GLOBAL_COMMANDS, indent: '', opensBlock },
    words,
  );
  return { document: { nodes: nodes.entries }, written: nodes.written };
}

function editBlock(document: ConfigDocument, block: OpenBlock, words: string[]): Edit {
  const at = document.nodes.findIndex(
    (node) => identityOf(GLOBAL_COMMANDS, wordsOf(node.line)) === block.identity,
  );
  const node = document.nodes[at];
  if (node === undefined) return editGlobal(document, words, false);
  const children = node.children.map((line) => ({ line, children: [] }));
  const edited = editLines(
    children,
    { commands: syntaxOf(block.mode)?.commands ?? [], indent: ' ', opensBlock: false },
    words,
  );
  const nodes = [...document.nodes];
  nodes[at] = { line: node.line, children: edited.entries.map((entry) => entry.line) };
  return { document: { nodes }, written: edited.written };
}

/** IOS cannot delete a physical interface: `no interface FastEthernet0/0` is refused. */
function interfaceRemovalRefusal(body: readonly string[]): string | null {
  const match = findCommand(GLOBAL_COMMANDS, body);
  if (match?.spec.path !== 'interface') return null;
  const found = readInterfaceName(match.args, 0);
  if (found?.lookup.kind !== 'name' || isRemovableInterface(found.lookup.name)) return null;
  return `${found.lookup.name} is a physical interface: IOS cannot delete it`;
}

/** The errors of `after` that `before` did not have (same line text and message). */
function newErrors(
  before: readonly ConfigDiagnostic[],
  after: readonly ConfigDiagnostic[],
): ConfigDiagnostic[] {
  const key = (diagnostic: ConfigDiagnostic) => `${diagnostic.text.trim()}\n${diagnostic.message}`;
  const remaining = new Map<string, number>();
  for (const diagnostic of before) {
    if (diagnostic.severity === 'error') {
      remaining.set(key(diagnostic), (remaining.get(key(diagnostic)) ?? 0) + 1);
    }
  }
  return after.filter((diagnostic) => {
    if (diagnostic.severity !== 'error') return false;
    const count = remaining.get(key(diagnostic)) ?? 0;
    remaining.set(key(diagnostic), count - 1);
    return count <= 0;
  });
}

function describeError(diagnostic: ConfigDiagnostic, written: string | null): string {
  const text = diagnostic.text.trim();
  if (written !== null && text === written.trim()) return diagnostic.message;
  return `it would make line ${diagnostic.line} (${echoed(text)}) invalid: ${diagnostic.message}`;
}
