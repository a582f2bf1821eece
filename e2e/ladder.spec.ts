import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { showTab } from './studio';

// The ladder view (`&view=ladder`): opened by a link, its DELETE carrying the SPI the router
// logged as invalid, a click on an arrow seeking there, and only the visible window drawn.

const ladder = (page: Page) => page.getByTestId('ladder');
const SIZES = [
  { width: 1024, height: 768 },
  { width: 1920, height: 1080 },
];

/** The SPI in R2's `%CRYPTO-4-RECVD_PKT_INV_SPI` line, read from the Log tab; clicks that line. */
async function invalidSpiFromLog(page: Page): Promise<string> {
  await showTab(page, 'Log');
  const log = page.getByTestId('log');
  await log.getByLabel('Show whole run').check();
  await log.getByLabel('Show', { exact: true }).selectOption('syslog');
  const line = log
    .getByTestId('log-line')
    .and(page.locator('[data-node="R2"][data-kind="syslog"]'))
    .filter({ hasText: '%CRYPTO-4-RECVD_PKT_INV_SPI' })
    .first();
  const text = (await line.textContent()) ?? '';
  const spi = /spi=(0x[0-9A-F]{8})/.exec(text)?.[1];
  expect(spi, text).toBeDefined();
  await line.click();
  return spi as string;
}

/**
 * Every arrow label drawn lies inside the ladder's visible area (below the lifelines' names,
 * inside the scrollbars), and no two overlap.
 */
async function expectLabelsLegible(page: Page): Promise<void> {
  const { view, boxes } = await ladder(page)
    .locator('.ladder-scroll')
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      const view = { x0: r.x, y0: r.y + 30, x1: r.x + el.clientWidth, y1: r.y + el.clientHeight };
      const boxes = [...el.querySelectorAll('.ladder-arrow-label')].map((t) => {
        const b = t.getBoundingClientRect();
        return { text: t.textContent, x0: b.x, y0: b.y, x1: b.right, y1: b.bottom };
      });
      return { view, boxes };
    });
  expect(boxes.length).toBeGreaterThan(3);
  const outside = boxes.filter(
    (b) => b.x0 < view.x0 - 1 || b.x1 > view.x1 + 1 || b.y0 < view.y0 - 1 || b.y1 > view.y1 + 1,
  );
  expect(outside).toEqual([]);
  const overlapping = boxes.filter((a, i) =>
    boxes.some(
      (b, j) => j !== i && a.x0 < b.x1 - 1 && b.x0 < a.x1 - 1 && a.y0 < b.y1 - 1 && b.y0 < a.y1 - 1,
    ),
  );
  expect(overlapping).toEqual([]);
}

test.describe('ladder view', () => {
  test('a link with view=ladder opens the ladder, and the switch goes back to the topology', async ({
    page,
  }) => {
    await page.goto('/#preset=reload-invalid-spi-recovery&view=ladder');
    await expect(ladder(page)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Ladder', exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(page.getByTestId('topology')).toHaveCount(0);
    await page.getByRole('button', { name: 'Topology', exact: true }).click();
    await expect(page.getByTestId('topology')).toBeVisible();
    await expect(page).toHaveURL(/#preset=reload-invalid-spi-recovery$/);
    await page.getByRole('button', { name: 'Ladder', exact: true }).click();
    await expect(page).toHaveURL(/#preset=reload-invalid-spi-recovery&view=ladder$/);
    await expect(ladder(page)).toBeVisible();
  });

  test('R2’s DELETE carries the SPI R2 logged as invalid; clicking it seeks to it', async ({
    page,
  }) => {
    await page.goto('/#preset=reload-invalid-spi-recovery&view=ladder');
    const spi = await invalidSpiFromLog(page);
    const loggedAt = Number(await page.getByTestId('playback.time').getAttribute('data-t'));
    // The ladder has followed the cursor to the log line's moment.
    await expect(ladder(page).getByTestId('ladder.cursor')).toHaveAttribute(
      'data-at-ms',
      String(loggedAt),
    );
    const deletes = ladder(page).locator('[data-msg="DELETE"][data-src="R2"]');
    await expect(deletes.first()).toBeVisible();
    await expect(deletes.first()).toHaveAttribute('data-spi', spi);
    await expect(deletes.first()).toHaveAttribute('data-dst', 'R1');
    const sentAt = Number(await deletes.first().getAttribute('data-at-ms'));
    expect(sentAt).toBeGreaterThan(loggedAt);
    // The ESP R2 dropped for that SPI ends in a cross with the reason.
    const dropped = ladder(page).locator(
      `[data-msg="ESP"][data-spi="${spi}"][data-dropped^="invalid SPI ${spi}"]`,
    );
    await expect(dropped.first()).toHaveAttribute('data-dst', 'R2');

    // Labels are drawn in view only: scrolled into view, the DELETE shows its label; a click
    // on the label seeks.
    await deletes.first().scrollIntoViewIfNeeded();
    const label = deletes.first().locator('.ladder-arrow-label');
    await expect(label).toHaveText(`DELETE ${spi}`);
    await label.click();
    await expect(page.getByTestId('playback.time')).toHaveAttribute('data-t', String(sentAt));
    await expect(ladder(page).getByTestId('ladder.cursor')).toHaveAttribute(
      'data-at-ms',
      String(sentAt),
    );
  });

  for (const size of SIZES) {
    test(`the recovery on the ladder at ${size.width}x${size.height}`, async ({
      page,
    }, testInfo) => {
      await page.setViewportSize(size);
      await page.goto('/#preset=reload-invalid-spi-recovery&view=ladder');
      await invalidSpiFromLog(page);
      await showTab(page, 'Routers');
      await expect(ladder(page).locator('[data-msg="DELETE"]').first()).toBeVisible();
      await page.screenshot({
        path: testInfo.outputPath(`ladder-recovery-${size.width}x${size.height}.png`),
      });
      // Labels are drawn, and none of the labelled arrows' labels overlap.
      const boxes = await ladder(page)
        .locator('.ladder-arrow > text')
        .evaluateAll((texts) =>
          texts.map((t) => {
            const r = t.getBoundingClientRect();
            return { x: r.x, y: r.y, w: r.width, h: r.height };
          }),
        );
      expect(boxes.length).toBeGreaterThan(5);
      const overlaps = boxes.filter((a, i) =>
        boxes.some(
          (b, j) =>
            j > i &&
            a.x < b.x + b.w &&
            b.x < a.x + a.w &&
            a.y < b.y + b.h - 2 &&
            b.y < a.y + a.h - 2,
        ),
      );
      expect(overlaps).toEqual([]);
    });
  }

  test('dmvpn-scale’s 10 minutes of 51 routers draw only the visible window, and scroll', async ({
    page,
  }, testInfo) => {
    // The 10-minute run of 51 routers is computed in the background while this test scrolls.
    test.setTimeout(90_000);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto('/#preset=dmvpn-scale&view=ladder');
    const arrows = ladder(page).locator('.ladder-arrow');
    await expect(arrows.first()).toBeVisible({ timeout: 20_000 });
    // It opens on one pair (51 lifelines are a wall); every router is one choice away.
    await expect(ladder(page).getByTestId('ladder.opened')).toBeVisible();
    await page.getByLabel('Between').selectOption('');
    await expect(ladder(page).getByTestId('ladder.opened')).toHaveCount(0);
    // The end of the run: computing up to there makes the whole run (its 10 minutes) known.
    const scrubber = page.getByRole('slider', { name: 'Playback position' });
    await scrubber.focus();
    await scrubber.press('End');
    const counts = ladder(page).getByTestId('ladder.counts');
    await expect(counts).toContainText(/\d{5,} packets/, { timeout: 30_000 });
    const total = Number(/(\d+) packets/.exec((await counts.textContent()) ?? '')?.[1]);
    // Tens of thousands of packets in the run, a window's worth in the page.
    expect(await arrows.count()).toBeLessThan(600);
    expect(total).toBeGreaterThan(50_000);
    const scroller = ladder(page).locator('.ladder-scroll');
    for (let i = 1; i <= 5; i++) {
      await scroller.evaluate((el, top) => {
        el.scrollTop = top;
      }, i * 12_000);
    }
    await expect(arrows.first()).toBeVisible();
    expect(await arrows.count()).toBeLessThan(600);
    await page.screenshot({ path: testInfo.outputPath('ladder-dmvpn-scale-1920x1080.png') });
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByLabel('Between').selectOption({ index: 1 });
    await expect(ladder(page).locator('text').filter({ hasText: /^HUB$/ })).toBeVisible();
    // The filter keeps the moment in view: the pair's packets are drawn, and only theirs.
    await expect(arrows.first()).toBeVisible();
    const ends = await arrows.evaluateAll((list) =>
      list.map((g) => [g.getAttribute('data-src'), g.getAttribute('data-dst')].sort().join('|')),
    );
    expect(new Set(ends).size).toBe(1);
    await page.screenshot({ path: testInfo.outputPath('ladder-dmvpn-scale-pair-1024x768.png') });
  });

  for (const size of SIZES) {
    test(`dmvpn-scale’s ladder at ${size.width}x${size.height}: on its busiest pair, every label in view and none on another`, async ({
      page,
    }, testInfo) => {
      test.setTimeout(90_000);
      await page.setViewportSize(size);
      await page.goto('/#preset=dmvpn-scale&t=30000&p=1&view=ladder');
      const opened = ladder(page).getByTestId('ladder.opened');
      await expect(opened).toHaveText(
        /^Showing HUB ↔ SPOKE\d+ of 5\d lifelines — choose others in Between$/,
      );
      const pair = await page.getByLabel('Between').inputValue();
      expect(pair).toMatch(/^HUB\|SPOKE\d+$|^SPOKE\d+\|HUB$/);
      await expect(ladder(page).locator('.ladder-arrow-label').first()).toBeVisible();
      await expectLabelsLegible(page);
      await page.screenshot({
        path: testInfo.outputPath(`ladder-dmvpn-opened-${size.width}x${size.height}.png`),
      });
      // Every router: long arrows to far lifelines keep their labels on screen.
      await page.getByLabel('Between').selectOption('');
      await expect(opened).toHaveCount(0);
      await expect(ladder(page).locator('.ladder-arrow-label').first()).toBeVisible();
      await expectLabelsLegible(page);
      const scroller = ladder(page).locator('.ladder-scroll');
      await scroller.evaluate((el) => {
        el.scrollLeft = 2500;
      });
      await expect(ladder(page).locator('.ladder-arrow-label').first()).toBeVisible();
      await expectLabelsLegible(page);
      await page.screenshot({
        path: testInfo.outputPath(`ladder-dmvpn-all-${size.width}x${size.height}.png`),
      });
    });
  }

  test('Export SVG downloads the visible ladder as an SVG document with its labels', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto('/#preset=reload-invalid-spi-recovery&view=ladder');
    const labels = ladder(page).locator('.ladder-arrow-label');
    await expect(labels.first()).toBeVisible();
    const shown = await ladder(page)
      .locator('.ladder-scroll')
      .evaluate((el) => ({
        top: el.scrollTop,
        height: el.clientHeight,
        labels: [...el.querySelectorAll('.ladder-arrow-label')].map((t) => t.textContent ?? ''),
      }));
    expect(shown.labels).toContain('MM1');
    const downloading = page.waitForEvent('download');
    await ladder(page).getByRole('button', { name: 'Export SVG' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/ - ladder\.svg$/);
    const text = readFileSync(await download.path(), 'utf8');
    // Parsed as the image/svg+xml it is: an <svg> root in the SVG namespace, no parser error,
    // cut to the band that was on screen, with every label that was on screen.
    const parsed = await page.evaluate((svgText) => {
      const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
      const root = doc.documentElement;
      return {
        root: root.localName,
        namespace: root.namespaceURI,
        errors: doc.getElementsByTagName('parsererror').length,
        viewBox: root.getAttribute('viewBox'),
        labels: [...root.querySelectorAll('.ladder-arrow-label')].map((t) => t.textContent ?? ''),
      };
    }, text);
    expect(parsed).toMatchObject({
      root: 'svg',
      namespace: 'http://www.w3.org/2000/svg',
      errors: 0,
    });
    const [, y, , h] = (parsed.viewBox ?? '').split(' ').map(Number);
    expect([y, h]).toEqual([shown.top, shown.height]);
    expect(parsed.labels).toEqual(shown.labels);
  });

  test('the bring-up lesson shows Main Mode on the ladder, the step before on the topology', async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto('/#lesson=baseline&step=2');
    await expect(page.getByTestId('topology')).toBeVisible();
    await expect(ladder(page)).toHaveCount(0);
    await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(/#lesson=baseline&step=3$/);
    await expect(ladder(page)).toBeVisible();
    await expect(page.getByTestId('topology')).toHaveCount(0);
    await expect(ladder(page).locator('[data-msg="MM1"]').first()).toHaveAttribute(
      'data-src',
      'R1',
    );
    await page.screenshot({ path: testInfo.outputPath('ladder-lesson-1024x768.png') });
  });
});
