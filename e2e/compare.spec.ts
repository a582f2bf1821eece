import { expect, type Page, test } from '@playwright/test';
import { seekTo as seekWithin } from './seek';

// The compare screen (#compare=<payload>): one scenario twice with one difference, in lockstep,
// and the difference measured.

const RECOVERY = 'reload-black-hole~R2~invalid-spi-recovery~off~on';
const DPD_IDLE = 'dpd-idle-on-demand~R1~keepalive~on-demand~periodic';

const time = async (page: Page) =>
  Number(await page.getByTestId('playback.time').getAttribute('data-t'));

/** Moves the shared cursor with side A's timeline scrubber. */
const seekTo = (page: Page, atMs: number) => seekWithin(page, atMs, page.getByTestId('compare.a'));

test.describe('compare', () => {
  test('recovery off vs on: headline, outcome table and both columns in lockstep', async ({
    page,
  }) => {
    await page.goto(`/#compare=${RECOVERY}`);
    await expect(page.getByTestId('compare')).toHaveAttribute('data-state', 'ready');
    await expect(page.getByTestId('compare.headline')).toContainText(
      'With invalid-SPI recovery on R2, the outage lasts 32 s instead of not recovering in 13 min',
    );
    await expect(page.getByTestId('compare.a')).toContainText('Invalid-SPI recovery OFF');
    await expect(page.getByTestId('compare.b')).toContainText('Invalid-SPI recovery ON');

    const outcome = page.getByTestId('compare.outcome');
    await expect(outcome).toBeVisible();
    await expect(page.getByTestId('compare.metric.outage.lan1-to-lan2.a')).toHaveAttribute(
      'data-value',
      'Infinity',
    );
    await expect(page.getByTestId('compare.metric.outage.lan1-to-lan2.b')).toHaveAttribute(
      'data-better',
      'true',
    );
    await expect(page.getByTestId('compare.metric.back.lan1-to-lan2.b')).toContainText('2 s');
    await expect(page.getByTestId('compare.metric.ike.a')).toHaveAttribute('data-value', '0');
    await expect(page.getByTestId('compare.metric.ike.b')).toHaveAttribute('data-value', '10');

    // After the boot: A still shows the black hole, B is repaired. One cursor for both.
    await seekTo(page, 180_000);
    await expect(page.getByTestId('compare.a.router.R1')).toHaveAttribute('data-stale', 'true');
    await expect(page.getByTestId('compare.a.router.R2')).toHaveAttribute('data-tone', 'none');
    await expect(page.getByTestId('compare.b.router.R2')).toHaveAttribute('data-state', 'QM_IDLE');
    await expect(page.getByTestId('compare.a.flow.lan1-to-lan2')).toHaveAttribute(
      'data-outage',
      'true',
    );
    await expect(page.getByTestId('compare.b.flow.lan1-to-lan2')).toHaveAttribute(
      'data-outage',
      'false',
    );
  });

  test('one playback bar drives both runs', async ({ page }) => {
    await page.goto(`/#compare=${RECOVERY}`);
    await page.getByTestId('compare.jump.fault.both').click();
    expect(await time(page)).toBe(120_000);
    await page.getByTestId('playback.step-forward').click();
    expect(await time(page)).toBeGreaterThan(120_000);
    await page.getByTestId('playback.play').click();
    await expect(page.getByTestId('playback.play')).toHaveAttribute('data-playing', 'true');
    await expect.poll(() => time(page)).toBeGreaterThan(121_000);
    await page.keyboard.press('Space');
    await expect(page.getByTestId('playback.play')).toHaveAttribute('data-playing', 'false');
    // Keyboard: End, then Home.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('End');
    expect(await time(page)).toBe(900_000);
    await page.keyboard.press('Home');
    expect(await time(page)).toBe(0);
  });

  test('DPD on an idle tunnel: periodic costs one ping, on-demand more', async ({ page }) => {
    await page.goto(`/#compare=${DPD_IDLE}`);
    await expect(page.getByTestId('compare.headline')).toContainText(
      'With periodic DPD on R1, the outage lasts 1 s instead of',
    );
    await expect(page.getByTestId('compare.metric.lost.lan1-to-lan3.b')).toHaveAttribute(
      'data-value',
      '1',
    );
    const onDemandLost = Number(
      await page.getByTestId('compare.metric.lost.lan1-to-lan3.a').getAttribute('data-value'),
    );
    expect(onDemandLost).toBeGreaterThan(1);
  });

  test('the picker builds a link; a bad link says what is wrong', async ({ page }) => {
    await page.goto('/#compare=reload-black-hole~R9~invalid-spi-recovery~off~on');
    await expect(page.getByTestId('compare.error')).toContainText(
      '"R9" is not a router of reload-black-hole; its routers are R1, R2',
    );
    const picker = page.getByTestId('compare.picker');
    await picker.getByLabel('Scenario', { exact: true }).selectOption('idle-timer');
    await picker.getByLabel('Feature', { exact: true }).selectOption('idle-time');
    await picker.getByLabel('A', { exact: true }).selectOption('120');
    await picker.getByLabel('B', { exact: true }).selectOption('off');
    await picker.getByTestId('compare.picker.go').click();
    await expect(page).toHaveURL(/#compare=idle-timer~R1~idle-time~120~off$/);
    await expect(page.getByTestId('compare.headline')).toContainText(
      'Without an IPsec idle timer on R1, no ping is lost',
    );
  });

  for (const size of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    test(`screenshots ${size.width}x${size.height}`, async ({ page }, testInfo) => {
      const shot = (what: string) =>
        testInfo.outputPath(`compare-${what}-${size.width}x${size.height}.png`);
      await page.setViewportSize(size);
      await page.goto(`/#compare=${RECOVERY}`);
      await expect(page.getByTestId('compare')).toHaveAttribute('data-state', 'ready');
      await seekTo(page, 180_000);
      await page.screenshot({ path: shot('recovery') });
      await page.getByTestId('compare.outcome').screenshot({ path: shot('outcome') });
      await page.goto(`/#compare=${DPD_IDLE}`);
      await expect(page.getByTestId('compare.headline')).toBeVisible();
      await seekTo(page, 300_000);
      await page.screenshot({ path: shot('dpd-idle'), fullPage: true });
      await page.goto('/#compare=');
      await expect(page.getByTestId('compare.picker')).toBeVisible();
      await page.screenshot({ path: shot('picker') });
    });
  }
});
