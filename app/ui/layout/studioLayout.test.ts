import { describe, expect, it } from 'vitest';
import { dockSizes, PANEL_MIN_PX, SPLITTER_PX, STAGE_MIN_PX } from './dockSizes';
import {
  DEFAULT_LAYOUT,
  LAYOUT_STORAGE_KEY,
  parseLayout,
  readLayout,
  type StudioLayout,
  withSecondTab,
  withTab,
  writeLayout,
} from './studioLayout';

const saved: StudioLayout = {
  sideWidthPx: 420,
  secondWidthPx: 510,
  sideCollapsed: true,
  secondCollapsed: true,
  tab: 'console',
  secondTab: 'routers',
};

describe('parseLayout', () => {
  it('reads back what was written', () => {
    const storage = new Map<string, string>();
    const fake = {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => void storage.set(key, value),
    };
    writeLayout(fake, saved);
    expect(storage.has(LAYOUT_STORAGE_KEY)).toBe(true);
    expect(readLayout(fake)).toEqual(saved);
  });

  it('gives the defaults for nothing stored and for text that is not a layout', () => {
    for (const garbage of [
      null,
      '',
      'not json',
      '{"sideWidthPx":',
      'null',
      '42',
      '"routers"',
      '[]',
      '[1,2,3]',
      'true',
      '\u0000\uffff',
    ]) {
      expect(parseLayout(garbage), String(garbage)).toEqual(DEFAULT_LAYOUT);
    }
  });

  it('keeps each good field and defaults each bad one', () => {
    const layout = parseLayout(
      JSON.stringify({
        sideWidthPx: 'wide',
        secondWidthPx: 480,
        sideCollapsed: 'yes',
        secondCollapsed: true,
        tab: 'settings',
        secondTab: 'console',
        extra: { nested: [1, 2] },
      }),
    );
    expect(layout).toEqual({
      ...DEFAULT_LAYOUT,
      secondWidthPx: 480,
      secondCollapsed: true,
      secondTab: 'console',
    });
  });

  it('refuses widths nobody dragged to, and non-numbers', () => {
    for (const width of [-5, 0, 3, 1e9, Number.MAX_VALUE, '400', [400], { px: 400 }]) {
      expect(parseLayout(JSON.stringify({ sideWidthPx: width })).sideWidthPx).toBeNull();
    }
    // JSON has no NaN or Infinity: they arrive as null, the automatic width.
    expect(parseLayout('{"sideWidthPx":1e400}').sideWidthPx).toBeNull();
  });

  it('is not fooled by prototype keys', () => {
    const layout = parseLayout('{"__proto__":{"sideCollapsed":true},"constructor":1}');
    expect(layout.sideCollapsed).toBe(false);
    expect(({} as { sideCollapsed?: boolean }).sideCollapsed).toBeUndefined();
  });

  it('never shows one tab in both panels', () => {
    expect(parseLayout('{"tab":"log","secondTab":"log"}')).toMatchObject({
      tab: 'log',
      secondTab: 'routers',
    });
    expect(parseLayout('{"tab":"config","secondTab":"config"}')).toMatchObject({
      tab: 'config',
      secondTab: 'log',
    });
  });

  it('survives a storage that throws', () => {
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(readLayout(refusing)).toEqual(DEFAULT_LAYOUT);
    expect(() => writeLayout(refusing, saved)).not.toThrow();
    expect(readLayout(null)).toEqual(DEFAULT_LAYOUT);
  });
});

describe('tabs of the two panels', () => {
  it('swaps when a panel picks the tab the other one shows', () => {
    const layout = { ...DEFAULT_LAYOUT, tab: 'routers', secondTab: 'log' } as const;
    expect(withTab(layout, 'log')).toMatchObject({ tab: 'log', secondTab: 'routers' });
    expect(withTab(layout, 'console')).toMatchObject({ tab: 'console', secondTab: 'log' });
    expect(withSecondTab(layout, 'routers')).toMatchObject({ tab: 'log', secondTab: 'routers' });
    expect(withSecondTab(layout, 'config')).toMatchObject({ tab: 'routers', secondTab: 'config' });
  });
});

describe('dockSizes', () => {
  it('gives one automatic panel up to 1600 px and two from there', () => {
    expect(dockSizes(DEFAULT_LAYOUT, 1024)).toMatchObject({ panels: 1, first: { px: 450 } });
    expect(dockSizes(DEFAULT_LAYOUT, 1366)).toMatchObject({ panels: 1, first: { px: 492 } });
    expect(dockSizes(DEFAULT_LAYOUT, 1920)).toMatchObject({
      panels: 2,
      first: { px: 461 },
      second: { px: 538 },
    });
    expect(dockSizes({ ...DEFAULT_LAYOUT, secondCollapsed: true }, 1920).panels).toBe(1);
    expect(dockSizes({ ...DEFAULT_LAYOUT, sideCollapsed: true }, 1920).panels).toBe(0);
  });

  it('keeps the stage at least STAGE_MIN_PX wide whatever width was saved', () => {
    for (const windowPx of [1024, 1280, 1366, 1920, 2560]) {
      for (const px of [120, 300, 900, 8000]) {
        const sizes = dockSizes(
          { ...DEFAULT_LAYOUT, sideWidthPx: px, secondWidthPx: px },
          windowPx,
        );
        const used = sizes.first.px + sizes.second.px + SPLITTER_PX * sizes.panels;
        expect(windowPx - used, `${windowPx} ${px}`).toBeGreaterThanOrEqual(STAGE_MIN_PX);
        expect(sizes.first.px).toBeGreaterThanOrEqual(PANEL_MIN_PX);
        if (sizes.panels === 2) expect(sizes.second.px).toBeGreaterThanOrEqual(PANEL_MIN_PX);
      }
    }
  });
});
