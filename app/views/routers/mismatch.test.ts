import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenario/parseScenario';
import { findPreset } from '../../scenario/presets';
import { frameAt } from '../../sim/frame';
import { buildRun } from '../../sim/run';
import { addressBook, peerKey, peerLabel } from './addressBook';
import { spiMismatches } from './mismatch';
import { negotiatingPeers } from './negotiations';

function runOf(id: string) {
  const preset = findPreset(id);
  if (!preset) throw new Error(id);
  const parsed = parseScenario(preset.document);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return { run: buildRun(parsed.loaded), book: addressBook(parsed.loaded.startupConfigs) };
}

describe('SPI mismatches across the routers of a frame', () => {
  const { run, book } = runOf('reload-black-hole');

  it('names peers by router', () => {
    expect(peerLabel('20.1.1.2', book)).toBe('R2 (20.1.1.2)');
    expect(peerKey('20.1.1.2', book)).toBe('R2');
    expect(peerKey('99.9.9.9', book)).toBe('99.9.9.9');
  });

  it('finds none while the tunnel is healthy', () => {
    expect(spiMismatches(frameAt(run, 60_000), book)).toEqual([]);
  });

  it('finds the black hole: R1 encrypts with an SPI R2 lost in its reload', () => {
    const frame = frameAt(run, 200_000);
    const r1 = frame.routers.find((v) => v.node === 'R1');
    const spi = r1?.ipsec[0]?.currentOutboundSpi;
    expect(spi).toBeGreaterThan(0);
    expect(spiMismatches(frame, book)).toEqual([
      {
        router: 'R1',
        peerRouter: 'R2',
        peer: '20.1.1.2',
        spi,
        peerNegotiating: false,
        peerPower: 'up',
        senderDpdState: 'off',
        senderLegacyKeepalive: false,
      },
    ]);
  });

  it('says the peer is reloading while it boots', () => {
    const [mismatch] = spiMismatches(frameAt(run, 130_000), book);
    expect(mismatch?.peerPower).toBe('booting');
  });
});

describe('negotiatingPeers', () => {
  const { run } = runOf('reload-black-hole');

  it('is the quick mode in progress, and forgets it at a reload', () => {
    // Bring-up: R1 starts quick mode at 5.12 s, both sides are active at 5.18 s.
    expect([...negotiatingPeers(run, 'R1', 5_130)]).toEqual(['20.1.1.2']);
    expect(negotiatingPeers(run, 'R1', 5_200).size).toBe(0);
    expect(negotiatingPeers(run, 'R2', 200_000).size).toBe(0);
    expect(negotiatingPeers(run, 'nobody', 200_000).size).toBe(0);
  });
});
