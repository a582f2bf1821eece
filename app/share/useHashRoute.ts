// The address bar as the app's route: read on load and on every hashchange (back button, a link
// pasted into the same tab, a hand edit), applied to the sim store, and kept true afterwards.

import { useEffect, useState } from 'react';
import { withPresets } from '../scenario/presets/library';
import { startAddressSync } from './addressSync';
import { type HashRoute, presetsOfHash, routeFromHash } from './hashRoute';
import { withLinkCodecFor } from './linkCodecStore';
import { applyRoute, useRouteStore } from './routeStore';

/**
 * Call once, in App. Returns the current route: a scenario (already loaded into the sim store at
 * the link's moment); a lesson, the lesson library or a comparison for their screens; or an error
 * route (its fallback, the default preset, loaded behind the banner). Picking a preset or editing
 * the scenario rewrites the hash (see addressSync.ts), and the route follows. The presets the
 * address names on load, and the link codec for a shared scenario, must be loaded before the
 * first render (main.tsx); those a later address needs are loaded first, then the route is
 * applied, unless the address moved on meanwhile.
 */
export function useHashRoute(): HashRoute {
  const [initial] = useState(() => routeFromHash(window.location.hash));
  const route = useRouteStore((state) => state.route);
  useEffect(() => {
    // StrictMode runs this twice: the route is applied once.
    if (useRouteStore.getState().route === null) applyRoute(initial);
    let live = true;
    const onHashChange = () => {
      const hash = window.location.hash;
      withPresets(presetsOfHash(hash), () =>
        withLinkCodecFor(hash, () => {
          if (live && window.location.hash === hash) applyRoute(routeFromHash(hash));
        }),
      );
    };
    window.addEventListener('hashchange', onHashChange);
    const stopSync = startAddressSync();
    return () => {
      live = false;
      window.removeEventListener('hashchange', onHashChange);
      stopSync();
    };
  }, [initial]);
  return route ?? initial;
}
