import { expect, type Page, test } from '@playwright/test';

// The lesson library (#lessons) and the lesson player (#lesson=<id>) on the black hole: Next /
// Back, a prediction picked and revealed, the keyboard and clicker keys, presenter mode.
// Screenshots of a narration step, a prediction and presenter mode go to test-results/.

/** Everything inside the lesson screen (the page around it may show other views too). */
const inLesson = (page: Page, testId: string) =>
  page.getByTestId('lesson.screen').getByTestId(testId);
const step = (page: Page) => inLesson(page, 'lesson.step');
const time = (page: Page) => inLesson(page, 'playback.time');

async function openHash(page: Page, hash: string) {
  await page.goto(`/${hash}`);
}

async function openLesson(page: Page, id: string) {
  await openHash(page, `#lesson=${id}`);
  await expect(page.getByTestId('lesson.screen')).toHaveAttribute('data-lesson', id);
  await expect(step(page)).toHaveAttribute('data-step-index', '0');
}

/**
 * Presses Page Down (a clicker's "next") until step `index` is current. A reveal plays on and
 * may move the lesson by itself, so the step is read after every press, once the press has
 * moved it (on a loaded machine the next read may come before the page handled the key).
 */
async function advanceTo(page: Page, index: number) {
  for (let presses = 0; presses < 20; presses++) {
    const current = Number(await step(page).getAttribute('data-step-index'));
    if (current === index) return;
    expect(current, 'went past the step').toBeLessThan(index);
    await page.keyboard.press('PageDown');
    await expect(step(page))
      .not.toHaveAttribute('data-step-index', String(current), { timeout: 2_000 })
      .catch(() => undefined);
  }
  await expect(step(page)).toHaveAttribute('data-step-index', String(index));
}

/** Reads the sim cursor from the playback clock (present outside presenter mode). */
async function cursorMs(page: Page): Promise<number> {
  return Number(await time(page).getAttribute('data-t'));
}

test.describe('lessons', () => {
  test('the library lists the five groups and the configuration table', async ({ page }) => {
    await openHash(page, '#lessons');
    const library = page.getByTestId('lessons.library');
    await expect(library).toBeVisible();
    for (const title of [
      'The black hole and its remedies',
      'Troubleshooting and manual fixes',
      'Where recovery works',
      'DPD and idle timers',
      'Negotiations that fail, and renewal by volume',
    ])
      await expect(library.getByRole('heading', { name: title })).toBeVisible();
    const table = library.getByRole('table');
    await expect(table.getByRole('row')).toHaveCount(8);
    await expect(table.getByRole('row', { name: /Dynamic crypto map/ })).toContainText('No');
    await expect(library.getByTestId('lesson-card.manual-fixes')).toBeVisible();
    await expect(
      library.getByTestId('lessons.group.dpd-idle').getByTestId('lesson-card.dmvpn-operations'),
    ).toBeVisible();
    await expect(
      library.getByTestId('lessons.group.black-hole').getByTestId('lesson-card.esp-scanner'),
    ).toBeVisible();
    await page.getByTestId('lesson-card.black-hole').click();
    await expect(page).toHaveURL(/#lesson=black-hole&step=1$/);
    await expect(page.getByTestId('lesson.screen')).toHaveAttribute('data-lesson', 'black-hole');
  });

  test('steps through the black hole: narration, prediction, reveal', async ({ page }) => {
    await openLesson(page, 'black-hole');
    await expect(step(page)).toHaveAttribute('data-step-kind', 'narrate');
    await expect(inLesson(page, 'lesson.progress')).toContainText('Step 1 of 10');
    await expect(time(page)).toHaveAttribute('data-t', '60000');

    // Next: the prediction just before R2 reloads, paused.
    await inLesson(page, 'lesson.next').click();
    await expect(step(page)).toHaveAttribute('data-step-kind', 'predict');
    await expect(time(page)).toHaveAttribute('data-t', '119000');
    await expect(inLesson(page, 'lesson.next')).toHaveText(/Reveal/);
    await inLesson(page, 'lesson.choice.2').click();
    await expect(inLesson(page, 'lesson.choice.2')).toHaveAttribute('aria-pressed', 'true');
    await inLesson(page, 'lesson.reveal').click();
    // The verdict, or (if the reveal has already played on) its recap on the next step.
    await expect(inLesson(page, 'lesson.verdict').or(inLesson(page, 'lesson.recap'))).toContainText(
      /right/i,
    );
    await expect
      .poll(() => cursorMs(page), { message: 'the reveal plays on' })
      .toBeGreaterThan(119_000);

    // Next goes on to the narration at the reload; Back returns to the prediction, answered.
    await inLesson(page, 'lesson.next').click();
    await expect(step(page)).toHaveAttribute('data-step-index', /^[23]$/);
    await inLesson(page, 'lesson.back').click();
    await expect(step(page)).toHaveAttribute('data-step-index', /^[12]$/);
  });

  test('keys: → and Page Down go on, ← and Page Up go back, digits pick', async ({ page }) => {
    await openLesson(page, 'black-hole');
    await page.keyboard.press('ArrowRight');
    await expect(step(page)).toHaveAttribute('data-step-index', '1');
    // The page's own → (next event) did not act as well: the cursor is at the cue.
    await expect(time(page)).toHaveAttribute('data-t', '119000');
    await page.keyboard.press('3');
    await expect(inLesson(page, 'lesson.choice.3')).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('PageUp');
    await expect(step(page)).toHaveAttribute('data-step-index', '0');
    await page.keyboard.press('PageDown');
    await expect(step(page)).toHaveAttribute('data-step-index', '1');
    await page.keyboard.press('ArrowLeft');
    await expect(step(page)).toHaveAttribute('data-step-index', '0');
    await expect(time(page)).toHaveAttribute('data-t', '60000');
  });

  test('presenter mode: P and the button toggle it, Escape leaves it', async ({ page }) => {
    await openLesson(page, 'black-hole');
    const screen = page.getByTestId('lesson.screen');
    const toggle = inLesson(page, 'lesson.presenter');
    await page.keyboard.press('p');
    await expect(screen).toHaveAttribute('data-presenter', 'true');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(inLesson(page, 'topology')).toBeVisible();
    await expect(inLesson(page, 'lesson.focus')).toBeVisible();
    await expect(inLesson(page, 'playback')).toHaveCount(0);
    // The narration is large: at least 24 px.
    const narrationPx = await step(page)
      .locator('.lesson-narration')
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(narrationPx).toBeGreaterThanOrEqual(24);
    await page.keyboard.press('Escape');
    await expect(screen).toHaveAttribute('data-presenter', 'false');
    await toggle.click();
    await expect(screen).toHaveAttribute('data-presenter', 'true');
  });

  for (const size of [
    { width: 1024, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    test(`mismatched keys: the prediction at MM5, then the failure on the topology, ${size.width}x${size.height}`, async ({
      page,
    }, testInfo) => {
      await page.setViewportSize(size);
      await openLesson(page, 'psk-mismatch');
      await page.keyboard.press('PageDown');
      await expect(step(page)).toHaveAttribute('data-step-kind', 'predict');
      await expect(time(page)).toHaveAttribute('data-t', '5079');
      await page.keyboard.press('2');
      await inLesson(page, 'lesson.reveal').click();
      await expect(
        inLesson(page, 'lesson.verdict').or(inLesson(page, 'lesson.recap')),
      ).toContainText(/right/i);
      await page.screenshot({
        path: testInfo.outputPath(`lesson-psk-predict-${size.width}x${size.height}.png`),
      });
      await advanceTo(page, 2);
      await expect(step(page)).toContainText('IKMP_BAD_MESSAGE');
      await expect(inLesson(page, 'router.R2')).toContainText('✕ P1 keys differ');
      await page.screenshot({
        path: testInfo.outputPath(`lesson-psk-failure-${size.width}x${size.height}.png`),
      });
    });
  }

  test('non-mirrored crypto ACLs in presenter mode: the prediction, then R2 says why, 1024x768', async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await openLesson(page, 'proxy-mismatch');
    await page.keyboard.press('p');
    await expect(page.getByTestId('lesson.screen')).toHaveAttribute('data-presenter', 'true');
    await advanceTo(page, 1);
    await expect(step(page)).toHaveAttribute('data-step-kind', 'predict');
    await page.keyboard.press('2');
    await inLesson(page, 'lesson.reveal').click();
    await expect(inLesson(page, 'lesson.verdict').or(inLesson(page, 'lesson.recap'))).toContainText(
      /right/i,
    );
    await advanceTo(page, 2);
    await expect(step(page)).toContainText('proxy identities not supported');
    await expect(inLesson(page, 'router.R2')).toContainText('✕ P2 proxy IDs differ');
    await expect(inLesson(page, 'router.R2')).toHaveAttribute('data-ike-state', 'QM_IDLE');
    await page.screenshot({
      path: testInfo.outputPath('lesson-proxy-mismatch-presenter-1024x768.png'),
    });
  });

  test('a crypto map on no interface in presenter mode: pings in the clear, show crypto map, 1024x768', async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await openLesson(page, 'map-not-applied');
    await page.keyboard.press('p');
    await advanceTo(page, 1);
    await expect(step(page)).toHaveAttribute('data-step-kind', 'predict');
    await page.keyboard.press('2');
    await inLesson(page, 'lesson.reveal').click();
    await expect(inLesson(page, 'lesson.verdict').or(inLesson(page, 'lesson.recap'))).toContainText(
      /right/i,
    );
    await advanceTo(page, 2);
    await expect(inLesson(page, 'router.R1')).toContainText('⚠ CMAP on no interface');
    await expect(inLesson(page, 'lesson.show.R1')).toContainText(
      'Interfaces using crypto map CMAP:',
    );
    await page.screenshot({
      path: testInfo.outputPath('lesson-map-not-applied-presenter-1024x768.png'),
    });
  });

  test('ends in a playground with every view', async ({ page }) => {
    await openLesson(page, 'baseline');
    const steps = await inLesson(page, 'lesson.progress').locator('.lesson-dot').count();
    await advanceTo(page, steps - 1);
    await expect(step(page)).toHaveAttribute('data-step-kind', 'playground');
    for (const id of ['topology', 'router-panels', 'log', 'health', 'playback'])
      await expect(inLesson(page, id)).toBeVisible();
    await expect(inLesson(page, 'lesson.next')).toBeDisabled();
  });

  test('the address carries the step: → and the dots rewrite it, Back leaves the lesson', async ({
    page,
  }) => {
    await openHash(page, '#lessons');
    await page.getByTestId('lesson-card.black-hole').click();
    await expect(step(page)).toHaveAttribute('data-step-index', '0');
    await expect(page).toHaveURL(/#lesson=black-hole&step=1$/);
    await page.keyboard.press('ArrowRight');
    await expect(step(page)).toHaveAttribute('data-step-index', '1');
    await expect(page).toHaveURL(/#lesson=black-hole&step=2$/);

    // The dots are buttons named after their steps; the current one is aria-current="step".
    const dots = inLesson(page, 'lesson.progress').getByRole('button');
    await expect(dots).toHaveCount(10);
    await expect(dots.nth(1)).toHaveAttribute('aria-current', 'step');
    const fourth = page.getByRole('button', { name: /^Step 4 of 10: / });
    await expect(fourth).toHaveAccessibleName(/^Step 4 of 10: R2 has just rebooted/);
    await fourth.click();
    await expect(step(page)).toHaveAttribute('data-step-index', '3');
    await expect(step(page)).toContainText('R2 has just rebooted');
    await expect(fourth).toHaveAttribute('aria-current', 'step');
    await expect(dots.nth(1)).not.toHaveAttribute('aria-current', 'step');
    await expect(page).toHaveURL(/#lesson=black-hole&step=4$/);

    // Steps replace the history entry: Back returns to the library in one press.
    await page.goBack();
    await expect(page.getByTestId('lessons.library')).toBeVisible();
    await page.goForward();
    await expect(step(page)).toHaveAttribute('data-step-index', '3');
  });

  test('a link at step 3 opens step 3 at the moment stepping there shows', async ({
    page,
    browser,
  }) => {
    await openLesson(page, 'black-hole');
    await inLesson(page, 'lesson.dot.3').click();
    await expect(step(page)).toHaveAttribute('data-step-index', '2');
    const atMs = await cursorMs(page);
    expect(atMs, 'step 3 comes after the prediction at 1:59').toBeGreaterThan(119_000);

    const fresh = await (await browser.newContext()).newPage();
    await fresh.goto('/#lesson=black-hole&step=3');
    await expect(step(fresh)).toHaveAttribute('data-step-index', '2');
    await expect(inLesson(fresh, 'lesson.progress')).toContainText('Step 3 of 10');
    await expect(time(fresh)).toHaveAttribute('data-t', String(atMs));
    await expect(inLesson(fresh, 'lesson.play')).toHaveText('Play');
    await expect(fresh.getByTestId('lesson.link-notice')).toHaveCount(0);
    await fresh.context().close();
  });

  test('a mangled or past-the-end step explains itself and opens a real step', async ({ page }) => {
    const notice = page.getByTestId('lesson.link-notice');
    await openHash(page, '#lesson=black-hole&step=abc');
    await expect(step(page)).toHaveAttribute('data-step-index', '0');
    await expect(notice).toContainText('“abc” is not a step number');
    await expect(page).toHaveURL(/#lesson=black-hole&step=1$/);
    await notice.getByRole('button', { name: 'OK' }).click();
    await expect(notice).toHaveCount(0);

    await openHash(page, '#lesson=black-hole&step=999');
    await expect(step(page)).toHaveAttribute('data-step-kind', 'playground');
    await expect(notice).toContainText(
      'The link asks for step 999, but this lesson has 10 steps, so it opens at the last one.',
    );
    await expect(page).toHaveURL(/#lesson=black-hole&step=10$/);
    // The lesson stays usable: Page Up goes back a step, and the notice goes with it.
    await page.keyboard.press('PageUp');
    await expect(step(page)).toHaveAttribute('data-step-index', '8');
    await expect(notice).toHaveCount(0);
  });

  test('Share inside a lesson copies the lesson at its step', async ({ browser }) => {
    const context = await browser.newContext({
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const page = await context.newPage();
    await openLesson(page, 'black-hole');
    await advanceTo(page, 3);
    await page.getByTestId('share.button').click();
    await expect(page.getByTestId('share.panel')).toHaveAttribute('data-state', 'copied');
    await expect(page.getByTestId('share.panel')).toContainText('Share this lesson step');
    await expect(page.getByTestId('share.status')).toContainText('opens the lesson at step 4');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(new URL(copied).hash).toBe('#lesson=black-hole&step=4');

    const again = await (await browser.newContext()).newPage();
    await again.goto(copied);
    await expect(step(again)).toHaveAttribute('data-step-index', '3');
    await expect(step(again)).toContainText('R2 has just rebooted');
    await again.context().close();
    await context.close();
  });

  test('? lists the lesson keys, in presenter mode too', async ({ page }) => {
    await openLesson(page, 'black-hole');
    const dialog = page.getByTestId('shortcuts.dialog');
    const lessonKeys = page.getByTestId('shortcuts.screen');
    for (const presenter of [false, true]) {
      if (presenter) await page.keyboard.press('p');
      await expect(page.getByTestId('lesson.screen')).toHaveAttribute(
        'data-presenter',
        String(presenter),
      );
      await page.keyboard.press('?');
      await expect(dialog).toBeVisible();
      await expect(lessonKeys).toContainText('In this lesson');
      for (const row of [
        /→\s*or\s*Page Down\s*Next step/,
        /1\s*or\s*2\s*or\s*3\s*Answer A, B, C/,
        /P\s*Presenter mode on \/ off/,
      ])
        await expect(lessonKeys).toContainText(row);
      // The page's "→ steps to the next event" is not offered where → is the lesson's.
      await expect(dialog).not.toContainText('Step to the next event');
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(page.getByTestId('lesson.screen')).toHaveAttribute(
        'data-presenter',
        String(presenter),
      );
    }
  });

  test('an unknown lesson says so and links to the library', async ({ page }) => {
    await openHash(page, '#lesson=no-such-lesson');
    await expect(page.getByTestId('lesson.screen')).toContainText('No lesson is called');
    await expect(page.getByRole('link', { name: 'See all lessons' })).toHaveAttribute(
      'href',
      '#lessons',
    );
  });

  for (const size of [
    { width: 1024, height: 768 },
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    test(`screenshots ${size.width}x${size.height}`, async ({ page }, testInfo) => {
      const shot = (what: string) =>
        testInfo.outputPath(`lessons-${what}-${size.width}x${size.height}.png`);
      await page.setViewportSize(size);
      await openHash(page, '#lessons');
      await expect(page.getByTestId('lessons.library')).toBeVisible();
      await page.screenshot({ path: shot('library') });

      await openLesson(page, 'black-hole');
      // The narration at R2's boot (step 4): the brief's "R2 has just rebooted".
      await advanceTo(page, 3);
      await expect(step(page)).toContainText('R2 has just rebooted');
      await page.screenshot({ path: shot('narration') });

      await page.keyboard.press('PageDown');
      await expect(step(page)).toHaveAttribute('data-step-kind', 'predict');
      await page.keyboard.press('2');
      await page.screenshot({ path: shot('predict') });

      await page.keyboard.press('p');
      await expect(page.getByTestId('lesson.screen')).toHaveAttribute('data-presenter', 'true');
      await page.screenshot({ path: shot('presenter-predict') });
      await page.keyboard.press('PageUp');
      await expect(step(page)).toHaveAttribute('data-step-index', '3');
      await page.screenshot({ path: shot('presenter-narration') });
    });
  }
});
