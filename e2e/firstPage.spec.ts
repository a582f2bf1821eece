import { expect, type Locator, type Page, test } from '@playwright/test';
import { showTab } from './studio';

// The page starts paused at t=0 and the log shows the lines up to the cursor: these tests turn
// on the log's "Show whole run" and click a line to move the cursor.

const lostPings = async (summary: Locator) => Number(await summary.getAttribute('data-lost'));

const pingSummary = (page: Page) =>
  page.locator('[data-testid="ping-summary"][data-flow="lan1-to-lan2"]');

const log = (page: Page) => page.getByTestId('log');
const logLines = (page: Page) => log(page).getByTestId('log-line');

/** Opens the Log tab of the side panels and shows the whole run in it. */
async function showWholeRun(page: Page): Promise<void> {
  await showTab(page, 'Log');
  await log(page).getByLabel('Show whole run').check();
}

/** Scrolls the (virtualised) log a screen at a time until `line` is rendered. */
async function scrollLogTo(page: Page, line: Locator): Promise<void> {
  const list = page.getByTestId('log-list');
  await list.evaluate((el) => {
    el.scrollTop = 0;
  });
  for (let i = 0; i < 400 && (await line.count()) === 0; i++)
    await list.evaluate((el) => el.scrollBy(0, el.clientHeight));
  await expect(line.first()).toBeAttached();
}

/** Moves the cursor to the last line of the log: the counts then cover (nearly) the whole run. */
async function seekToLastLine(page: Page): Promise<void> {
  await page.getByTestId('log-list').evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  await logLines(page).last().click();
}

test.describe('first page', () => {
  test('shows the black hole, then the recovery', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveTitle('TunnelScope');
    await expect(page.getByRole('heading', { level: 1, name: 'TunnelScope' })).toBeVisible();
    await expect(
      page.getByRole('heading', { level: 2, name: 'R2 reloads: the black hole' }),
    ).toBeVisible();

    // The default preset: R2 logs the invalid SPI of R1's stale packets, once a minute.
    await showWholeRun(page);
    await log(page).getByLabel('Show', { exact: true }).selectOption('syslog');
    const invalidSpi = page
      .locator('[data-testid="log-line"][data-node="R2"][data-kind="syslog"]')
      .filter({ hasText: '%CRYPTO-4-RECVD_PKT_INV_SPI' })
      .filter({ hasText: 'spi=0x' });
    await scrollLogTo(page, invalidSpi);
    await expect(invalidSpi.first()).toBeVisible();
    expect(await invalidSpi.count()).toBeGreaterThan(1);
    await expect(invalidSpi.first()).toHaveAttribute('data-severity', '4');

    await seekToLastLine(page);
    const summary = pingSummary(page);
    await expect(summary).toHaveCount(1);
    const lostInBlackHole = await lostPings(summary);
    expect(lostInBlackHole).toBeGreaterThan(0);
    await expect(
      page.locator('[data-testid="inv-spi-summary"][data-node="R2"]'),
    ).not.toHaveAttribute('data-count', '0');

    // With invalid-SPI recovery: INITIAL-CONTACT and a DELETE repair the tunnel.
    await page.getByLabel('Scenario').selectOption('reload-invalid-spi-recovery');
    await expect(
      page.getByRole('heading', { level: 2, name: 'R2 reloads with invalid-SPI recovery' }),
    ).toBeVisible();
    await log(page).getByLabel('Show', { exact: true }).selectOption('logs');
    const recovery = logLines(page).filter({ hasText: /DELETE|initial contact/i });
    await scrollLogTo(page, recovery);
    await expect(recovery.first()).toBeVisible();
    await seekToLastLine(page);
    const lostWithRecovery = await lostPings(pingSummary(page));
    expect(lostWithRecovery).toBeLessThan(lostInBlackHole);
  });

  test('filters the trace by router and by kind', async ({ page }) => {
    await page.goto('/');
    await showWholeRun(page);
    await expect(logLines(page).first()).toBeVisible();

    await log(page).getByRole('checkbox', { name: 'R2', exact: true }).uncheck();
    await expect(page.locator('[data-testid="log-line"][data-node="R2"]')).toHaveCount(0);
    await expect(page.locator('[data-testid="log-line"][data-node="R1"]').first()).toBeVisible();
    await log(page).getByRole('checkbox', { name: 'R2', exact: true }).check();

    await log(page).getByLabel('Show', { exact: true }).selectOption('syslog');
    await expect(page.locator('[data-testid="log-line"][data-kind="debug"]')).toHaveCount(0);
    await expect(
      page.locator('[data-testid="log-line"][data-kind="syslog"]').first(),
    ).toBeVisible();

    await log(page).getByLabel('Show', { exact: true }).selectOption('packets');
    await expect(
      page.locator('[data-testid="log-line"][data-kind="packet"]').first(),
    ).toBeVisible();
    await expect(page.locator('[data-testid="log-line"][data-kind="syslog"]')).toHaveCount(0);
  });

  test('shows why a link cannot open, and stays usable', async ({ page }) => {
    await page.goto('/#preset=no-such-preset');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('no built-in scenario is called "no-such-preset"');
    // The default scenario runs behind the banner.
    await showWholeRun(page);
    await expect(logLines(page).first()).toBeVisible();

    await page.getByLabel('Scenario').selectOption('reload-invalid-spi-recovery');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page).toHaveURL(/#preset=reload-invalid-spi-recovery$/);
  });

  test('runs every preset in the picker', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/');
    await showWholeRun(page);
    const picker = page.getByLabel('Scenario');
    // Every preset: the last option opens Paste configs, a dialog, not a preset.
    const ids = await picker
      .locator('option:not([value=":paste-configs"])')
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(ids.length).toBeGreaterThan(1);
    for (const id of ids) {
      await picker.selectOption(id);
      await expect(page.getByRole('alert'), id).toHaveCount(0);
      await expect(logLines(page).first(), id).toBeVisible();
    }
  });

  test('opens the preset named in the URL', async ({ page }) => {
    await page.goto('/#preset=reload-invalid-spi-recovery');
    await expect(page.getByLabel('Scenario')).toHaveValue('reload-invalid-spi-recovery');
    await expect(pingSummary(page)).toHaveCount(1);
  });

  test('screenshots of the recovery and of an error', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/#preset=reload-invalid-spi-recovery');
    await showWholeRun(page);
    const deleteLine = logLines(page).filter({ hasText: /DELETE/ });
    await scrollLogTo(page, deleteLine);
    await deleteLine.first().click();
    await page.getByText('What to look for').click();
    // What the shot shows: what to look for, open over the stage, and the DELETE at the cursor.
    await expect(page.locator('.intro-more')).toBeInViewport();
    await expect(page.locator('.intro-more')).toContainText('crypto isakmp invalid-spi-recovery');
    await expect(deleteLine.first()).toHaveAttribute('data-current', 'true');
    await expect(page.getByTestId('log-cursor-line')).toContainText('DELETE');
    await page.screenshot({ path: testInfo.outputPath('recovery-1280x800.png') });
    await page.goto('/#preset=no-such-preset');
    await page.reload();
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('no built-in scenario is called');
    await expect(page.getByTestId('topology')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('error-1280x800.png') });
  });

  for (const size of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    test(`screenshot ${size.width}x${size.height}`, async ({ page }, testInfo) => {
      await page.setViewportSize(size);
      await page.goto('/');
      await showWholeRun(page);
      await expect(logLines(page).first()).toBeVisible();
      // Move the cursor to the first invalid-SPI warning: the interesting part.
      const warning = page.locator(
        '[data-testid="log-line"][data-kind="syslog"][data-severity="4"]',
      );
      await scrollLogTo(page, warning);
      await warning.first().click();
      // What the shot shows: the first invalid-SPI warning at the cursor, the outage under way.
      await expect(warning.first()).toHaveAttribute('data-current', 'true');
      await expect(page.getByTestId('log-cursor-line')).toContainText('RECVD_PKT_INV_SPI');
      await expect(page.getByTestId('outage.lan1-to-lan2')).toBeInViewport();
      await expect(page.getByTestId('router.R1')).toHaveAttribute('data-stale-spi', /0x/);
      await page.screenshot({
        path: testInfo.outputPath(`first-page-${size.width}x${size.height}.png`),
      });
    });
  }
});
