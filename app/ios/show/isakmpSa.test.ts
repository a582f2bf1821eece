import { describe, expect, it } from 'vitest';
import { ikeView } from '../../sim/derived/viewFixtures';
import type { IkeSaView, RouterView } from '../../sim/snapshot';
import { showCryptoIsakmpSa } from './isakmpSa';

function ikeSa(fields: Partial<IkeSaView>): IkeSaView {
  return ikeView({ lifetimeRemainingSec: 86400, ...fields });
}

function router(ike: IkeSaView[]): RouterView {
  return {
    node: 'R1',
    hostname: 'R1',
    power: 'up',
    addresses: [],
    ike,
    ipsec: [],
    nhrp: [],
    invalidSpiDrops: 0,
  };
}

describe('showCryptoIsakmpSa', () => {
  it('reproduces the doc sample line by line (section 4.3)', () => {
    const doc = [
      'IPv4 Crypto ISAKMP SA',
      'dst             src             state          conn-id slot status',
      '203.0.114.1     203.0.113.1     QM_IDLE           1010    0 ACTIVE',
    ];
    const text = showCryptoIsakmpSa(
      router([ikeSa({ connId: 1010, dst: '203.0.114.1', src: '203.0.113.1' })]),
    );
    expect(text.split('\n').slice(0, 3)).toEqual(doc);
    expect(text).toBe(`${doc.join('\n')}\n\nIPv6 Crypto ISAKMP SA\n\n`);
  });

  it('shows conn-id 0 while main mode has not derived the keys (section 8.5 quote)', () => {
    const text = showCryptoIsakmpSa(
      router([ikeSa({ connId: 1002, keysDerived: false, state: 'MM_NO_STATE' })]),
    );
    expect(text.split('\n')[2]).toMatch(/ MM_NO_STATE {10}0 {4}0 ACTIVE$/);
    expect(text.split('\n')[2]).toContain('MM_NO_STATE          0    0 ACTIVE');
  });

  it('right-aligns small conn-ids and marks lingering entries (deleted)', () => {
    const lines = showCryptoIsakmpSa(
      router([
        ikeSa({ connId: 1, dst: '202.40.88.1', src: '202.40.88.2' }),
        ikeSa({ connId: 0, state: 'MM_NO_STATE', status: 'DELETED' }),
      ]),
    ).split('\n');
    expect(lines[2]).toBe('202.40.88.1     202.40.88.2     QM_IDLE              1    0 ACTIVE');
    expect(lines[3]).toBe(
      '20.1.1.2        10.1.1.1        MM_NO_STATE          0    0 ACTIVE (deleted)',
    );
  });

  it('prints only the headers without IKE SAs', () => {
    expect(showCryptoIsakmpSa(router([]))).toBe(
      'IPv4 Crypto ISAKMP SA\ndst             src             state          conn-id slot status\n\nIPv6 Crypto ISAKMP SA\n\n',
    );
  });
});
