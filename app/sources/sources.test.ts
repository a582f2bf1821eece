// The Sources list and every citation of it. Runs on a clean clone: every citation resolves to an
// entry and every entry is cited. When our IOS notes (ios-behavior.md, kept outside the
// repository) are checked out next to it, each citation is also checked against the section of
// the notes it names, and each Cisco entry's title and address against the notes.

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../lessons/lessons';
import type { Citation } from '../lessons/types';
import { PRESETS } from '../scenario/presets';
import { SIMPLIFICATION_IDS, SIMPLIFICATIONS } from './simplifications';
import { SOURCE_IDS, SOURCES, type Source, type SourceId, sourceKindLine } from './sources';

const NOTES_PATH = new URL('../../../shared/docs/ios-behavior.md', import.meta.url);
const notes = existsSync(NOTES_PATH) ? readFileSync(NOTES_PATH, 'utf8') : null;

/**
 * How the notes name each document (its ID, title or address); null for the documents the notes
 * do not use (RFC 2281 for HSRP, RFC 2407 for INITIAL-CONTACT, the `clear crypto session`
 * reference, all checked by hand). A new
 * entry in SOURCES fails to compile here until it gets its line.
 */
const NAMED_IN_NOTES: Record<SourceId, RegExp | null> = {
  'tn-115801': /115801/,
  'tn-113594': /113594/,
  'cg-invalid-spi-recovery': /Invalid Security Parameter Index Recovery|Cisco configuration guide/,
  'cg-dpd-periodic': /Dead Peer Detection Periodic Message Option|sec_ipsec_dead_peer/,
  'cg-preferred-peer': /IPsec Preferred Peer|sec_ipsec_pref_peer/,
  'cg-idle-timers': /IPsec Security Association Idle Timers/,
  'cg-security-lifetimes': /Cisco IOS Security Configuration Guide/,
  'cg-nhrp': /Configuring NHRP/,
  'cg-easy-vpn-server': null,
  'cr-clear-crypto-sa': /`?clear crypto sa`? reference/,
  'cr-clear-crypto-session': null,
  'book-ipsec-vpn-design': /IPSec VPN Design/,
  'nl-dmvpn-attributes': null,
  rfc2281: null,
  rfc2407: null,
  rfc2408: /RFC 2408/,
  rfc2409: /RFC 2409/,
  rfc3706: /RFC 3706/,
  rfc4303: /RFC 4303/,
};

/** Titles taken from the document itself rather than from the notes (checked by hand). */
const TITLE_NOT_IN_NOTES: ReadonlySet<SourceId> = new Set(['tn-115801']);

/**
 * The text of a section of the notes: a heading ("3", "1.2", "8.9") up to the next heading, or
 * a numbered item of section 0 ("0.2") or of the teaching scenarios ("7.4.11"); null if absent.
 */
function notesSection(doc: string, section: string): string | null {
  const item = /^(0|7\.4)\.(\d+)$/.exec(section);
  if (item) {
    const body = notesSection(doc, item[1] as string);
    if (body === null) return null;
    const n = Number(item[2]);
    const start = body.search(new RegExp(`^${n}\\. \\*\\*`, 'm'));
    if (start < 0) return null;
    const rest = body.slice(start);
    const end = rest.search(new RegExp(`^${n + 1}\\. \\*\\*`, 'm'));
    return end < 0 ? rest : rest.slice(0, end);
  }
  const heading = section.includes('.') ? `\n### ${section} ` : `\n## ${section}. `;
  const start = doc.indexOf(heading);
  if (start < 0) return null;
  const next = doc.slice(start + heading.length).search(/\n##+ /);
  return next < 0 ? doc.slice(start) : doc.slice(start, start + heading.length + next);
}

interface Cited extends Citation {
  where: string;
}

const lessonCitations: Cited[] = LESSONS.flatMap((lesson) =>
  lesson.steps.flatMap((step, i) =>
    step.kind === 'playground'
      ? []
      : (step.cites ?? []).map((cite) => ({ ...cite, where: `${lesson.id} step ${i + 1}` })),
  ),
);

const presetCitations = PRESETS.flatMap((preset) => preset.sources.map((id) => ({ id, preset })));

describe('the Sources list', () => {
  it('gives every document a title, a publisher and a kind; RFCs at the RFC Editor', () => {
    expect(SOURCE_IDS.length).toBeGreaterThan(10);
    for (const id of SOURCE_IDS) {
      const source: Source = SOURCES[id];
      expect(source.title.trim(), id).not.toBe('');
      expect(source.about.trim(), id).not.toBe('');
      if (source.kind === 'RFC') {
        expect(source.publisher, id).toBe('IETF');
        const n = /^rfc(\d+)$/.exec(id)?.[1];
        expect(source.documentId, id).toBe(`RFC ${n}`);
        expect(source.url, id).toBe(`https://www.rfc-editor.org/rfc/rfc${n}`);
      } else {
        expect(source.publisher, id).not.toBe('IETF');
      }
    }
    expect(sourceKindLine(SOURCES['tn-115801'])).toBe('Cisco tech note 115801');
    expect(sourceKindLine(SOURCES.rfc3706)).toBe('RFC 3706');
  });

  it('lists only documents that a lesson or a built-in scenario cites', () => {
    const cited = new Set<SourceId>([
      ...lessonCitations.map((c) => c.source),
      ...presetCitations.map((c) => c.id),
    ]);
    expect(SOURCE_IDS.filter((id) => !cited.has(id))).toEqual([]);
  });

  it('points every simplification at documents it lists', () => {
    expect(SIMPLIFICATION_IDS.length).toBeGreaterThan(0);
    for (const id of SIMPLIFICATION_IDS) {
      const item = SIMPLIFICATIONS[id];
      expect(item.why.trim(), id).not.toBe('');
      expect(item.related.length, id).toBeGreaterThan(0);
      for (const source of item.related) expect(SOURCES[source], `${id}: ${source}`).toBeDefined();
    }
  });
});

describe('citations', () => {
  it('resolve, in every lesson step that cites, to an entry of the Sources list', () => {
    // Not vacuous: the lessons cite dozens of times.
    expect(lessonCitations.length).toBeGreaterThan(40);
    for (const cite of lessonCitations) {
      expect(SOURCES[cite.source], `${cite.where}: ${cite.source}`).toBeDefined();
      // The notes section is given exactly for the documents the notes use.
      if (NAMED_IN_NOTES[cite.source] === null) expect(cite.notes, cite.where).toBeUndefined();
      else expect(cite.notes, `${cite.where}: ${cite.source}`).toMatch(/^\d+(\.\d+)*$/);
    }
  });

  it('resolve in every built-in scenario, and every scenario cites', () => {
    expect(presetCitations.length).toBeGreaterThanOrEqual(PRESETS.length);
    for (const preset of PRESETS) {
      expect(preset.sources.length, preset.id).toBeGreaterThan(0);
      expect(new Set(preset.sources).size, preset.id).toBe(preset.sources.length);
      for (const id of preset.sources) expect(SOURCES[id], `${preset.id}: ${id}`).toBeDefined();
    }
  });

  it('name known simplifications, and each lesson marks at most a few steps', () => {
    for (const lesson of LESSONS) {
      const marked = lesson.steps.filter((s) => s.kind !== 'playground' && s.simplified);
      for (const step of marked)
        if (step.kind !== 'playground' && step.simplified)
          expect(SIMPLIFICATIONS[step.simplified], lesson.id).toBeDefined();
      expect(marked.length, lesson.id).toBeLessThanOrEqual(3);
    }
  });
});

describe.skipIf(notes === null)('cross-checked with our IOS notes', () => {
  const doc = notes ?? '';

  it('finds sections and items of the notes', () => {
    for (const known of ['0', '1.2', '8.9', '0.2', '7.4.11'])
      expect(notesSection(doc, known), known).not.toBeNull();
    for (const unknown of ['9', '1.9', '0.9', '7.4.13'])
      expect(notesSection(doc, unknown), unknown).toBeNull();
    expect(notesSection(doc, '0.1')).toContain('rate-limited');
    expect(notesSection(doc, '0.1')).not.toContain('legacy Cisco IOS IKE keepalive');
  });

  it('has each cited section name the document it is cited for', () => {
    let checked = 0;
    for (const cite of lessonCitations) {
      const marker = NAMED_IN_NOTES[cite.source];
      if (marker === null || cite.notes === undefined) continue;
      const text = notesSection(doc, cite.notes);
      expect(text, `${cite.where}: section ${cite.notes}`).not.toBeNull();
      const flat = (text ?? '').replace(/\s+/g, ' ');
      expect(flat, `${cite.where}: section ${cite.notes} names ${cite.source}`).toMatch(marker);
      checked++;
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('has the notes give each Cisco title and address as the Sources list does', () => {
    // The notes wrap lines anywhere, titles included.
    const flat = doc.replace(/\s+/g, ' ');
    for (const id of SOURCE_IDS) {
      const source: Source = SOURCES[id];
      const marker = NAMED_IN_NOTES[id];
      if (marker === null) continue;
      expect(flat, id).toMatch(marker);
      if (source.kind === 'RFC') continue;
      if (!TITLE_NOT_IN_NOTES.has(id)) expect(flat, `title of ${id}`).toContain(source.title);
      // A Cisco address only where the notes record it.
      if (source.url) expect(flat, `address of ${id}`).toContain(source.url);
    }
  });
});
