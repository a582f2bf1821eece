import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenario/parseScenario';
import { findPreset } from '../../scenario/presets';
import { buildRun } from '../../sim/run';
import { probeRetransmits } from './probeRound';

describe('probeRetransmits', () => {
  const parsed = parseScenario(findPreset('dynamic-map-hub-reload')?.document ?? {});
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const run = buildRun(parsed.loaded);

  it('counts the R-U-THERE retransmissions of the round under way', () => {
    // The spoke starts probing the silent hub at 180 s and resends every 2 s.
    expect(probeRetransmits(run, 'SPOKE', '20.1.1.2', 179_000)).toBeNull();
    expect(probeRetransmits(run, 'SPOKE', '20.1.1.2', 180_000)).toBe(0);
    expect(probeRetransmits(run, 'SPOKE', '20.1.1.2', 183_999)).toBe(1);
    expect(probeRetransmits(run, 'SPOKE', '20.1.1.2', 190_000)).toBe(5);
    expect(probeRetransmits(run, 'HUB', '10.1.1.1', 190_000)).toBeNull();
  });
});
