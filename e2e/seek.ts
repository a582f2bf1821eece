import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Moves the studio's playback cursor to a whole second with the timeline scrubber's keys (Home,
 * PageUp a minute, ArrowRight a second), as a keyboard user would, and waits until the clock
 * shows it. `within`: the part of the page whose timeline to use (compare has one per side).
 */
export async function seekTo(
  page: Page,
  atMs: number,
  within: Locator | Page = page,
): Promise<void> {
  const scrubber = within.getByRole('slider', { name: 'Playback position' });
  await scrubber.focus();
  await scrubber.press('Home');
  for (let i = 0; i < Math.floor(atMs / 60_000); i++) await scrubber.press('PageUp');
  for (let i = 0; i < Math.floor((atMs % 60_000) / 1000); i++) await scrubber.press('ArrowRight');
  await expect(page.getByTestId('playback.time')).toHaveAttribute('data-t', String(atMs));
}
