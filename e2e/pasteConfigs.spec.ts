import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { seekTo } from './seek';

// Paste configs: two routers' configs pasted as people have them (a typed lab config with
// abbreviations, and show running-config output), the inferred scenario listed, Run, and the
// tunnel comes up in the studio; the scenario then lives in the address.

const fixture = (name: string) =>
  readFileSync(new URL(`../app/scenario/fromConfigs/fixtures/${name}`, import.meta.url), 'utf8');
const PASTE = `${fixture('lab-branch.cfg')}\n${fixture('lab-cloud.cfg')}`;

test('paste two configs, run, the tunnel comes up', async ({ page }) => {
  await page.goto('/#preset=baseline');
  await page.getByLabel('Scenario').selectOption({ label: 'Paste IOS configs…' });
  const dialog = page.getByTestId('paste.dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('paste.run')).toBeDisabled();
  await dialog.getByTestId('paste.text').fill(PASTE);
  await expect(dialog.getByTestId('paste.routers')).toHaveText('BRANCH, CLOUD');
  await expect(dialog.getByTestId('paste.pings')).toHaveText(
    'BRANCH-to-CLOUD: 10.4.0.10 → 10.70.140.10',
  );
  await expect(dialog.getByTestId('paste.assumptions').locator('li')).toHaveCount(4);
  await page.getByTestId('paste.run').click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/#s=/);
  await expect(page.getByTestId('scenario-heading')).toContainText('From configs: BRANCH, CLOUD');
  await seekTo(page, 10_000);
  await expect(page.getByTestId('router.BRANCH')).toHaveAttribute('data-ike-state', 'QM_IDLE');
  await expect(page.getByTestId('router.CLOUD')).toHaveAttribute('data-ike-state', 'QM_IDLE');
});

test('a broken line names its config and line, and nothing runs', async ({ page }) => {
  await page.goto('/#preset=baseline');
  await page.getByLabel('Scenario').selectOption({ label: 'Paste IOS configs…' });
  await page
    .getByTestId('paste.text')
    .fill(PASTE.replace('ip add 10.4.0.1 255.255.255.0', 'ip add 10.4.0.1 255.0.255.0'));
  await expect(page.getByTestId('paste.errors')).toContainText(
    "config 1, line 28: '255.0.255.0' is not a subnet mask: its one-bits must be contiguous",
  );
  await expect(page.getByTestId('paste.run')).toBeDisabled();
});

for (const size of [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test(`screenshot ${size.width}x${size.height}`, async ({ page }, testInfo) => {
    await page.setViewportSize(size);
    await page.goto('/#preset=baseline');
    await page.getByLabel('Scenario').selectOption({ label: 'Paste IOS configs…' });
    await page.getByTestId('paste.text').fill(PASTE);
    await expect(page.getByTestId('paste.run')).toBeEnabled();
    const box = await page.getByTestId('paste.dialog').boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(size.height);
    await expect(page.getByTestId('paste.run')).toBeInViewport({ ratio: 1 });
    await page.screenshot({ path: testInfo.outputPath(`paste-${size.width}x${size.height}.png`) });
  });
}
