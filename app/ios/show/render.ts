// Pure. Joins `show` output lines the way the console prints them: every line ends in "\n".

export function renderLines(lines: readonly string[]): string {
  return lines.map((line) => `${line}\n`).join('');
}
