// What the address bar should carry for the scenario on screen, between shares: `#preset=<id>`
// for an untouched preset, `#s=…` for an edited, linked or opened one, nothing when the scenario
// is past what a link can carry. The cursor is not in it: only the Share button writes t. Pure.
// Part of the link codec (linkCodec.ts), loaded on demand.

import { encodePresetHash, HASH_MAX_CHARS } from '../scenario/linkHash';
import { configLineCount } from '../scenario/loadScenario';
import { canonicalDocument } from '../scenario/scenarioFile';
import {
  encodeShareHash,
  LINK_CONFIG_LINES_MAX,
  LINK_JSON_MAX_CHARS,
} from '../scenario/scenarioUrl';
import type { ScenarioDocument } from '../scenario/schema';

/**
 * The hash for the scenario (no t, no p), or null when no link can carry it. Too many config
 * lines is found before compressing: compressing a 16 MB scenario takes seconds.
 */
export function addressHashFor(presetId: string | null, document: ScenarioDocument): string | null {
  if (presetId !== null) return encodePresetHash(presetId);
  if (configLineCount(document) > LINK_CONFIG_LINES_MAX) return null;
  const hash = encodeShareHash({ document });
  return linkLimitExceeded(document, hash) === null ? hash : null;
}

/**
 * Why `hash`, the share link of `document`, is past decodeShareHash's caps (a sentence), or null
 * when it is within them. Cheap checks only: the Share button decodes its link to be sure.
 */
export function linkLimitExceeded(document: ScenarioDocument, hash: string): string | null {
  if (hash.length > HASH_MAX_CHARS) {
    return `its link would be ${hash.length} characters long; the limit is ${HASH_MAX_CHARS}`;
  }
  const lines = configLineCount(document);
  if (lines > LINK_CONFIG_LINES_MAX) {
    return `it has ${lines} lines of router configuration; a link carries at most ${LINK_CONFIG_LINES_MAX}`;
  }
  const jsonChars = JSON.stringify(canonicalDocument(document, { omitDefaults: true })).length;
  if (jsonChars > LINK_JSON_MAX_CHARS) {
    return `it is ${jsonChars} characters of JSON; a link carries at most ${LINK_JSON_MAX_CHARS}`;
  }
  return null;
}
