// @vitest-environment jsdom
// The banner, the heading and the Share panel as a student meets them: what they say, that
// link and file content stays text, and what each button does.

import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { INITIAL_LESSON_STATE, useLessonStore } from '../lessons/lessonStore';
import {
  DEFAULT_PRESET_ID,
  dmvpnScenario,
  findPreset,
  PRESETS,
  type Preset,
} from '../scenario/presets';
import { loadPresets, presetLibrary, registerPresets } from '../scenario/presets/library';
import type { ScenarioDocument } from '../scenario/schema';
import { loadDocument, loadPreset, seek } from '../store/actions';
import { INITIAL_STATE, useSimStore } from '../store/simStore';
import { routeFromHash } from './hashRoute';
import { LinkErrorBanner } from './LinkErrorBanner';
import { loadLinkCodec } from './linkCodecStore';
import { applyRoute, INITIAL_ROUTE_STATE, useRouteStore } from './routeStore';
import { ScenarioHeading } from './ScenarioHeading';
import { ShareMenu } from './ShareMenu';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean;
}

const HOSTILE = '<img src=x onerror="window.__pwned=1">';
const BLACK_HOLE = findPreset(DEFAULT_PRESET_ID)?.document as ScenarioDocument;

let container: HTMLDivElement;
let root: Root;

const q = (testId: string) => container.querySelector(`[data-testid="${testId}"]`);
const all = (testId: string) => [...container.querySelectorAll(`[data-testid="${testId}"]`)];

function render(node: React.ReactNode) {
  act(() => root.render(node));
}

function click(element: Element | null) {
  if (!(element instanceof HTMLElement)) throw new Error('nothing to click');
  act(() => element.click());
}

/** Lets the link codec's and the clipboard's promises settle. */
/** Lets pending promises (clipboard, the lazily loaded link code and panel) resolve. */
async function settle() {
  await act(async () => {
    await import('./SharePanel');
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

function stubClipboard(writeText: ((text: string) => Promise<void>) | undefined) {
  Object.defineProperty(navigator, 'clipboard', {
    value: writeText === undefined ? undefined : { writeText },
    configurable: true,
  });
}

beforeAll(async () => {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
  // Share loads these on its first click; loaded here, each click's answer comes in one turn.
  await Promise.all([loadLinkCodec(), import('./scenarioFileIo')]);
});

beforeEach(() => {
  useSimStore.setState(INITIAL_STATE, true);
  useRouteStore.setState(INITIAL_ROUTE_STATE, true);
  useLessonStore.setState(INITIAL_LESSON_STATE, true);
  window.history.replaceState(null, '', '/');
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  stubClipboard(undefined);
});

/** The banner on the route store's route, as App shows it. */
function BoundBanner() {
  const route = useRouteStore((s) => s.route);
  return route ? <LinkErrorBanner route={route} /> : null;
}

describe('LinkErrorBanner', () => {
  it('names each error by path, over the default scenario, as text', () => {
    const route = routeFromHash(`#preset=${encodeURIComponent(HOSTILE)}&t=abc`);
    render(<LinkErrorBanner route={route} />);
    const banner = q('link-error');
    expect(banner?.getAttribute('role')).toBe('alert');
    expect(banner?.textContent).toContain('This link cannot be opened');
    expect(banner?.textContent).toContain('R2 reloads: the black hole');
    const errors = all('share.error');
    expect(errors.length).toBe(2);
    expect(errors.map((e) => e.getAttribute('data-path'))).toEqual(['(link)', '(link)']);
    expect(errors[0]?.textContent).toContain('<img src=x onerror=');
    expect(errors[1]?.textContent).toContain('t=abc is not a time in ms');
    expect(container.querySelector('img')).toBeNull();
    expect(document.activeElement).toBe(q('link-error.open-default'));
  });

  it('is nothing for a good route', () => {
    render(<LinkErrorBanner route={routeFromHash('#preset=baseline')} />);
    expect(container.innerHTML).toBe('');
  });

  it('Dismiss and "Open the default scenario" leave the error route', () => {
    applyRoute(routeFromHash('#s=garbage'));
    render(<BoundBanner />);
    expect(q('link-error')).not.toBeNull();
    click(q('link-error.dismiss'));
    expect(q('link-error')).toBeNull();
    expect(window.location.hash).toBe(`#preset=${DEFAULT_PRESET_ID}`);

    act(() => applyRoute(routeFromHash('#s=garbage')));
    act(() => seek(30_000));
    click(q('link-error.open-default'));
    expect(q('link-error')).toBeNull();
    expect(useSimStore.getState().t).toBe(0);
  });
});

describe('ScenarioHeading', () => {
  it("shows a preset's intro, an edited preset's intro under a tag, or the document's own text", () => {
    render(<ScenarioHeading />);
    act(() => void loadPreset('baseline'));
    expect(q('scenario-heading')).toBeNull();
    expect(container.querySelector('h2')?.textContent).toBe(findPreset('baseline')?.title);

    act(() => loadDocument({ ...BLACK_HOLE, seed: 3 }));
    expect(q('scenario-heading')?.textContent).toContain('Edited scenario');
    expect(q('scenario-heading')?.getAttribute('data-edited-from')).toBe(DEFAULT_PRESET_ID);

    act(() => loadDocument({ ...BLACK_HOLE, title: HOSTILE, description: `${HOSTILE}<b>x</b>` }));
    expect(q('scenario-heading.title')?.textContent).toBe(HOSTILE);
    expect(q('scenario-heading')?.textContent).toContain(`${HOSTILE}<b>x</b>`);
    expect(container.querySelector('img, b')).toBeNull();
  });

  it('shows warnings about addresses under the heading, each naming both places', () => {
    render(<ScenarioHeading />);
    act(() => void loadPreset('baseline'));
    expect(q('scenario-warnings')).toBeNull();
    const baseline = findPreset('baseline')?.document as ScenarioDocument;
    const nodes = baseline.nodes.map((node) =>
      node.kind === 'router' && node.id === 'R2'
        ? { ...node, config: node.config.replace('ip address 20.1.1.2', 'ip address 10.1.1.1') }
        : node,
    );
    act(() => loadDocument({ ...baseline, title: 'Twins', nodes }));
    const warnings = q('scenario-warnings');
    expect(warnings?.querySelector('summary')?.textContent).toBe('⚠ 2 warnings');
    expect(all('scenario-warning').map((li) => li.textContent)).toEqual([
      'R1 config line 19: 10.1.1.1 is also the address of R2 (config line 19, FastEthernet0/0): packets to it go to R1 only',
      'R2 config line 19: 10.1.1.1 is also the address of R1 (config line 19, FastEthernet0/0): packets to it go to R1 only',
    ]);
  });

  it('loads the preset an edited scenario came from, for its intro, when it is not loaded', async () => {
    const idleTimer = findPreset('idle-timer') as Preset;
    presetLibrary.setState({ loaded: {} }, true);
    try {
      render(<ScenarioHeading />);
      act(() => loadDocument({ ...idleTimer.document, seed: 5 }));
      expect(q('scenario-heading')?.getAttribute('data-edited-from')).toBe('idle-timer');
      expect(container.querySelector('.intro-summary')).toBeNull();
      await act(() => loadPresets(['idle-timer']));
      expect(container.querySelector('.intro-summary')?.textContent).toBe(
        idleTimer.summary.replaceAll('`', ''),
      );
    } finally {
      registerPresets(PRESETS);
    }
  });
});

describe('ShareMenu', () => {
  it('copies the link of the moment and says so, with its length', async () => {
    const writeText = vi.fn(async (_text: string) => {});
    stubClipboard(writeText);
    loadPreset('reload-black-hole');
    seek(150_020);
    render(<ShareMenu />);
    click(q('share.button'));
    await settle();
    const url = `${window.location.origin}/#preset=reload-black-hole&t=150020&p=1`;
    expect(writeText).toHaveBeenCalledWith(url);
    expect(q('share.panel')?.getAttribute('data-state')).toBe('copied');
    expect(q('share.status')?.textContent).toContain('Link copied');
    expect(q('share.status')?.textContent).toContain(`${url.length} characters`);
    expect(q('share.status')?.textContent).toContain('opens at 00:02:30.020, paused');
    expect((q('share.link') as HTMLInputElement).value).toBe(url);
    expect(q('share.button')?.getAttribute('aria-expanded')).toBe('true');
  });

  it('inside a lesson, copies the lesson’s link at the step on screen', async () => {
    const writeText = vi.fn(async (_text: string) => {});
    stubClipboard(writeText);
    applyRoute(routeFromHash('#lesson=black-hole&step=2'));
    useLessonStore.setState({ lessonId: 'black-hole', index: 3 });
    loadPreset('reload-black-hole');
    seek(150_020);
    render(<ShareMenu />);
    expect(q('share.button')?.getAttribute('title')).toBe(
      'Copy a link to this lesson at this step',
    );
    click(q('share.button'));
    await settle();
    const url = `${window.location.origin}/#lesson=black-hole&step=4`;
    expect(writeText).toHaveBeenCalledWith(url);
    expect(q('share.panel')?.textContent).toContain('Share this lesson step');
    expect(q('share.status')?.textContent).toContain('opens the lesson at step 4');
    expect((q('share.link') as HTMLInputElement).value).toBe(url);
  });

  it('offers the link selected in a field when the clipboard is missing or refuses', async () => {
    loadPreset('baseline');
    render(<ShareMenu />);
    for (const writeText of [
      undefined,
      async () => {
        throw new DOMException('denied', 'NotAllowedError');
      },
    ]) {
      stubClipboard(writeText);
      click(q('share.button'));
      await settle();
      expect(q('share.panel')?.getAttribute('data-state')).toBe('manual');
      expect(q('share.status')?.textContent).toContain('Copy this link');
      const field = q('share.link') as HTMLInputElement;
      expect(document.activeElement).toBe(field);
      expect((field.selectionEnd ?? 0) - (field.selectionStart ?? 0)).toBe(field.value.length);
    }
  });

  it('offers the file instead when the scenario is too large for a link', async () => {
    stubClipboard(vi.fn(async () => {}));
    // Only the document matters to Share: no need to run 198 spokes.
    useSimStore.setState({ document: dmvpnScenario(198), presetId: null });
    render(<ShareMenu />);
    click(q('share.button'));
    await settle();
    expect(q('share.panel')?.getAttribute('data-state')).toBe('too-large');
    expect(q('share.panel')?.textContent).toContain('cannot go in a link');
    expect(q('share.error')?.getAttribute('data-path')).toBe('(link)');
    expect(q('share.error')?.textContent).toContain('a link carries at most 4000');
    expect(q('share.download')?.textContent).toBe('Download the scenario file');
    expect(q('share.link')).toBeNull();
  });

  it('shows why a picked file cannot be opened, path by path, and loads a good one', async () => {
    loadPreset('baseline');
    render(<ShareMenu />);
    const input = q('share.file-input') as HTMLInputElement;
    const pick = async (name: string, text: string) => {
      const file = new File([text], name, { type: 'application/json' });
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      await act(async () => {
        input.dispatchEvent(new Event('change', { bubbles: true }));
        await new Promise((resolve) => setTimeout(resolve, 0));
      });
    };
    await pick(`${HOSTILE}.json`, JSON.stringify({ ...BLACK_HOLE, durationMs: -5 }));
    expect(q('share.panel')?.getAttribute('data-state')).toBe('file-errors');
    expect(q('share.panel')?.textContent).toContain(`${HOSTILE}.json`);
    expect(q('share.error')?.getAttribute('data-path')).toBe('durationMs');
    expect(container.querySelector('img')).toBeNull();
    expect(useSimStore.getState().presetId).toBe('baseline');

    await pick('good.json', JSON.stringify({ ...BLACK_HOLE, title: 'From a file' }));
    expect(q('share.panel')).toBeNull();
    expect(useSimStore.getState()).toMatchObject({
      presetId: null,
      document: { title: 'From a file' },
    });
  });

  it('closes on Escape, giving focus back to Share', async () => {
    stubClipboard(vi.fn(async () => {}));
    loadPreset('baseline');
    render(<ShareMenu />);
    click(q('share.button'));
    await settle();
    const field = q('share.link') as HTMLInputElement;
    act(() => {
      field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(q('share.panel')).toBeNull();
    expect(document.activeElement).toBe(q('share.button'));
  });
});
