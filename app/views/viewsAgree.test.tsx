// @vitest-environment jsdom
// The topology, the router panels and the compare columns say the same thing about one moment,
// because they read the same derivations (app/sim/derived). The case that once split them: in
// the HSRP failover at 2:10.021 the topology flagged R1's SPI while the panels did not.

import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { summariseRouter } from '../compare/routerSummary';
import { addressBookAt } from '../sim/derived/addressBook';
import { staleSpisAt } from '../sim/derived/spiMismatches';
import { frameAt } from '../sim/frame';
import { loadPreset, seek } from '../store/actions';
import { INITIAL_STATE, useSimStore } from '../store/simStore';
import { RouterPanels } from './routers/RouterPanels';
import { TopologyView } from './topology/TopologyView';

let container: HTMLDivElement;
let root: Root;

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

beforeEach(() => {
  useSimStore.setState(INITIAL_STATE, true);
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

const q = (testId: string) => container.querySelector(`[data-testid="${testId}"]`);

describe('HSRP headend failover at 2:10.021', () => {
  beforeEach(() => {
    act(() => {
      loadPreset('hsrp-headend-failover');
      seek(130_021);
    });
    act(() =>
      root.render(
        <>
          <TopologyView />
          <RouterPanels />
        </>,
      ),
    );
  });

  it('flags R1’s SPI 0x8801C740, unknown to HE2 (Active for 20.1.1.10), in every view', () => {
    // Topology: R1's glyph.
    expect(q('router.R1')?.getAttribute('data-stale-spi')).toBe('0x8801C740');
    expect(q('router.R1')?.textContent).toContain('stale SPI 0x8801C740');
    // Panels: R1's warning row names HE2 as the peer that does not know it.
    const row = q('mismatch.R1');
    expect(row?.getAttribute('data-spi')).toBe('0x8801C740');
    expect(row?.getAttribute('data-peer')).toBe('HE2');
    expect(row?.textContent).toContain('R1 encrypts with 0x8801C740, which HE2 does not know');
    expect(q('panel.R1')?.textContent).toContain('with 20.1.1.10 (HSRP: HE2 Active)');
    // Compare: R1's line, from the same frame.
    const { run, t } = useSimStore.getState();
    if (!run) throw new Error('no run');
    const frame = frameAt(run, t);
    const r1 = frame.routers.find((view) => view.node === 'R1');
    if (!r1) throw new Error('no R1');
    const summary = summariseRouter(r1, staleSpisAt(frame), addressBookAt(frame));
    expect(summary.staleOutbound).toBe(1);
    expect(summary.parts.map((p) => p.text)).toContain('out 0x8801C740 ⚠ peer has no such SA');
    expect(summary.parts.map((p) => p.text)).toContain('IKE with 20.1.1.10 QM_IDLE');
    // Nobody else is flagged.
    expect(container.querySelectorAll('[data-testid^="mismatch."]')).toHaveLength(1);
    expect(q('router.HE2')?.getAttribute('data-stale-spi')).toBeNull();
  });

  it('flags nobody while no router answers for 20.1.1.10', () => {
    act(() => seek(125_000));
    expect(q('router.R1')?.getAttribute('data-stale-spi')).toBeNull();
    expect(container.querySelectorAll('[data-testid^="mismatch."]')).toHaveLength(0);
  });
});
