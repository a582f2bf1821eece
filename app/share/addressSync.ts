// Keeps the address bar true to the scenario on screen: follows the sim store's document and
// presetId (never its cursor), rewriting the hash with history.replaceState. A picked preset is
// written at once; edits are written once they settle (debounced), since encoding a scenario
// costs a compression, and once the link codec (loaded at the first edit) has arrived.

import { sameScenarioHash } from '../scenario/linkHash';
import { useSimStore } from '../store/simStore';
import { addressHashWith, type LinkCodec, loadLinkCodec, withLinkCodec } from './linkCodecStore';
import { followStore, useRouteStore } from './routeStore';

/** How long the scenario must stay unchanged before an edit reaches the address bar. */
export const ADDRESS_WRITE_DELAY_MS = 400;

/**
 * Brings the address bar (and the route) up to the sim store's scenario: a preset's now, an edited
 * scenario's now or once the link codec has arrived. Nothing happens on a lesson, library or
 * comparison screen (their hash is theirs), before the first route, or while the store still
 * shows the document the address bar loaded.
 */
export function writeAddressNow(): void {
  if (useSimStore.getState().presetId !== null) writeAddress(null);
  else withLinkCodec(writeAddress);
}

/** writeAddressNow with the codec (null: not needed, or it could not be loaded). */
function writeAddress(codec: LinkCodec | null): void {
  const { route, appliedDocument } = useRouteStore.getState();
  if (route === null || (route.kind !== 'scenario' && route.kind !== 'error')) return;
  const { document, presetId } = useSimStore.getState();
  if (document === null || document === appliedDocument) return;
  if (presetId === null && codec === null) {
    // Without the codec (the network failed) the route follows; the address keeps its last link.
    followStore(document, presetId, undefined);
    return;
  }
  const hash = addressHashWith(codec, presetId, document);
  const current = window.location.hash;
  const unchanged = hash === null ? current === '' : sameScenarioHash(current, hash);
  followStore(document, presetId, unchanged ? undefined : hash);
}

/**
 * Starts following the sim store; returns the stop function. Changes of t, playing and the rest
 * cost one comparison each. A pending write is flushed when the page is hidden or unloaded.
 */
export function startAddressSync(delayMs = ADDRESS_WRITE_DELAY_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const flush = () => {
    if (timer === undefined) return;
    cancel();
    writeAddressNow();
  };
  const unsubscribe = useSimStore.subscribe((state, previous) => {
    if (state.document === previous.document && state.presetId === previous.presetId) return;
    cancel();
    if (state.presetId !== null) writeAddressNow();
    else {
      // Fetched while the edit settles, so that the write finds it.
      void loadLinkCodec();
      timer = setTimeout(flush, delayMs);
    }
  });
  window.addEventListener('pagehide', flush);
  return () => {
    unsubscribe();
    cancel();
    window.removeEventListener('pagehide', flush);
  };
}
