import { expect, test } from '@playwright/test';
import { seekTo } from './seek';
import { showTab } from './studio';

// Every view says the same about a moment: the stale SPI of the HSRP failover, the outage the
// class saw, the remedies as the router is configured at the cursor.

test.describe('one source of truth', () => {
  for (const size of [
    { width: 1280, height: 800 },
    { width: 1024, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    test(`HSRP failover at 2:10.021: topology and panels flag R1's SPI for HE2 (${size.width}x${size.height})`, async ({
      page,
    }, testInfo) => {
      await page.setViewportSize(size);
      await page.goto('/#preset=hsrp-headend-failover&t=130021&p=1');
      await expect(page.getByTestId('playback.time')).toHaveAttribute('data-t', '130021');
      // HE2 answers for 20.1.1.10 now and drops R1's ESP: both views name the same SPI.
      await expect(page.getByTestId('router.R1')).toHaveAttribute('data-stale-spi', '0x8801C740');
      const row = page.getByTestId('mismatch.R1');
      await expect(row).toHaveAttribute('data-spi', '0x8801C740');
      await expect(row).toHaveAttribute('data-peer', 'HE2');
      await expect(row).toContainText('R1 encrypts with 0x8801C740, which HE2 does not know');
      await expect(page.getByTestId('panel.R1')).toContainText('20.1.1.10 (HSRP: HE2 Active)');
      await expect(page.getByTestId('state.R1.20.1.1.10.dpd')).toHaveAttribute(
        'data-state',
        'probing',
      );
      await page.screenshot({
        path: testInfo.outputPath(`hsrp-2-10-021-${size.width}x${size.height}.png`),
      });
    });
  }

  test('DPD typed at R1 at 1:00 in the black hole: health and the toggle agree with the trace', async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/#preset=reload-black-hole');
    await showTab(page, 'Console');
    await page.getByTestId('console.pick.R1').click();
    await seekTo(page, 60_000);
    const input = page.getByTestId('console.input');
    for (const line of ['configure terminal', 'crypto isakmp keepalive 10', 'end']) {
      await input.fill(line);
      await input.press('Enter');
      await expect(input).toHaveValue('');
    }
    await seekTo(page, 300_000);
    // Pings sent from 2:00 to 2:32 were lost; the one sent at 2:33 came back at 2:33.040.
    const last = page.getByTestId('last-outage.lan1-to-lan2');
    await expect(last).toHaveAttribute('data-lost', '33');
    await expect(last).toHaveAttribute('data-from-ms', '120000');
    await expect(last).toHaveAttribute('data-to-ms', '153000');
    await expect(last).toContainText('Last outage: 33 s, 33 pings lost, recovered at 00:02:33');
    // R1's DPD toggle shows the line typed at its console.
    await showTab(page, 'Config & remedies');
    await page.getByRole('tab', { name: 'R1' }).click();
    await expect(page.getByTestId('feature.R1.keepalive')).toBeChecked();
    await expect(page.getByTestId('feature.R1.keepalive.seconds')).toHaveValue('10');
    await page.getByTestId('health').screenshot({
      path: testInfo.outputPath('health-dpd-typed-1280x800.png'),
    });
    await seekTo(page, 59_000);
    await expect(page.getByTestId('feature.R1.keepalive')).not.toBeChecked();
  });
});
