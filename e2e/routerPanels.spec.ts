import { expect, test } from '@playwright/test';
import { seekTo } from './seek';
import { showTab } from './studio';

test.describe('router panels', () => {
  test('R1 and R2 side by side; invalid-SPI recovery on R2 adds its config line', async ({
    page,
  }) => {
    await page.goto('/#preset=reload-black-hole');
    const panels = page.getByTestId('router-panels');
    await expect(panels).toBeVisible();
    await expect(page.getByTestId('panel.R1')).toBeVisible();
    await expect(page.getByTestId('panel.R2')).toBeVisible();
    await expect(page.getByTestId('state.R1.R2.ike')).toHaveAttribute('data-state', /.+/);

    // Keyboard: the arrow keys move between the router tabs (not the playback cursor).
    await showTab(page, 'Config & remedies');
    await page.getByRole('tab', { name: 'R1' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'R2' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tab', { name: 'R2' })).toBeFocused();
    await expect(page.getByTestId('playback.time')).toHaveAttribute('data-t', '0');
    const recovery = page.getByRole('checkbox', { name: 'crypto isakmp invalid-spi-recovery' });
    await expect(page.getByTestId('feature.R2.invalid-spi-recovery')).toHaveCount(1);
    await expect(recovery).not.toBeChecked();
    await recovery.focus();
    await page.keyboard.press('Space');
    await expect(recovery).toBeChecked();
    const added = page.getByTestId('config.R2').locator('[data-diff="added"]');
    await expect(added).toHaveCount(1);
    await expect(added).toContainText('crypto isakmp invalid-spi-recovery');
    await expect(added).toContainText('+');
    await expect(page.getByTestId('verdict.R2.invalid-spi-recovery')).toHaveAttribute(
      'data-verdict',
      'yes',
    );
  });

  test('on the dynamic crypto map hub, recovery says it cannot help', async ({ page }) => {
    await page.goto('/#preset=dynamic-map-hub-reload');
    await showTab(page, 'Config & remedies');
    await page.getByRole('tab', { name: 'HUB' }).click();
    const verdict = page.getByTestId('verdict.HUB.invalid-spi-recovery');
    await expect(verdict).toHaveAttribute('data-verdict', 'no');
    await expect(verdict).toContainText('Cannot help here');
    await expect(verdict).toContainText('responder-only template');
    await expect(page.getByTestId('feature.HUB.invalid-spi-recovery')).toBeEnabled();
  });

  for (const size of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    test(`screenshots ${size.width}x${size.height}`, async ({ page }, testInfo) => {
      test.setTimeout(90_000);
      const shot = (what: string) =>
        testInfo.outputPath(`router-panels-${what}-${size.width}x${size.height}.png`);
      const panels = page.getByTestId('router-panels');
      await page.setViewportSize(size);

      // The black hole at 3:20: R1 and R2 both in view, the stale SPI flagged on R1.
      await page.goto('/#preset=reload-black-hole');
      await expect(panels).toBeVisible();
      await seekTo(page, 200_000);
      await expect(page.getByTestId('mismatch.R1')).toBeVisible();
      await expect(page.getByTestId('panel.R1')).toBeInViewport();
      await expect(page.getByTestId('panel.R2')).toBeVisible();
      await page.screenshot({ path: shot('black-hole') });
      await panels.screenshot({ path: shot('black-hole-panel') });
      const marker = page.getByTestId('mismatch.R1').getByTestId('simplified');
      await marker.locator('summary').click();
      await expect(marker).toContainText('not documented');
      await panels.screenshot({ path: shot('simplified-open-panel') });
      await marker.locator('summary').click();

      // Recovery toggled on R2: the + line in R2's config.
      await showTab(page, 'Config & remedies');
      await page.getByRole('tab', { name: 'R2' }).click();
      await page.getByTestId('feature.R2.invalid-spi-recovery').check();
      await page.getByTestId('remedies.R2').scrollIntoViewIfNeeded();
      await expect(page.getByTestId('verdict.R2.invalid-spi-recovery')).toHaveAttribute(
        'data-verdict',
        'yes',
      );
      await expect(page.getByTestId('feature.R2.invalid-spi-recovery')).toBeInViewport();
      await panels.screenshot({ path: shot('remedies-panel') });
      await page.getByTestId('config.R2').scrollIntoViewIfNeeded();
      await page.getByTestId('ios-output.R2').locator('summary').click();
      const added = page.getByTestId('config.R2').locator('[data-diff="added"]');
      await expect(added).toContainText('crypto isakmp invalid-spi-recovery');
      await expect(page.getByTestId('ios-output.R2')).toHaveAttribute('open', '');
      await panels.screenshot({ path: shot('config-panel') });

      // The dynamic map hub: the spoke's DPD probing, the hub's "cannot help".
      await page.goto('/#preset=dynamic-map-hub-reload');
      await showTab(page, 'Routers');
      await seekTo(page, 186_000);
      await expect(page.getByTestId('state.SPOKE.HUB.dpd')).toHaveAttribute(
        'data-state',
        'probing',
      );
      await expect(page.getByTestId('state.SPOKE.HUB.dpd')).toBeInViewport();
      await page.screenshot({ path: shot('dpd-probing') });
      await showTab(page, 'Config & remedies');
      await page.getByRole('tab', { name: 'HUB' }).click();
      await page.getByTestId('verdict.HUB.invalid-spi-recovery').scrollIntoViewIfNeeded();
      await expect(page.getByTestId('verdict.HUB.invalid-spi-recovery')).toHaveAttribute(
        'data-verdict',
        'no',
      );
      await expect(page.getByTestId('verdict.HUB.invalid-spi-recovery')).toBeInViewport();
      await panels.screenshot({ path: shot('dynamic-hub-panel') });

      // Fifty spokes: a list, the selected router expanded.
      await page.goto('/#preset=dmvpn-scale');
      await showTab(page, 'Routers');
      await expect(panels).toBeVisible();
      await seekTo(page, 120_000);
      await expect(page.getByTestId('router-row.HUB')).toHaveAttribute('aria-expanded', 'true');
      await expect(page.getByTestId('panel.HUB')).toBeVisible();
      await expect(page.getByTestId('router-row.SPOKE50')).toHaveAttribute(
        'aria-expanded',
        'false',
      );
      await panels.screenshot({ path: shot('dmvpn-scale-panel') });
    });
  }
});
