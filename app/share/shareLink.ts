// The link the Share button copies: the scenario on screen with the cursor and the pause, checked
// by decoding it once, the way the person who opens it will. Pure.

import { encodePresetHash, LINK_PATH, type StageChart, type StageView } from '../scenario/linkHash';
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
  /** The statechart's machine, kept by the link on the statechart; the IKE SA when absent. */
  chart?: StageChart;
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
  const { presetId, document, atMs, paused, view, chart } = moment;
  const selected = moment.selected ?? undefined;
  const hash =
    presetId !== null
      ? encodePresetHash(presetId, { atMs, paused, selected, view, chart })
      : encodeShareHash({ document, atMs, paused, selected, view, chart });
  if (presetId === null) {
    const tooLarge = linkLimitExceeded(document, hash);
    if (tooLarge !== null) return { ok: false, errors: [{ path: LINK_PATH, message: tooLarge }] };
  }
  const decoded = decodeShareHash(hash);
  if (!decoded.ok) return { ok: false, errors: decoded.errors };
  return { ok: true, url: `${base}${hash}`, hash };
}
