import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { formatPath, plainEnglish, quote } from './scenarioErrors';

describe('formatPath', () => {
  it.each([
    [[], '(document)'],
    [['title'], 'title'],
    [['nodes', 1, 'latencyMs'], 'nodes[1].latencyMs'],
    [['timeline', 3, 'lines', 0], 'timeline[3].lines[0]'],
    [['odd key', 'a-b'], '["odd key"]["a-b"]'],
  ])('%j → %s', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});

describe('quote', () => {
  it('cuts long text', () => {
    expect(quote('R1')).toBe('"R1"');
    expect(quote('x'.repeat(1000))).toBe(`"${'x'.repeat(40)}…"`);
  });
});

describe('plainEnglish', () => {
  const messages = (schema: z.ZodMiniType, input: unknown) =>
    schema.safeParse(input, { error: plainEnglish }).error?.issues.map((issue) => issue.message);

  it('says what was expected and what came', () => {
    expect(messages(z.number(), 'five')).toEqual(['must be a number, not the text "five"']);
    expect(messages(z.string(), [])).toEqual(['must be text, not a list']);
    expect(messages(z.array(z.number()), null)).toEqual(['must be a list, not null']);
    expect(messages(z.strictObject({ a: z.number() }), {})).toEqual(['is missing']);
  });

  it('names at most five unknown keys', () => {
    const input = Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((key) => [key, 1]));
    expect(messages(z.strictObject({}), input)).toEqual([
      'has unknown keys "a", "b", "c", "d", "e" and 2 more',
    ]);
  });

  it('gives sizes in characters and entries', () => {
    expect(messages(z.string().check(z.maxLength(3)), 'abcd')).toEqual([
      'must be at most 3 characters long',
    ]);
    expect(messages(z.array(z.number()).check(z.maxLength(2)), [1, 2, 3])).toEqual([
      'must have at most 2 entries',
    ]);
    expect(messages(z.array(z.number()).check(z.minLength(1)), [])).toEqual(['must not be empty']);
    expect(messages(z.number().check(z.minimum(2)), 1)).toEqual(['must be at least 2']);
  });

  // zod/mini has no English of its own to fall back on: these read "Invalid input" without ours.
  it('names the values allowed', () => {
    expect(messages(z.literal('ping'), 'pong')).toEqual(['must be "ping"']);
    expect(messages(z.enum(['start', 'stop']), 'go')).toEqual(['must be one of "start", "stop"']);
    const tagged = z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('router') }),
      z.strictObject({ kind: z.literal('cloud') }),
    ]);
    expect(messages(tagged, { kind: 'switch' })).toEqual(['must be one of "router", "cloud"']);
  });

  it('shows what an IPv4 address looks like', () => {
    expect(messages(z.ipv4(), '10.0.0.256')).toEqual(['must be an IPv4 address like 192.168.1.10']);
  });
});
