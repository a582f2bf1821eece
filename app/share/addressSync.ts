// Keeps the address bar true to the scenario on screen: follows the sim store's document and
// presetId (never its cursor), rewriting the hash with history.replaceState. A picked preset is
// written at once; edits are written once they settle (debounced), since encoding a scenario
// costs a compression.

import { useSimStore } from '../store/simStore';
import { addressHashFor, sameScenarioHash } from './addressHash';
import { followStore, useRouteStore } from './routeStore';

/** How long the scenario must stay unchanged before an edit reaches the address bar. */
export const ADDRESS_WRITE_DELAY_MS = 400;

/**
 * Brings the address bar (and the route) up to the sim store's scenario now. Nothing happens on a
 * lesson, library or comparison screen (their hash is theirs), before the first route, or while
 * the store still shows the document the address bar loaded.
 */
export function writeAddressNow(): void {
  const { route, appliedDocument } = useRouteStore.getState();
  if (route === null || (route.kind !== 'scenario' && route.kind !== 'error')) return;
  const { document, presetId } = useSimStore.getState();
  if (document === null || document === appliedDocument) return;
  const hash = addressHashFor(presetId, document);
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
    else timer = setTimeout(flush, delayMs);
  });
  window.addEventListener('pagehide', flush);
  return () => {
    unsubscribe();
    cancel();
    window.removeEventListener('pagehide', flush);
  };
}
