// The link the Share button copies: the scenario on screen with the cursor and the pause, checked
// by decoding it once, the way the person who opens it will. And the scenario file's name. Pure.

import { encodePresetHash, LINK_PATH, type StageView } from '../scenario/linkHash';
import { decodeShareHash, encodeShareHash } from '../scenario/scenarioUrl';
import type { ScenarioDocument } from '../scenario/schema';
import type { ScenarioError } from '../scenario/types';
import { linkLimitExceeded } from './addressHash';

export interface ShareMoment {
  /** The preset the document is, untouched; null for an edited, linked or opened scenario. */
  presetId: string | null;
  document: ScenarioDocument;
  atMs: number;
  paused: boolean;
  /** The selected router, kept by the link; null or absent for none. */
  selected?: string | null;
  /** The stage's view, kept by the link; the topology when absent. */
  view?: StageView;
}

export type ShareLinkResult =
  | { ok: true; url: string; hash: string }
  | {
      ok: false;
      /** Why no link carries this scenario: the decoder's own errors on our link. */
      errors: ScenarioError[];
    };

/**
 * `base` (the page's address without its hash) plus the moment's hash. A link that would not open
 * again (a scenario past the link caps) is refused with the reasons, so the UI offers a file.
 */
export function shareLink(base: string, moment: ShareMoment): ShareLinkResult {
  const { presetId, document, atMs, paused, view } = moment;
  const selected = moment.selected ?? undefined;
  const hash =
    presetId !== null
      ? encodePresetHash(presetId, { atMs, paused, selected, view })
      : encodeShareHash({ document, atMs, paused, selected, view });
  if (presetId === null) {
    const tooLarge = linkLimitExceeded(document, hash);
    if (tooLarge !== null) return { ok: false, errors: [{ path: LINK_PATH, message: tooLarge }] };
  }
  const decoded = decodeShareHash(hash);
  if (!decoded.ok) return { ok: false, errors: decoded.errors };
  return { ok: true, url: `${base}${hash}`, hash };
}

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
