import { expect, type Locator, type Page, test } from '@playwright/test';
import { showTab } from './studio';

// The teaching stories of issue 3, end to end in Chromium, asserted on meaning (data attributes).
// Links open at an exact moment: `#preset=<id>&t=<ms>&p=1` (paused).

const log = (page: Page) => page.getByTestId('log');
const lines = (page: Page, node: string, text: string) =>
  log(page).locator(`[data-testid="log-line"][data-node="${node}"]`, { hasText: text });

/**
 * Shows only `kind` lines of the whole run and scrolls the virtualised log, half a screen and
 * one rendered frame at a time, until a matching line is rendered.
 */
async function findLine(page: Page, line: Locator, kind: 'syslog' | 'debug'): Promise<void> {
  await showTab(page, 'Log');
  await log(page).getByLabel('Show whole run').check();
  await log(page).getByLabel('Show', { exact: true }).selectOption(kind);
  const list = page.getByTestId('log-list');
  await list.evaluate((el) => {
    el.scrollTop = 0;
  });
  for (let i = 0; i < 1200 && (await line.count()) === 0; i++) {
    await list.evaluate(
      (el) =>
        new Promise((resolve) => {
          el.scrollBy(0, el.clientHeight / 2);
          requestAnimationFrame(() => requestAnimationFrame(resolve));
        }),
    );
  }
  await expect(line.first()).toBeAttached();
}

async function seekToEnd(page: Page): Promise<void> {
  const scrubber = page.getByRole('slider', { name: 'Playback position' });
  await scrubber.focus();
  await scrubber.press('End');
}

test.describe('teaching stories', () => {
  test('the black hole: R2 logs RECVD_PKT_INV_SPI while R1 keeps encrypting with a stale SPI', async ({
    page,
  }) => {
    await page.goto('/#preset=reload-black-hole&t=200000&p=1');
    await expect(page.getByTestId('playback.time')).toHaveAttribute('data-t', '200000');
    const staleSpi = await page.getByTestId('router.R1').getAttribute('data-stale-spi');
    expect(staleSpi).toMatch(/^0x[0-9A-F]{8}$/);
    await expect(page.getByTestId('mismatch.R1')).toHaveAttribute('data-spi', staleSpi ?? '');
    const r2 = page.locator('[data-testid="inv-spi-summary"][data-node="R2"]');
    await expect(r2).toHaveAttribute('data-count', '1');
    await expect(page.getByTestId('outage.lan1-to-lan2')).toBeVisible();
    // The log follows the cursor: R2's syslog lines so far are few and in view.
    await showTab(page, 'Log');
    await log(page).getByRole('checkbox', { name: 'R1', exact: true }).uncheck();
    await log(page).getByLabel('Show', { exact: true }).selectOption('syslog');
    await expect(
      lines(page, 'R2', 'RECVD_PKT_INV_SPI')
        // The panel pads the SPI to eight digits; IOS text does not.
        .filter({ hasText: `spi=${(staleSpi ?? '').replace(/^0x0+(?=[0-9A-F])/, '0x')}(` })
        .first(),
    ).toBeAttached();
  });

  test('invalid-SPI recovery on R2: the DELETE notify names the stale SPI and pings resume', async ({
    page,
  }) => {
    await page.goto('/#preset=reload-black-hole');
    await showTab(page, 'Config & remedies');
    await page.getByRole('tab', { name: 'R2' }).click();
    await page.getByRole('checkbox', { name: 'crypto isakmp invalid-spi-recovery' }).check();
    await seekToEnd(page);
    await expect(page.getByTestId('playback.time')).toHaveAttribute('data-t', '900000');
    // One INV_SPI line, then recovery: no outage at the end, a short one behind us.
    await expect(page.locator('[data-testid="inv-spi-summary"][data-node="R2"]')).toHaveAttribute(
      'data-count',
      '1',
    );
    await expect(page.getByTestId('outage.lan1-to-lan2')).toHaveCount(0);
    await expect(page.getByTestId('last-outage.lan1-to-lan2')).toBeVisible();
    const lost = Number(await page.getByTestId('ping-summary').first().getAttribute('data-lost'));
    expect(lost).toBeLessThan(40);
    await expect(page.getByTestId('router.R1')).not.toHaveAttribute('data-stale-spi', /.+/);
    // The log follows the cursor (now the end): with only R2's lines, the recovery's few lines
    // are at the bottom, in view, without scrolling the virtualised list.
    await showTab(page, 'Log');
    await log(page).getByRole('checkbox', { name: 'R1', exact: true }).uncheck();
    await log(page).getByLabel('Show', { exact: true }).selectOption('syslog');
    const invSpi = lines(page, 'R2', 'RECVD_PKT_INV_SPI');
    await expect(invSpi.first()).toBeAttached();
    // IOS text prints SPIs without zero padding (0x5B8DA76).
    const staleSpi = (await invSpi.first().textContent())?.match(/spi=(0x[0-9A-F]{1,8})\(/)?.[1];
    expect(staleSpi).toMatch(/^0x[1-9A-F][0-9A-F]{0,7}$/);
    // R2 opens an informational exchange for the DELETE (IOS prints no SPI there), and R1
    // deletes the SA the DELETE named: its stale outbound SPI.
    // The debug now prints every received packet, so R2's DELETE lines are no longer the last
    // few: find them in the whole run.
    await findLine(page, lines(page, 'R2', 'ISAKMP: set new node'), 'debug');
    await log(page).getByRole('checkbox', { name: 'R1', exact: true }).check();
    await findLine(page, lines(page, 'R1', `sa_spi= ${staleSpi}(`), 'debug');
    await findLine(page, lines(page, 'R1', 'processing DELETE payload'), 'debug');
  });

  test('a broken link with DPD on: R1 declares the peer dead and the tunnel goes down', async ({
    page,
  }) => {
    await page.goto('/#preset=baseline&t=60000&p=1');
    await showTab(page, 'Config & remedies');
    await page.getByRole('tab', { name: 'R1' }).click();
    await page.getByTestId('feature.R1.keepalive').check();
    await page.getByTestId('link.R2-ISP').click();
    await page.getByRole('button', { name: 'Break link R2-ISP', exact: true }).click();
    await expect(page.getByTestId('link.R2-ISP')).toHaveAttribute('data-up', 'false');
    await seekToEnd(page);
    await findLine(page, lines(page, 'R1', 'declaring peer dead'), 'debug');
    await findLine(page, lines(page, 'R1', 'Crypto tunnel is DOWN'), 'syslog');
  });
});
