import { expect, type Page, test } from '@playwright/test';
import { type StudioTab, showTab } from './studio';

// The Sources list: a lesson's citation opens it at the cited document, a "simplified" marker in
// a lesson or a router panel at its reason, and no screen names our internal notes or their
// evidence tags. Screenshots of the Sources list and of a lesson step with citations go to
// test-results/.

const TECH_NOTE = 'IPsec %RECVD_PKT_INV_SPI Errors and Invalid SPI Recovery Feature Information';

const dialog = (page: Page) => page.getByTestId('sources.dialog');
const step = (page: Page) => page.getByTestId('lesson.screen').getByTestId('lesson.step');

/** The rekey race at its third step: the race drop, citing tech note 115801, marked simplified. */
async function openRaceStep(page: Page) {
  await page.goto('/#lesson=rekey-race');
  await expect(step(page)).toHaveAttribute('data-step-index', '0');
  for (const index of ['1', '2']) {
    await page.keyboard.press('PageDown');
    await expect(step(page)).toHaveAttribute('data-step-index', index);
  }
}

/** What a user can read or hear on the page: text (closed disclosures too) and labels. */
function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const labels = [...document.querySelectorAll('[title], [aria-label], [alt], [placeholder]')]
      .flatMap((el) => ['title', 'aria-label', 'alt', 'placeholder'].map((a) => el.getAttribute(a)))
      .filter((v): v is string => v !== null);
    return [document.body.textContent ?? '', ...labels].join('\n');
  });
}

const INTERNAL = [/ios-behavior/i, /§/, /\[(?:C|C-2|M|I)(?:\]|[/,])/, /source document/i];

async function expectNoInternalNotes(page: Page, where: string) {
  const text = await visibleText(page);
  expect(text.length, where).toBeGreaterThan(500);
  for (const pattern of INTERNAL) expect(text, `${where}: ${pattern}`).not.toMatch(pattern);
}

/** The studio shows one side panel tab at a time: each is read, then Routers is shown again. */
async function expectNoInternalNotesInStudio(page: Page, where: string) {
  await expectNoInternalNotes(page, where);
  const tabs: StudioTab[] = ['Config & remedies', 'Console', 'Log', 'Routers'];
  for (const tab of tabs) {
    await showTab(page, tab);
    await expectNoInternalNotes(page, `${where}, ${tab}`);
  }
}

test.describe('sources', () => {
  test('a lesson citation opens the Sources list at that document', async ({ page }) => {
    await openRaceStep(page);
    const cites = page.getByTestId('lesson.cites');
    await expect(cites).toContainText(`Source: ${TECH_NOTE}`);
    const citation = cites.getByRole('button', { name: TECH_NOTE });
    await citation.click();

    await expect(dialog(page)).toBeVisible();
    await expect(dialog(page).getByRole('heading', { name: 'Sources' })).toBeVisible();
    const entry = dialog(page).locator('[data-testid="sources.entry"][data-source="tn-115801"]');
    await expect(entry).toHaveAttribute('data-current', 'true');
    await expect(entry).toBeInViewport();
    await expect(entry).toContainText(TECH_NOTE);
    await expect(entry).toContainText('Cisco tech note 115801');
    await expect(entry.getByRole('link', { name: TECH_NOTE })).toHaveAttribute('href', /115801/);
    // Every RFC in the list carries its RFC Editor address.
    await expect(dialog(page).locator('[data-source="rfc3706"]').getByRole('link')).toHaveAttribute(
      'href',
      'https://www.rfc-editor.org/rfc/rfc3706',
    );

    // Escape closes it and gives focus back to the citation; the lesson has not moved.
    await page.keyboard.press('Escape');
    await expect(dialog(page)).toBeHidden();
    await expect(citation).toBeFocused();
    await expect(step(page)).toHaveAttribute('data-step-index', '2');

    // The step's "simplified" marker: its reason in place, and on to the list of them all.
    const simplified = page.getByTestId('lesson.simplified');
    await simplified.locator('summary').click();
    await expect(simplified).toContainText('crypto engine');
    await simplified.getByRole('button', { name: 'Every simplification' }).click();
    const reason = dialog(page).locator('[data-simplification="saProgramming"]');
    await expect(reason).toHaveAttribute('data-current', 'true');
    await expect(reason).toBeInViewport();
    // From a simplification to the document that covers the documented part.
    await reason.getByRole('button', { name: TECH_NOTE }).click();
    await expect(
      dialog(page).locator('[data-testid="sources.entry"][data-source="tn-115801"]'),
    ).toHaveAttribute('data-current', 'true');
  });

  test('a router panel reaches the Sources list from its remedies and markers', async ({
    page,
  }) => {
    await page.goto('/#preset=reload-black-hole');
    await showTab(page, 'Config & remedies');
    await page.getByRole('tab', { name: 'R2' }).click();
    const remedies = page.getByTestId('remedies.R2');
    await remedies.scrollIntoViewIfNeeded();
    await remedies.getByRole('button', { name: 'IPsec Security Association Idle Timers' }).click();
    await expect(
      dialog(page).locator('[data-testid="sources.entry"][data-source="cg-idle-timers"]'),
    ).toHaveAttribute('data-current', 'true');
    await dialog(page).getByRole('button', { name: /Close/ }).click();
    await expect(dialog(page)).toBeHidden();

    const marker = remedies.getByTestId('simplified').first();
    await marker.locator('summary').click();
    await marker.getByRole('button', { name: 'Sources' }).click();
    const reason = dialog(page).locator('[data-simplification="dpdRetry"]');
    await expect(reason).toHaveAttribute('data-current', 'true');
    await expect(reason).toBeInViewport();
  });

  test('no screen names the internal notes or their evidence tags', async ({ page }) => {
    await page.goto('/#preset=reload-black-hole');
    await expect(page.getByTestId('router-panels')).toBeVisible();
    await page.getByText('What to look for').click();
    await expectNoInternalNotesInStudio(page, 'studio');

    await page.goto('/#preset=hsrp-headend-failover');
    await expect(page.getByTestId('router-panels')).toBeVisible();
    await expectNoInternalNotesInStudio(page, 'studio, HSRP');

    await openRaceStep(page);
    await expectNoInternalNotes(page, 'lesson');
    await page.goto('/#lessons');
    await expect(page.getByTestId('lessons.library')).toBeVisible();
    await expectNoInternalNotes(page, 'lesson library');

    await page.goto('/#compare=reload-black-hole~R2~invalid-spi-recovery~off~on');
    await expect(page.getByTestId('compare')).toHaveAttribute('data-state', 'ready');
    await expectNoInternalNotes(page, 'compare');

    // The Sources list itself, opened in full.
    await page.goto('/#lessons');
    await page.getByTestId('lessons.library').getByRole('button', { name: 'Sources' }).click();
    await expect(dialog(page)).toBeVisible();
    await expectNoInternalNotes(page, 'sources');
  });

  for (const size of [
    { width: 1024, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    test(`screenshots ${size.width}x${size.height}`, async ({ page }, testInfo) => {
      const shot = (what: string) =>
        testInfo.outputPath(`sources-${what}-${size.width}x${size.height}.png`);
      await page.setViewportSize(size);

      await openRaceStep(page);
      await expect(page.getByTestId('lesson.cites')).toBeInViewport();
      await page.screenshot({ path: shot('lesson-step') });

      await page.getByTestId('lesson.cites').getByRole('button', { name: TECH_NOTE }).click();
      await expect(dialog(page)).toBeVisible();
      // The dialog fits the window and its list scrolls inside it, not the page.
      const box = await dialog(page).boundingBox();
      expect(box && box.y >= 0 && box.y + box.height <= size.height).toBe(true);
      const scroll = dialog(page).locator('.sources-scroll');
      expect(
        await scroll.evaluate((el) => el.scrollHeight > el.clientHeight),
        'the list scrolls inside the dialog',
      ).toBe(true);
      await page.screenshot({ path: shot('dialog') });
    });
  }
});
