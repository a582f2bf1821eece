// The route the address bar asked for, and the moves between routes: applying one to the sim
// store, leaving an error route, and noting what the address bar now says after we rewrote it.

import { create } from 'zustand';
import { encodePresetHash } from '../scenario/linkHash';
import type { ScenarioDocument } from '../scenario/schema';
import { loadDocument, play, seek, select } from '../store/actions';
import { useSimStore } from '../store/simStore';
import { hashWithView, useStageView } from '../ui/stageView';
import { defaultRoute, type HashRoute, type ScenarioRoute } from './hashRoute';
import { addressHashWith, type LinkCodec, withLinkCodec } from './linkCodecStore';

export interface RouteState {
  /** null until useHashRoute has read the address bar. */
  route: HashRoute | null;
  /**
   * The document a route loaded into the sim store: while the store still shows it, the address
   * bar already says it (with the link's own t and p), so it is not rewritten.
   */
  appliedDocument: ScenarioDocument | null;
}

export const INITIAL_ROUTE_STATE: RouteState = { route: null, appliedDocument: null };

export const useRouteStore = create<RouteState>()(() => INITIAL_ROUTE_STATE);

/**
 * Makes `route` the current one. A scenario route is loaded into the sim store at its moment; an
 * error route loads its fallback (the default preset) behind the error; lessons, the lesson
 * library and comparisons are left to their screens.
 */
export function applyRoute(route: HashRoute): void {
  const shown = route.kind === 'error' ? route.fallback : route;
  if (shown.kind === 'scenario') {
    useRouteStore.setState({ route, appliedDocument: shown.document });
    loadScenarioRoute(shown);
  } else {
    useRouteStore.setState({ route });
  }
}

/**
 * loadDocument, then the route's router selected, the cursor at its moment, then playing unless
 * it opens paused.
 */
function loadScenarioRoute(route: ScenarioRoute): void {
  useStageView.setState({ view: route.view, chart: route.chart });
  loadDocument(route.document, route.presetId);
  if (route.selected !== null) select({ kind: 'router', id: route.selected });
  seek(route.atMs);
  if (!route.paused && useSimStore.getState().run !== null) play();
}

/**
 * The sim store's scenario changed (a preset picked, the scenario edited, a file opened): the
 * address bar gets `hash` with the stage's view (nothing for null; left as it is for undefined,
 * when it already names that scenario) and the route follows, which also closes an error banner.
 */
export function followStore(
  document: ScenarioDocument,
  presetId: string | null,
  hash: string | null | undefined,
): void {
  const { view, chart } = useStageView.getState();
  if (hash !== undefined) replaceHash(hash === null ? null : hashWithView(hash, view, chart));
  useRouteStore.setState({
    route: {
      kind: 'scenario',
      document,
      presetId,
      atMs: 0,
      paused: true,
      selected: null,
      view,
      chart,
    },
    appliedDocument: null,
  });
}

/** Leaves an error route for the default scenario that already shows behind it. */
export function dismissLinkError(): void {
  const { route } = useRouteStore.getState();
  if (route?.kind !== 'error') return;
  useRouteStore.setState({ route: route.fallback });
  replaceHash(presetHash(route.fallback));
}

/** Opens the default scenario afresh (from its start) and says so in the address bar. */
export function openDefaultScenario(): void {
  const route = defaultRoute();
  applyRoute(route);
  replaceHash(presetHash(route));
}

/**
 * The header's Studio link: back to the studio from another screen, with the scenario the sim
 * store shows at its moment (a lesson's scenario where the lesson left it), as a new history
 * entry (Back returns to the screen left); the default scenario when the store has none. An
 * edited scenario's address needs the link codec: it opens once the codec has arrived, unless
 * the address moved on meanwhile.
 */
export function openStudio(): void {
  const { document, presetId } = useSimStore.getState();
  if (document === null || presetId !== null) {
    openStudioWith(null);
    return;
  }
  const from = window.location.hash;
  withLinkCodec((codec) => {
    if (window.location.hash === from) openStudioWith(codec);
  });
}

/** openStudio with the codec (null: not needed, or it could not be loaded: no hash then). */
function openStudioWith(codec: LinkCodec | null): void {
  const { document, presetId, t, playing, selection } = useSimStore.getState();
  if (document === null) {
    const route = defaultRoute();
    pushHash(presetHash(route));
    applyRoute(route);
    return;
  }
  const { view, chart } = useStageView.getState();
  const hash = addressHashWith(codec, presetId, document);
  pushHash(hash === null ? null : hashWithView(hash, view, chart));
  const selected = selection?.kind === 'router' ? selection.id : null;
  useRouteStore.setState({
    route: {
      kind: 'scenario',
      document,
      presetId,
      atMs: t,
      paused: !playing,
      selected,
      view,
      chart,
    },
    appliedDocument: document,
  });
}

function presetHash(route: ScenarioRoute): string | null {
  return route.presetId === null ? null : encodePresetHash(route.presetId);
}

/** history.replaceState: the address bar changes, history does not grow, no hashchange fires. */
export function replaceHash(hash: string | null): void {
  window.history.replaceState(window.history.state, '', addressWith(hash));
}

/** history.pushState: the address bar changes, Back returns to the last one, no hashchange. */
function pushHash(hash: string | null): void {
  window.history.pushState(null, '', addressWith(hash));
}

function addressWith(hash: string | null): string {
  const { pathname, search } = window.location;
  return `${pathname}${search}${hash ?? ''}`;
}
