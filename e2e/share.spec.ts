import { type Browser, expect, type Page, test } from '@playwright/test';
import LZString from 'lz-string';
import { DEFAULT_PRESET_ID, findPreset } from '../app/scenario/presets';
import { encodeShareHash } from '../app/scenario/scenarioUrl';
import type { ScenarioDocument } from '../app/scenario/schema';
import { showTab } from './studio';

// Share links in the browser: a link opens the same scenario at the same moment in a fresh
// browser; bad links explain themselves over the default scenario; nothing in a link is markup;
// Share copies a link that reopens at the same t; the address bar follows picks and edits.

const DEFAULT_TITLE = 'R2 reloads: the black hole';
const HOSTILE = '<img src=x onerror="window.__pwned=1">';

function blackHole(): ScenarioDocument {
  const preset = findPreset(DEFAULT_PRESET_ID);
  if (!preset) throw new Error('no default preset');
  return preset.document;
}

/** The black hole with R2 booting for 40 s instead of 30: at 2:30.020 it is still booting. */
function slowBootBlackHole(): ScenarioDocument {
  const document = blackHole();
  return {
    ...document,
    nodes: document.nodes.map((node) =>
      node.id === 'R2' && node.kind === 'router' ? { ...node, bootMs: 40_000 } : node,
    ),
  };
}

const time = (page: Page) => page.getByTestId('playback.time');
const banner = (page: Page) => page.getByTestId('link-error');

async function freshPage(browser: Browser, hash: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/${hash}`);
  return page;
}

test.describe('share links', () => {
  test('an edited scenario at 2:30.020, paused, opens the same in a fresh browser', async ({
    browser,
  }) => {
    const hash = encodeShareHash({ document: slowBootBlackHole(), atMs: 150_020, paused: true });
    const page = await freshPage(browser, hash);
    await expect(time(page)).toHaveAttribute('data-t', '150020');
    await expect(page.getByTestId('playback.play')).toHaveAttribute('data-playing', 'false');
    // The edit shows: in the preset R2 is up again at 2:30, here it is still booting.
    await expect(page.getByTestId('router.R2')).toHaveAttribute('data-power', 'booting');
    await expect(page.getByTestId('mismatch.R1').first()).toBeVisible();
    await expect(page.getByTestId('mismatch.R1').first()).toHaveAttribute('data-peer', 'R2');
    await expect(page.getByTestId('scenario-heading')).toContainText('Edited scenario');
    await expect(page.getByLabel('Scenario')).toHaveValue('');
    await expect(banner(page)).toHaveCount(0);
    // Still paused a moment later, and the address bar keeps the link as it came.
    await page.waitForTimeout(600);
    await expect(time(page)).toHaveAttribute('data-t', '150020');
    expect(new URL(page.url()).hash).toBe(hash);

    // The same preset untouched, for contrast: R2 is up at that moment.
    const preset = await freshPage(browser, '#preset=reload-black-hole&t=150020&p=1');
    await expect(time(preset)).toHaveAttribute('data-t', '150020');
    await expect(preset.getByTestId('router.R2')).toHaveAttribute('data-power', 'up');
    await page.context().close();
    await preset.context().close();
  });

  test('a link without p=1 opens playing at its t', async ({ page }) => {
    await page.goto('/#preset=reload-black-hole&t=60000');
    await expect(page.getByTestId('playback.play')).toHaveAttribute('data-playing', 'true');
    await expect
      .poll(async () => Number(await time(page).getAttribute('data-t')))
      .toBeGreaterThan(60_000);
  });

  test('mangled, truncated and future links explain themselves over the default scenario', async ({
    page,
  }) => {
    const valid = encodeShareHash({ document: slowBootBlackHole(), atMs: 150_020, paused: true });
    const future = `#s=${LZString.compressToEncodedURIComponent(
      JSON.stringify({ ...blackHole(), version: 99 }),
    )}`;
    const cases: Array<[string, RegExp]> = [
      ['#s=garbage!!!', /\(link\).*damaged/s],
      [valid.slice(0, Math.floor(valid.length / 2)), /\(link\).*(cut short|damaged)/s],
      [future, /version/],
      ['#preset=no-such-preset', /no built-in scenario is called "no-such-preset"/],
    ];
    for (const [hash, message] of cases) {
      await page.goto(`/${hash}`);
      await page.reload();
      await expect(banner(page), hash.slice(0, 40)).toBeVisible();
      await expect(banner(page)).toHaveAttribute('role', 'alert');
      await expect(banner(page)).toContainText('This link cannot be opened');
      await expect(banner(page).getByTestId('share.error').first()).toContainText(message);
      await expect(banner(page)).toContainText(DEFAULT_TITLE);
      // The default scenario runs behind the banner.
      await expect(page.getByRole('heading', { level: 2, name: DEFAULT_TITLE })).toBeVisible();
      await expect(page.getByTestId('router.R2')).toBeVisible();
    }

    // Dismiss keeps the default scenario and says so in the address bar.
    await page.getByTestId('link-error.dismiss').click();
    await expect(banner(page)).toHaveCount(0);
    await expect(page).toHaveURL(/#preset=reload-black-hole$/);

    // "Open the default scenario" starts it from 0.
    await page.goto('/#s=garbage!!!');
    await page.reload();
    await expect(banner(page)).toBeVisible();
    await page.getByTestId('link-error.open-default').click();
    await expect(banner(page)).toHaveCount(0);
    await expect(time(page)).toHaveAttribute('data-t', '0');
    await expect(page).toHaveURL(/#preset=reload-black-hole$/);

    // Picking a preset also leaves the error.
    await page.goto('/#s=garbage!!!');
    await page.reload();
    await expect(banner(page)).toBeVisible();
    await page.getByLabel('Scenario').selectOption('baseline');
    await expect(banner(page)).toHaveCount(0);
    await expect(page).toHaveURL(/#preset=baseline$/);
  });

  test('a hostile title is text, and runs nothing', async ({ page }) => {
    const hostile = { ...blackHole(), title: HOSTILE, description: `${HOSTILE} <b>bold</b>` };
    await page.goto(`/${encodeShareHash({ document: hostile, atMs: 1000, paused: true })}`);
    await expect(page.getByTestId('scenario-heading.title')).toHaveText(HOSTILE);
    // The summary sits folded in the stage band ('What to look for'): present as text, not markup.
    await expect(page.getByText(`${HOSTILE} <b>bold</b>`)).toBeAttached();
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    await expect(page.getByTestId('scenario-heading').locator('b, img')).toHaveCount(0);

    // In an error, too: a preset name carrying markup is quoted as text.
    await page.goto(`/#preset=${encodeURIComponent(HOSTILE)}`);
    await page.reload();
    await expect(banner(page)).toBeVisible();
    await expect(banner(page)).toContainText('<img src=x onerror=');
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  });

  test('Share copies a link that reopens at the same moment', async ({ browser }) => {
    const context = await browser.newContext({
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const page = await context.newPage();
    await page.goto('/#preset=reload-black-hole&t=150020&p=1');
    await expect(time(page)).toHaveAttribute('data-t', '150020');
    await page.getByTestId('playback.step-forward').click();
    const atMs = await time(page).getAttribute('data-t');
    expect(Number(atMs)).toBeGreaterThan(150_020);

    await page.getByTestId('share.button').click();
    await expect(page.getByTestId('share.panel')).toHaveAttribute('data-state', 'copied');
    await expect(page.getByTestId('share.status')).toContainText('Link copied');
    const field = await page.getByTestId('share.link').inputValue();
    await expect(page.getByTestId('share.status')).toContainText(
      `${field.length.toLocaleString('en-US')} characters`,
    );
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(field);
    expect(copied).toContain(`t=${atMs}`);
    expect(copied).toContain('p=1');

    const again = await (await browser.newContext()).newPage();
    await again.goto(copied);
    await expect(time(again)).toHaveAttribute('data-t', String(atMs));
    await expect(again.getByTestId('router.R2')).toHaveAttribute('data-power', 'up');

    // Escape closes the panel and gives focus back to the button.
    await page.getByTestId('share.link').press('Escape');
    await expect(page.getByTestId('share.panel')).toHaveCount(0);
    await expect(page.getByTestId('share.button')).toBeFocused();
    await again.context().close();
    await context.close();
  });

  test('without the clipboard, the link is offered in a selected field', async ({
    page,
    browser,
  }) => {
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    });
    const hash = encodeShareHash({ document: slowBootBlackHole(), atMs: 150_020, paused: true });
    await page.goto(`/${hash}`);
    await expect(time(page)).toHaveAttribute('data-t', '150020');
    await page.getByTestId('share.button').click();
    await expect(page.getByTestId('share.panel')).toHaveAttribute('data-state', 'manual');
    await expect(page.getByTestId('share.status')).toContainText('Copy this link');
    const field = page.getByTestId('share.link');
    await expect(field).toBeFocused();
    const link = await field.inputValue();
    expect(
      await field.evaluate(
        (el: HTMLInputElement) => (el.selectionEnd ?? 0) - (el.selectionStart ?? 0),
      ),
    ).toBe(link.length);
    expect(new URL(link).hash).toBe(hash);

    const again = await freshPage(browser, new URL(link).hash);
    await expect(time(again)).toHaveAttribute('data-t', '150020');
    await expect(again.getByTestId('router.R2')).toHaveAttribute('data-power', 'booting');
    await again.context().close();
  });

  test('the address bar follows picks and edits, without the cursor', async ({ page }) => {
    await page.goto('/');
    await expect(time(page)).toHaveAttribute('data-t', '0');
    await page.getByLabel('Scenario').selectOption('reload-black-hole');
    await page.getByLabel('Scenario').selectOption('baseline');
    await expect(page).toHaveURL(/#preset=baseline$/);
    const historyLength = await page.evaluate(() => history.length);

    await page.getByLabel('Scenario').selectOption('reload-black-hole');
    await expect(page).toHaveURL(/#preset=reload-black-hole$/);
    await page.getByTestId('playback.step-forward').click();
    await expect(time(page)).not.toHaveAttribute('data-t', '0');
    await expect(page).toHaveURL(/#preset=reload-black-hole$/);

    // An edit (a remedy on R2) turns the address into the scenario itself.
    await showTab(page, 'Config & remedies');
    await page.getByRole('tab', { name: 'R2' }).click();
    await page.getByRole('checkbox', { name: 'crypto isakmp invalid-spi-recovery' }).check();
    await expect(page).toHaveURL(/#s=[A-Za-z0-9+\-$]+&c=[0-9a-f]{8}$/);
    await expect(page.getByLabel('Scenario')).toHaveValue('');
    expect(await page.evaluate(() => history.length)).toBe(historyLength);

    // Reloading shows the edited scenario: the remedy is still on.
    await page.reload();
    await showTab(page, 'Config & remedies');
    await page.getByRole('tab', { name: 'R2' }).click();
    await expect(
      page.getByRole('checkbox', { name: 'crypto isakmp invalid-spi-recovery' }),
    ).toBeChecked();
    await expect(page.getByTestId('scenario-heading')).toContainText('Edited scenario');
  });

  test('leaves the hash of lessons and comparisons alone (a lesson adds its step)', async ({
    page,
  }) => {
    for (const [hash, kept] of [
      ['#lesson=black-hole', '#lesson=black-hole&step=1'],
      ['#lesson=black-hole&step=3', '#lesson=black-hole&step=3'],
      ['#lessons', '#lessons'],
      ['#compare', '#compare'],
    ]) {
      await page.goto(`/${hash}`);
      await page.reload();
      await page.waitForTimeout(800);
      expect(new URL(page.url()).hash).toBe(kept);
      await expect(banner(page)).toHaveCount(0);
    }
  });

  test('downloads the scenario and opens it again; a bad file explains itself', async ({
    page,
  }, testInfo) => {
    await page.goto(`/${encodeShareHash({ document: slowBootBlackHole() })}`);
    await page.getByTestId('share.button').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('share.download').click(),
    ]);
    expect(download.suggestedFilename()).toBe('R2 reloads - the black hole.tunnelscope.json');
    const path = testInfo.outputPath('scenario.tunnelscope.json');
    await download.saveAs(path);
    await expect(page.getByTestId('share.panel')).toContainText(
      'Saved as R2 reloads - the black hole.tunnelscope.json',
    );

    await page.goto('/#preset=baseline');
    await page.reload();
    await page.getByTestId('share.file-input').setInputFiles(path);
    await expect(page.getByTestId('scenario-heading')).toContainText('Edited scenario');
    await page.getByRole('slider', { name: 'Playback position' }).focus();
    await expect(page).toHaveURL(/#s=/);

    await page.getByTestId('share.file-input').setInputFiles({
      name: 'broken.tunnelscope.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ...blackHole(), durationMs: -5, title: HOSTILE })),
    });
    const panel = page.getByTestId('share.panel');
    await expect(panel).toContainText('This file cannot be opened');
    await expect(panel).toContainText('broken.tunnelscope.json');
    await expect(panel.getByTestId('share.error').first()).toHaveAttribute(
      'data-path',
      'durationMs',
    );
  });

  for (const size of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    test(`screenshots ${size.width}x${size.height}`, async ({ browser }, testInfo) => {
      const context = await browser.newContext({
        viewport: size,
        permissions: ['clipboard-read', 'clipboard-write'],
      });
      const page = await context.newPage();
      await page.goto(
        `/${encodeShareHash({ document: slowBootBlackHole(), atMs: 150_020, paused: true })}`,
      );
      await expect(page.getByTestId('mismatch.R1').first()).toBeVisible();
      await page.getByTestId('share.button').click();
      await expect(page.getByTestId('share.panel')).toHaveAttribute('data-state', 'copied');
      await expect(page.getByTestId('share.status')).toContainText('opens at 00:02:30.020, paused');
      await page.screenshot({
        path: testInfo.outputPath(`share-panel-${size.width}x${size.height}.png`),
      });

      await page.goto(`/${encodeShareHash({ document: slowBootBlackHole() }).slice(0, 120)}`);
      await page.reload();
      await expect(banner(page)).toBeVisible();
      await expect(banner(page)).toContainText('This link cannot be opened');
      await expect(page.getByTestId('topology')).toBeVisible();
      await page.screenshot({
        path: testInfo.outputPath(`link-error-${size.width}x${size.height}.png`),
      });

      await page.getByTestId('link-error.dismiss').click();
      await page.getByTestId('share.file-input').setInputFiles({
        name: 'broken.tunnelscope.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify({ ...blackHole(), durationMs: -5, seed: 'x' })),
      });
      await expect(page.getByTestId('share.panel')).toHaveAttribute('data-state', 'file-errors');
      await expect(page.getByTestId('share.panel')).toContainText('durationMs');
      await page.screenshot({
        path: testInfo.outputPath(`file-error-${size.width}x${size.height}.png`),
      });
      await context.close();
    });
  }
});
