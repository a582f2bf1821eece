// @vitest-environment jsdom
// The hook against a real (jsdom) address bar and the real sim store: what a link loads, what
// hashchange does, and when the address bar is rewritten (picks at once, edits debounced, the
// cursor never).

import { act, StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Preset } from '../scenario/presets';
import { DEFAULT_PRESET_ID, findPreset, PRESETS } from '../scenario/presets';
import { loadPresets, presetLibrary, registerPresets } from '../scenario/presets/library';
import { encodeShareHash } from '../scenario/scenarioUrl';
import type { ScenarioDocument } from '../scenario/schema';
import { inject, loadPreset, seek, setFeature } from '../store/actions';
import { INITIAL_STATE, useSimStore } from '../store/simStore';
import { ADDRESS_WRITE_DELAY_MS } from './addressSync';
import type { HashRoute } from './hashRoute';
import { loadLinkCodec } from './linkCodecStore';
import {
  dismissLinkError,
  INITIAL_ROUTE_STATE,
  openDefaultScenario,
  openStudio,
  useRouteStore,
} from './routeStore';
import { useHashRoute } from './useHashRoute';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean;
}

const BLACK_HOLE_PRESET = findPreset(DEFAULT_PRESET_ID) as Preset;
const BLACK_HOLE = BLACK_HOLE_PRESET.document;
const SLOW_BOOT: ScenarioDocument = {
  ...BLACK_HOLE,
  nodes: BLACK_HOLE.nodes.map((n) =>
    n.id === 'R2' && n.kind === 'router' ? { ...n, bootMs: 40_000 } : n,
  ),
};

let container: HTMLDivElement;
let root: Root;
let seen: HashRoute | null;

function Probe() {
  seen = useHashRoute();
  return null;
}

function setHash(hash: string) {
  window.history.replaceState(null, '', `/${hash}`);
}

function mount(hash: string) {
  setHash(hash);
  act(() =>
    root.render(
      <StrictMode>
        <Probe />
      </StrictMode>,
    ),
  );
}

function navigate(hash: string) {
  setHash(hash);
  act(() => void window.dispatchEvent(new HashChangeEvent('hashchange')));
}

beforeAll(async () => {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
  // As main.tsx does for a `#s=` address: the link codec is there before the first render.
  await loadLinkCodec();
});

beforeEach(() => {
  vi.useFakeTimers();
  useSimStore.setState(INITIAL_STATE, true);
  useRouteStore.setState(INITIAL_ROUTE_STATE, true);
  seen = null;
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('useHashRoute: reading the address bar', () => {
  it('opens the default preset at 0, paused, on an empty hash', () => {
    mount('');
    expect(seen).toMatchObject({ kind: 'scenario', presetId: DEFAULT_PRESET_ID, atMs: 0 });
    const state = useSimStore.getState();
    expect(state.presetId).toBe(DEFAULT_PRESET_ID);
    expect(state.t).toBe(0);
    expect(state.playing).toBe(false);
    expect(window.location.hash).toBe('');
  });

  it('opens a shared scenario at its moment, paused, and leaves the link as it came', () => {
    const hash = encodeShareHash({ document: SLOW_BOOT, atMs: 150_020, paused: true });
    mount(hash);
    const state = useSimStore.getState();
    expect(state.presetId).toBeNull();
    expect(state.document?.nodes.find((n) => n.id === 'R2')).toMatchObject({ bootMs: 40_000 });
    expect(state.t).toBe(150_020);
    expect(state.playing).toBe(false);
    act(() => void vi.advanceTimersByTime(ADDRESS_WRITE_DELAY_MS * 2));
    expect(window.location.hash).toBe(hash);
  });

  it('selects the router a link names with sel=', () => {
    mount('#preset=reload-black-hole&t=200000&p=1&sel=R2');
    expect(useSimStore.getState()).toMatchObject({
      t: 200_000,
      selection: { kind: 'router', id: 'R2' },
    });
    navigate('#preset=baseline');
    expect(useSimStore.getState().selection).toBeNull();
  });

  it('plays a link without p=1 from its t', () => {
    mount('#preset=baseline&t=5000');
    expect(useSimStore.getState()).toMatchObject({ presetId: 'baseline', t: 5000, playing: true });
  });

  it('loads the default preset behind a bad link, and keeps the link until the user acts', () => {
    mount('#s=garbage!!!');
    expect(seen?.kind).toBe('error');
    expect(useSimStore.getState().presetId).toBe(DEFAULT_PRESET_ID);
    act(() => void vi.advanceTimersByTime(ADDRESS_WRITE_DELAY_MS * 2));
    expect(window.location.hash).toBe('#s=garbage!!!');

    act(() => dismissLinkError());
    expect(seen?.kind).toBe('scenario');
    expect(window.location.hash).toBe(`#preset=${DEFAULT_PRESET_ID}`);
  });

  it('"Open the default scenario" starts it afresh', () => {
    mount('#preset=nope');
    act(() => seek(60_000));
    act(() => openDefaultScenario());
    expect(seen?.kind).toBe('scenario');
    expect(useSimStore.getState().t).toBe(0);
    expect(window.location.hash).toBe(`#preset=${DEFAULT_PRESET_ID}`);
  });

  it('follows hashchange (back button, a pasted link)', () => {
    mount('#preset=baseline');
    navigate('#preset=reload-black-hole&t=125000&p=1');
    expect(useSimStore.getState()).toMatchObject({
      presetId: 'reload-black-hole',
      t: 125_000,
      playing: false,
    });
    navigate('#s=%%%');
    expect(seen?.kind).toBe('error');
  });

  it('follows hashchange to a preset not loaded yet once it arrives, unless the address moved on', async () => {
    mount('#preset=baseline');
    presetLibrary.setState({ loaded: { [DEFAULT_PRESET_ID]: BLACK_HOLE_PRESET } }, true);
    try {
      navigate('#preset=idle-timer&t=30000&p=1');
      expect(useSimStore.getState().presetId).toBe('baseline');
      await act(() => loadPresets(['idle-timer']));
      expect(useSimStore.getState()).toMatchObject({ presetId: 'idle-timer', t: 30_000 });
      navigate('#preset=legacy-keepalive');
      navigate('#preset=idle-timer&t=60000&p=1');
      await act(() => loadPresets(['legacy-keepalive']));
      expect(useSimStore.getState()).toMatchObject({ presetId: 'idle-timer', t: 60_000 });
    } finally {
      registerPresets(PRESETS);
    }
  });

  it('passes lessons and comparisons through without touching the store', () => {
    mount('#lesson=black-hole');
    expect(seen).toEqual({ kind: 'lesson', id: 'black-hole', step: 1, stepError: null });
    expect(useSimStore.getState().document).toBeNull();
    // A lesson screen loading a preset does not take over the address bar.
    act(() => void loadPreset('baseline'));
    act(() => void vi.advanceTimersByTime(ADDRESS_WRITE_DELAY_MS * 2));
    expect(window.location.hash).toBe('#lesson=black-hole');
    navigate('#compare=a,b');
    expect(seen).toEqual({ kind: 'compare', payload: 'a,b' });
  });
});

describe("openStudio (the header's Studio link)", () => {
  it('goes back to the scenario a lesson left in the store, at its moment, as a new entry', () => {
    mount('#lesson=black-hole');
    act(() => void loadPreset('reload-black-hole'));
    act(() => seek(125_000));
    const entries = window.history.length;
    act(() => openStudio());
    expect(seen).toMatchObject({ kind: 'scenario', presetId: 'reload-black-hole', atMs: 125_000 });
    expect(window.location.hash).toBe('#preset=reload-black-hole');
    expect(window.history.length).toBe(entries + 1);
    // The store keeps its moment: nothing was reloaded.
    expect(useSimStore.getState().t).toBe(125_000);
  });

  it('opens the default scenario when the store has none', () => {
    mount('#compare=a,b');
    act(() => openStudio());
    expect(seen).toMatchObject({ kind: 'scenario', presetId: DEFAULT_PRESET_ID });
    expect(useSimStore.getState().presetId).toBe(DEFAULT_PRESET_ID);
  });
});

describe('useHashRoute: keeping the address bar true', () => {
  it('writes a picked preset at once, with replaceState', () => {
    mount('');
    const push = vi.spyOn(window.history, 'pushState');
    act(() => void loadPreset('baseline'));
    expect(window.location.hash).toBe('#preset=baseline');
    expect(seen).toMatchObject({ kind: 'scenario', presetId: 'baseline' });
    expect(push).not.toHaveBeenCalled();
  });

  it('writes an edited scenario once edits settle, as #s= of the store document', () => {
    mount('#preset=reload-black-hole');
    const replace = vi.spyOn(window.history, 'replaceState');
    act(() => seek(60_000));
    act(() => {
      inject({ action: 'reload', node: 'R1' });
      setFeature('R2', { feature: 'invalidSpiRecovery', on: true });
    });
    expect(window.location.hash).toBe('#preset=reload-black-hole');
    act(() => void vi.advanceTimersByTime(ADDRESS_WRITE_DELAY_MS - 1));
    expect(replace).not.toHaveBeenCalled();
    act(() => void vi.advanceTimersByTime(1));
    expect(replace).toHaveBeenCalledTimes(1);
    const { document } = useSimStore.getState();
    expect(window.location.hash).toBe(encodeShareHash({ document: document as ScenarioDocument }));
    expect(seen).toMatchObject({ kind: 'scenario', presetId: null });
  });

  it('never writes for cursor moves or playback', () => {
    mount('#preset=reload-black-hole');
    const replace = vi.spyOn(window.history, 'replaceState');
    act(() => {
      for (let t = 0; t < 100_000; t += 1000) seek(t);
      useSimStore.setState({ playing: true, speed: 10 });
    });
    act(() => void vi.advanceTimersByTime(ADDRESS_WRITE_DELAY_MS * 2));
    expect(replace).not.toHaveBeenCalled();
  });

  it('flushes a pending edit when the page is hidden', () => {
    mount('#preset=reload-black-hole');
    act(() => inject({ action: 'reload', node: 'R1' }));
    act(() => void window.dispatchEvent(new Event('pagehide')));
    expect(window.location.hash.startsWith('#s=')).toBe(true);
  });

  it('picking the linked preset again after another one rewrites the address', () => {
    mount('#preset=baseline&t=5000');
    act(() => void loadPreset('reload-black-hole'));
    expect(window.location.hash).toBe('#preset=reload-black-hole');
    act(() => void loadPreset('baseline'));
    expect(window.location.hash).toBe('#preset=baseline');
  });
});
