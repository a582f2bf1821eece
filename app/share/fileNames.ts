// The names of the files the app saves: a scenario's, a capture's. Pure.

const FILE_SUFFIX = '.tunnelscope.json';
const FILE_STEM_MAX_CHARS = 80;

/**
 * A file name's stem for a scenario title: each run of what file systems refuse (/ \ : * ? " < >
 * |, control characters) turned into " - ", spaces squeezed, cut to 80 characters ("scenario"
 * when nothing is left).
 */
export function fileStem(title: string): string {
  const stem = title
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are the point
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' - ')
    .replace(/\s+/g, ' ')
    .slice(0, FILE_STEM_MAX_CHARS)
    .replace(/^[\s.-]+|[\s.-]+$/g, '');
  return stem === '' ? 'scenario' : stem;
}

/** `<stem>.tunnelscope.json`: "R2 reloads: the black hole" → "R2 reloads - the black hole.tunnelscope.json". */
export function scenarioFileName(title: string): string {
  return `${fileStem(title)}${FILE_SUFFIX}`;
}
