// Checks of untrusted JSON text around JSON.parse: how deep it nests, before parsing (V8 takes a
// quarter of a second for 2 MB of "[[[["), and where it first breaks the grammar (RFC 8259), the
// same in every browser, after JSON.parse refused it (engines say it in different words, often
// without a position).

/** Deepest nesting of lists and objects a scenario's JSON may have; a scenario needs 4. */
export const SCENARIO_JSON_MAX_DEPTH = 16;

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX_DIGIT = /^[0-9a-fA-F]$/;
const LITERALS = new Map([
  ['t', 'true'],
  ['f', 'false'],
  ['n', 'null'],
]);

/**
 * The index of the first character where `text` stops being JSON (text.length when it ends too
 * early), or null when it is valid. Iterative: deep nesting costs memory, not stack. Linear time.
 */
export function jsonErrorPosition(text: string): number | null {
  let i = 0;
  const skipWhitespace = () => {
    while (WHITESPACE.has(text.charAt(i))) i++;
  };
  /** Moves past the string at i; false with i at the offending character. */
  const string = (): boolean => {
    if (text.charAt(i) !== '"') return false;
    for (i++; i < text.length; i++) {
      const c = text.charAt(i);
      if (c === '"') {
        i++;
        return true;
      }
      if (c < ' ') return false;
      if (c !== '\\') continue;
      i++;
      const escaped = text.charAt(i);
      if (escaped === 'u') {
        for (let digit = 0; digit < 4; digit++) {
          i++;
          if (!HEX_DIGIT.test(text.charAt(i))) return false;
        }
      } else if (!ESCAPES.has(escaped)) return false;
    }
    return false;
  };
  const digits = (): boolean => {
    const start = i;
    while (text.charAt(i) >= '0' && text.charAt(i) <= '9') i++;
    return i > start;
  };
  /** Moves past the number at i; false with i at the offending character. */
  const number = (): boolean => {
    if (text.charAt(i) === '-') i++;
    if (text.charAt(i) === '0') i++;
    else if (!digits()) return false;
    if (text.charAt(i) === '.') {
      i++;
      if (!digits()) return false;
    }
    if (text.charAt(i) === 'e' || text.charAt(i) === 'E') {
      i++;
      if (text.charAt(i) === '+' || text.charAt(i) === '-') i++;
      if (!digits()) return false;
    }
    return true;
  };
  /** Moves past true, false or null at i; false with i at the first character that differs. */
  const literal = (word: string): boolean => {
    for (const expected of word) {
      if (text.charAt(i) !== expected) return false;
      i++;
    }
    return true;
  };
  /** Moves past `"key" :` at i (whitespace first); false with i at the offending character. */
  const keyAndColon = (): boolean => {
    skipWhitespace();
    if (!string()) return false;
    skipWhitespace();
    if (text.charAt(i) !== ':') return false;
    i++;
    return true;
  };

  const open: Array<'{' | '['> = [];
  for (;;) {
    // A value is expected at i.
    skipWhitespace();
    const c = text.charAt(i);
    if (c === '{' || c === '[') {
      i++;
      skipWhitespace();
      if (text.charAt(i) === (c === '{' ? '}' : ']')) i++;
      else {
        open.push(c);
        if (c === '{' && !keyAndColon()) return i;
        continue;
      }
    } else if (c === '"') {
      if (!string()) return i;
    } else {
      const word = LITERALS.get(c);
      if (!(word === undefined ? number() : literal(word))) return i;
    }
    // After a value: close what it ends, or a comma and the next value.
    for (;;) {
      skipWhitespace();
      const container = open.at(-1);
      if (container === undefined) return i < text.length ? i : null;
      const next = text.charAt(i);
      if (next === (container === '{' ? '}' : ']')) {
        open.pop();
        i++;
        continue;
      }
      if (next !== ',') return i;
      i++;
      if (container === '{' && !keyAndColon()) return i;
      break;
    }
  }
}

/**
 * Whether the JSON text opens more than `maxDepth` lists and objects inside one another (brackets
 * in strings do not count). Meant for text about to be parsed; malformed text gets some answer.
 */
export function nestsDeeperThan(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth > maxDepth) return true;
    } else if (c === ']' || c === '}') depth--;
  }
  return false;
}

/**
 * Where JSON text breaks, for a person with an editor: `at line 5, column 13: unexpected "2"`, or
 * `…: the text ends early`. Lines and columns count from 1. Null when the text is valid JSON.
 */
export function jsonErrorPlace(text: string): string | null {
  const position = jsonErrorPosition(text);
  if (position === null) return null;
  const lineStart = text.lastIndexOf('\n', position - 1) + 1;
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) line++;
  const what =
    position >= text.length
      ? 'the text ends early'
      : `unexpected ${JSON.stringify(String.fromCodePoint(text.codePointAt(position) ?? 0))}`;
  return `at line ${line}, column ${position - lineStart + 1}: ${what}`;
}
