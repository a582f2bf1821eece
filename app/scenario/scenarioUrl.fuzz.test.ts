// Fuzzing decodeShareHash with what a link can carry: random text, random and hostile payloads,
// cut and mutated preset links, inputs at the caps. Whatever comes in, the decoder must not throw,
// must answer quickly, must explain every failure, must hand out only valid scenarios, and must
// leave Object.prototype alone. Seeds are fixed, so a run is repeatable.

import fc from 'fast-check';
import LZString from 'lz-string';
import { afterAll, describe, expect, it } from 'vitest';
import { type DecodedShareHash, HASH_MAX_CHARS } from './linkHash';
import { parseScenario } from './parseScenario';
import { DEFAULT_PRESET_ID, findPreset, PRESETS } from './presets';
import {
  decodeShareHash,
  encodeShareHash,
  LINK_CONFIG_LINES_MAX,
  LINK_JSON_MAX_CHARS,
} from './scenarioUrl';
import type { ScenarioDocument } from './schema';
import { explosionPayload } from './testLinks';

/**
 * A decode slower than this fails the test; the slowest of each kind is printed. The slowest,
 * near the caps (2 MB of config, the line cap's worth of unknown commands), take a few hundred
 * ms on a quiet machine and several times that on a busy one: the bound is a hang detector.
 */
const SLOW_MS = 2000;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

/** The slowest decode of each kind of input. */
const slowest = new Map<string, number>();

/** Decodes, timed, and checks what every answer must be. */
function check(hash: string, what: string): DecodedShareHash {
  const start = process.hrtime.bigint();
  const result = decodeShareHash(hash);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  slowest.set(what, Math.max(ms, slowest.get(what) ?? 0));
  expect(ms, `${what} took ${ms.toFixed(1)} ms`).toBeLessThan(SLOW_MS);
  if (result.ok) {
    const parsed = parseScenario(result.document);
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    expect(Object.getPrototypeOf(result.document)).toBe(Object.prototype);
    if (result.atMs !== null) {
      expect(result.atMs).toBeLessThanOrEqual(result.document.durationMs);
    }
  } else {
    expect(result.errors.length).toBeGreaterThan(0);
    for (const error of result.errors) {
      expect(error.path).not.toBe('');
      expect(error.message).not.toBe('');
    }
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  return result;
}

function compressed(text: string): string {
  return `#s=${LZString.compressToEncodedURIComponent(text)}`;
}

function clone(document: ScenarioDocument): Record<string, unknown> {
  return JSON.parse(JSON.stringify(document));
}

/** Sets an own, enumerable key, even "__proto__", as JSON.parse would. */
function setOwn(target: unknown, key: string, value: unknown): void {
  if (typeof target !== 'object' || target === null) return;
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

const blackHole = findPreset(DEFAULT_PRESET_ID)?.document as ScenarioDocument;
/** Small presets: their links are mutated thousands of times, each success parsed twice. */
const SMALL_LINKS = PRESETS.filter((preset) => preset.id !== 'dmvpn-scale').map((preset) =>
  encodeShareHash({ document: preset.document, atMs: 60_000, paused: true }),
);
const ALL_LINKS = PRESETS.map((preset) => encodeShareHash({ document: preset.document }));

const payloadChar = fc.integer({ min: 0, max: 63 }).map((i) => ALPHABET.charAt(i));
const anyChar = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 });
const markup = fc.constantFrom(
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '$' + '{alert(1)}',
  '{{constructor.constructor("alert(1)")()}}',
  '__proto__',
  'constructor',
  'toString',
  '\u001b[2J\u0000\u202e',
);
const dangerousKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'polluted');
const pollution = fc.constantFrom<unknown>(
  { polluted: true },
  { prototype: { polluted: true } },
  { __proto__: { polluted: true } },
  'polluted',
);

/** One hostile edit of a black-hole document: markup where text goes, or a dangerous key. */
const hostileEdit = fc.oneof(
  fc.tuple(fc.constantFrom('title', 'description'), markup).map(
    ([key, text]) =>
      (doc: Record<string, unknown>) =>
        setOwn(doc, key, text),
  ),
  fc
    .tuple(fc.nat(2), fc.constantFrom('id', 'config', 'kind'), markup)
    .map(([node, key, text]) => (doc: Record<string, unknown>) => {
      const target = (doc.nodes as Array<Record<string, unknown>>)[node];
      const old = target?.[key];
      setOwn(target, key, key === 'config' && typeof old === 'string' ? `${text}\n${old}` : text);
    }),
  fc
    .tuple(
      fc.constantFrom('links', 'traffic', 'timeline'),
      fc.constantFrom('id', 'a', 'node', 'flow', 'src'),
      markup,
    )
    .map(
      ([list, key, text]) =>
        (doc: Record<string, unknown>) =>
          setOwn((doc[list] as unknown[] | undefined)?.[0], key, text),
    ),
  fc
    .tuple(fc.constantFrom('', 'nodes', 'links', 'traffic', 'timeline'), dangerousKey, pollution)
    .map(
      ([list, key, value]) =>
        (doc: Record<string, unknown>) =>
          setOwn(list === '' ? doc : (doc[list] as unknown[] | undefined)?.[0], key, value),
    ),
);

/** A black-hole document with random values at random places: the shape a fuzzer would find. */
const scrambledDocument = fc
  .array(
    fc.tuple(
      fc.constantFrom('', 'nodes.0', 'nodes.2', 'links.0', 'traffic.0', 'timeline.0'),
      fc.constantFrom(
        'format',
        'version',
        'title',
        'seed',
        'durationMs',
        'nodes',
        'id',
        'kind',
        'x',
        'bootMs',
        'config',
        'a',
        'latencyMs',
        'src',
        'everyMs',
        'atMs',
        'action',
        'node',
      ),
      fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined)),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((edits) => {
    const doc = clone(blackHole);
    for (const [where, key, value] of edits) {
      const target = where
        .split('.')
        .filter((step) => step !== '')
        .reduce<unknown>((at, step) => (at as Record<string, unknown> | undefined)?.[step], doc);
      if (typeof target !== 'object' || target === null) continue;
      if (value === undefined) delete (target as Record<string, unknown>)[key];
      else setOwn(target, key, value);
    }
    return JSON.stringify(doc);
  });

// Each test is a bounded loop; SLOW_MS, not the test timeout, is the hang detector.
describe('decodeShareHash under fuzzing', { timeout: 60_000 }, () => {
  afterAll(() => {
    const rows = [...slowest].sort(([, a], [, b]) => b - a);
    console.log(rows.map(([what, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${what}`).join('\n'));
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
  });

  it('random strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        check(text, 'a random string');
      }),
      { seed: 11, numRuns: 3000 },
    );
  });

  it('random strings made of link parts', () => {
    const part = fc
      .tuple(
        fc.constantFrom('s', 'preset', 't', 'p', 'x', '', 'S', '__proto__'),
        fc.constantFrom('=', '', '=='),
        fc.oneof(
          fc.string({ maxLength: 30 }),
          fc.constantFrom(...PRESETS.map((p) => p.id), '0', '1', '60000', '%', '%zz', '-1'),
          fc.array(payloadChar, { maxLength: 200 }).map((chars) => chars.join('')),
        ),
      )
      .map((pieces) => pieces.join(''));
    const hash = fc
      .tuple(fc.boolean(), fc.array(part, { maxLength: 5 }))
      .map(([sharp, parts]) => `${sharp ? '#' : ''}${parts.join('&')}`);
    fc.assert(
      fc.property(hash, (text) => {
        check(text, 'a hash of random parts');
      }),
      { seed: 12, numRuns: 2000 },
    );
  });

  it('random bytes as s=', () => {
    const payload = fc.oneof(
      fc.array(payloadChar, { maxLength: 3000 }).map((chars) => chars.join('')),
      fc.uint8Array({ maxLength: 500 }).map((bytes) => String.fromCharCode(...bytes)),
    );
    fc.assert(
      fc.property(payload, (text) => {
        check(`#s=${text}`, 'random bytes');
      }),
      { seed: 13, numRuns: 2000 },
    );
  });

  it('lz-string compressions of random JSON and of random text', () => {
    const text = fc.oneof(
      fc.json({ maxDepth: 5 }),
      fc
        .jsonValue({ maxDepth: 3 })
        .map((value) => JSON.stringify({ format: 'tunnelscope/scenario', version: 1, value })),
      fc.string({ unit: 'binary', maxLength: 300 }),
    );
    fc.assert(
      fc.property(text, (json) => {
        check(compressed(json), 'a compressed random value');
      }),
      { seed: 14, numRuns: 1500 },
    );
  });

  it('scrambled scenarios', () => {
    fc.assert(
      fc.property(scrambledDocument, (json) => {
        check(compressed(json), 'a scrambled scenario');
      }),
      { seed: 15, numRuns: 300 },
    );
  });

  it('hostile scenarios: markup and prototype keys', () => {
    fc.assert(
      fc.property(fc.array(hostileEdit, { minLength: 1, maxLength: 4 }), (edits) => {
        const doc = clone(blackHole);
        for (const edit of edits) edit(doc);
        const result = check(compressed(JSON.stringify(doc)), 'a hostile scenario');
        // Markup that the schema lets through comes back as the same text, never interpreted.
        if (result.ok) expect(result.document.title).toBe(doc.title);
      }),
      { seed: 16, numRuns: 400 },
    );
  });

  it('truncated preset links', () => {
    const cut = fc
      .tuple(fc.constantFrom(...ALL_LINKS), fc.double({ min: 0, max: 1, noNaN: true }))
      .map(([link, fraction]) => link.slice(0, Math.floor(link.length * fraction)));
    fc.assert(
      fc.property(cut, (hash) => {
        check(hash, 'a truncated link');
      }),
      { seed: 17, numRuns: 600 },
    );
  });

  it('preset links with one character changed, added or removed', () => {
    const mutated = fc
      .tuple(
        fc.constantFrom(...SMALL_LINKS),
        fc.nat(),
        fc.oneof(payloadChar, anyChar),
        fc.constantFrom(0, 1),
      )
      .map(([link, at, character, removed]) => {
        const i = at % link.length;
        return `${link.slice(0, i)}${character}${link.slice(i + removed)}`;
      });
    let decoded = 0;
    fc.assert(
      fc.property(mutated, (hash) => {
        if (check(hash, 'a mutated link').ok) decoded++;
      }),
      { seed: 18, numRuns: 1500 },
    );
    console.log(`${decoded} of 1500 mutated links still decode (a padding bit, t or p changed)`);
  });

  it('inputs at the caps', () => {
    const routers = (configs: readonly string[]): ScenarioDocument => ({
      ...blackHole,
      nodes: configs.map((config, i) => ({ id: `R${i}`, kind: 'router', x: i, y: 0, config })),
      links: [],
      traffic: [],
      timeline: [],
    });
    const unknownLines = (count: number) => `hostname R\n${'x\n'.repeat(count - 2)}x`;
    // 30 configs of 125 long unknown lines, 63 KB each: near both the JSON and the line caps.
    const wideLines = Array.from({ length: 30 }, (_, r) =>
      Array.from(
        { length: 125 },
        (_, j) => `xdescription R${r} ${j} ${'permit ip 10.0.0.0 0.255.255.255 any '.repeat(13)}`,
      ).join('\n'),
    );
    const wide = routers(wideLines);
    expect(JSON.stringify(wide).length).toBeGreaterThan(LINK_JSON_MAX_CHARS * 0.85);
    const manyErrors = {
      ...blackHole,
      timeline: Array.from({ length: 2000 }, (_, i) => ({
        atMs: i,
        action: 'reload',
        node: `X${i}`,
      })),
    };
    const pseudoRandom = Array.from({ length: HASH_MAX_CHARS - 3 }, (_, i) =>
      ALPHABET.charAt((i * 7919 + (i >> 5)) % 64),
    ).join('');
    /** What each case must give: "ok", or the start of its first error. */
    const cases: Array<[string, string, string]> = [
      ['200 kB of "A"', `#s=${'A'.repeat(HASH_MAX_CHARS - 3)}`, 'the link is cut short'],
      ['200 kB of pseudo-random payload', `#s=${pseudoRandom}`, 'the link is cut short'],
      [
        'the worst-case expansion, 200 kB',
        `#s=${explosionPayload(HASH_MAX_CHARS - 10)}`,
        "the link's scenario decompresses to more than",
      ],
      [
        '1.9 million "[" from 3.2 kB',
        `#s=${explosionPayload(3200, '[')}`,
        "the link's scenario nests",
      ],
      ['1.9 MB: 30 configs of 63 KB', encodeShareHash({ document: wide }), 'ok'],
      [
        `${LINK_CONFIG_LINES_MAX} unknown config lines`,
        encodeShareHash({ document: routers([unknownLines(LINK_CONFIG_LINES_MAX)]) }),
        'ok',
      ],
      [
        `${LINK_CONFIG_LINES_MAX + 1} config lines`,
        encodeShareHash({ document: routers([unknownLines(LINK_CONFIG_LINES_MAX + 1)]) }),
        `the link's scenario has ${LINK_CONFIG_LINES_MAX + 1} lines`,
      ],
      [
        '2000 timeline entries naming no node',
        compressed(JSON.stringify(manyErrors)),
        'no node has the id',
      ],
      [
        'a hash one past the cap',
        `#preset=${DEFAULT_PRESET_ID}&t=${'0'.repeat(HASH_MAX_CHARS)}`,
        'the link is 200028 characters long',
      ],
    ];
    const outcomes = cases.map(([what, hash, expected]) => {
      const result = check(hash, what);
      const outcome = result.ok ? 'ok' : (result.errors[0]?.message ?? '');
      expect(outcome.startsWith(expected), `${what}: ${outcome}`).toBe(true);
      return `${what} (${hash.length} chars): ${outcome}`;
    });
    console.log(outcomes.join('\n'));
  });
});
