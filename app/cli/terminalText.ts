// What the runner writes to a terminal carries no control characters from its input: a config
// (reachable through a share link) may hold ESC, BEL or NUL, which a terminal would act on
// (colours, titles, a bell, a cleared screen). They are shown as \uXXXX escapes instead.

/**
 * C0 controls but tab, DEL and the C1 controls, line and paragraph separators, and the Unicode
 * direction controls that can make text read differently from what it is.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are the point
const UNSAFE = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/**
 * The line with every unsafe character as a `\uXXXX` escape. A JSON line stays valid JSON with the
 * same value: such characters can only sit in its strings, where the escape means the same.
 */
export function terminalSafe(line: string): string {
  return line.replace(
    UNSAFE,
    (character) => `\\u${(character.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}
