import { expect, type Page, test } from '@playwright/test';

// The topology stage of the default preset at t = 0, then driven through its menus: reload R2,
// break a link, keyboard access, zoom. Screenshots go to test-results/ for a human look.

const router = (page: Page, id: string) => page.getByTestId(`router.${id}`);
const link = (page: Page, id: string) => page.getByTestId(`link.${id}`);

async function open(page: Page) {
  await page.goto('/#preset=reload-black-hole');
  await expect(page.getByTestId('topology')).toBeVisible();
  await expect(router(page, 'R1')).toBeVisible();
}

test.describe('topology', () => {
  test('draws the first frame: routers, cloud, links, no packets', async ({ page }) => {
    await open(page);
    for (const id of ['R1', 'R2']) {
      await expect(router(page, id)).toHaveAttribute('data-power', 'up');
      await expect(router(page, id)).toHaveAttribute('data-ike-state', 'none');
      await expect(router(page, id)).not.toHaveAttribute('data-stale-spi', /.*/);
    }
    await expect(page.getByTestId('cloud.ISP')).toBeVisible();
    await expect(link(page, 'R1-ISP')).toHaveAttribute('data-up', 'true');
    await expect(link(page, 'R2-ISP')).toHaveAttribute('data-up', 'true');
    await expect(link(page, 'R1-ISP')).toContainText('10 ms');
    await expect(page.locator('[data-testid^="packet."]')).toHaveCount(0);
    // Router names are legible on a projector: at least 13 px on screen at 1280 wide.
    const namePx = await router(page, 'R1')
      .locator('.topo-router-name')
      .evaluate((el) => el.getBoundingClientRect().height);
    expect(namePx).toBeGreaterThanOrEqual(13);
  });

  test('reloads R2 from its menu', async ({ page }) => {
    await open(page);
    await router(page, 'R2').click();
    const menu = page.getByRole('dialog', { name: 'R2 actions' });
    await expect(menu).toBeVisible();
    await expect(router(page, 'R2')).toHaveAttribute('data-selected', 'true');
    await expect(menu.getByRole('button', { name: 'clear crypto sa' })).toBeVisible();
    await expect(menu.getByRole('button', { name: 'clear crypto isakmp' })).toBeVisible();
    await menu.getByRole('button', { name: 'Reload R2', exact: true }).click();
    await expect(menu).toBeHidden();
    await expect(router(page, 'R2')).toHaveAttribute('data-power', 'booting');
    await expect(router(page, 'R2')).toContainText('reloading… 30 s');
    await expect(router(page, 'R1')).toHaveAttribute('data-power', 'up');
  });

  test('breaks and restores a link', async ({ page }) => {
    await open(page);
    await link(page, 'R2-ISP').click();
    await page.getByRole('button', { name: 'Break link R2-ISP', exact: true }).click();
    await expect(link(page, 'R2-ISP')).toHaveAttribute('data-up', 'false');
    await expect(link(page, 'R2-ISP')).toContainText('down');
    await expect(link(page, 'R1-ISP')).toHaveAttribute('data-up', 'true');
    await link(page, 'R2-ISP').click();
    await page.getByRole('button', { name: 'Restore link R2-ISP', exact: true }).click();
    await expect(link(page, 'R2-ISP')).toHaveAttribute('data-up', 'true');
  });

  test('works from the keyboard', async ({ page }) => {
    await open(page);
    await router(page, 'R1').focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('dialog', { name: 'R1 actions' });
    await expect(menu).toBeVisible();
    await expect(menu.getByRole('button', { name: 'Reload R1' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(router(page, 'R1')).toBeFocused();
    await link(page, 'R1-ISP').focus();
    await page.keyboard.press(' ');
    await expect(page.getByRole('dialog', { name: 'Link R1-ISP (up) actions' })).toBeVisible();
  });

  test('zooms with the buttons and fits back', async ({ page }) => {
    await open(page);
    const svg = page.getByTestId('topology').locator('svg.topo-svg');
    await expect(svg).toHaveAttribute('data-zoom', '1.00');
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect(svg).toHaveAttribute('data-zoom', '1.50');
    // Glyphs keep their screen size: the name is as tall as before.
    await page.getByRole('button', { name: 'Fit' }).click();
    await expect(svg).toHaveAttribute('data-zoom', '1.00');
  });

  for (const size of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    test(`screenshots ${size.width}x${size.height}`, async ({ page }, testInfo) => {
      await page.setViewportSize(size);
      await open(page);
      const topology = page.getByTestId('topology');
      // What the shots show: both routers and the cloud in the stage, then R2's menu beside R2.
      await expect(router(page, 'R1')).toBeInViewport();
      await expect(router(page, 'R2')).toBeInViewport();
      await expect(page.getByTestId('cloud.ISP')).toBeInViewport();
      await page.screenshot({
        path: testInfo.outputPath(`topology-t0-${size.width}x${size.height}.png`),
      });
      await router(page, 'R2').click();
      await expect(page.getByRole('dialog', { name: 'R2 actions' })).toBeInViewport();
      await page.screenshot({
        path: testInfo.outputPath(`topology-menu-${size.width}x${size.height}.png`),
      });
      await page
        .getByRole('dialog', { name: 'R2 actions' })
        .getByRole('button', { name: 'Reload R2', exact: true })
        .click();
      await link(page, 'R1-ISP').click();
      await page.getByRole('button', { name: 'Break link R1-ISP', exact: true }).click();
      await expect(router(page, 'R2')).toHaveAttribute('data-power', 'booting');
      await expect(link(page, 'R1-ISP')).toHaveAttribute('data-up', 'false');
      await topology.screenshot({
        path: testInfo.outputPath(`topology-reload-${size.width}x${size.height}.png`),
      });
    });
  }
});

// Why a tunnel does not come up: the router that refused the negotiation says so under its
// glyph, and a crypto map that protects nothing is marked on its router.
test.describe('topology: misconfigurations', () => {
  for (const size of [
    { width: 1024, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    test(`names the failed phase and its reason, ${size.width}x${size.height}`, async ({
      page,
    }, testInfo) => {
      await page.setViewportSize(size);
      await page.goto('/#preset=psk-mismatch&t=30000');
      await expect(router(page, 'R2')).toHaveAttribute(
        'data-negotiation-failure',
        'pre-shared keys differ',
      );
      await expect(router(page, 'R2')).toContainText('✕ P1 keys differ');
      await expect(router(page, 'R1')).toHaveAttribute('data-ike-state', 'MM_KEY_EXCH');
      await expect(router(page, 'R1')).not.toHaveAttribute('data-negotiation-failure', /.*/);
      // Both glyphs and their tags stay inside the stage.
      const stage = await page.getByTestId('topology').boundingBox();
      const tag = await router(page, 'R2').locator('.topo-tag-failure').boundingBox();
      expect(stage && tag && tag.x >= stage.x && tag.x + tag.width <= stage.x + stage.width).toBe(
        true,
      );
      await page.getByTestId('topology').screenshot({
        path: testInfo.outputPath(`topology-psk-mismatch-${size.width}x${size.height}.png`),
      });

      await page.goto('/#preset=transform-set-mismatch&t=30000');
      await expect(router(page, 'R2')).toContainText('✕ P2 transforms differ');
      await expect(router(page, 'R1')).toHaveAttribute('data-ike-state', 'QM_IDLE');
      await page.getByTestId('topology').screenshot({
        path: testInfo.outputPath(`topology-transform-set-${size.width}x${size.height}.png`),
      });

      await page.goto('/#preset=proxy-mismatch&t=30000');
      await expect(router(page, 'R2')).toContainText('✕ P2 proxy IDs differ');
      await expect(router(page, 'R1')).toHaveAttribute('data-ike-state', 'QM_IDLE');
      await page.getByTestId('topology').screenshot({
        path: testInfo.outputPath(`topology-proxy-mismatch-${size.width}x${size.height}.png`),
      });

      await page.goto('/#preset=map-not-applied&t=10000');
      await expect(router(page, 'R1')).toContainText('⚠ CMAP on no interface');
      await expect(router(page, 'R2')).not.toContainText('on no interface');
      await page.getByTestId('topology').screenshot({
        path: testInfo.outputPath(`topology-map-not-applied-${size.width}x${size.height}.png`),
      });

      await page.goto('/#preset=incomplete-map&t=10000');
      await expect(router(page, 'R1')).toContainText('⚠ CMAP 10 incomplete');
      await expect(router(page, 'R1')).toHaveAttribute(
        'data-incomplete-map',
        'CMAP 10: transform set TS-AES is not defined',
      );
      await page.screenshot({
        path: testInfo.outputPath(`studio-incomplete-map-${size.width}x${size.height}.png`),
      });
    });
  }
});
