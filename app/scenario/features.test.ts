import { describe, expect, it } from 'vitest';
import { type FeatureState, featureHolds } from './features';

const none: FeatureState = { invalidSpiRecovery: false, keepalive: null, idleTimeSec: null };
const dpd = { seconds: 10, retrySec: 2, mode: 'on-demand' as const };

describe('featureHolds', () => {
  it('compares each remedy with what a change asks for, parameters included', () => {
    expect(featureHolds(none, { feature: 'invalidSpiRecovery', on: false })).toBe(true);
    expect(featureHolds(none, { feature: 'invalidSpiRecovery', on: true })).toBe(false);
    expect(featureHolds(none, { feature: 'keepalive', value: null })).toBe(true);
    const on = { ...none, keepalive: dpd };
    expect(featureHolds(on, { feature: 'keepalive', value: dpd })).toBe(true);
    expect(featureHolds(on, { feature: 'keepalive', value: { ...dpd, retrySec: 3 } })).toBe(false);
    expect(featureHolds(on, { feature: 'keepalive', value: { ...dpd, mode: 'periodic' } })).toBe(
      false,
    );
    expect(featureHolds(on, { feature: 'keepalive', value: null })).toBe(false);
    expect(featureHolds({ ...none, idleTimeSec: 300 }, { feature: 'idleTime', seconds: 300 })).toBe(
      true,
    );
    expect(featureHolds(none, { feature: 'idleTime', seconds: 300 })).toBe(false);
  });
});
