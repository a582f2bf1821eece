import { expect, type Page, test } from '@playwright/test';
import { LESSONS } from '../app/lessons/lessons';

// Presenter mode on a projector: at 1024x768 (and on laptop and full-HD screens) every step of
// every lesson, before and after each reveal, keeps the stage view (the topology, or the ladder
// or statechart a step chose) in view (at least 250 px each
// way), the narration or question card off it and whole, and the page from scrolling. Then
// screenshots at 1024x768 of a prediction, its reveal and the playground, to look at.

const MIN_TOPOLOGY_PX = 250;

/** The step's view on the stage: the topology's drawing, or the ladder or statechart it chose. */
const STAGE_VIEW =
  '.lesson [data-testid="topology"] svg, .lesson [data-testid="ladder"], .lesson [data-testid="statechart"]';

interface Geometry {
  /** The topology drawing's part inside the window, px. */
  topologyWidth: number;
  topologyHeight: number;
  /** Area where the card covers the topology drawing, px². */
  overlapPx2: number;
  /** Why the card is not whole on screen, or null when it is. */
  cardCut: string | null;
  /** Page scroll the window would need, px. */
  pageOverflowX: number;
  pageOverflowY: number;
}

/** Measures the screen once the browser has laid out the current step. */
async function measure(page: Page): Promise<Geometry> {
  // The ladder and the statechart load when a step first shows them.
  await page.locator(STAGE_VIEW).first().waitFor();
  return page.evaluate(
    (stageView) =>
      new Promise<Geometry>((resolve, reject) =>
        requestAnimationFrame(() => {
          const svg = document.querySelector(stageView);
          const card = document.querySelector('.lesson [data-testid="lesson.step"]');
          const side = document.querySelector('.lesson .lesson-side');
          if (!svg || !card || !side) {
            reject(new Error('no stage view, card or card column'));
            return;
          }
          const s = svg.getBoundingClientRect();
          const c = card.getBoundingClientRect();
          const column = side.getBoundingClientRect();
          const overlapX = Math.max(0, Math.min(s.right, c.right) - Math.max(s.left, c.left));
          const overlapY = Math.max(0, Math.min(s.bottom, c.bottom) - Math.max(s.top, c.top));
          const bottom = Math.min(column.bottom, window.innerHeight);
          const cut =
            c.top < column.top - 1 || c.bottom > bottom + 1
              ? `card ${Math.round(c.top)}–${Math.round(c.bottom)} px, visible ${Math.round(column.top)}–${Math.round(bottom)} px`
              : card.scrollHeight > card.clientHeight + 1 || card.scrollWidth > card.clientWidth + 1
                ? 'card text overflows the card'
                : null;
          const root = document.documentElement;
          resolve({
            topologyWidth: Math.min(s.right, window.innerWidth) - Math.max(s.left, 0),
            topologyHeight: Math.min(s.bottom, window.innerHeight) - Math.max(s.top, 0),
            overlapPx2: overlapX * overlapY,
            cardCut: cut,
            pageOverflowX: root.scrollWidth - window.innerWidth,
            pageOverflowY: root.scrollHeight - window.innerHeight,
          });
        }),
      ),
    STAGE_VIEW,
  );
}

/** What is wrong with the geometry, as sentences (none when the step is fine). */
function problems(g: Geometry): string[] {
  const found: string[] = [];
  if (g.topologyWidth < MIN_TOPOLOGY_PX || g.topologyHeight < MIN_TOPOLOGY_PX)
    found.push(`topology visible ${Math.round(g.topologyWidth)}x${Math.round(g.topologyHeight)}`);
  if (g.overlapPx2 > 0) found.push(`card covers ${Math.round(g.overlapPx2)} px² of the topology`);
  if (g.cardCut) found.push(g.cardCut);
  if (g.pageOverflowX > 0 || g.pageOverflowY > 0)
    found.push(`page scrolls ${g.pageOverflowX}x${g.pageOverflowY} px`);
  return found;
}

const screen = (page: Page) => page.getByTestId('lesson.screen');
const card = (page: Page) => screen(page).getByTestId('lesson.step');

async function presenterOn(page: Page) {
  if ((await screen(page).getAttribute('data-presenter')) !== 'true')
    await page.keyboard.press('p');
  await expect(screen(page)).toHaveAttribute('data-presenter', 'true');
}

/** Step `step` (1-based) of the lesson on screen, by its dot. */
async function goToStep(page: Page, step: number) {
  await screen(page).getByTestId(`lesson.dot.${step}`).click();
  await expect(card(page)).toHaveAttribute('data-step-index', String(step - 1));
}

// The projector size with every reveal too (the revealed cards are the tallest); the others on
// every step.
for (const { size, reveals } of [
  { size: { width: 1024, height: 768 }, reveals: true },
  { size: { width: 1280, height: 800 }, reveals: false },
  { size: { width: 1366, height: 768 }, reveals: false },
  { size: { width: 1920, height: 1080 }, reveals: false },
]) {
  // One test per lesson: a failure names its lesson, and no test runs for minutes.
  for (const lesson of LESSONS) {
    test(`presenter mode at ${size.width}x${size.height}, ${lesson.id}: every step${reveals ? ' and reveal' : ''} keeps the stage view in view and the card whole`, async ({
      page,
    }) => {
      await page.setViewportSize(size);
      const failures: string[] = [];
      let checked = 0;
      await page.goto(`/#lesson=${lesson.id}&step=1`);
      await expect(screen(page)).toHaveAttribute('data-lesson', lesson.id);
      await presenterOn(page);
      for (let step = 1; step <= lesson.steps.length; step++) {
        await goToStep(page, step);
        const where = `step ${step} (${lesson.steps[step - 1]?.kind})`;
        for (const problem of problems(await measure(page))) failures.push(`${where}: ${problem}`);
        checked++;
        if (!reveals || lesson.steps[step - 1]?.kind !== 'predict') continue;
        // Revealed with a pick of A (most often wrong: two explanations), then back to the
        // step, paused, to measure the answered card.
        await page.keyboard.press('1');
        await screen(page).getByTestId('lesson.reveal').click();
        await goToStep(page, step);
        await expect(screen(page).getByTestId('lesson.verdict')).toBeVisible();
        for (const problem of problems(await measure(page)))
          failures.push(`${where}, revealed: ${problem}`);
        checked++;
      }
      expect(failures).toEqual([]);
      expect(checked, 'every step of the lesson').toBeGreaterThanOrEqual(lesson.steps.length);
    });
  }
}

test('presenter screenshots at 1024x768: a prediction, its reveal, the playground', async ({
  page,
}, testInfo) => {
  const shot = (what: string) => testInfo.outputPath(`presenter-${what}-1024x768.png`);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/#lesson=black-hole&step=2');
  await presenterOn(page);
  await expect(card(page)).toHaveAttribute('data-step-kind', 'predict');
  await page.keyboard.press('2');
  await expect(screen(page).getByTestId('lesson.choice.2')).toHaveAttribute('aria-pressed', 'true');
  const topology = screen(page).getByTestId('topology');
  await expect(topology.getByTestId('router.R1')).toBeVisible();
  await expect(topology.getByTestId('router.R2')).toBeVisible();
  expect(problems(await measure(page))).toEqual([]);
  const question = await card(page)
    .locator('.lesson-question')
    .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
  expect(question, 'the question is projector-sized').toBeGreaterThanOrEqual(22);
  await page.screenshot({ path: shot('predict') });

  await screen(page).getByTestId('lesson.reveal').click();
  await goToStep(page, 2);
  await expect(screen(page).getByTestId('lesson.verdict')).toContainText('Right!');
  await expect(screen(page).getByTestId('lesson.choice.2')).toContainText('✓ Right.');
  await expect(screen(page).getByTestId('lesson.choice.1')).toContainText('✗ No.');
  expect(problems(await measure(page))).toEqual([]);
  await page.screenshot({ path: shot('reveal') });

  await goToStep(page, 10);
  await expect(card(page)).toHaveAttribute('data-step-kind', 'playground');
  await expect(card(page)).toContainText('Playground');
  await expect(screen(page).getByTestId('playback')).toBeVisible();
  await expect(topology.getByTestId('router.R2')).toBeVisible();
  expect(problems(await measure(page))).toEqual([]);
  await page.screenshot({ path: shot('playground') });
});

test('presenter screenshots at 1024x768 of the second edition: show snapshots, new and changed steps', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  const shots: ReadonlyArray<readonly [string, number]> = [
    ['black-hole', 9],
    ['troubleshooting', 2],
    ['troubleshooting', 5],
    ['manual-fixes', 2],
    ['manual-fixes', 4],
    ['manual-fixes', 6],
    ['dpd-backup-peer', 5],
    ['dpd-backup-peer', 7],
    ['gre-tp', 2],
    ['hsrp-failover', 10],
    ['dynamic-map-hub', 4],
    ['dmvpn-operations', 1],
    ['dmvpn-operations', 5],
    ['dmvpn-operations', 7],
    ['esp-scanner', 2],
    ['esp-scanner', 4],
    ['esp-scanner', 5],
    ['esp-scanner', 8],
  ];
  for (const [lessonId, step] of shots) {
    await page.goto(`/#lesson=${lessonId}&step=${step}`);
    await presenterOn(page);
    await expect(card(page)).toHaveAttribute('data-step-index', String(step - 1));
    expect(problems(await measure(page)), `${lessonId} step ${step}`).toEqual([]);
    await page.screenshot({
      path: testInfo.outputPath(`presenter-${lessonId}-${step}-1024x768.png`),
    });
  }
  // The black hole's snapshot, side by side: the sender QM_IDLE with encaps, the receiver empty.
  await page.goto('/#lesson=black-hole&step=9');
  await presenterOn(page);
  const show = screen(page).getByTestId('lesson.focus');
  await expect(show).toHaveAttribute('data-focus', 'show');
  await expect(show.getByTestId('lesson.show.R1')).toContainText('QM_IDLE');
  await expect(show.getByTestId('lesson.show.R1')).toContainText('#pkts encaps:');
  await expect(show.getByTestId('lesson.show.R2')).not.toContainText('QM_IDLE');
  await expect(show.getByTestId('lesson.show.R2')).toContainText('#pkts encaps: 0');
  // Both routers whole in the viewport, at 12 px or more (the snapshot spans the width here).
  for (const node of ['R1', 'R2']) {
    const box = await show.getByTestId(`lesson.show.${node}`).boundingBox();
    expect(box, node).not.toBeNull();
    if (box === null) continue;
    expect(box.y + box.height, `${node} bottom`).toBeLessThanOrEqual(768);
    expect(box.x + box.width, `${node} right`).toBeLessThanOrEqual(1024);
    const output = show.getByTestId(`lesson.show.${node}`).locator('pre');
    expect(await output.evaluate((pre) => pre.scrollHeight <= pre.clientHeight + 1)).toBe(true);
    expect(
      await output.evaluate((pre) => Number.parseFloat(getComputedStyle(pre).fontSize)),
    ).toBeGreaterThanOrEqual(12);
  }
});
