import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { captureRun } from '../app/pcap/captureRun';
import { parseScenario } from '../app/scenario/parseScenario';
import { findPreset } from '../app/scenario/presets';
import { encodeShareHash } from '../app/scenario/scenarioUrl';
import type { ScenarioDocument } from '../app/scenario/schema';
import { simulate } from '../app/sim';

// Download capture in the share panel: the file the browser saves is, byte for byte, the
// capture of the same run the runner writes (`npm run sim -- … --pcap`), whole or up to the
// cursor, and the panel says what was saved.

const CURSOR_MS = 150_060;

function recovery(): ScenarioDocument {
  const preset = findPreset('reload-invalid-spi-recovery');
  if (!preset) throw new Error('no preset reload-invalid-spi-recovery');
  return preset.document;
}

/** The runner's capture of the same document. */
function expectedCapture(untilMs: number) {
  const parsed = parseScenario(recovery());
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const { records } = simulate(parsed.loaded);
  return captureRun(parsed.loaded, records, { untilMs });
}

async function openAtCursor(page: Page): Promise<void> {
  await page.goto(`/${encodeShareHash({ document: recovery(), atMs: CURSOR_MS, paused: true })}`);
  await expect(page.getByTestId('playback.time')).toHaveAttribute('data-t', String(CURSOR_MS));
  await page.getByTestId('share.button').click();
  await expect(page.getByTestId('share.capture')).toBeVisible();
}

/** Clicks a download button; the saved file's bytes and the name the page gave it. */
async function download(page: Page, testId: string, path: string) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(testId).click(),
  ]);
  await file.saveAs(path);
  return { bytes: readFileSync(path), name: file.suggestedFilename() };
}

test.describe('download capture', () => {
  test('whole run and up to the cursor, the same bytes as the runner writes', async ({
    page,
  }, testInfo) => {
    await openAtCursor(page);
    await expect(page.getByTestId('share.capture-cursor')).toHaveText('Up to 00:02:30.060');

    const cursor = await download(page, 'share.capture-cursor', testInfo.outputPath('cursor.pcap'));
    expect(cursor.name).toBe('R2 reloads with invalid-SPI recovery - up to 2m30.060s.pcap');
    const toCursor = expectedCapture(CURSOR_MS);
    expect(cursor.bytes.equals(Buffer.from(toCursor.bytes))).toBe(true);
    const status = page.getByTestId('share.capture-status');
    await expect(status).toHaveText(
      `Saved as R2 reloads with invalid-SPI recovery - up to 2m30.060s.pcap · ${toCursor.frameCount} packets`,
    );

    const whole = await download(page, 'share.capture-whole', testInfo.outputPath('whole.pcap'));
    const all = expectedCapture(Number.POSITIVE_INFINITY);
    expect(whole.name).toBe('R2 reloads with invalid-SPI recovery - whole run.pcap');
    expect(whole.bytes.equals(Buffer.from(all.bytes))).toBe(true);
    // The recovery (MM from R2, the DELETE, the new SAs) comes after the cursor.
    expect(all.frameCount).toBeGreaterThan(toCursor.frameCount + 100);
    await expect(status).toContainText(`whole run.pcap · ${all.frameCount} packets`);
  });

  for (const size of [
    { width: 1024, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    test(`screenshot ${size.width}x${size.height}`, async ({ browser }, testInfo) => {
      const context = await browser.newContext({ viewport: size });
      const page = await context.newPage();
      await openAtCursor(page);
      await download(page, 'share.capture-cursor', testInfo.outputPath('cursor.pcap'));
      await expect(page.getByTestId('share.capture-status')).toHaveAttribute('data-state', 'saved');
      // The panel fits the window: its buttons can be reached without scrolling.
      const box = await page.getByTestId('share.panel').boundingBox();
      expect(box && box.y + box.height).toBeLessThanOrEqual(size.height);
      await page.screenshot({
        path: testInfo.outputPath(`capture-panel-${size.width}x${size.height}.png`),
      });
      await context.close();
    });
  }
});
