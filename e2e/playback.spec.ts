import { expect, type Page, test } from '@playwright/test';

// Playback controls, the timeline and the keyboard, on the black hole (15 min run: traffic and
// Main Mode at 5 s, R2 reloads at 2:00 and is back at 2:30).

const time = (page: Page) => page.getByTestId('playback.time');
const tOf = async (page: Page) => Number(await time(page).getAttribute('data-t'));

/**
 * What the page says about the routers at the cursor: every router element's data attributes
 * (topology and panels, when they are there) and the log lines shown. Stepping forward then back
 * must give the same picture as getting there the first time.
 */
async function picture(page: Page) {
  return page.evaluate(() => {
    const routers = [
      ...document.querySelectorAll('[data-testid^="router."], [data-ike-state]'),
    ].map((element) =>
      [...element.attributes]
        .filter((a) => a.name.startsWith('data-'))
        .map((a) => `${a.name}=${a.value}`)
        .join(' '),
    );
    const log = [...document.querySelectorAll('[data-testid="log-line"]')].map(
      (line) => line.textContent,
    );
    const t = document.querySelector('[data-testid="playback.time"]')?.getAttribute('data-t');
    return { t, routers, logLines: log.length, lastLog: log[log.length - 1] ?? null };
  });
}

async function open(page: Page) {
  await page.goto('/#preset=reload-black-hole');
  await expect(time(page)).toHaveAttribute('data-t', '0');
  await expect(page.getByTestId('timeline')).toBeVisible();
}

test.describe('playback', () => {
  test('steps to the exact times of the first events, and back to the same states', async ({
    page,
  }) => {
    await open(page);
    // Traffic starts and MM1 leaves at 5.000 s; then one IKE hop every 20 ms.
    const expected = [5000, 5020, 5040, 5060, 5080, 5100];
    const forward: Awaited<ReturnType<typeof picture>>[] = [await picture(page)];
    for (const atMs of expected) {
      await page.keyboard.press('ArrowRight');
      await expect(time(page)).toHaveAttribute('data-t', String(atMs));
      forward.push(await picture(page));
    }
    await expect(time(page)).toContainText('00:00:05.100');
    // When the topology and the panels are there, the routers' states change along the way
    // (MM_NO_STATE … QM_IDLE), so the comparison below means something.
    if (forward[0]?.routers.length) {
      expect(new Set(forward.map((p) => p.routers.join('\n'))).size).toBeGreaterThan(2);
    }

    for (let i = expected.length - 1; i >= 1; i--) {
      await page.keyboard.press('ArrowLeft');
      await expect(time(page)).toHaveAttribute('data-t', String(expected[i - 1]));
      expect(await picture(page)).toEqual(forward[i]);
    }

    // The buttons do the same as the keys.
    await page.getByTestId('playback.step-forward').click();
    await expect(time(page)).toHaveAttribute('data-t', '5020');
    await page.getByTestId('playback.step-back').click();
    await expect(time(page)).toHaveAttribute('data-t', '5000');
    expect(await picture(page)).toEqual(forward[1]);
  });

  test('seeks by clicking and dragging the timeline, and with the slider keys', async ({
    page,
  }) => {
    await open(page);
    const track = page.getByTestId('timeline.track');
    const scrubber = page.getByRole('slider', { name: 'Playback position' });
    await track.scrollIntoViewIfNeeded();
    const box = await track.boundingBox();
    const svg = await track.locator('svg').first().boundingBox();
    if (!box || !svg) throw new Error('timeline not laid out');
    // The plot starts after the lane labels: aim at 60 % of the run via the slider's own scale.
    const durationMs = Number(await scrubber.getAttribute('aria-valuemax'));
    expect(durationMs).toBe(900_000);
    const plotLeft = box.x + 76;
    const plotRight = box.x + box.width - 14;
    await page.mouse.click(plotLeft + 0.6 * (plotRight - plotLeft), box.y + box.height / 2);
    const clicked = await tOf(page);
    expect(clicked).toBeGreaterThan(0.58 * durationMs);
    expect(clicked).toBeLessThan(0.62 * durationMs);
    await expect(scrubber).toBeFocused();
    await expect(scrubber).toHaveAttribute('aria-valuenow', String(clicked));
    await expect(scrubber).toHaveAttribute('aria-valuetext', /^00:0[89]:\d\d\.\d{3}/);

    // Arrow keys on the slider move ±1 s (they do not step between events there).
    await page.keyboard.press('ArrowRight');
    await expect(time(page)).toHaveAttribute('data-t', String(clicked + 1000));
    await page.keyboard.press('PageDown');
    await expect(time(page)).toHaveAttribute('data-t', String(clicked + 1000 - 60_000));
    await page.keyboard.press('Home');
    await expect(time(page)).toHaveAttribute('data-t', '0');
    await page.keyboard.press('End');
    await expect(time(page)).toHaveAttribute('data-t', String(durationMs));

    // Drag from 10 % to 30 %.
    const y = box.y + box.height / 2;
    await page.mouse.move(plotLeft + 0.1 * (plotRight - plotLeft), y);
    await page.mouse.down();
    await page.mouse.move(plotLeft + 0.2 * (plotRight - plotLeft), y, { steps: 4 });
    await page.mouse.move(plotLeft + 0.3 * (plotRight - plotLeft), y, { steps: 4 });
    await page.mouse.up();
    const dragged = await tOf(page);
    expect(dragged).toBeGreaterThan(0.28 * durationMs);
    expect(dragged).toBeLessThan(0.32 * durationMs);
  });

  test('plays with Space and advances with wall time, then pauses', async ({ page }) => {
    await open(page);
    const button = page.getByTestId('playback.play');
    // The button says what a press does: Play while paused, Pause while playing.
    await expect(button).toHaveAccessibleName('Play');
    await expect(button).toHaveText('Play');
    await expect(page.getByTestId('playback.pace')).toHaveCount(0);
    await page.keyboard.press('Space');
    await expect(button).toHaveAccessibleName('Pause');
    await expect(button).toHaveText('Pause');
    // Adaptive pacing (on by default) says the speed it really plays at: the 5 s before the
    // first packet are skipped faster than ×1, the IKE exchange then crosses slower.
    await expect(page.getByTestId('playback.pace')).toHaveText(
      /^×1 → ×[\d.]+k? \((skipping quiet time|IKE in flight|packets in flight)\)$/,
    );
    await expect.poll(() => tOf(page), { timeout: 3000 }).toBeGreaterThan(5000);
    await page.keyboard.press('Space');
    await expect(button).toHaveAccessibleName('Play');
    await expect(page.getByTestId('playback.pace')).toHaveCount(0);
    const paused = await tOf(page);
    await page.waitForTimeout(300);
    expect(await tOf(page)).toBe(paused);

    // Speed: ] and [ and the select agree; "a" toggles the adaptive switch.
    const speed = page.getByTestId('playback.speed');
    await expect(speed).toHaveValue('1');
    await expect(speed.locator('option:checked')).toHaveText('×1');
    await page.keyboard.press(']');
    await expect(speed).toHaveValue('2');
    await page.keyboard.press('[');
    await page.keyboard.press('[');
    await expect(speed).toHaveValue('0.5');
    await speed.selectOption('10');
    await expect(speed.locator('option:checked')).toHaveText('×10');
    const adaptive = page.getByRole('switch', { name: 'Adaptive' });
    await expect(adaptive).toHaveAttribute('aria-checked', 'true');
    await expect(adaptive).toHaveAccessibleDescription(/slows down while packets fly/i);
    await page.locator('body').press('a');
    await expect(adaptive).toHaveAttribute('aria-checked', 'false');
  });

  test('plays in discrete steps from event to event with reduced motion', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await open(page);
    await page.keyboard.press('Space');
    await expect.poll(() => tOf(page), { timeout: 3000 }).toBe(5000);
    await expect.poll(() => tOf(page), { timeout: 3000 }).toBe(5020);
    await page.keyboard.press('Space');
  });

  test('. and , jump between the key moments: the SAs, the reload, the boot, the warnings', async ({
    page,
  }) => {
    await open(page);
    const timeline = page.getByTestId('timeline');
    await page.keyboard.press('.');
    // The first SA installed (R2's inbound SA, at the end of Quick Mode).
    const installed = await timeline
      .getByTestId('marker.sa-installed')
      .first()
      .getAttribute('data-at-ms');
    await expect(time(page)).toHaveAttribute('data-t', installed ?? '');
    await page.keyboard.press('.');
    await expect(time(page)).toHaveAttribute(
      'data-t',
      (await timeline.getByTestId('marker.reload').getAttribute('data-at-ms')) ?? '',
    );
    await page.keyboard.press('.');
    await expect(time(page)).toHaveAttribute('data-t', '150000');
    await page.keyboard.press('.');
    const warning = timeline.getByTestId('marker.syslog-warning').first();
    await expect(time(page)).toHaveAttribute(
      'data-t',
      (await warning.getAttribute('data-at-ms')) ?? '',
    );
    await expect(warning).toHaveAccessibleName(/RECVD_PKT_INV_SPI/);
    await page.keyboard.press(',');
    await expect(time(page)).toHaveAttribute('data-t', '150000');
    await page.keyboard.press(',');
    await expect(time(page)).toHaveAttribute('data-t', '120000');
  });

  test('? opens the shortcuts dialog; Escape closes it and focus comes back', async ({ page }) => {
    await open(page);
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    for (const label of [
      'Play / pause',
      'Step to the next event',
      'Step back to the previous event',
      'Faster',
      'Slower',
      'Adaptive speed on / off',
      'Next key moment',
      'Previous key moment',
      '1 minute later',
    ])
      await expect(dialog.getByRole('row', { name: new RegExp(label) })).toBeVisible();
    await expect(dialog.getByRole('button', { name: /Close/ })).toBeFocused();
    // Page shortcuts are off while the dialog is open.
    await page.keyboard.press('ArrowRight');
    await expect(time(page)).toHaveAttribute('data-t', '0');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    const help = page.getByRole('button', { name: 'Keyboard shortcuts' });
    await help.click();
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(help).toBeFocused();
  });

  test('marks the reload, the boot, the warnings and the lost pings; zooms to the exchange', async ({
    page,
  }) => {
    await open(page);
    const timeline = page.getByTestId('timeline');
    await expect(timeline.getByTestId('marker.reload')).toHaveAttribute('data-at-ms', '120000');
    await expect(timeline.getByTestId('marker.reload')).toHaveAccessibleName(
      '00:02:00.000 R2 reloads',
    );
    await expect(timeline.getByTestId('marker.boot')).toHaveAttribute('data-at-ms', '150000');
    expect(await timeline.getByTestId('marker.syslog-warning').count()).toBeGreaterThan(5);
    const loss = timeline.getByTestId('marker.ping-loss').filter({ hasText: /pings lost/ });
    expect(await loss.count()).toBeGreaterThan(0);

    // Step into the exchange, then zoom to ±200 ms: MM1…QM3 each get their own labelled tick.
    await page.keyboard.press('ArrowRight');
    await page.getByTestId('timeline.zoom.200ms').click();
    await expect(page.getByTestId('timeline.zoom.200ms')).toHaveAttribute('aria-pressed', 'true');
    const ike = timeline.getByTestId('marker.ike');
    await expect(ike).toHaveCount(9);
    const at = await ike.evaluateAll((els) => els.map((e) => e.getAttribute('data-at-ms')));
    expect(at).toEqual(['5000', '5020', '5040', '5060', '5080', '5100', '5120', '5140', '5160']);
    await expect(timeline.getByText('MM5', { exact: true })).toBeVisible();
    // Clicking near a tick lands on it.
    const mm3 = await ike.nth(2).boundingBox();
    if (!mm3) throw new Error('no MM3 tick');
    await page.mouse.click(mm3.x + mm3.width / 2 + 3, mm3.y + mm3.height / 2);
    await expect(time(page)).toHaveAttribute('data-t', '5040');
    await page.keyboard.press('-');
    await expect(page.getByTestId('timeline.zoom.2s')).toHaveAttribute('aria-pressed', 'true');
    await page.getByTestId('timeline.zoom.all').click();
  });

  for (const size of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    test(`screenshots ${size.width}x${size.height}`, async ({ page }, testInfo) => {
      await page.setViewportSize(size);
      await open(page);
      // In the black hole, just after the reload.
      const scrubber = page.getByRole('slider', { name: 'Playback position' });
      await scrubber.focus();
      await page.keyboard.press('PageUp');
      await page.keyboard.press('PageUp');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await expect(time(page)).toHaveAttribute('data-t', '123000');
      // What the shot shows: R2 reloading at 2:03, transport and timeline in view.
      await expect(page.getByTestId('router.R2')).toHaveAttribute('data-power', 'booting');
      await expect(page.getByTestId('playback')).toBeInViewport();
      await expect(scrubber).toBeInViewport();
      await page.screenshot({
        path: testInfo.outputPath(`playback-${size.width}x${size.height}.png`),
      });
      const marker = await page.getByTestId('marker.boot').boundingBox();
      if (!marker) throw new Error('no boot marker');
      await page.mouse.move(marker.x + marker.width / 2, marker.y + marker.height / 2);
      await expect(page.getByRole('tooltip').filter({ hasText: 'R2 has booted' })).toBeVisible();
      await page.screenshot({
        path: testInfo.outputPath(`playback-hover-${size.width}x${size.height}.png`),
      });
      await page.keyboard.press('Home');
      await page.keyboard.press('ArrowRight');
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('ArrowRight');
      await page.getByTestId('timeline.zoom.200ms').click();
      await expect(page.getByTestId('timeline.zoom.200ms')).toHaveAttribute('aria-pressed', 'true');
      await expect(page.getByTestId('timeline.window')).toContainText('Showing');
      await page.screenshot({
        path: testInfo.outputPath(`playback-zoomed-${size.width}x${size.height}.png`),
      });
      await page.keyboard.press('?');
      await expect(page.getByRole('dialog')).toBeVisible();
      await page.screenshot({
        path: testInfo.outputPath(`shortcuts-${size.width}x${size.height}.png`),
      });
    });
  }
});
