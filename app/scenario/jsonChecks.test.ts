import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorPosition, nestsDeeperThan } from './jsonChecks';

/** JSON.parse's verdict, and the position when V8 gives one. */
function engine(text: string): { valid: true } | { valid: false; position: number | null } {
  try {
    JSON.parse(text);
    return { valid: true };
  } catch (error) {
    const position = /position (\d+)/.exec(String(error))?.[1];
    return { valid: false, position: position === undefined ? null : Number(position) };
  }
}

describe('jsonErrorPosition', () => {
  it.each([
    ['{"a":}', 5],
    ['{"a":1', 6],
    ['{"a" 1}', 5],
    ['[1,2,,]', 5],
    ['', 0],
    ['  ', 2],
    ['{"a":"\\x"}', 7],
    ['"\u0001"', 1],
    ['tru', 3],
    ['nul1', 3],
    ['-', 1],
    ['1.', 2],
    ['1e+', 3],
    ['-x', 1],
    ['[1] x', 4],
    ['{"a":1,}', 7],
    ['01', 1],
    ['"\\u12G4"', 5],
  ])('%j breaks at %d', (text, position) => {
    expect(jsonErrorPosition(text)).toBe(position);
    expect(engine(text).valid).toBe(false);
  });

  it('finds nothing wrong in any JSON', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 6 }), (text) => {
        expect(jsonErrorPosition(text)).toBeNull();
        expect(jsonErrorPosition(JSON.stringify(JSON.parse(text), null, 2))).toBeNull();
      }),
      { seed: 1, numRuns: 1000 },
    );
  });

  it('agrees with JSON.parse on cut and mutated JSON, and with V8 on the position', () => {
    const mangled = fc
      .tuple(fc.json({ maxDepth: 4 }), fc.nat(), fc.constantFrom(...'{}[],:"\\ 0-.eEtfnu\u0001x'))
      .chain(([text, at, character]) =>
        fc.constantFrom(
          text.slice(0, at % (text.length + 1)),
          `${text.slice(0, at % text.length)}${character}${text.slice((at % text.length) + 1)}`,
          `${text.slice(0, at % text.length)}${character}${text.slice(at % text.length)}`,
        ),
      );
    fc.assert(
      fc.property(mangled, (text) => {
        const verdict = engine(text);
        const position = jsonErrorPosition(text);
        expect(position === null).toBe(verdict.valid);
        if (!verdict.valid && verdict.position !== null) expect(position).toBe(verdict.position);
      }),
      { seed: 2, numRuns: 3000 },
    );
  });

  it('walks deep nesting without recursion', () => {
    expect(jsonErrorPosition(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toBeNull();
    expect(jsonErrorPosition(`${'['.repeat(100_000)}}`)).toBe(100_000);
  });
});

describe('nestsDeeperThan', () => {
  it.each([
    ['{}', 0, true],
    ['{}', 1, false],
    ['{"a":[{"b":[]}]}', 3, true],
    ['{"a":[{"b":[]}]}', 4, false],
    ['["[[[[", "{{{"]', 1, false],
    ['["\\"[[[["]', 1, false],
    ['[[1],[2],[3]]', 2, false],
  ])('%j deeper than %d: %s', (text, depth, deeper) => {
    expect(nestsDeeperThan(text, depth)).toBe(deeper);
  });
});
