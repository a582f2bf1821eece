import { expect, type Page, test } from '@playwright/test';
import { seekTo } from './seek';
import { showTab } from './studio';

async function openR2(page: Page) {
  await page.goto('/#preset=reload-black-hole');
  await showTab(page, 'Console');
  await expect(page.getByTestId('console')).toBeVisible();
  await page.getByTestId('console.pick.R2').click();
  await expect(page.getByTestId('console.R2')).toBeVisible();
}

/** Types lines into the console, RETURN after each, as a student would. */
async function typeLines(page: Page, ...lines: string[]) {
  const input = page.getByTestId('console.input');
  for (const line of lines) {
    await input.fill(line);
    await input.press('Enter');
    await expect(input).toHaveValue('');
  }
}

test.describe('router console', () => {
  test("R2's console: show, ?, Tab, and invalid-SPI recovery typed at the cursor", async ({
    page,
  }) => {
    await openR2(page);
    const input = page.getByTestId('console.input');
    const output = page.getByTestId('console.output');
    await expect(input).toHaveAccessibleName('R2 console');
    await expect(output).toHaveAttribute('role', 'log');

    await seekTo(page, 60_000);
    await typeLines(page, 'sh cry isa sa');
    await expect(output).toContainText('R2#sh cry isa sa');
    await expect(output).toContainText('QM_IDLE');

    // `?` answers at once, without RETURN, and the line stays.
    await input.fill('sh cry');
    await input.press('?');
    await expect(output).toContainText('R2#sh cry?');
    await expect(output).toContainText('crypto');
    await expect(input).toHaveValue('sh cry');

    // Tab completes the word being typed.
    await input.fill('sh');
    await input.press('Tab');
    await expect(input).toHaveValue('show ');
    await expect(input).toBeFocused();
    await input.fill('');

    // After the reload at 2:00 (R2 is back at 2:30): nothing repairs the black hole until
    // recovery is typed on R2.
    await seekTo(page, 200_000);
    await expect(output).toContainText('%CRYPTO-4-RECVD_PKT_INV_SPI');
    await typeLines(page, 'conf t');
    await expect(page.getByTestId('console.prompt')).toHaveText('R2(config)#');
    await typeLines(page, 'crypto isakmp invalid-spi-recovery', 'end');
    await expect(page.getByTestId('console.prompt')).toHaveText('R2#');
    await expect(output).toContainText('%SYS-5-CONFIG_I: Configured from console by console');
    // The cursor stayed; the run after it changed: R2 renegotiates and the tunnel comes up.
    await expect(page.getByTestId('console.at')).toContainText('00:03:20');
    await seekTo(page, 240_000);
    await expect(output).toContainText(
      '00:03:21.060: %CRYPTO-5-SESSION_STATUS: Crypto tunnel is UP',
    );
  });

  test('debug lines while debugging; a ping prints its result as the cursor passes', async ({
    page,
  }) => {
    await page.goto('/#preset=reload-black-hole');
    await showTab(page, 'Console');
    const output = page.getByTestId('console.output');
    await expect(page.getByTestId('console.R1')).toBeVisible();
    await typeLines(page, 'debug crypto isakmp');
    await expect(page.getByTestId('console.debug')).toContainText('debug crypto isakmp');
    await seekTo(page, 6_000);
    await expect(output).toContainText('ISAKMP:(1001):Send initial contact');

    await typeLines(page, 'undebug all', 'ping 192.168.2.10 source fa0/1');
    await expect(output).toContainText('Sending 5, 100-byte ICMP Echos to 192.168.2.10');
    await expect(page.getByTestId('console.ping-status')).toBeVisible();
    await seekTo(page, 12_000);
    await expect(output).toContainText('!!!!!');
    await expect(output).toContainText('Success rate is 100 percent (5/5)');
  });

  test('a ping holds the prompt, prints a mark per echo, Ctrl+Shift+6 aborts it; ? lists the optional keywords (1024x768 shots)', async ({
    page,
  }, testInfo) => {
    // Seeking to 2:05 and 2:09 by keys takes a while on a loaded machine.
    test.setTimeout(90_000);
    const shot = (what: string) => testInfo.outputPath(`console-${what}-1024x768.png`);
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto('/#preset=reload-black-hole');
    await showTab(page, 'Console');
    const input = page.getByTestId('console.input');
    const output = page.getByTestId('console.output');
    const prompt = page.getByTestId('console.prompt');
    await expect(page.getByTestId('console.R1')).toBeVisible();

    // R2 reloads at 2:00: from R1 at 2:05 every echo times out, one `.` per 2 s.
    await seekTo(page, 125_000);
    await typeLines(page, 'ping 192.168.2.10 source fa0/1');
    await expect(output).toContainText('Type escape sequence to abort.');
    await expect(output).toContainText(
      'Sending 5, 100-byte ICMP Echos to 192.168.2.10, timeout is 2 seconds:',
    );
    await expect(prompt).toHaveText('');
    await seekTo(page, 129_000);
    // The echoes of 2:05 and 2:07 have timed out (at 2:07 and 2:09); the third is under way.
    await expect(output.locator('.rc-line').last()).toHaveText('..');
    await expect(output).not.toContainText('Success rate');
    await expect(page.getByTestId('console.ping-status')).toContainText('(2 of 5)');
    await expect(input).toHaveAttribute('readonly', '');
    await page.screenshot({ path: shot('ping-running') });

    // Input is held: RETURN runs nothing. Ctrl+Shift+6 aborts and prints the rate so far.
    await input.focus();
    await input.press('Enter');
    await input.press('Control+Shift+Digit6');
    await expect(output).toContainText('Success rate is 0 percent (0/2)');
    await expect(prompt).toHaveText('R1#');
    await expect(input).not.toHaveAttribute('readonly', '');

    await typeLines(page, 'conf t');
    await input.fill('crypto isakmp keepalive 10 3 ');
    await input.press('?');
    await expect(output).toContainText('R1(config)#crypto isakmp keepalive 10 3 ?');
    await expect(output).toContainText('on-demand  Send keepalives on demand (default)');
    await expect(output).toContainText('periodic   Send keepalives periodically');
    await expect(
      output
        .locator('.rc-line')
        .filter({ hasText: /^\s*<cr>\s*$/ })
        .last(),
    ).toBeVisible();
    await expect(input).toHaveValue('crypto isakmp keepalive 10 3 ');
    await expect(input).toBeInViewport();
    await page.screenshot({ path: shot('help-optional') });
  });

  for (const size of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    test(`screenshots ${size.width}x${size.height}`, async ({ page }, testInfo) => {
      const shot = (what: string) =>
        testInfo.outputPath(`console-${what}-${size.width}x${size.height}.png`);
      await page.setViewportSize(size);
      await openR2(page);
      const panel = page.getByTestId('console');
      await seekTo(page, 60_000);
      await typeLines(page, 'sh cry isa sa', 'debug crypto isakmp');
      await seekTo(page, 200_000);
      await typeLines(
        page,
        'sh cry ipsec sa | i spi',
        'conf t',
        'crypto isakmp invalid-spi-recovery',
      );
      const input = page.getByTestId('console.input');
      const output = page.getByTestId('console.output');
      await input.fill('crypto isakmp keep');
      await input.press('?');
      // What the shots show: R2 in config mode at 3:20, the help for `keep?`, the SPI lines.
      await expect(page.getByTestId('console.prompt')).toHaveText('R2(config)#');
      await expect(output).toContainText('R2(config)#crypto isakmp keep?');
      await expect(output).toContainText('keepalive');
      await expect(output).toContainText('spi:');
      await expect(page.getByTestId('console.at')).toContainText('00:03:20');
      await expect(input).toBeInViewport();
      await page.screenshot({ path: shot('page') });
      await panel.screenshot({ path: shot('panel') });
      await input.fill('');
      await typeLines(page, 'end');
      await seekTo(page, 205_000);
      await expect(output).toContainText('%CRYPTO-5-SESSION_STATUS: Crypto tunnel is UP');
      await expect(page.getByTestId('console.prompt')).toHaveText('R2#');
      await panel.screenshot({ path: shot('recovered-panel') });
    });
  }
});
