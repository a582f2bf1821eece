// A line diff of a router's config against the config it was first loaded with, so the config
// view can show exactly what a remedy toggle changed. Longest common subsequence over lines;
// configs are small (at most 64 KiB), and past a size bound it falls back to a set comparison.
// Pure.

export interface DiffLine {
  kind: 'same' | 'added' | 'removed';
  text: string;
  /** 1-based line number in the current config; null for a removed line. */
  line: number | null;
}

/** Above this many cells of the LCS table, compare lines as sets (still correct, less minimal). */
const MAX_TABLE_CELLS = 4_000_000;

function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * The current config's lines in order, marked same/added, with the baseline's removed lines
 * placed where they were.
 * @example diffConfig('a\nb\n', 'a\nc\n') // same a, removed b, added c
 */
export function diffConfig(baseline: string, current: string): DiffLine[] {
  const before = splitLines(baseline);
  const after = splitLines(current);
  const n = before.length;
  const m = after.length;
  if ((n + 1) * (m + 1) > MAX_TABLE_CELLS) return setDiff(before, after);
  // lcs[i][j]: LCS length of before[i..] and after[j..], in one flat array.
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        before[i] === after[j]
          ? (lcs[(i + 1) * width + j + 1] as number) + 1
          : Math.max(lcs[(i + 1) * width + j] as number, lcs[i * width + j + 1] as number);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      out.push({ kind: 'same', text: after[j] as string, line: j + 1 });
      i++;
      j++;
    } else if (
      i < n &&
      (j >= m || (lcs[(i + 1) * width + j] as number) >= (lcs[i * width + j + 1] as number))
    ) {
      // On a tie the removed line goes first, as `diff` prints a changed line.
      out.push({ kind: 'removed', text: before[i] as string, line: null });
      i++;
    } else {
      out.push({ kind: 'added', text: after[j] as string, line: j + 1 });
      j++;
    }
  }
  return out;
}

function setDiff(before: string[], after: string[]): DiffLine[] {
  const kept = new Set(before);
  const present = new Set(after);
  const out: DiffLine[] = after.map((text, index) => ({
    kind: kept.has(text) ? 'same' : 'added',
    text,
    line: index + 1,
  }));
  for (const text of before)
    if (!present.has(text)) out.push({ kind: 'removed', text, line: null });
  return out;
}

export function diffCounts(lines: readonly DiffLine[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const line of lines) {
    if (line.kind === 'added') added++;
    else if (line.kind === 'removed') removed++;
  }
  return { added, removed };
}
