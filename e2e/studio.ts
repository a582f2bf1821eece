import { expect, type Page } from '@playwright/test';

/** The studio's side panel tabs. */
export type StudioTab = 'Routers' | 'Config & remedies' | 'Console' | 'Log';

/**
 * Shows a tab of the studio's side panels (in the first panel that offers it: on a wide window a
 * tab shown in the second panel is offered there only).
 */
export async function showTab(page: Page, name: StudioTab): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: true }).first();
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}
