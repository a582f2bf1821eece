// Splits IOS configuration text into lines and classifies each one as IOS reads it.

export type LineKind = 'blank' | 'comment' | 'command' | 'banner-text';

export interface ConfigLine {
  /** 1-based line number in the source text. */
  lineNo: number;
  /** The line as written, without its terminator. */
  raw: string;
  /** Whitespace-separated words; empty unless kind is 'command'. */
  words: string[];
  /** Starts with whitespace: in `show running-config`, a line of the block above it. */
  indented: boolean;
  kind: LineKind;
}

/** `banner TYPE` keywords; without one, IOS reads `banner` as `banner motd`. */
const BANNER_HEADER =
  /^\s*banner\s+(?:(?:motd|login|exec|incoming|slip-ppp|prompt-timeout|config-save)\s+)?(.*)$/i;

/**
 * Lines `show running-config` prints around the configuration, and the prompt of a pasted
 * session (`R1#show running-config`): not configuration, read as comments.
 */
const SHOW_OUTPUT_LINE =
  /^(?:Building configuration\.\.\.|Current configuration : \d+ bytes|[A-Za-z][\w.-]*#.*)$/;

/** One line, read on its own. */
export function lexLine(raw: string, lineNo: number): ConfigLine {
  const trimmed = raw.trim();
  const indented = /^\s/.test(raw);
  if (trimmed === '') return { lineNo, raw, words: [], indented, kind: 'blank' };
  if (trimmed.startsWith('!') || SHOW_OUTPUT_LINE.test(trimmed)) {
    return { lineNo, raw, words: [], indented, kind: 'comment' };
  }
  return { lineNo, raw, words: trimmed.split(/\s+/), indented, kind: 'command' };
}

/**
 * All lines of a configuration text. The text of a multi-line `banner` (up to the line holding
 * its closing delimiter) is 'banner-text', whatever it looks like.
 */
export function lexConfig(text: string): ConfigLine[] {
  const lines: ConfigLine[] = [];
  let bannerDelimiter: string | null = null;
  text.split(/\r?\n/).forEach((raw, index) => {
    const lineNo = index + 1;
    if (bannerDelimiter !== null) {
      lines.push({ lineNo, raw, words: [], indented: false, kind: 'banner-text' });
      if (raw.includes(bannerDelimiter)) bannerDelimiter = null;
      return;
    }
    const line = lexLine(raw, lineNo);
    lines.push(line);
    if (line.kind === 'command') bannerDelimiter = openBannerDelimiter(raw);
  });
  return lines;
}

/**
 * The delimiter of a `banner` line whose text continues on the next lines, or null. The
 * delimiter is the first character after the banner type; `show running-config` prints the
 * usual Ctrl-C delimiter as the two characters ^C.
 */
export function openBannerDelimiter(raw: string): string | null {
  const text = BANNER_HEADER.exec(raw)?.[1];
  if (text === undefined || text === '') return null;
  const delimiter = text.startsWith('^C') ? '^C' : text.charAt(0);
  return text.slice(delimiter.length).includes(delimiter) ? null : delimiter;
}
