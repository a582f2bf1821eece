import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenario/parseScenario';
import { findPreset } from '../../scenario/presets';
import { frameAt } from '../../sim/frame';
import { RunBuilder } from '../../sim/run';
import { consoleContext } from './consoleContext';

/** R2 of reload-black-hole: the tunnel comes up at 5 s, R2 reloads at 2 min and boots at 2:30. */
function r2At(atMs: number, presetId = 'reload-black-hole') {
  const preset = findPreset(presetId);
  const parsed = parseScenario(preset?.document);
  if (!parsed.ok) throw new Error(`${presetId} does not load`);
  const run = new RunBuilder(parsed.loaded).extendTo(atMs);
  const view = frameAt(run, atMs).routers.find((router) => router.node === 'R2');
  if (view === undefined) throw new Error('no R2');
  return consoleContext(run, view, atMs);
}

describe('consoleContext across a reload', () => {
  it('before the reload: the buffer holds the tunnel coming up, uptime from power-on', () => {
    const context = r2At(60_000);
    expect(context.bootedAtMs).toBe(0);
    expect(context.logging.map((line) => line.text)).toEqual([
      expect.stringMatching(/^%CRYPTO-5-SESSION_STATUS: Crypto tunnel is UP/),
    ]);
  });

  it('after the boot: the buffer holds only what was logged since, uptime counts from the boot', () => {
    const context = r2At(300_000);
    expect(context.bootedAtMs).toBe(150_000);
    expect(context.logging.length).toBeGreaterThan(0);
    // The tunnel-up line of 5 s went with the reload; the invalid-SPI drops after it stay.
    for (const line of context.logging) {
      expect(line.atMs).toBeGreaterThanOrEqual(150_000);
      expect(line.text).toMatch(/^%CRYPTO-4-RECVD_PKT_INV_SPI:/);
    }
  });
});

describe('consoleContext and the links', () => {
  it('says when every link of the router is down (dpd-idle-on-demand pulls R2-ISP at 1:30)', () => {
    expect(r2At(60_000, 'dpd-idle-on-demand').linksDown).toBe(false);
    expect(r2At(100_000, 'dpd-idle-on-demand').linksDown).toBe(true);
  });
});
