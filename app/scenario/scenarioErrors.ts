// Turns what goes wrong while reading a scenario into ScenarioErrors: a readable JSON path and a
// plain-English message. Every user-supplied text that reaches a message is length-limited here.

import type { z } from 'zod/mini';
import { cutForEcho } from '../ios/echo';
import type { ScenarioError } from './types';

/** The path of errors about the document as a whole. */
export const DOCUMENT_PATH = '(document)';

const QUOTED_MAX_CHARS = 40;
const LISTED_KEYS_MAX = 5;

/** Quotes user text for a message, cut to a readable length: `"R1"`, `"aaaa…"`. */
export function quote(text: string): string {
  return JSON.stringify(cutForEcho(text, QUOTED_MAX_CHARS));
}

/** ['nodes', 1, 'latencyMs'] → 'nodes[1].latencyMs'; [] → DOCUMENT_PATH. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) {
      text += text === '' ? key : `.${key}`;
    } else text += `[${quote(String(key))}]`;
  }
  return text === '' ? DOCUMENT_PATH : text;
}

export function scenarioError(path: readonly PropertyKey[], message: string): ScenarioError {
  return { path: formatPath(path), message };
}

/** A zod issue (already carrying its final message) as a ScenarioError. */
export function issueToError(issue: z.core.$ZodIssue): ScenarioError {
  return scenarioError(issue.path, issue.message);
}

/**
 * Per-parse zod error map: plain-English messages for the generic issue codes. A message a schema
 * sets itself wins over this one. zod/mini loads no locale, so an issue left undefined here and
 * without a message of its own reads "Invalid input": every code the scenario schema raises is
 * covered, except custom and regex issues, which the schema always gives a message.
 */
export const plainEnglish: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is missing';
      return `must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${describeValue(issue.input)}`;
    case 'unrecognized_keys':
      return unknownKeysMessage(issue.keys);
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${literalText(issue.values[0])}`
        : `must be one of ${issue.values.map(literalText).join(', ')}`;
    case 'invalid_union':
      return issue.discriminator !== undefined && Array.isArray(issue.options)
        ? `must be one of ${issue.options.map(literalText).join(', ')}`
        : undefined;
    case 'too_small':
      return sizeMessage(issue.origin, 'at least', issue.minimum);
    case 'too_big':
      return sizeMessage(issue.origin, 'at most', issue.maximum);
    case 'invalid_format':
      return issue.format === 'ipv4' ? 'must be an IPv4 address like 192.168.1.10' : undefined;
    default:
      return undefined;
  }
};

const EXPECTED: Partial<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
};

/** What a JSON value is, in words: 'a number', 'null', 'a list'. */
function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `the text ${quote(value)}`;
    case 'number':
      return Number.isFinite(value) ? `the number ${value}` : String(value);
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

function unknownKeysMessage(keys: readonly string[]): string {
  const shown = keys.slice(0, LISTED_KEYS_MAX).map(quote).join(', ');
  const more = keys.length > LISTED_KEYS_MAX ? ` and ${keys.length - LISTED_KEYS_MAX} more` : '';
  return `has unknown ${keys.length === 1 ? 'key' : 'keys'} ${shown}${more}`;
}

function literalText(value: unknown): string {
  return typeof value === 'string' ? quote(value) : String(value);
}

/** Our schemas set only inclusive bounds. */
function sizeMessage(origin: string, relation: 'at least' | 'at most', limit: number | bigint) {
  if (origin === 'string') {
    return relation === 'at least' && limit === 1
      ? 'must not be empty'
      : `must be ${relation} ${limit} characters long`;
  }
  if (origin === 'array') {
    return relation === 'at least' && limit === 1
      ? 'must not be empty'
      : `must have ${relation} ${limit} entries`;
  }
  return `must be ${relation} ${limit}`;
}
