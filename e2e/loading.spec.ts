import { expect, type Page, test } from '@playwright/test';
import { findPreset } from '../app/scenario/presets';
import { encodeShareHash } from '../app/scenario/scenarioUrl';
import { INITIAL_JS_BUDGET_GZIP_BYTES, initialJsGzipBytes } from '../bench/initialJs';
import { seekTo } from './seek';
import { showTab } from './studio';

// What the first load fetches: the studio and the preset the address names, not the other
// presets' modules, the lessons, the compare screen, the scenario editor or the share-link codec (only a link that
// carries a scenario fetches it); and what a student sees when a module cannot be fetched.

/** The JavaScript files the page requested, by name without their hash. */
function scriptsRequested(page: Page): Set<string> {
  const names = new Set<string>();
  page.on('request', (request) => {
    const match = /\/assets\/([A-Za-z]+)-[\w-]+\.js$/.exec(request.url());
    if (match?.[1]) names.add(match[1]);
  });
  return names;
}

test.describe('loading on demand', () => {
  test('the first load (entry and preloads of the build under test) stays within its budget', () => {
    const { files, gzipBytes } = initialJsGzipBytes();
    expect(files.some((file) => file.includes('/studio-'))).toBe(true);
    expect(gzipBytes).toBeLessThanOrEqual(INITIAL_JS_BUDGET_GZIP_BYTES);
  });

  test('#preset=dmvpn-scale opens straight on the hub, fetching no other preset', async ({
    page,
  }) => {
    const scripts = scriptsRequested(page);
    await page.goto('/#preset=dmvpn-scale');
    await expect(
      page.getByRole('heading', { level: 2, name: 'DMVPN hub with 50 spokes' }),
    ).toBeVisible();
    await expect(page.locator('[data-testid="topology"] [data-testid^="router."]')).toHaveCount(51);
    await expect(page.getByLabel('Scenario')).toHaveValue('dmvpn-scale');
    expect(scripts.has('dmvpnScale')).toBe(true);
    // The default preset comes too: it is what a link that cannot be opened falls back to.
    expect(scripts.has('reloadBlackHole')).toBe(true);
    for (const name of [
      'baseline',
      'idleTimer',
      'dpdBackupPeer',
      'lessons',
      'CompareScreen',
      'ScenarioEditor',
      'SharePanel',
      'linkCodec',
    ])
      expect(scripts.has(name), name).toBe(false);

    // Picking another preset fetches it then.
    await page.getByLabel('Scenario').selectOption('idle-timer');
    await expect(
      page.getByRole('heading', { level: 2, name: 'IPsec SA idle timer' }),
    ).toBeVisible();
    await expect(page).toHaveURL(/#preset=idle-timer$/);
    expect(scripts.has('idleTimer')).toBe(true);
  });

  test('a preset whose module cannot be fetched says so, and the studio stays usable', async ({
    page,
  }) => {
    await page.route(/\/assets\/dpdBackupPeer-[\w-]+\.js$/, (route) => route.abort());
    await page.goto('/');
    await expect(
      page.getByRole('heading', { level: 2, name: 'R2 reloads: the black hole' }),
    ).toBeVisible();
    await page.getByLabel('Scenario').selectOption('dpd-backup-peer');
    const alert = page.getByTestId('scenario-errors');
    await expect(alert).toContainText(
      'the built-in scenario "dpd-backup-peer" could not be loaded',
    );
    await expect(alert).toContainText('check the connection and pick it again');
    // The black hole is still there and still plays.
    await expect(page.locator('[data-testid="router.R2"]')).toBeVisible();
    await page.locator('body').press('Space');
    await expect(page.getByTestId('playback.time')).not.toHaveAttribute('data-t', '0');

    // Once the network is back, picking it again works.
    await page.unroute(/\/assets\/dpdBackupPeer-[\w-]+\.js$/);
    await page.getByLabel('Scenario').selectOption('dpd-backup-peer');
    await expect(
      page.getByRole('heading', { level: 2, name: 'DPD fails over to a backup peer' }),
    ).toBeVisible();
    await expect(alert).toHaveCount(0);
  });

  test('a link to a preset whose module cannot be fetched shows the default behind a banner', async ({
    page,
  }) => {
    await page.route(/\/assets\/idleTimer-[\w-]+\.js$/, (route) => route.abort());
    await page.goto('/#preset=idle-timer');
    const banner = page.getByTestId('link-error');
    await expect(banner).toContainText('the built-in scenario "idle-timer" could not be loaded');
    await expect(banner).toContainText('R2 reloads: the black hole');
    await expect(page.locator('[data-testid="router.R2"]')).toBeVisible();
  });

  test('a shared scenario (#s=) fetches the link codec, then opens at its moment', async ({
    page,
  }) => {
    const scripts = scriptsRequested(page);
    const baseline = findPreset('baseline')?.document;
    if (!baseline) throw new Error('no baseline preset');
    const document = { ...baseline, title: 'Shared from a colleague' };
    await page.goto(
      `/${encodeShareHash({ document, atMs: 61_000, paused: true, selected: 'R1' })}`,
    );
    await expect(
      page.getByRole('heading', { level: 2, name: 'Shared from a colleague' }),
    ).toBeVisible();
    await expect(page.getByTestId('playback.time')).toHaveAttribute('data-t', '61000');
    await expect(page.getByTestId('link-error')).toHaveCount(0);
    expect(scripts.has('linkCodec')).toBe(true);
  });

  test('a shared scenario whose codec cannot be fetched shows the default behind a banner', async ({
    page,
  }) => {
    await page.route(/\/assets\/linkCodec-[\w-]+\.js$/, (route) => route.abort());
    const baseline = findPreset('baseline')?.document;
    if (!baseline) throw new Error('no baseline preset');
    await page.goto(`/${encodeShareHash({ document: baseline, atMs: 5000 })}`);
    const banner = page.getByTestId('link-error');
    await expect(banner).toContainText('the code that reads shared scenarios could not be loaded');
    await expect(banner).toContainText('check the connection and reload the page');
    await expect(banner).toContainText('R2 reloads: the black hole');
    await expect(page.locator('[data-testid="router.R2"]')).toBeVisible();
  });

  test('Share says so when the link codec cannot be fetched, and works once it can', async ({
    page,
  }) => {
    await page.route(/\/assets\/linkCodec-[\w-]+\.js$/, (route) => route.abort());
    await page.goto('/#preset=baseline');
    await expect(page.getByTestId('router.R2')).toBeVisible();
    await page.getByTestId('share.button').click();
    const panel = page.getByTestId('share.panel');
    await expect(panel).toHaveAttribute('data-state', 'unavailable');
    await expect(panel).toContainText('the link code could not be loaded');
    await expect(panel).toContainText('Check the connection and try again');

    await page.unroute(/\/assets\/linkCodec-[\w-]+\.js$/);
    await page.getByTestId('share.button').click();
    await expect(page.getByTestId('share.link')).toHaveValue(/#preset=baseline&t=0&p=1$/);
  });

  test('screenshots 1024x768: the default load, and an edited scenario shared from the Share panel', async ({
    browser,
  }, testInfo) => {
    // Two pages, an edit, a seek and a share: more steps than the default timeout is set for.
    test.slow();
    const viewport = { width: 1024, height: 768 };
    const context = await browser.newContext({
      viewport,
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const page = await context.newPage();
    const scripts = scriptsRequested(page);
    await page.goto('/');
    await expect(
      page.getByRole('heading', { level: 2, name: 'R2 reloads: the black hole' }),
    ).toBeVisible();
    await expect(page.getByTestId('router.R2')).toBeVisible();
    await expect(page.getByTestId('playback.time')).toHaveAttribute('data-t', '0');
    await expect(page.getByTestId('link-error')).toHaveCount(0);
    await expect(page.getByTestId('scenario-errors')).toHaveCount(0);
    expect(scripts.has('linkCodec')).toBe(false);
    await page.screenshot({ path: testInfo.outputPath('default-load-1024x768.png') });

    // An edit (a remedy on R1), then Share at 2:30: the link carries the scenario.
    await page.goto('/#preset=reload-black-hole&sel=R1');
    await showTab(page, 'Config & remedies');
    await page.getByTestId('feature.R1.invalid-spi-recovery').check();
    await expect(page).toHaveURL(/#s=/);
    await seekTo(page, 150_000);
    await page.getByTestId('share.button').click();
    await expect(page.getByTestId('share.panel')).toHaveAttribute('data-state', 'copied');
    const link = await page.getByTestId('share.link').inputValue();
    expect(link).toContain('#s=');
    expect(link).toContain('t=150000');

    const shared = await (await browser.newContext({ viewport })).newPage();
    const sharedScripts = scriptsRequested(shared);
    await shared.goto(link);
    await expect(shared.getByTestId('playback.time')).toHaveAttribute('data-t', '150000');
    await expect(shared.getByTestId('scenario-heading')).toContainText('Edited scenario');
    await expect(shared.getByTestId('link-error')).toHaveCount(0);
    await expect(shared.getByTestId('scenario-errors')).toHaveCount(0);
    await showTab(shared, 'Config & remedies');
    await expect(shared.getByTestId('feature.R1.invalid-spi-recovery')).toBeChecked();
    expect(sharedScripts.has('linkCodec')).toBe(true);
    await shared.screenshot({ path: testInfo.outputPath('shared-link-1024x768.png') });
    await shared.context().close();
    await context.close();
  });
});
