// `npm run bench:heavy`: the heaviest run the studio allows, in headless Chromium. Builds the app,
// opens a scenario of just under STUDIO_TRACE_RECORDS_MAX estimated records through a share link,
// two routers pinging fast, and the 50-spoke DMVPN hub, and reports as JSON for each: time to the first drawn topology and to the whole run computed, the main
// thread's long tasks while it computes (longest, how many over 200 ms, and the scripts the
// longest animation frames spent their time in), the JS heap once computed, then the longest task
// of each interaction: seek to the end, switch to the ladder (until its arrows are drawn), the
// statechart and back, open the log.
// Reports numbers; asserts nothing. BENCH_PORT picks the preview server's port (default 4182).

import { loadavg } from 'node:os';
import type { Page } from '@playwright/test';
import { encodeShareHash } from '../app/scenario/scenarioUrl';
import type { ScenarioDocument } from '../app/scenario/schema';
import { STUDIO_TRACE_RECORDS_MAX } from '../app/scenario/workEstimate';
import { estimatedRecordsOf, heavyScenario } from './heavyScenario';
import { CHROMIUM_USED, withBuiltApp } from './previewBrowser';

const PORT = Number(process.env.BENCH_PORT ?? 4182);
/** Just under the limit, as a user who shortened the run until it was accepted would have it. */
const ESTIMATED_RECORDS = Math.round(STUDIO_TRACE_RECORDS_MAX * 0.95);
const LONG_TASK_MS = 200;

/**
 * Installed before the page loads: records every long task, and every long animation frame with
 * the scripts it ran, in window.__tasks and window.__frames (start and duration in ms).
 */
const OBSERVE = `
  window.__tasks = [];
  window.__frames = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__tasks.push({ startMs: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.duration < ${LONG_TASK_MS}) continue;
        window.__frames.push({
          startMs: e.startTime,
          ms: e.duration,
          scripts: e.scripts.map((s) => ({
            ms: Math.round(s.duration),
            where: (s.sourceFunctionName || '?') + ' ' + s.invoker,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  }
  const observer = new MutationObserver(() => {
    if (document.querySelector('[data-testid="topology"] [data-testid^="router."]')) {
      window.__firstDrawMs = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
`;

interface Task {
  startMs: number;
  ms: number;
}

/** The long tasks since sinceMs: the longest, how many over 200 ms, and their total. */
async function tasksSince(page: Page, sinceMs: number) {
  const tasks = ((await page.evaluate('window.__tasks')) as Task[]).filter(
    (task) => task.startMs >= sinceMs,
  );
  return {
    longestTaskMs: Math.round(Math.max(0, ...tasks.map((task) => task.ms))),
    tasksOver200Ms: tasks.filter((task) => task.ms > LONG_TASK_MS).length,
    longTasksTotalMs: Math.round(tasks.reduce((sum, task) => sum + task.ms, 0)),
  };
}

/** The scripts the slowest long animation frames since sinceMs ran, summed by function. */
async function hotScripts(page: Page, sinceMs: number) {
  const frames = (
    (await page.evaluate('window.__frames')) as Array<
      Task & { scripts: Array<{ ms: number; where: string }> }
    >
  ).filter((frame) => frame.startMs >= sinceMs);
  const byWhere = new Map<string, number>();
  for (const frame of frames)
    for (const script of frame.scripts)
      byWhere.set(script.where, (byWhere.get(script.where) ?? 0) + script.ms);
  return [...byWhere]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([where, ms]) => ({ where, ms }));
}

/** The JS heap after a garbage collection, in MB. */
async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return Math.round(usedSize / 1e6);
}

/** Runs `act`, lets the page settle for a second, and reports the long tasks it caused. */
async function interaction(page: Page, act: () => Promise<void>) {
  const sinceMs = (await page.evaluate('performance.now()')) as number;
  const startedAt = Date.now();
  await act();
  await page.waitForTimeout(1000);
  return { wallMs: Date.now() - startedAt - 1000, ...(await tasksSince(page, sinceMs)) };
}

async function measure(page: Page, base: string, document: ScenarioDocument) {
  await page.addInitScript(OBSERVE);
  await page.goto(`${base}/${encodeShareHash({ document, atMs: 0, paused: true })}`);
  await page.waitForSelector('[data-testid="topology"] [data-testid^="router."]', {
    timeout: 120_000,
  });
  await page.waitForSelector('[data-testid="timeline"][data-run-complete="true"]', {
    timeout: 300_000,
  });
  const computedMs = (await page.evaluate('performance.now()')) as number;
  const loading = {
    firstDrawMs: Math.round((await page.evaluate('window.__firstDrawMs ?? -1')) as number),
    wholeRunComputedMs: Math.round(computedMs),
    ...(await tasksSince(page, 0)),
    heapMb: await heapMb(page),
    hotScripts: await hotScripts(page, 0),
  };
  const timeline = page.getByRole('slider', { name: 'Playback position' });
  const stage = (name: string) => page.getByRole('button', { name, exact: true }).click();
  const interactions = {
    seekToEnd: await interaction(page, async () => {
      await timeline.focus();
      await timeline.press('End');
    }),
    // Until its arrows are drawn: a long run's ladder is prepared in slices first.
    ladder: await interaction(page, async () => {
      await stage('Ladder');
      await page.waitForSelector('[data-testid="ladder"] .ladder-arrow', { timeout: 120_000 });
    }),
    statechart: await interaction(page, () => stage('Statechart')),
    topology: await interaction(page, () => stage('Topology')),
    log: await interaction(page, () => page.getByRole('tab', { name: 'Log', exact: true }).click()),
    seekToStart: await interaction(page, () => timeline.press('Home')),
  };
  return {
    scenario: {
      estimatedRecords: estimatedRecordsOf(document),
      durationMs: document.durationMs,
      routers: document.nodes.filter((node) => node.kind === 'router').length,
      flows: document.traffic?.length ?? 0,
      pingEveryMs: document.traffic?.[0]?.everyMs,
    },
    loading,
    interactions,
    interactionHotScripts: await hotScripts(page, computedMs),
  };
}

async function main(): Promise<void> {
  const loadAverage = loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');
  const figures = await withBuiltApp(PORT, async (browser, base) => {
    const run = async (document: ScenarioDocument) => {
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
      const figures = await measure(await context.newPage(), base, document);
      await context.close();
      return figures;
    };
    return {
      twoRoutersEvery100Ms: await run(heavyScenario('baseline', ESTIMATED_RECORDS, 100)),
      hub50Spokes: await run(heavyScenario('dmvpn-scale', ESTIMATED_RECORDS)),
    };
  });
  console.log(
    JSON.stringify(
      {
        chromium: CHROMIUM_USED,
        viewport: '1920x1080',
        loadAverageAtStart: loadAverage,
        ...figures,
      },
      null,
      2,
    ),
  );
}

await main();
