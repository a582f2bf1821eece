import { expect, type Page, test } from '@playwright/test';

// The studio as one screen on the screens a class uses: the page never scrolls, the transport,
// the timeline scrubber and a topology at least a third of the window high are in view; the side
// panels' tabs, splitters and folding; the layout remembered; the selection in a shared link;
// the header's navigation. Screenshots go to test-results/, each after asserting what it shows.

/**
 * The four screens, with the most the stage's band may take (one row: the title, "What to look
 * for" and the view switch; a window 900 px high or more gives the summary two lines of its own)
 * and the least the topology's drawing gets (measured with a one-row band: 324 px at 1024x768,
 * where a two-row band left 282 px; less a margin).
 */
const SIZES = [
  { width: 1024, height: 768, bandMaxPx: 48, drawingMinPx: 310 },
  { width: 1280, height: 800, bandMaxPx: 48, drawingMinPx: 345 },
  { width: 1366, height: 768, bandMaxPx: 48, drawingMinPx: 340 },
  { width: 1920, height: 1080, bandMaxPx: 90, drawingMinPx: 460 },
] as const;

/** reload-black-hole at 3:20: R2 reloaded at 2:00, R1 still encrypts with the old SPI. */
const AFTER_RELOAD = '/#preset=reload-black-hole&t=200000&p=1';
const LAYOUT_KEY = 'tunnelscope.studio-layout.v1';

const dock = (page: Page) => page.getByTestId('dock');
const dockTab = (page: Page, name: string) => dock(page).getByRole('tab', { name, exact: true });

/** Neither the document nor the body scrolls: everything past the window would be cut off. */
async function expectNoPageScroll(page: Page): Promise<void> {
  const sizes = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return {
      scrollHeight: root.scrollHeight,
      scrollWidth: root.scrollWidth,
      bodyScrollHeight: document.body.scrollHeight,
      innerHeight: window.innerHeight,
      innerWidth: window.innerWidth,
    };
  });
  expect(sizes.scrollHeight, 'document height').toBeLessThanOrEqual(sizes.innerHeight);
  expect(sizes.bodyScrollHeight, 'body height').toBeLessThanOrEqual(sizes.innerHeight);
  expect(sizes.scrollWidth, 'document width').toBeLessThanOrEqual(sizes.innerWidth);
}

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * The stage's band is one row (the view switch on it, beside the title) no higher than
 * `bandMaxPx`; the topology's drawing is at least `drawingMinPx` high; its zoom buttons float in
 * the drawing's bottom-right corner, covering none of `routers`.
 */
async function expectStageRoom(
  page: Page,
  size: (typeof SIZES)[number],
  routers: readonly string[],
): Promise<void> {
  const band = await page.locator('.stage-band').boundingBox();
  const title = await page.locator('.stage-band .intro-title').boundingBox();
  const viewSwitch = await page.getByRole('group', { name: 'Stage view' }).boundingBox();
  const drawing = await page.getByTestId('topology').locator('.topo-stage').boundingBox();
  const zoom = await page.getByTestId('topology.fit').locator('..').boundingBox();
  if (!band || !title || !viewSwitch || !drawing || !zoom) throw new Error('stage part missing');
  expect(band.height, 'band height').toBeLessThanOrEqual(size.bandMaxPx);
  expect(viewSwitch.y, 'switch beside the title').toBeLessThan(title.y + title.height);
  expect(viewSwitch.x, 'switch right of the title').toBeGreaterThan(title.x + title.width);
  expect(drawing.height, 'drawing height').toBeGreaterThanOrEqual(size.drawingMinPx);
  expect(zoom.y, 'zoom buttons inside the drawing').toBeGreaterThan(drawing.y + drawing.height / 2);
  expect(zoom.y + zoom.height).toBeLessThanOrEqual(drawing.y + drawing.height);
  expect(zoom.x + zoom.width).toBeLessThanOrEqual(drawing.x + drawing.width);
  for (const id of routers) {
    const router = await page.getByTestId(`router.${id}`).boundingBox();
    expect(router && overlaps(router, zoom), `zoom buttons over ${id}`).toBe(false);
  }
}

/** The transport, the scrubber and a topology of at least a third of the window, all in view. */
async function expectStudioInView(page: Page, height: number): Promise<void> {
  await expectNoPageScroll(page);
  const playback = page.getByTestId('playback');
  await expect(playback.getByRole('button', { name: /play|pause/i }).first()).toBeInViewport({
    ratio: 1,
  });
  await expect(playback.getByTestId('playback.time')).toBeInViewport({ ratio: 1 });
  const scrubber = page.getByRole('slider', { name: 'Playback position' });
  await expect(scrubber).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId('timeline.track')).toBeInViewport({ ratio: 1 });
  const stage = page.getByTestId('topology').locator('.topo-stage');
  await expect(stage).toBeInViewport({ ratio: 1 });
  const box = await stage.boundingBox();
  expect(box?.height ?? 0, 'topology height').toBeGreaterThanOrEqual(height / 3);
  await expect(page.getByTestId('health')).toBeInViewport({ ratio: 1 });
}

test.describe('studio layout', () => {
  for (const size of SIZES) {
    const name = `${size.width}x${size.height}`;

    test(`${name}: the black hole after the reload fits, every dock tab included`, async ({
      page,
    }, testInfo) => {
      await page.setViewportSize(size);
      await page.goto(AFTER_RELOAD);
      await expect(page.getByTestId('playback.time')).toHaveAttribute('data-t', '200000');
      await expectStudioInView(page, size.height);
      await expectStageRoom(page, size, ['R1', 'R2']);

      // What the class should see at 3:20: the outage under way, R2 dropping the stale SPI.
      await expect(page.getByTestId('outage.lan1-to-lan2')).toBeInViewport();
      await expect(page.getByTestId('outage.lan1-to-lan2')).toContainText(/Outage: 1:\d\d so far/);
      await expect(page.getByTestId('router.R1')).toHaveAttribute('data-stale-spi', /0x/);
      await expect(page.getByTestId('router.R1')).toBeInViewport();
      await expect(page.getByTestId('router.R2')).toBeInViewport();
      await expect(dockTab(page, 'Routers')).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByTestId('panel.R1')).toBeInViewport();
      await expect(page.getByTestId('panel.R1')).toContainText('does not know');
      await page.screenshot({ path: testInfo.outputPath(`studio-black-hole-${name}.png`) });

      const tabs = [
        { tab: 'Config & remedies', shows: page.getByTestId('router-tab.R1') },
        { tab: 'Console', shows: page.getByTestId('console.input') },
        { tab: 'Log', shows: page.getByTestId('log-list') },
      ];
      for (const { tab, shows } of tabs) {
        const tabButton = page.getByRole('tab', { name: tab, exact: true }).first();
        await tabButton.click();
        await expect(tabButton).toHaveAttribute('aria-selected', 'true');
        await expect(shows).toBeInViewport();
        await expectStudioInView(page, size.height);
        await page.screenshot({
          path: testInfo.outputPath(`studio-tab-${tab.split(' ')[0]}-${name}.png`),
        });
      }
      // The log's newest line at 3:20 is R2's, at the bottom of its panel.
      await expect(
        page.getByTestId('log-line').and(page.locator('[data-current]')).last(),
      ).toBeInViewport();

      await page.getByTestId('dock.collapse').click();
      await expect(page.getByTestId('dock.rail')).toBeVisible();
      await expect(dock(page)).toHaveCount(0);
      await expectStudioInView(page, size.height);
      await expect(
        page.getByTestId('dock.rail').getByRole('button', { name: 'Log' }),
      ).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath(`studio-collapsed-${name}.png`) });
    });

    test(`${name}: the 50-spoke hub fits`, async ({ page }, testInfo) => {
      test.setTimeout(60_000);
      await page.setViewportSize(size);
      await page.goto('/#preset=dmvpn-scale&t=120000&p=1');
      await expect(page.getByTestId('router.HUB')).toBeVisible();
      await expectStudioInView(page, size.height);
      const spokes = Array.from({ length: 50 }, (_, i) => `SPOKE${i + 1}`);
      await expectStageRoom(page, size, ['HUB', ...spokes]);
      // Every spoke is drawn inside the stage, and the panel lists the routers.
      const stage = await page.getByTestId('topology').locator('.topo-stage').boundingBox();
      for (const id of ['SPOKE1', 'SPOKE25', 'SPOKE50']) {
        const box = await page.getByTestId(`router.${id}`).boundingBox();
        expect(box, id).not.toBeNull();
        if (box && stage) {
          expect(box.y, id).toBeGreaterThanOrEqual(stage.y);
          expect(box.y + box.height, id).toBeLessThanOrEqual(stage.y + stage.height);
        }
      }
      await expect(page.getByTestId('router-row.HUB')).toBeInViewport();
      await expect(page.getByTestId('health.flows')).toContainText('50 flows');
      await page.screenshot({ path: testInfo.outputPath(`studio-dmvpn-scale-${name}.png`) });
    });

    test(`${name}: the header's controls sit side by side, none over another`, async ({ page }) => {
      await page.setViewportSize(size);
      await page.goto('/#preset=reload-black-hole');
      const header = page.locator('header');
      await expect(header.getByLabel('Scenario')).toBeVisible();
      const controls = [
        header.getByRole('link', { name: 'Compare' }),
        header.getByLabel('Scenario'),
        header.getByRole('button', { name: 'New scenario' }),
        header.getByRole('button', { name: 'Edit scenario' }),
        header.getByRole('button', { name: /Share/ }),
        header.getByRole('button', { name: /^Open/ }),
      ];
      let previousRight = 0;
      for (const control of controls) {
        const box = await control.boundingBox();
        if (!box) throw new Error('a header control is not drawn');
        expect(box.x, 'starts after the control before it ends').toBeGreaterThanOrEqual(
          previousRight,
        );
        expect(box.x + box.width).toBeLessThanOrEqual(size.width);
        previousRight = box.x + box.width;
      }
    });

    test(`${name}: Lessons and Compare fit under the same header`, async ({ page }) => {
      await page.setViewportSize(size);
      await page.goto('/#preset=reload-black-hole');
      const nav = page.getByRole('navigation', { name: 'Screens' });
      await expect(nav.getByRole('link', { name: 'Studio' })).toHaveAttribute(
        'aria-current',
        'page',
      );

      await nav.getByRole('link', { name: 'Lessons' }).click();
      await expect(page.getByTestId('lessons.library')).toBeVisible();
      await expect(nav.getByRole('link', { name: 'Lessons' })).toHaveAttribute(
        'aria-current',
        'page',
      );
      await expectNoPageScroll(page);

      await nav.getByRole('link', { name: 'Compare' }).click();
      await expect(page.getByTestId('compare')).toBeVisible();
      await expect(nav.getByRole('link', { name: 'Compare' })).toHaveAttribute(
        'aria-current',
        'page',
      );
      await expectNoPageScroll(page);

      await page.goto('/#lesson=black-hole');
      await expect(page.getByTestId('lesson.screen')).toBeVisible();
      await expect(nav.getByRole('link', { name: 'Lessons' })).toHaveAttribute(
        'aria-current',
        'page',
      );
      await expectNoPageScroll(page);
    });
  }

  test('two panels side by side on a wide window, one on a laptop', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(AFTER_RELOAD);
    const second = page.getByTestId('dock.second');
    await expect(second).toBeVisible();
    await expect(dockTab(page, 'Routers')).toHaveAttribute('aria-selected', 'true');
    await expect(second.getByRole('tab', { name: 'Log' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('panel.R1')).toBeInViewport();
    await expect(page.getByTestId('log-list')).toBeInViewport();
    // A tab shows in one panel only: the first does not offer the Log, the second not the Routers.
    await expect(dock(page).getByRole('tab', { name: 'Log' })).toHaveCount(0);
    await expect(second.getByRole('tab', { name: 'Routers' })).toHaveCount(0);
    await second.getByRole('tab', { name: 'Config & remedies' }).click();
    await expect(second.getByTestId('router-tab.R1')).toBeVisible();
    await expect(page.getByTestId('panel.R1')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('studio-two-panels-1920x1080.png') });

    await page.getByTestId('dock.one-panel').click();
    await expect(second).toHaveCount(0);
    await expect(dockTab(page, 'Log')).toBeVisible();
    await page.reload();
    await expect(dock(page)).toBeVisible();
    await expect(second).toHaveCount(0);
    await page.getByTestId('dock.two-panels').click();
    await expect(second).toBeVisible();

    // The same layout on a laptop: one panel with all four tabs, nothing to split.
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(second).toHaveCount(0);
    await expect(dock(page).getByRole('tab')).toHaveCount(4);
    await expect(page.getByTestId('dock.two-panels')).toHaveCount(0);
  });

  test('the splitter resizes the panel by pointer and keyboard, and the width is remembered', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/#preset=reload-black-hole');
    const splitter = page.getByRole('separator', { name: 'Resize the side panel' });
    const width = async () => (await dock(page).boundingBox())?.width ?? 0;
    const before = await width();
    await expect(splitter).toHaveAttribute('aria-valuenow', String(Math.round(before)));

    // Keyboard: the arrows move the bar 16 px and do not step the playback.
    await splitter.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(splitter).toHaveAttribute('aria-valuenow', String(Math.round(before + 32)));
    expect(await width()).toBeCloseTo(before + 32, 0);
    await expect(page.getByTestId('playback.time')).toHaveAttribute('data-t', '0');
    await page.keyboard.press('End');
    const min = Number(await splitter.getAttribute('aria-valuemin'));
    await expect(splitter).toHaveAttribute('aria-valuenow', String(min));

    // Pointer: drag the bar 120 px to the left.
    const bar = await splitter.boundingBox();
    if (!bar) throw new Error('no splitter');
    await page.mouse.move(bar.x + bar.width / 2, bar.y + 200);
    await page.mouse.down();
    await page.mouse.move(bar.x + bar.width / 2 - 60, bar.y + 200);
    await page.mouse.move(bar.x + bar.width / 2 - 120, bar.y + 200);
    await page.mouse.up();
    await expect(splitter).toHaveAttribute('aria-valuenow', String(min + 120));
    await expectNoPageScroll(page);

    await page.reload();
    await expect(splitter).toHaveAttribute('aria-valuenow', String(min + 120));
    expect(await width()).toBeCloseTo(min + 120, 0);

    // Enter on the bar folds the panels; the rail unfolds them at the tab asked for.
    await splitter.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('dock.rail')).toBeVisible();
    await page.reload();
    await expect(page.getByTestId('dock.rail')).toBeVisible();
    await page.getByTestId('dock.rail').getByRole('button', { name: 'Console' }).click();
    await expect(dockTab(page, 'Console')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('console')).toBeVisible();
  });

  test('garbage in the stored layout gives the default layout, without an error', async ({
    page,
  }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript((key) => {
      window.localStorage.setItem(key, '{"sideWidthPx": "wide", "tab": 42, "sideCollapsed": [');
    }, LAYOUT_KEY);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/#preset=reload-black-hole');
    await expect(dockTab(page, 'Routers')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('dock.rail')).toHaveCount(0);
    await expectStudioInView(page, 800);
    expect(errors).toEqual([]);
  });

  test('a router clicked in the topology is selected in every tab and kept by Share', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(AFTER_RELOAD);
    await page.getByTestId('router.R2').click();
    await expect(page.getByTestId('router.R2')).toHaveAttribute('data-selected', 'true');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('panel.R2')).toHaveClass(/rp-card-selected/);
    await expect(page.getByTestId('panel.R1')).not.toHaveClass(/rp-card-selected/);
    await dockTab(page, 'Config & remedies').click();
    await expect(page.getByRole('tab', { name: 'R2', exact: true })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(page.getByTestId('details.R2')).toBeVisible();
    await dockTab(page, 'Console').click();
    await expect(page.getByTestId('console.R2')).toBeVisible();

    await page.getByTestId('share.button').click();
    const link = await page.getByTestId('share.link').inputValue();
    expect(link).toMatch(/#preset=reload-black-hole&t=200000&p=1&sel=R2$/);
    await expect(page.getByTestId('share.status')).toContainText('R2 selected');

    const other = await context.newPage();
    await other.setViewportSize({ width: 1280, height: 800 });
    await other.goto(link);
    await expect(other.getByTestId('router.R2')).toHaveAttribute('data-selected', 'true');
    await expect(other.getByTestId('playback.time')).toHaveAttribute('data-t', '200000');
    // The layout is the browser's: the other tab opens on the Console, which follows R2 too.
    await expect(other.getByTestId('console.R2')).toBeVisible();
    await dockTab(other, 'Routers').click();
    await expect(other.getByTestId('panel.R2')).toHaveClass(/rp-card-selected/);
  });

  test('the Studio link returns from a lesson to its scenario, at its moment', async ({ page }) => {
    await page.goto('/#lesson=black-hole');
    await expect(page.getByTestId('lesson.screen')).toBeVisible();
    await page.getByTestId('lesson.screen').getByTestId('lesson.next').click();
    const atMs = await page.getByTestId('playback.time').getAttribute('data-t');
    expect(Number(atMs)).toBeGreaterThan(0);
    const nav = page.getByRole('navigation', { name: 'Screens' });
    await nav.getByRole('link', { name: 'Studio' }).click();
    await expect(page).toHaveURL(/#preset=reload-black-hole$/);
    await expect(page.getByLabel('Scenario')).toHaveValue('reload-black-hole');
    await expect(page.getByTestId('topology')).toBeVisible();
    await expect(page.getByTestId('playback.time')).toHaveAttribute('data-t', atMs ?? '');
    // Back returns to the lesson.
    await page.goBack();
    await expect(page.getByTestId('lesson.screen')).toBeVisible();
  });
});
