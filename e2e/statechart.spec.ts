import { expect, type Page, test } from '@playwright/test';
import { seekTo } from './seek';

// The live statecharts on reload-invalid-spi-recovery (R2 reloads at 2:00 and is back at 2:30;
// R1's invalid-SPI recovery and R2's INITIAL-CONTACT bring the tunnel back at 2:30.12): the
// states lit are those the run says, the transition list seeks, and the chart is laid out in
// ELK's worker under the built app's Content-Security-Policy. Screenshots at 1024x768 and
// 1920x1080, tunnel up and during the recovery, go to test-results/ for a human look.

const OPEN = '/#preset=reload-invalid-spi-recovery&t=60000&p=1&sel=R1&view=statechart';

/** The names of the lit innermost states of the chart shown (boxes holding no lit box). */
async function litStates(page: Page): Promise<string[]> {
  return page
    .getByTestId('statechart')
    .locator('[data-active="true"]:not(.sc-container)')
    .evaluateAll((boxes) => boxes.map((b) => b.getAttribute('data-state') ?? ''));
}

async function showMachine(page: Page, name: 'IKE SA' | 'IPsec SA'): Promise<void> {
  const tab = page.getByTestId('statechart').getByRole('tab', { name: new RegExp(`^${name}`) });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

/** The lit box is on screen, inside the chart's drawing (once the chart has glided there). */
async function expectLitInView(page: Page, state: string): Promise<void> {
  const inView = async () => {
    const drawing = await page.locator('.statechart-drawing').boundingBox();
    const box = await page
      .getByTestId('statechart')
      .locator(`[data-state="${state}"][data-active="true"]`)
      .boundingBox();
    if (!drawing || !box) return false;
    return (
      box.x >= drawing.x - 1 &&
      box.y >= drawing.y - 1 &&
      box.x + box.width <= drawing.x + drawing.width + 1 &&
      box.y + box.height <= drawing.y + drawing.height + 1
    );
  };
  await expect.poll(inView).toBe(true);
}

for (const size of [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test(`R1's machines follow the run through the recovery at ${size.width}x${size.height}`, async ({
    page,
  }) => {
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.setViewportSize(size);
    await page.goto(OPEN);
    const chart = page.getByTestId('statechart');
    // The first layout waits for ELK's worker to load (about 1.5 MB of script) and warm up.
    await expect(chart.locator('svg')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('playback.time')).toHaveAttribute('data-t', '60000');

    // Tunnel up: R1's IKE SA is in QM_IDLE, the only state lit; every edge names its event.
    await expect(chart.locator('[data-state="QM_IDLE"]')).toHaveAttribute('data-active', 'true');
    await expect.poll(() => litStates(page)).toEqual(['QM_IDLE']);
    await expectLitInView(page, 'QM_IDLE');
    expect(await chart.locator('[data-event="recv"]').count()).toBeGreaterThan(5);
    expect(await chart.locator('[data-event="after.retransmit"]').count()).toBeGreaterThan(3);
    // The transition that brought it there: MM6 received, then at once out of MM_KEY_AUTH.
    await expect(chart.locator('[data-event="recv"][data-taken="true"]')).toHaveCount(1);
    await expect(chart.locator('[data-event="always"][data-taken="true"]')).toHaveCount(1);
    await page.screenshot({ path: `test-results/statechart-up-${size.width}.png` });

    // IPsec: the pair is active, its lifetime fresh and no idle timer.
    await showMachine(page, 'IPsec SA');
    await expect.poll(async () => (await litStates(page)).sort()).toEqual(['fresh', 'off']);

    // 2:31: the pair deleted at 2:30.12 is renegotiating (QM1 sent, as the run records).
    await seekTo(page, 151_000);
    await expect.poll(() => litStates(page)).toEqual(['negotiating']);

    // Below 500 px of stage the transitions fold into the change at the cursor, one line, and
    // the chart takes at least half of the stage; taller, the table shows.
    const short = size.height < 1000;
    const toggle = chart.getByRole('button', { name: /Transitions/ });
    await expect(toggle).toHaveAttribute('aria-expanded', short ? 'false' : 'true');
    if (short) {
      const drawn = await page.evaluate(() => {
        const height = (selector: string) =>
          document.querySelector(selector)?.getBoundingClientRect().height ?? 0;
        return { stage: height('.stage'), canvas: height('.statechart-canvas') };
      });
      expect(drawn.canvas).toBeGreaterThanOrEqual(drawn.stage / 2);
      const latest = chart.getByTestId('statechart.latest').getByRole('button').nth(1);
      const latestAt = (await latest.textContent()) ?? '';
      await toggle.click();
      await expect(chart.locator('tr[aria-current="true"] button')).toHaveText(latestAt);
    }
    // A row of the transition list seeks to its change: the DELETE of pair #1 at 2:30.120.
    const row = chart.locator('tr', { hasText: 'IPsec SA #1' }).filter({ hasText: 'deleted' });
    await row.getByRole('button').click();
    await expect(page.getByTestId('playback.time')).toHaveAttribute('data-t', '150120');
    await expect.poll(() => litStates(page)).toEqual(['deleted']);
    await expect(chart.locator('[data-event="delete"][data-taken="true"]')).toHaveCount(1);
    await expectLitInView(page, 'deleted');

    // The new IKE SA (#1002, R2's main mode with INITIAL-CONTACT) is up: QM_IDLE again.
    await showMachine(page, 'IKE SA');
    await expect.poll(() => litStates(page)).toEqual(['QM_IDLE']);
    await expect(chart.getByRole('img')).toHaveAttribute(
      'aria-label',
      /^IKE SA \(phase 1\) #1002: /,
    );
    await page.screenshot({ path: `test-results/statechart-recovery-${size.width}.png` });

    // R2 at 2:01, rebooting: its IKE SA went with the reload.
    await seekTo(page, 121_000);
    await chart.getByLabel('Router').selectOption('R2');
    await expect.poll(() => litStates(page)).toEqual(['deleted']);
    await expect(chart.locator('tr[aria-current="true"]')).toContainText('router reloaded');

    // The page never scrolls, and nothing broke the Content-Security-Policy.
    const scroll = await page.evaluate(() => ({
      x: document.documentElement.scrollWidth - window.innerWidth,
      y: document.documentElement.scrollHeight - window.innerHeight,
    }));
    expect(scroll).toEqual({ x: 0, y: 0 });
    expect(violations).toEqual([]);
  });
}

test('the DPD lesson shows R-U-THERE on R1’s liveness chart, and the link keeps the machine', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  // Step 4 of dpd-backup-peer: R1's first R-U-THERE to the failed R2, and its retries.
  await page.goto('/#lesson=dpd-backup-peer&step=4');
  const chart = page.getByTestId('statechart');
  await expect(chart.locator('svg')).toBeVisible({ timeout: 30_000 });
  await expect(chart.getByRole('tab', { name: /^Liveness/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(chart.getByRole('img')).toHaveAttribute('aria-label', /^Peer liveness/);
  await expect.poll(async () => (await litStates(page)).length).toBeGreaterThan(0);
  await page.screenshot({ path: testInfo.outputPath('statechart-lesson-dpd-1024x768.png') });
  // The step before is on the topology.
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('topology')).toBeVisible();
  await expect(chart).toHaveCount(0);

  // In the studio the tab is part of the address: a link with chart= opens on that machine.
  await page.goto('/#preset=dpd-backup-peer&t=185000&p=1&sel=R1&view=statechart&chart=liveness');
  await expect(chart.getByRole('tab', { name: /^Liveness/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await chart.getByRole('tab', { name: /^IPsec SA/ }).click();
  await expect(page).toHaveURL(/&view=statechart&chart=ipsec$/);
  await chart.getByRole('tab', { name: /^IKE SA/ }).click();
  await expect(page).toHaveURL(/&view=statechart$/);
});
