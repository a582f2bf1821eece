import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenario/parseScenario';
import { findPreset } from '../../scenario/presets';
import { simulate } from '../../sim/simulate';
import { showStandbyBrief } from './standby';

function viewsAt(untilMs: number) {
  const preset = findPreset('hsrp-headend-failover');
  const parsed = preset && parseScenario(preset.document);
  if (!parsed?.ok) throw new Error('preset does not load');
  return simulate(parsed.loaded, { untilMs }).views;
}

describe('show standby brief', () => {
  it('lists each group: HE1 Active before the reload, HE2 Active and HE1 Standby after it', () => {
    const before = viewsAt(60_000);
    const he1 = before.find((v) => v.node === 'HE1');
    expect(he1 && showStandbyBrief(he1)).toBe(
      [
        '                     P indicates configured to preempt.',
        '                     |',
        'Interface   Grp  Pri P State   Active          Standby         Virtual IP',
        'Fa0/0       1    110   Active  local           20.1.1.3        20.1.1.10',
        '',
      ].join('\n'),
    );
    const after = viewsAt(300_000);
    const lines = (node: string) => {
      const view = after.find((v) => v.node === node);
      return view ? showStandbyBrief(view).split('\n')[3] : '';
    };
    expect(lines('HE2')).toBe(
      'Fa0/0       1    100   Active  local           20.1.1.2        20.1.1.10',
    );
    expect(lines('HE1')).toBe(
      'Fa0/0       1    110   Standby 20.1.1.3        local           20.1.1.10',
    );
  });

  it('prints nothing on a router without HSRP', () => {
    const r1 = viewsAt(60_000).find((v) => v.node === 'R1');
    expect(r1 && showStandbyBrief(r1)).toBe('');
  });
});
