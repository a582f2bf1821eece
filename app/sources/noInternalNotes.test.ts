// @vitest-environment node
// Nothing a user sees names our internal IOS notes or their evidence tags: no "ios-behavior.md",
// no "§4.4", no [C] / [C-2] / [M] / [I], no "source document". Users get public documents by
// title (the Sources list). Two walks: every string and JSX text of the app's source files
// (comments may keep the tags: they are for us), and the built texts of lessons, scenarios,
// Sources and simplifications.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAst } from 'vite';
import { describe, expect, it } from 'vitest';
import { LESSON_GROUPS, LESSONS, TABLE_ROWS } from '../lessons/lessons';
import { PRESETS } from '../scenario/presets';
import { SIMPLIFICATIONS } from './simplifications';
import { SOURCES } from './sources';

const INTERNAL: readonly { name: string; pattern: RegExp }[] = [
  { name: 'the notes file', pattern: /ios-behavior/i },
  { name: 'a section sign', pattern: /§/ },
  { name: 'an evidence tag', pattern: /\[(?:C|C-2|M|I)(?:\]|[/,])/ },
  { name: 'the seed document', pattern: /source document/i },
  { name: 'the notes', pattern: /\bIOS notes\b/i },
];

function internalIn(text: string): string | null {
  return INTERNAL.find(({ pattern }) => pattern.test(text))?.name ?? null;
}

const APP_DIR = new URL('..', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every string literal, template text and JSX text of a parsed file. */
function textsOf(node: unknown, out: string[]): string[] {
  if (Array.isArray(node)) {
    for (const child of node) textsOf(child, out);
  } else if (node && typeof node === 'object') {
    const n = node as Record<string, unknown>;
    if (n.type === 'Literal' && typeof n.value === 'string') out.push(n.value);
    if (n.type === 'JSXText' && typeof n.value === 'string') out.push(n.value);
    if (n.type === 'TemplateElement') {
      const value = n.value as { cooked?: string | null; raw: string };
      out.push(value.cooked ?? value.raw);
    }
    for (const [key, child] of Object.entries(n)) if (key !== 'type') textsOf(child, out);
  }
  return out;
}

/** Every string in a data structure (lessons, presets), with its path. */
function stringsOf(value: unknown, path: string, out: [string, string][]): [string, string][] {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value))
    for (const [i, v] of value.entries()) stringsOf(v, `${path}[${i}]`, out);
  else if (value && typeof value === 'object')
    for (const [key, v] of Object.entries(value)) stringsOf(v, `${path}.${key}`, out);
  return out;
}

describe('the internal-notes check itself', () => {
  it('catches each kind of internal reference, and leaves public citations alone', () => {
    expect(internalIn('see ios-behavior.md 2.4')).toBe('the notes file');
    expect(internalIn('§4.4 confirmed')).toBe('a section sign');
    for (const tag of ['[C]', '[C-2]', '[M]', '[I]', '[C/I]', '[I, based on point 5]'])
      expect(internalIn(`a fact ${tag}`), tag).toBe('an evidence tag');
    expect(internalIn('the rule of the source document')).toBe('the seed document');
    expect(internalIn('Cisco tech note 115801; RFC 3706; (I) MM_NO_STATE; [1] a footnote')).toBe(
      null,
    );
  });
});

describe('user-visible text', () => {
  it('names no internal note in any string or JSX text of the app', () => {
    const files = sourceFiles(APP_DIR);
    expect(files.length).toBeGreaterThan(100);
    const found: string[] = [];
    let texts = 0;
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      const ast = parseAst(code, { lang: file.endsWith('.tsx') ? 'tsx' : 'ts' });
      for (const text of textsOf(ast, [])) {
        texts++;
        const what = internalIn(text);
        if (what) found.push(`${relative(APP_DIR, file)}: ${what} in ${JSON.stringify(text)}`);
      }
    }
    expect(texts).toBeGreaterThan(3000);
    expect(found).toEqual([]);
  });

  // The log's and panels' notes are the simplifications' reasons.
  it('names none in lessons, scenarios, Sources or simplifications as built', () => {
    const all = [
      ...stringsOf(LESSONS, 'lessons', []),
      ...stringsOf(LESSON_GROUPS, 'groups', []),
      ...stringsOf(TABLE_ROWS, 'table', []),
      ...stringsOf(
        PRESETS.map(({ document, ...texts }) => texts),
        'presets',
        [],
      ),
      ...PRESETS.flatMap((p) =>
        p.document.nodes.flatMap((n) => ('config' in n ? [[`${p.id} ${n.id}`, n.config]] : [])),
      ),
      ...stringsOf(SOURCES, 'sources', []),
      ...stringsOf(SIMPLIFICATIONS, 'simplifications', []),
    ] as [string, string][];
    expect(all.length).toBeGreaterThan(500);
    const found = all.flatMap(([path, text]) => {
      const what = internalIn(text);
      return what ? [`${path}: ${what}`] : [];
    });
    expect(found).toEqual([]);
  });
});
