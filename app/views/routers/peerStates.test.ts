import { describe, expect, it } from 'vitest';
import { flowView, ikeView as ike } from '../../sim/derived/viewFixtures';
import { dpdChip, ikeChip, ipsecChip, prefix } from './peerStates';

describe('peer states', () => {
  it('names IKE and IPsec states', () => {
    expect(ikeChip(undefined)).toMatchObject({ state: 'none', tone: 'off' });
    expect(ikeChip(ike({ state: 'MM_KEY_EXCH' }))).toMatchObject({
      state: 'MM_KEY_EXCH',
      tone: 'pending',
    });
    const pair = { inbound: 1, outbound: 2 };
    expect(ipsecChip([flowView('p', pair)], false).state).toBe('active');
    expect(ipsecChip([flowView('p')], true).state).toBe('negotiating');
    expect(ipsecChip([flowView('p')], false).state).toBe('none');
  });

  it('counts DPD retries of 5 and legacy keepalives of 3', () => {
    expect(dpdChip(undefined)).toMatchObject({ state: 'off' });
    expect(dpdChip(ike({ liveness: 'none', dpdState: 'off' })).state).toBe('off');
    expect(dpdChip(ike({ dpdState: 'worried' })).state).toBe('worried');
    expect(dpdChip(ike({ dpdState: 'probing', dpdRetry: 0 })).text).toBe('R-U-THERE sent');
    expect(dpdChip(ike({ dpdState: 'probing', dpdRetry: 3 })).text).toBe('retry 3 of 5');
    expect(
      dpdChip(ike({ liveness: 'legacy-keepalive', dpdState: 'probing', dpdRetry: 1 })).text,
    ).toBe('keepalive 2 of 3');
    expect(dpdChip(ike({ dpdState: 'dead' }))).toMatchObject({ state: 'dead', tone: 'bad' });
  });

  it('writes proxies as prefixes', () => {
    expect(prefix('192.168.1.0', '255.255.255.0')).toBe('192.168.1.0/24');
    expect(prefix('10.0.0.1', '255.255.255.255')).toBe('10.0.0.1/32');
  });
});
