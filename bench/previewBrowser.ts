// The built app served by `vite preview` and a headless Chromium, for the browser benchmarks.

import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type Browser, chromium } from '@playwright/test';

const SYSTEM_CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The browser the benchmarks run in: Debian's Chromium when present, Playwright's otherwise. */
export const CHROMIUM_USED = existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : 'playwright';

async function waitForServer(base: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      const response = await fetch(base);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('vite preview did not start');
}

/**
 * Builds the app, serves it on `port` and runs `measure` with a headless Chromium and the
 * server's base address; stops both afterwards.
 */
export async function withBuiltApp<T>(
  port: number,
  measure: (browser: Browser, base: string) => Promise<T>,
): Promise<T> {
  execSync('npx vite build', { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  const server: ChildProcess = spawn(
    'npx',
    ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { stdio: 'ignore', detached: true },
  );
  try {
    await waitForServer(base);
    const browser = await chromium.launch({
      executablePath: CHROMIUM_USED === 'playwright' ? undefined : CHROMIUM_USED,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      return await measure(browser, base);
    } finally {
      await browser.close();
    }
  } finally {
    // The server may have exited already (its port was taken): then there is nothing to stop.
    if (server.pid && server.exitCode === null) process.kill(-server.pid);
  }
}
