import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { lanPrefix, R1, R2, staticMapRouter } from '../app/scenario/presets/configs';
import { seekTo } from './seek';

// The scenario editor: a new scenario made from two routers' configs typed into the IOS editor
// runs and brings its tunnel up; a malformed line is marked in the config editor with its message
// and nothing runs; the edited scenario lives in its link; routers added and removed, a link's
// latency and undo/redo reach the run.

const R1_CONFIG = staticMapRouter({ site: R1, peers: [R2.wanIp], remote: lanPrefix(R2) });
const R2_CONFIG = staticMapRouter({ site: R2, peers: [R1.wanIp], remote: lanPrefix(R1) });

const editor = (page: Page) => page.getByTestId('editor.dialog');

/** Replaces the text of the config editor on screen, as a paste would. */
async function replaceConfig(page: Page, text: string): Promise<void> {
  const content = editor(page).locator('.cm-content');
  await content.click();
  await page.keyboard.press('ControlOrMeta+A');
  // A paste event carrying the text: typed, each new line would be indented by the editor.
  await content.evaluate((element, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    element.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
  await expect(content).toContainText(text.split('\n')[0] ?? '');
}

/** New scenario, the two routers' configs typed in: ready to run. */
async function newTunnelScenario(page: Page): Promise<void> {
  await page.goto('/#preset=baseline');
  await page.getByRole('button', { name: 'New scenario' }).click();
  await expect(editor(page)).toBeVisible();
  await expect(editor(page).getByRole('tab', { name: 'Router R1' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await replaceConfig(page, R1_CONFIG);
  await editor(page).getByTestId('editor.node.R2').click();
  await expect(editor(page).getByRole('tab', { name: 'Router R2' })).toBeVisible();
  await replaceConfig(page, R2_CONFIG);
  await expect(editor(page).getByTestId('editor.status')).toHaveAttribute('data-valid', 'true');
}

test('New scenario: two routers with their configs pasted in run, and the tunnel comes up', async ({
  page,
}) => {
  // The editor (with CodeMirror) is fetched when first opened, not with the studio.
  const editorChunks: string[] = [];
  page.on('request', (request) => {
    if (/\/assets\/ScenarioEditor-[\w-]+\.js$/.test(request.url()))
      editorChunks.push(request.url());
  });
  await page.goto('/#preset=baseline');
  await expect(page.getByTestId('router.R2')).toBeVisible();
  expect(editorChunks).toEqual([]);
  await newTunnelScenario(page);
  expect(editorChunks).toHaveLength(1);
  await page.getByTestId('editor.run').click();
  await expect(editor(page)).toBeHidden();
  await expect(page.getByTestId('scenario-heading')).toContainText('New scenario');
  await expect(page).toHaveURL(/#s=/);
  await seekTo(page, 10_000);
  await expect(page.getByTestId('router.R1')).toHaveAttribute('data-ike-state', 'QM_IDLE');
  await expect(page.getByTestId('router.R2')).toHaveAttribute('data-ike-state', 'QM_IDLE');
});

test('a malformed line is marked in the config editor with its message, and Run is disabled', async ({
  page,
}) => {
  await newTunnelScenario(page);
  // Typed at the end of R2's config, as a user would.
  const codeEditor = editor(page).locator('.cm-editor');
  await codeEditor.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('ip route 1.2.3');
  await page.keyboard.press('Escape');
  await expect(codeEditor.locator('.cm-lintRange-error')).toHaveCount(1);
  await expect(codeEditor.locator('.cm-lint-marker-error')).toHaveCount(1);
  await expect(editor(page).getByTestId('editor.run')).toBeDisabled();
  // Counted above the config, and in the problems with its place.
  const lines = R2_CONFIG.split('\n').length + 1;
  await expect(editor(page).getByTestId('editor.config-errors')).toHaveText(
    ' · 1 error, marked in the text',
  );
  await expect(editor(page).getByTestId('editor.problems')).toContainText(
    `router R2, config line ${lines}: '1.2.3' is not an IPv4 address`,
  );
  // Hovering the marked text shows the same message in the editor.
  await codeEditor.locator('.cm-lintRange-error').hover();
  await expect(page.locator('.cm-tooltip-lint')).toContainText("'1.2.3' is not an IPv4 address");
  // Fixed, it runs again.
  await replaceConfig(page, R2_CONFIG);
  await expect(editor(page).getByTestId('editor.run')).toBeEnabled();
});

test('an edited scenario downloads, and survives its share link in a fresh browser context', async ({
  page,
  browser,
}) => {
  await newTunnelScenario(page);
  await editor(page).getByRole('tab', { name: 'Scenario' }).click();
  await editor(page).getByLabel('Title').fill('Lab 3: two branches');
  await page.getByTestId('editor.run').click();
  await expect(page).toHaveURL(/#s=/);
  const link = page.url();

  // Download saves the edited scenario, as for a preset.
  await page.getByTestId('share.button').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('share.download').click(),
  ]);
  const saved = JSON.parse(readFileSync((await download.path()) ?? '', 'utf8'));
  expect(saved.title).toBe('Lab 3: two branches');
  expect(saved.nodes.find((node: { id: string }) => node.id === 'R2').config).toBe(R2_CONFIG);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByTestId('scenario-heading')).toContainText('Lab 3: two branches');
  await seekTo(other, 10_000);
  await expect(other.getByTestId('router.R1')).toHaveAttribute('data-ike-state', 'QM_IDLE');
  // Edit scenario opens the linked scenario, configs and all.
  await other.getByRole('button', { name: 'Edit scenario' }).click();
  await expect(other.getByTestId('editor.dialog').locator('.cm-content')).toContainText(
    'crypto map CMAP 10 ipsec-isakmp',
  );
  await fresh.close();
});

test('a router added, one removed and a link latency changed show in the run; undo and redo', async ({
  page,
}) => {
  await page.goto('/#preset=baseline');
  await expect(page.getByTestId('router.R2')).toBeVisible();
  await page.getByRole('button', { name: 'Edit scenario' }).click();
  const dialog = editor(page);
  await expect(dialog.getByTestId('editor.node.ISP')).toBeVisible();

  // A drag moves R1 (its x and y in the document) in one undo step.
  const r1 = dialog.getByTestId('editor.node.R1');
  const placed = await r1.getAttribute('transform');
  const box = await r1.boundingBox();
  if (box === null) throw new Error('R1 is drawn');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 3);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 40, box.y + 120, { steps: 6 });
  await page.mouse.up();
  await expect(r1).not.toHaveAttribute('transform', placed ?? '');
  await dialog.getByRole('button', { name: 'Undo' }).click();
  await expect(r1).toHaveAttribute('transform', placed ?? '');
  await expect(dialog.getByRole('button', { name: 'Undo' })).toBeDisabled();

  // Add a router, link it to the ISP, then remove R2 (its link and its ping's far end go too).
  await dialog.getByRole('button', { name: 'Add router' }).click();
  await expect(dialog.getByTestId('editor.node.R3')).toBeVisible();
  await dialog.getByRole('button', { name: 'Draw link' }).click();
  await dialog.getByTestId('editor.node.R3').click();
  await dialog.getByTestId('editor.node.ISP').click();
  await expect(dialog.getByTestId('editor.link.R3-ISP')).toBeVisible();
  await dialog.getByTestId('editor.node.R2').click();
  await dialog.getByRole('button', { name: 'Remove router' }).click();
  await expect(dialog.getByTestId('editor.node.R2')).toHaveCount(0);
  await expect(dialog.getByTestId('editor.link.R2-ISP')).toHaveCount(0);
  // The ping to R2's LAN now goes nowhere: named at its place, and nothing runs.
  await expect(dialog.getByTestId('editor.problems')).toContainText(
    'flow 1 (lan1-to-lan2), destination: flow "lan1-to-lan2": 192.168.2.10 is not on any router\'s LAN',
  );
  await expect(dialog.getByTestId('editor.run')).toBeDisabled();

  // Undo brings R2 back with its link; redo removes it again; undo once more to keep it.
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(dialog.getByTestId('editor.node.R2')).toBeVisible();
  await expect(dialog.getByTestId('editor.link.R2-ISP')).toBeVisible();
  await page.keyboard.press('ControlOrMeta+Shift+Z');
  await expect(dialog.getByTestId('editor.node.R2')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Undo' }).click();
  await expect(dialog.getByTestId('editor.node.R2')).toBeVisible();
  await expect(dialog.getByTestId('editor.node.R3')).toBeVisible();

  // The latency of R1's link, from 10 to 45 ms.
  await dialog.getByTestId('editor.link.R1-ISP').click();
  await dialog.getByLabel('Latency (ms)').fill('45');
  await expect(dialog.getByTestId('editor.link.R1-ISP')).toContainText('45 ms');
  await expect(dialog.getByTestId('editor.run')).toBeEnabled();
  await dialog.getByTestId('editor.run').click();

  await expect(page.getByLabel('Scenario')).toHaveValue('');
  await expect(page.getByTestId('router.R3')).toBeVisible();
  await expect(page.getByTestId('link.R3-ISP')).toBeVisible();
  await expect(page.getByTestId('link.R1-ISP')).toHaveAttribute('aria-label', /45 ms one way/);
  await expect(page.getByTestId('link.R2-ISP')).toHaveAttribute('aria-label', /10 ms one way/);

  // Removing R3 in a second edit removes it from the run.
  await page.getByRole('button', { name: 'Edit scenario' }).click();
  await dialog.getByTestId('editor.node.R3').click();
  await dialog.getByRole('button', { name: 'Remove router' }).click();
  await dialog.getByTestId('editor.run').click();
  await expect(page.getByTestId('router.R2')).toBeVisible();
  await expect(page.getByTestId('router.R3')).toHaveCount(0);
});

test('Paste configs: Edit before running opens the inferred scenario in the editor', async ({
  page,
}) => {
  await page.goto('/#preset=baseline');
  await page.getByLabel('Scenario').selectOption({ label: 'Paste IOS configs…' });
  await page.getByTestId('paste.text').fill(`${R1_CONFIG}\n${R2_CONFIG}`);
  await page.getByTestId('paste.edit').click();
  await expect(page.getByTestId('paste.dialog')).toBeHidden();
  await expect(editor(page).getByTestId('editor.node.R1')).toBeVisible();
  await expect(editor(page).getByTestId('editor.node.R2')).toBeVisible();
  await editor(page).getByRole('tab', { name: 'Pings' }).click();
  await expect(editor(page).getByTestId('editor.flows').getByRole('group')).toHaveCount(1);
  await page.getByTestId('editor.run').click();
  await seekTo(page, 10_000);
  await expect(page.getByTestId('router.R1')).toHaveAttribute('data-ike-state', 'QM_IDLE');
});

for (const size of [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test(`screenshot ${size.width}x${size.height}: the editor fits, config editor and problems in view`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize(size);
    await page.goto('/#preset=baseline');
    await page.getByRole('button', { name: 'Edit scenario' }).click();
    const dialog = editor(page);
    await expect(dialog.locator('.cm-editor')).toBeVisible();
    await dialog.getByTestId('editor.node.R2').click();
    await replaceConfig(page, `${R2_CONFIG}\nip route 1.2.3`);
    await expect(dialog.getByTestId('editor.problems')).toContainText(
      "router R2, config line 31: '1.2.3' is not an IPv4 address",
    );
    // The line just pasted, marked as an error, stays in view when the problem appears.
    await expect(dialog.locator('.cm-lintRange-error')).toBeInViewport({ ratio: 1 });
    // Nothing scrolls the page; the dialog, Run, the topology and the config all fit the window.
    const scroll = await page.evaluate(() => ({
      width: document.documentElement.scrollWidth,
      height: document.documentElement.scrollHeight,
    }));
    expect(scroll).toEqual({ width: size.width, height: size.height });
    for (const part of [
      dialog.getByTestId('editor.run'),
      dialog.getByTestId('editor.canvas'),
      dialog.locator('.cm-editor'),
      dialog.getByTestId('editor.problems'),
      dialog.getByTestId('editor.node.R1'),
      dialog.getByTestId('editor.node.R2'),
      dialog.getByTestId('editor.node.ISP'),
    ])
      await expect(part).toBeInViewport({ ratio: 1 });
    const canvas = await dialog.getByTestId('editor.canvas').boundingBox();
    expect(canvas?.height ?? 0).toBeGreaterThan(250);
    await page.screenshot({ path: testInfo.outputPath(`editor-${size.width}x${size.height}.png`) });
  });
}

test('leaving the studio by its address closes the editor, and the lesson is not under it', async ({
  page,
}) => {
  await page.goto('/#preset=reload-black-hole');
  await page.getByRole('button', { name: 'Edit scenario' }).click();
  await expect(editor(page)).toBeVisible();
  await page.goto('/#lesson=esp-scanner&step=1');
  await expect(page.getByTestId('lesson.screen')).toBeVisible();
  await expect(editor(page)).toHaveCount(0);
  // Back in the studio, it stays closed until asked for.
  await page.goBack();
  await expect(page.getByTestId('topology')).toBeVisible();
  await expect(editor(page)).toHaveCount(0);
});
