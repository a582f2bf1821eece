// `npm run bench:ui`: the visualizer in headless Chromium. Builds the app, serves it with
// `vite preview`, and reports as JSON: time to the first drawn topology and to the whole run
// computed, frames per second while packets fly (two routers, and the 50-spoke hub, also while
// its run is still being computed), and the initial JavaScript's gzip size.
// Reports numbers; asserts nothing.

import type { Page } from '@playwright/test';
import { initialJsGzipBytes } from './initialJs';
import { CHROMIUM_USED, withBuiltApp } from './previewBrowser';

const PORT = 4181;

/**
 * ms from navigation start to the first router drawn in the topology, and to the whole run
 * computed (the app shows a scenario after its first slice and computes the rest in the
 * background; the second figure is read by polling, so it is late by up to a poll).
 */
async function firstDrawMs(page: Page, base: string, hash: string) {
  await page.goto(`${base}/${hash}`);
  await page.waitForSelector('[data-testid="topology"] [data-testid^="router."]');
  const firstDraw = (await page.evaluate('window.__firstDrawMs ?? -1')) as number;
  await page.waitForSelector('[data-testid="timeline"][data-run-complete="true"]', {
    timeout: 60_000,
  });
  const computed = (await page.evaluate('performance.now()')) as number;
  return { firstDrawMs: Math.round(firstDraw), wholeRunComputedMs: Math.round(computed) };
}

/** Plays (space) and counts animation frames for `seconds` after a one-second warm-up. */
async function playbackFps(page: Page, seconds: number) {
  await page.locator('body').press('Space');
  await page.waitForTimeout(1000);
  return countFrames(page, seconds);
}

/**
 * Plays from the first draw, while the rest of the run is still being computed in the background,
 * and counts animation frames for `seconds` (no warm-up: this is what a class sees on opening).
 */
async function playbackFpsWhileComputing(page: Page, base: string, hash: string, seconds: number) {
  await page.goto(`${base}/${hash}`);
  await page.waitForSelector('[data-testid="topology"] [data-testid^="router."]');
  const computing =
    (await page.getByTestId('timeline').getAttribute('data-run-complete')) === 'false';
  await page.locator('body').press('Space');
  return { stillComputingAtFirstDraw: computing, ...(await countFrames(page, seconds)) };
}

/** Animation frames over `seconds`: frames per second, the 95th-percentile frame, slow frames. */
async function countFrames(page: Page, seconds: number) {
  // A string, not a function: tsx would wrap inner functions in a helper the page lacks.
  const script = `new Promise((resolve) => {
    const durationMs = ${seconds * 1000};
    const deltas = [];
    let last = performance.now();
    const end = last + durationMs;
    requestAnimationFrame(function frame(now) {
      deltas.push(now - last);
      last = now;
      if (now < end) requestAnimationFrame(frame);
      else {
        deltas.sort((a, b) => a - b);
        resolve({
          fps: Math.round((deltas.length / (durationMs / 1000)) * 10) / 10,
          frameMsP95: Math.round((deltas[Math.floor(deltas.length * 0.95)] ?? 0) * 10) / 10,
          slowFrames: deltas.filter((d) => d > 25).length,
          packetsDrawnAtEnd: document.querySelectorAll('[data-testid^="packet."]').length,
        });
      }
    });
  })`;
  return page.evaluate(script) as Promise<{
    fps: number;
    frameMsP95: number;
    slowFrames: number;
    packetsDrawnAtEnd: number;
  }>;
}

async function main(): Promise<void> {
  const figures = await withBuiltApp(PORT, async (browser, base) => {
    const bundle = initialJsGzipBytes();
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    await context.addInitScript(`
      const observer = new MutationObserver(() => {
        if (document.querySelector('[data-testid="topology"] [data-testid^="router."]')) {
          window.__firstDrawMs = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    `);
    // A fresh page per scenario: a hash change alone would not be a new first draw.
    const twoRouterPage = await context.newPage();
    const twoRouterLoad = await firstDrawMs(twoRouterPage, base, '#preset=reload-black-hole');
    const twoRouters = await playbackFps(twoRouterPage, 4);
    await twoRouterPage.close();
    const hubPage = await context.newPage();
    const hubLoad = await firstDrawMs(hubPage, base, '#preset=dmvpn-scale');
    const hub = await playbackFps(hubPage, 4);
    await hubPage.close();
    const hubEarlyPage = await context.newPage();
    const hubWhileComputing = await playbackFpsWhileComputing(
      hubEarlyPage,
      base,
      '#preset=dmvpn-scale',
      2,
    );
    return {
      initialJs: bundle,
      twoRouters: { ...twoRouterLoad, ...twoRouters },
      hub50Spokes: { ...hubLoad, ...hub, playingWhileComputing: hubWhileComputing },
    };
  });
  console.log(
    JSON.stringify({ chromium: CHROMIUM_USED, viewport: '1920x1080', ...figures }, null, 2),
  );
}

await main();
