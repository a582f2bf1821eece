// The IOS parser's error messages. Each is followed by a blank line, as IOS prints them before
// the next prompt.

/**
 * `% Invalid input detected at '^' marker.` under a `^` in the column of the first bad
 * character. The UI has already echoed `prompt + line`, so the marker is indented by the
 * prompt's length plus the word's column in the line.
 */
export function invalidInput(promptLength: number, column: number): string[] {
  return [`${' '.repeat(promptLength + column)}^`, "% Invalid input detected at '^' marker.", ''];
}

export function incompleteCommand(): string[] {
  return ['% Incomplete command.', ''];
}

/** Two spaces after the colon, the input quoted as typed. */
export function ambiguousCommand(line: string): string[] {
  return [`% Ambiguous command:  "${line.trim()}"`, ''];
}

/**
 * An unknown first word in EXEC mode: IOS 12.4 takes it for a host name to telnet to and fails
 * to resolve it (with `no ip domain-lookup`, no `Translating "..."` line comes first).
 */
export function unknownCommand(): string[] {
  return ['% Unknown command or computer name, or unable to find computer address'];
}

/** `?` after a word no keyword starts with. */
export function unrecognizedCommand(): string[] {
  return ['% Unrecognized command'];
}
