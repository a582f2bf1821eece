// User text repeated in a message is cut to a readable length: a 2,000-character host name or a
// 60 KB line is named by its start, not printed whole.

/** The most characters of user text a message repeats. */
export const ECHO_MAX_CHARS = 60;

/** `text` itself when short, else its first `maxChars` characters and "…". */
export function cutForEcho(text: string, maxChars = ECHO_MAX_CHARS): string {
  return text.length > maxChars ? `${text.slice(0, maxChars)}…` : text;
}

/** User text in single quotes, as IOS messages quote it: `'FastEthernet0/x'`, cut when long. */
export function echoed(text: string): string {
  return `'${cutForEcho(text)}'`;
}
