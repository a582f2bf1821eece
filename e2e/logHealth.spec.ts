import { expect, type Locator, type Page, test } from '@playwright/test';
import { showTab } from './studio';

// The log and the health view: lines up to the cursor, a click seeks, outages at the cursor.

const log = (page: Page) => page.getByTestId('log');
const logLines = (page: Page) => log(page).getByTestId('log-line');
const logList = (page: Page) => page.getByTestId('log-list');

/** Scrolls the (virtualised) log down a screen at a time until `line` is rendered. */
async function scrollLogTo(page: Page, line: Locator): Promise<void> {
  const list = logList(page);
  await list.evaluate((el) => {
    el.scrollTop = 0;
  });
  for (let i = 0; i < 400 && (await line.count()) === 0; i++)
    await list.evaluate((el) => el.scrollBy(0, el.clientHeight));
  await expect(line.first()).toBeAttached();
}

/** Opens a preset in the studio with its Log tab shown. */
async function openLog(page: Page, preset: string): Promise<void> {
  await page.goto(`/#preset=${preset}`);
  await showTab(page, 'Log');
}

const invalidSpiLine = (page: Page) =>
  logLines(page)
    .and(page.locator('[data-node="R2"][data-kind="syslog"]'))
    .filter({ hasText: '%CRYPTO-4-RECVD_PKT_INV_SPI' });

test.describe('log and health', () => {
  test('start empty at t=0 and fill up to the cursor', async ({ page }) => {
    await openLog(page, 'reload-black-hole');
    await expect(logList(page)).toHaveAttribute('data-rows', '0');
    await expect(log(page)).toContainText('Nothing logged yet at 00:00:00.000');
    const summary = page.locator('[data-testid="ping-summary"][data-flow="lan1-to-lan2"]');
    await expect(summary).toHaveAttribute('data-ok', '0');
    await expect(summary).toHaveAttribute('data-lost', '0');

    await log(page).getByLabel('Show whole run').check();
    const wholeRows = Number(await logList(page).getAttribute('data-rows'));
    expect(wholeRows).toBeGreaterThan(500);
    // Nothing has happened at t=0: every line is still to come.
    await expect(logLines(page).first()).toHaveAttribute('data-future', 'true');

    // Seek to the reload, then show only the lines up to it.
    const reload = logLines(page).and(page.locator('[data-kind="fault"]')).filter({
      hasText: 'reloads',
    });
    await scrollLogTo(page, reload);
    await reload.first().click();
    const atMs = await reload.first().getAttribute('data-at-ms');
    await log(page).getByLabel('Show whole run').uncheck();
    const rows = Number(await logList(page).getAttribute('data-rows'));
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(wholeRows);
    // The newest line is the cursor's, at the bottom.
    const current = logLines(page).and(page.locator('[data-current]'));
    await expect(current.last()).toHaveAttribute('data-at-ms', atMs ?? '');
    await expect(current.last()).toBeInViewport();
    await expect(log(page).locator('[data-future]')).toHaveCount(0);
  });

  test('a click on R2 invalid-SPI line moves the cursor into the outage', async ({ page }) => {
    await openLog(page, 'reload-black-hole');
    await log(page).getByLabel('Show whole run').check();
    const line = invalidSpiLine(page).first();
    await scrollLogTo(page, line);
    await expect(line).toHaveAttribute('data-severity', '4');
    const atMs = (await line.getAttribute('data-at-ms')) ?? '';
    await line.click();

    await expect(line).toHaveAttribute('data-current', 'true');
    await expect(line).toHaveAttribute('aria-current', 'time');
    const clock = page.getByTestId('playback.time');
    if ((await clock.count()) > 0) await expect(clock).toHaveAttribute('data-t', atMs);
    // The line at the cursor, in full (list rows cut long lines).
    const full = page.getByTestId('log-cursor-line');
    await expect(full).toHaveAttribute('data-at-ms', atMs);
    await expect(full).toContainText('srcaddr=10.1.1.1');

    const outage = page.getByTestId('outage.lan1-to-lan2');
    await expect(outage).toBeVisible();
    await expect(outage).toContainText(/Outage: \d+:\d\d so far, \d+ pings lost/);
    expect(Number(await outage.getAttribute('data-lost'))).toBeGreaterThan(0);
    const summary = page.locator('[data-testid="ping-summary"][data-flow="lan1-to-lan2"]');
    expect(Number(await summary.getAttribute('data-lost'))).toBeGreaterThan(0);
    const r2 = page.locator('[data-testid="inv-spi-summary"][data-node="R2"]');
    await expect(r2).toHaveAttribute('data-count', '1');
    expect(Number(await r2.getAttribute('data-drops'))).toBeGreaterThan(0);
  });

  test('recovery ends the outage', async ({ page }) => {
    await openLog(page, 'reload-invalid-spi-recovery');
    await log(page).getByLabel('Show whole run').check();
    // Everything, so that the last line is the run's last ping, after the recovery.
    await log(page).getByLabel('Show', { exact: true }).selectOption('all');
    const lastLine = logLines(page).last();
    await logList(page).evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await lastLine.click();
    const last = page.getByTestId('last-outage.lan1-to-lan2');
    await expect(last).toContainText(
      /Last outage: .*, \d+ pings? lost, recovered at \d\d:\d\d:\d\d/,
    );
    await expect(page.getByTestId('outage.lan1-to-lan2')).toHaveCount(0);
  });

  test('keyboard: arrows move between lines, Enter seeks', async ({ page }) => {
    await openLog(page, 'reload-black-hole');
    await log(page).getByLabel('Show whole run').check();
    const first = logLines(page).first();
    await first.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const focused = page.locator('[data-testid="log-line"]:focus');
    await expect(focused).toHaveAttribute('data-row', '2');
    const atMs = (await focused.getAttribute('data-at-ms')) ?? '';
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('log-cursor-line')).toHaveAttribute('data-at-ms', atMs);
    await page.keyboard.press('End');
    await expect(focused).toHaveAttribute(
      'data-row',
      String(Number(await logList(page).getAttribute('data-rows')) - 1),
    );
  });

  test('severity and session changes are marked; "simplified" only where IOS is guessed', async ({
    page,
  }) => {
    await openLog(page, 'reload-black-hole');
    await log(page).getByLabel('Show whole run').check();
    const up = logLines(page).filter({ hasText: 'Crypto tunnel is UP' }).first();
    await scrollLogTo(page, up);
    await expect(up).toHaveClass(/tone-up/);
    await expect(up).toContainText('▲');
    // Routine lines carry no marker, whatever the evidence for their exact wording.
    await expect(up).not.toHaveAttribute('data-simplified', /.*/);
    const confirmed = logLines(page).filter({ hasText: 'Old State = ' }).first();
    await expect(confirmed).not.toHaveAttribute('data-simplified', /.*/);

    const warn = invalidSpiLine(page).first();
    await scrollLogTo(page, warn);
    await expect(warn).toHaveClass(/tone-warn/);
    await expect(warn).toContainText('!');

    // HSRP rests on recalled IOS behaviour: its state changes say so, with the reason.
    await page.goto('/#preset=hsrp-headend-failover');
    await log(page).getByLabel('Show whole run').check();
    const hsrp = logLines(page).filter({ hasText: '%HSRP-5-STATECHANGE' }).first();
    await scrollLogTo(page, hsrp);
    await expect(hsrp).toHaveAttribute('data-simplified', 'true');
    await expect(hsrp.locator('.logv-simplified')).toHaveAttribute('title', /virtual IP/);
  });

  test('renders only the rows in view of a long log', async ({ page }) => {
    test.setTimeout(120_000);
    await openLog(page, 'dmvpn-scale');
    // The hub is shown after its first second and computed on in the background.
    await expect(page.getByTestId('timeline')).toHaveAttribute('data-run-complete', 'true', {
      timeout: 30_000,
    });
    await log(page).getByLabel('Show', { exact: true }).selectOption('all');
    await log(page).getByLabel('Show whole run').check();
    const rows = Number(await logList(page).getAttribute('data-rows'));
    expect(rows).toBeGreaterThan(100_000);
    expect(await logLines(page).count()).toBeLessThan(100);
    // Deep in the run, seeking stays quick.
    const middle = Math.floor(rows / 2);
    await logList(page).evaluate((el, row) => {
      el.scrollTop = row * 28 - 100; // 28 px: ROW_PX of LogList.tsx
    }, middle);
    const line = logLines(page).and(page.locator(`[data-row="${middle}"]`));
    await expect(line).toBeAttached();
    const atMs = (await line.getAttribute('data-at-ms')) ?? '';
    const started = Date.now();
    await line.click();
    await expect(page.getByTestId('log-cursor-line')).toHaveAttribute('data-at-ms', atMs);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  for (const size of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    test(`screenshots ${size.width}x${size.height}`, async ({ page }, testInfo) => {
      await page.setViewportSize(size);
      await openLog(page, 'reload-black-hole');
      await log(page).getByLabel('Show whole run').check();
      const line = invalidSpiLine(page).first();
      await scrollLogTo(page, line);
      await line.click();
      // What the shots show: R2's first invalid-SPI line at the cursor, in full below the list,
      // and the outage under way in the health strip.
      await expect(line).toHaveAttribute('data-current', 'true');
      await expect(log(page).locator('[aria-current="time"]')).toBeInViewport();
      await expect(page.getByTestId('log-cursor-line')).toContainText('RECVD_PKT_INV_SPI');
      await expect(page.getByTestId('outage.lan1-to-lan2')).toBeInViewport();
      await expect(page.getByTestId('outage.lan1-to-lan2')).toContainText('so far');
      await page.screenshot({
        path: testInfo.outputPath(`log-health-${size.width}x${size.height}.png`),
      });
      await log(page).screenshot({
        path: testInfo.outputPath(`log-${size.width}x${size.height}.png`),
      });
      await page.getByTestId('health').screenshot({
        path: testInfo.outputPath(`health-${size.width}x${size.height}.png`),
      });
    });
  }
});
