import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium when present (our machines cannot download Playwright's browser);
// Playwright's own browser otherwise (`npx playwright install chromium` once).
const systemChromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const executablePath = existsSync(systemChromium) ? systemChromium : undefined;
// E2E_PORT lets several work trees run their browser tests side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  forbidOnly: !!process.env.CI,
  // One retry on CI only (as xyflow does): a timing hiccup on a loaded 2-core machine is retried
  // and reported as flaky in the summary, never hidden locally.
  retries: process.env.CI ? 1 : 0,
  reporter: [
    [process.env.CI ? 'line' : 'list'],
    ['json', { outputFile: 'reports/playwright.json' }],
  ],
  // Assertions wait up to 15 s (a test up to 60 s): a fresh page runs its scenario before it draws, which takes
  // several seconds when a shared 2-core machine is busy (a passing assertion does not wait).
  expect: { timeout: 15_000 },
  timeout: 60_000,
  use: { baseURL: `http://127.0.0.1:${PORT}`, trace: 'retain-on-failure' },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath,
          args: executablePath
            ? ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking']
            : [],
        },
      },
    },
  ],
  webServer: {
    command: `npm run build && npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
