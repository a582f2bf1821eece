import { expect, type Page, test } from '@playwright/test';
import { prepareCompare } from '../app/compare/prepare';
import { frameAt } from '../app/sim/frame';
import type { Run } from '../app/sim/run';
import { firstPeerState, routerStatuses } from '../app/views/topology/routerStatus';
import { topologyIndex } from '../app/views/topology/topologyIndex';
import { seekTo } from './seek';

// The compare screen draws each side with the studio's own topology, over that side's run, and
// one playback bar (one cursor, one loop) moves both. What each side must show at a moment is
// read from the two runs the screen builds, computed here the same way.

const RECOVERY = 'reload-black-hole~R2~invalid-spi-recovery~off~on';

const prepared = prepareCompare(RECOVERY);
if (prepared.kind !== 'ready') throw new Error(`${RECOVERY} does not prepare`);
const { runs, markers } = prepared.compare;

type Glyphs = Record<string, { ike: string; staleSpi: string | null }>;

/** What the topology's router glyphs say of a run at t (held at its end once over). */
function expectedGlyphs(run: Run, t: number): Glyphs {
  const frame = frameAt(run, Math.min(t, run.durationMs));
  const glyphs: Glyphs = {};
  for (const [id, status] of routerStatuses(frame, topologyIndex(run)))
    glyphs[id] = { ike: firstPeerState(status), staleSpi: status.stale[0]?.spi ?? null };
  return glyphs;
}

async function shownGlyphs(page: Page, side: 'a' | 'b', ids: string[]): Promise<Glyphs> {
  const glyphs: Glyphs = {};
  for (const id of ids) {
    const glyph = page.getByTestId(`compare.${side}`).getByTestId(`router.${id}`);
    glyphs[id] = {
      ike: (await glyph.getAttribute('data-ike-state')) ?? '',
      staleSpi: await glyph.getAttribute('data-stale-spi'),
    };
  }
  return glyphs;
}

async function expectBothAt(page: Page, t: number): Promise<void> {
  const a = expectedGlyphs(runs[0], t);
  const b = expectedGlyphs(runs[1], t);
  await expect.poll(() => shownGlyphs(page, 'a', Object.keys(a))).toEqual(a);
  await expect.poll(() => shownGlyphs(page, 'b', Object.keys(b))).toEqual(b);
}

const cursor = async (page: Page) =>
  Number(await page.getByTestId('playback.time').getAttribute('data-t'));

for (const size of [
  { width: 1024, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test(`compare ${size.width}x${size.height}: two studio topologies on one transport`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize(size);
    await page.goto(`/#compare=${RECOVERY}`);
    await expect(page.getByTestId('compare')).toHaveAttribute('data-state', 'ready');
    // One transport, one topology per side, no compare-only copies.
    await expect(page.getByTestId('playback.play')).toHaveCount(1);
    await expect(page.getByTestId('compare.a').getByTestId('topology')).toHaveCount(1);
    await expect(page.getByTestId('compare.b').getByTestId('topology')).toHaveCount(1);

    // B's recovery: a moment when the runs disagree (A still in the black hole).
    const recovered = markers.find((m) => m.kind === 'recovered' && m.side === 'b');
    if (!recovered) throw new Error('side B never recovers');
    const atMs = recovered.atMs + 2_000;
    expect(expectedGlyphs(runs[0], atMs)).not.toEqual(expectedGlyphs(runs[1], atMs));
    await page.getByTestId('compare.jump.recovered.b').click();
    await page.getByTestId('playback.step-forward').click();
    const stepped = await cursor(page);
    await expectBothAt(page, stepped);
    await page.keyboard.press('Home');
    await expect(page.getByTestId('playback.time')).toHaveAttribute('data-t', '0');
    await expectBothAt(page, 0);

    // Side B's timeline moves the one cursor: side A follows.
    await seekTo(page, 130_000, page.getByTestId('compare.b'));
    await expectBothAt(page, 130_000);

    // Play with the one play button; pause; both sides show the paused moment.
    await page.getByTestId('compare.jump.fault.both').click();
    const faultAtMs = await cursor(page);
    await page.getByTestId('playback.play').click();
    await expect.poll(() => cursor(page)).toBeGreaterThan(faultAtMs + 1_000);
    await page.keyboard.press('Space');
    await expect(page.getByTestId('playback.play')).toHaveAttribute('data-playing', 'false');
    await expectBothAt(page, await cursor(page));

    // At B's recovery: A's R1 flags the stale SPI, B's routers agree (the screenshot's subject).
    await page.getByTestId('compare.jump.recovered.b').click();
    await expectBothAt(page, recovered.atMs);
    // Back to the top of the screen (the scrubber keys scrolled the timelines into view).
    await page.locator('.shell-screen').evaluate((screen) => screen.scrollTo(0, 0));
    await page.screenshot({
      path: testInfo.outputPath(`compare-${size.width}x${size.height}.png`),
    });

    // The page does not scroll; at the top of the compare screen both topologies and the
    // transport are in the window.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollHeight - window.innerHeight,
    );
    expect(overflow).toBeLessThanOrEqual(0);

    for (const id of ['compare.a', 'compare.b']) {
      const box = await page.getByTestId(id).getByTestId('topology').boundingBox();
      expect(box).not.toBeNull();
      if (!box) continue;
      expect(box.y + box.height).toBeLessThanOrEqual(size.height);
      expect(box.height).toBeGreaterThan(200);
    }
    const play = await page.getByTestId('playback.play').boundingBox();
    expect(play && play.y + play.height).toBeLessThanOrEqual(size.height);
  });
}
