import { describe, expect, it } from 'vitest';
import { ikeSaToward, peersOf } from './peers';
import { flowView, ikeView, routerViewOf } from './viewFixtures';

describe('ikeSaToward', () => {
  it('counts an established SA over a main mode in progress, even a newer one', () => {
    const view = routerViewOf({
      node: 'R1',
      ike: [ikeView({ connId: 1002, state: 'MM_SA_SETUP' }), ikeView({ connId: 1001 })],
    });
    expect(ikeSaToward(view, '20.1.1.2')?.connId).toBe(1001);
  });

  it('takes the newest of two established SAs, and never one being deleted', () => {
    const view = routerViewOf({
      node: 'R1',
      ike: [
        ikeView({ connId: 1003, status: 'DELETED' }),
        ikeView({ connId: 1001 }),
        ikeView({ connId: 1002 }),
        ikeView({ connId: 1004, peer: '30.1.1.3' }),
      ],
    });
    expect(ikeSaToward(view, '20.1.1.2')?.connId).toBe(1002);
    expect(ikeSaToward(view, '40.1.1.4')).toBeUndefined();
  });
});

describe('peersOf', () => {
  it('lists IKE peers, then peers with only a flow, each with its flows', () => {
    const view = routerViewOf({
      node: 'R1',
      ike: [ikeView({ connId: 1002, state: 'MM_SA_SETUP' }), ikeView()],
      ipsec: [
        flowView('30.1.1.3'),
        flowView('20.1.1.2', { inbound: 1, outbound: 2 }),
        flowView('0.0.0.0'),
      ],
    });
    const peers = peersOf(view);
    expect(peers.map((p) => p.address)).toEqual(['20.1.1.2', '30.1.1.3']);
    expect(peers[0]?.ike?.connId).toBe(1001);
    expect(peers[0]?.flows.map((f) => f.currentOutboundSpi)).toEqual([2]);
    expect(peers[1]?.ike).toBeUndefined();
  });
});
