import { expect, type Page, test } from '@playwright/test';
import { encodeShareHash } from '../app/scenario/scenarioUrl';
import { heavyScenario } from '../bench/heavyScenario';

// The heaviest run the studio allows (the 50-spoke hub for 44 minutes: 950,000 estimated trace
// records, just under STUDIO_TRACE_RECORDS_MAX; the presets need at most 211,000) stays responsive
// while the page computes it, while the cursor seeks through it and while the ladder opens on it.
// Before the views' indexes grew with the run, each showing of a run being computed re-read its
// whole trace: this run took 177 s to compute, with 281 tasks over 200 ms, the longest 2.8 s (bench:heavy, load 4 on 2 cores).

/**
 * The longest main-thread task allowed. The goal is 200 ms; on a 2-core machine shared by
 * other jobs a slice or a garbage collection takes several times its CPU time (this run's longest
 * task was 230–350 ms at load 11, and 2.8 s before the fix): the bound sits between the two with a
 * margin of about three either way, so it catches work that grows with the run, not load.
 */
const LONGEST_TASK_MS = 1000;

async function watchLongTasks(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { longTasksMs: number[]; slowFrames: string[] };
    w.longTasksMs = [];
    w.slowFrames = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasksMs.push(Math.round(entry.duration));
    }).observe({ type: 'longtask', buffered: true });
    // Where the slow frames spent their time, for the failure message.
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as Array<{
        startTime: number;
        duration: number;
        scripts: Array<{ duration: number; invoker: string; sourceFunctionName: string }>;
      }>) {
        if (entry.duration < 200) continue;
        const scripts = entry.scripts
          .map((s) => `${s.sourceFunctionName || '?'} ${s.invoker} ${Math.round(s.duration)} ms`)
          .join(', ');
        w.slowFrames.push(
          `${Math.round(entry.startTime)}+${Math.round(entry.duration)}: ${scripts}`,
        );
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  });
}

/**
 * The long tasks since the last call (each call starts a new window), longest first, and where
 * the slow frames among them spent their time.
 */
async function longTasks(page: Page): Promise<{ longest: number; report: string }> {
  return page.evaluate(() => {
    const w = window as unknown as { longTasksMs: number[]; slowFrames: string[] };
    const tasks = w.longTasksMs.sort((a, b) => b - a);
    const report = `${tasks.join(', ')} ms; slow frames: ${w.slowFrames.join('; ')}`;
    w.longTasksMs = [];
    w.slowFrames = [];
    return { longest: tasks[0] ?? 0, report };
  });
}

test('the heaviest run allowed is computed and sought through without a long task', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await watchLongTasks(page);
  const document = heavyScenario('dmvpn-scale', 950_000);
  await page.goto(`/${encodeShareHash({ document, atMs: 0, paused: true })}`);
  await expect(page.getByTestId('router.HUB')).toBeVisible({ timeout: 60_000 });
  // From the first draw: loading the page and drawing 51 routers cost what they cost for the
  // preset itself, whatever the run's length.
  await longTasks(page);
  const timeline = page.getByTestId('timeline');
  await expect(timeline).toHaveAttribute('data-run-complete', 'true', { timeout: 120_000 });
  const computing = await longTasks(page);
  expect(computing.longest, `long tasks while computing: ${computing.report}`).toBeLessThan(
    LONGEST_TASK_MS,
  );

  const scrubber = page.getByRole('slider', { name: 'Playback position' });
  await scrubber.focus();
  await scrubber.press('End');
  await expect(page.getByTestId('playback.time')).toHaveAttribute(
    'data-t',
    String(document.durationMs),
  );
  await scrubber.press('Home');
  await expect(page.getByTestId('playback.time')).toHaveAttribute('data-t', '0');
  const seeking = await longTasks(page);
  expect(seeking.longest, `long tasks while seeking: ${seeking.report}`).toBeLessThan(
    LONGEST_TASK_MS,
  );

  // The ladder reads the whole run the first time it shows it (2.5–4 s in one task before it did
  // so in slices), and opens on the busiest of its 51 lifelines' pairs.
  await page.getByRole('button', { name: 'Ladder', exact: true }).click();
  await expect(page.getByTestId('ladder.opened')).toContainText('of 51 lifelines', {
    timeout: 60_000,
  });
  await expect(page.locator('[data-testid="ladder"] .ladder-arrow').first()).toBeVisible();
  const opening = await longTasks(page);
  expect(opening.longest, `long tasks while opening the ladder: ${opening.report}`).toBeLessThan(
    LONGEST_TASK_MS,
  );
});
