import { expect, type Page, test } from '@playwright/test';
import { type TeachingMoment, teachingMoments } from '../app/lessons/teachingMoments';

// Labels never cover one another or a node's name: at every moment a lesson stops on (and the
// busiest moments: a DELETE and an R-U-THERE in flight, fifty drops at once), at the four screen
// sizes, every visible label of the topology ([data-label]: packet, drop, IKE badge, tag, link
// latency, node name, the hidden-labels note) has a box of its own, inside the stage.
// Screenshots of every moment at 1024x768 and 1920x1080 go to test-results/ for a human look.

const PRESETS = [
  'reload-black-hole',
  'reload-invalid-spi-recovery',
  'dpd-backup-peer',
  'dpd-idle-on-demand',
  'dpd-idle-periodic',
  'dmvpn-scale',
  'hsrp-headend-failover',
] as const;

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

/** Sizes whose moments are saved as screenshots. */
const SHOT_WIDTHS = new Set([1024, 1920]);

interface LabelBox {
  kind: string;
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The topology's visible labels, with their boxes on screen, and the stage's box. */
async function labelBoxes(page: Page): Promise<{ stage: LabelBox; labels: LabelBox[] }> {
  return page.evaluate(() => {
    const svg = document.querySelector('[data-testid="topology"] svg.topo-svg');
    if (!svg) throw new Error('no topology');
    const box = (kind: string, text: string, r: DOMRect) => ({
      kind,
      text,
      left: r.left,
      top: r.top,
      right: r.right,
      bottom: r.bottom,
    });
    const labels = [...svg.querySelectorAll('[data-label]')]
      .map((el) =>
        box(el.getAttribute('data-label') ?? '', el.textContent ?? '', el.getBoundingClientRect()),
      )
      .filter((l) => l.right > l.left && l.bottom > l.top);
    return { stage: box('stage', '', svg.getBoundingClientRect()), labels };
  });
}

/** Boxes may touch; overlapping by more than this (px) both ways is a collision. */
const TOLERANCE_PX = 0.5;

function collisions(stage: LabelBox, labels: readonly LabelBox[]): string[] {
  const found: string[] = [];
  const name = (l: LabelBox) => `${l.kind} "${l.text}"`;
  for (const [i, a] of labels.entries()) {
    if (
      a.left < stage.left - TOLERANCE_PX ||
      a.top < stage.top - TOLERANCE_PX ||
      a.right > stage.right + TOLERANCE_PX ||
      a.bottom > stage.bottom + TOLERANCE_PX
    )
      found.push(`${name(a)} leaves the stage`);
    for (const b of labels.slice(i + 1)) {
      const overlapX = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const overlapY = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (overlapX > TOLERANCE_PX && overlapY > TOLERANCE_PX)
        found.push(
          `${name(a)} covers ${name(b)} (${overlapX.toFixed(1)} × ${overlapY.toFixed(1)} px)`,
        );
    }
  }
  return found;
}

async function openAt(page: Page, presetId: string, moment: TeachingMoment, first: boolean) {
  const hash = `#preset=${presetId}&t=${moment.atMs}&p=1`;
  if (first) await page.goto(`/${hash}`);
  else await page.evaluate((h) => window.location.assign(h), hash);
  await expect(page.getByTestId('playback.time')).toHaveAttribute('data-t', String(moment.atMs), {
    timeout: 30_000,
  });
  // Two animation frames: the moving layer has drawn this moment.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
}

const MOMENTS = Object.fromEntries(PRESETS.map((id) => [id, teachingMoments(id)]));

test.describe('topology labels', () => {
  test('the moments cover what the lessons stop on', () => {
    expect(MOMENTS['reload-black-hole']?.length).toBeGreaterThanOrEqual(8);
    for (const id of PRESETS) expect(MOMENTS[id]?.length, id).toBeGreaterThan(1);
    expect(MOMENTS['reload-invalid-spi-recovery']?.map((m) => m.why)).toContain('DELETE in flight');
    expect(MOMENTS['dpd-idle-periodic']?.map((m) => m.why)).toContain('R-U-THERE in flight');
  });

  for (const size of SIZES) {
    test(`no label covers another or a name, ${size.width}x${size.height}`, async ({
      page,
    }, testInfo) => {
      test.setTimeout(240_000);
      await page.setViewportSize(size);
      const problems: string[] = [];
      for (const presetId of PRESETS) {
        for (const [i, moment] of (MOMENTS[presetId] ?? []).entries()) {
          await openAt(page, presetId, moment, i === 0);
          const { stage, labels } = await labelBoxes(page);
          for (const problem of collisions(stage, labels))
            problems.push(`${presetId} at ${moment.atMs} ms (${moment.why}): ${problem}`);
          if (SHOT_WIDTHS.has(size.width)) {
            await page.getByTestId('topology').screenshot({
              path: testInfo.outputPath(
                `labels-${presetId}-${moment.atMs}-${size.width}x${size.height}.png`,
              ),
            });
          }
          // The labels that teach are there, not hidden to keep the picture clear.
          const texts = labels.map((l) => l.text);
          const missing = (what: string) =>
            problems.push(`${presetId} at ${moment.atMs} ms: no ${what} label`);
          if (moment.why === 'DELETE in flight' && !texts.some((t) => /^DELETE 0x/.test(t)))
            missing('DELETE');
          if (moment.why === 'R-U-THERE in flight' && !texts.some((t) => t.startsWith('DPD?')))
            missing('R-U-THERE');
        }
        if (presetId === 'dmvpn-scale') {
          // At 0 ms all fifty spokes drop their first packet: one label counts them.
          await openAt(page, presetId, { atMs: 0, why: 'fifty drops' }, false);
          const { labels } = await labelBoxes(page);
          if (!labels.some((l) => l.text === 'no IPsec SA to 20.1.1.2 yet ×50'))
            problems.push('dmvpn-scale at 0 ms: no label for the fifty drops');
        }
      }
      expect(problems).toEqual([]);
    });
  }
});
