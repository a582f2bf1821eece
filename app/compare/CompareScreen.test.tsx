// @vitest-environment jsdom
// The compare screen over real runs: two columns at one cursor, the outcome table and headline,
// its own playback (never the studio's store), the picker and clear errors.

import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useSimStore } from '../store/simStore';
import { CompareScreen } from './CompareScreen';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Animation frames run only when the test says so. */
let frames: Array<(now: number) => void> = [];
let nowMs = 0;

beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});

beforeEach(() => {
  frames = [];
  nowMs = 0;
  window.requestAnimationFrame = (callback) => {
    frames.push(callback);
    return frames.length;
  };
  window.cancelAnimationFrame = () => {};
});

function runFrames(count: number, wallMs: number): void {
  for (let i = 0; i < count; i++) {
    const pending = frames;
    frames = [];
    nowMs += wallMs;
    act(() => {
      for (const callback of pending) callback(nowMs);
    });
  }
}

let container: HTMLDivElement;
let root: Root;

function render(payload: string | null): void {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() => root.render(<CompareScreen payload={payload} />));
}

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

function byTestId(id: string): HTMLElement {
  const element = container.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  if (!element) throw new Error(`no element with data-testid="${id}"`);
  return element;
}

/** The studio's router glyph in one side's topology. */
function routerGlyph(side: 'a' | 'b', node: string): HTMLElement {
  const glyph = byTestId(`compare.${side}`).querySelector<HTMLElement>(
    `[data-testid="router.${node}"]`,
  );
  if (!glyph) throw new Error(`no router ${node} in side ${side}`);
  return glyph;
}

function click(element: HTMLElement): void {
  act(() => element.click());
}

function time(): number {
  return Number(byTestId('playback.time').dataset.t);
}

function key(name: string): void {
  act(() => {
    window.dispatchEvent(
      new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }),
    );
  });
}

const RECOVERY = 'reload-black-hole~R2~invalid-spi-recovery~off~on';

describe('CompareScreen with a comparison', () => {
  it('shows both sides, the headline and the measured outcome', () => {
    render(RECOVERY);
    expect(byTestId('compare').dataset.state).toBe('ready');
    expect(byTestId('compare.a').textContent).toContain('Invalid-SPI recovery OFF');
    expect(byTestId('compare.b').textContent).toContain(
      'R2(config)# crypto isakmp invalid-spi-recovery',
    );
    expect(byTestId('compare.headline').textContent).toMatch(
      /^With invalid-SPI recovery on R2, the outage lasts 32 s instead of not recovering in 13 min/,
    );
    const outageA = byTestId('compare.metric.outage.lan1-to-lan2.a');
    const outageB = byTestId('compare.metric.outage.lan1-to-lan2.b');
    expect(outageA.textContent).toContain('not recovered');
    expect(outageA.dataset.value).toBe('Infinity');
    expect(outageB.dataset.value).toBe('32000');
    expect(outageB.dataset.better).toBe('true');
    expect(outageB.textContent).toContain('✓ better');
    expect(byTestId('compare.metric.ike.b').dataset.value).toBe('10');
    expect(byTestId('compare.row.ike').dataset.different).toBe('true');
    expect(byTestId('compare.outcome').tagName).toBe('TABLE');
  });

  it('draws both columns at the shared cursor: the black hole on A, the repair on B', () => {
    render(RECOVERY);
    click(byTestId('compare.jump.recovered.b'));
    expect(time()).toBeGreaterThan(150_000);
    // A: R1 still encrypts with the SPI R2 lost; R2 has nothing. B: both sides agree again.
    expect(byTestId('compare.a.router.R1').dataset.stale).toBe('true');
    expect(byTestId('compare.a.router.R2').dataset.tone).toBe('none');
    // The studio's topology, one per side, at the same cursor.
    expect(routerGlyph('a', 'R2').dataset.ikeState).toBe('none');
    expect(routerGlyph('a', 'R1').dataset.staleSpi).toBeTruthy();
    expect(routerGlyph('b', 'R2').dataset.ikeState).toBe('QM_IDLE');
    expect(routerGlyph('b', 'R1').dataset.staleSpi).toBeUndefined();
    expect(byTestId('compare.b.router.R1').dataset.stale).toBe('false');
    expect(byTestId('compare.b.router.R2').dataset.state).toBe('QM_IDLE');
    expect(byTestId('compare.a.flow.lan1-to-lan2').dataset.outage).toBe('true');
    expect(byTestId('compare.b.flow.lan1-to-lan2').dataset.outage).toBe('false');
  });

  it('steps, plays and pauses on its own clock, leaving the studio store alone', () => {
    const studio = useSimStore.getState();
    render(RECOVERY);
    expect(time()).toBe(0);
    click(byTestId('playback.step-forward'));
    const first = time();
    expect(first).toBeGreaterThan(0);
    key('ArrowRight');
    expect(time()).toBeGreaterThan(first);
    key('ArrowLeft');
    expect(time()).toBe(first);

    click(byTestId('playback.play'));
    expect(byTestId('playback.play').dataset.playing).toBe('true');
    runFrames(5, 100);
    expect(time()).toBeGreaterThan(first);
    key(' ');
    expect(byTestId('playback.play').dataset.playing).toBe('false');
    key('End');
    expect(time()).toBe(900_000);
    expect(useSimStore.getState().t).toBe(studio.t);
    expect(useSimStore.getState().playing).toBe(studio.playing);
  });

  it('shows packets in flight in the columns', () => {
    render(RECOVERY);
    click(byTestId('compare.jump.back.both'));
    key(']');
    expect((byTestId('playback.speed') as HTMLSelectElement).value).toBe('25');
    // From R2's boot, step until B has an IKE packet on the wire.
    let found = false;
    for (let i = 0; i < 20 && !found; i++) {
      key('ArrowRight');
      found = byTestId('compare.b').querySelector('.topo-ike-shape') !== null;
    }
    expect(found).toBe(true);
  });
});

describe('CompareScreen without a comparison', () => {
  it('shows the picker for a null payload', () => {
    render(null);
    expect(byTestId('compare').dataset.state).toBe('picker');
    expect(byTestId('compare.picker')).toBeTruthy();
    expect(byTestId(`compare.suggestion.${RECOVERY}`).getAttribute('href')).toBe(
      `#compare=${RECOVERY}`,
    );
    expect(byTestId('compare.picker.note').textContent).toContain(
      'Invalid-SPI recovery can work here',
    );
  });

  it('explains a bad payload and still offers the picker', () => {
    render('reload-black-hole~R2~invalid-spi-recovery~on~on');
    expect(byTestId('compare').dataset.state).toBe('error');
    expect(byTestId('compare.error').textContent).toContain('A and B are both "on"');
    expect(byTestId('compare.picker')).toBeTruthy();
  });
});
