import { describe, expect, it } from 'vitest';
import type { IkeSaView, IpsecFlowView, RouterView } from '../../sim/snapshot';
import { dpdChip, ikeChip, ipsecChip, peersOf, prefix } from './peerStates';

function ike(overrides: Partial<IkeSaView> = {}): IkeSaView {
  return {
    connId: 1001,
    dst: '20.1.1.2',
    src: '10.1.1.1',
    peer: '20.1.1.2',
    role: 'initiator',
    state: 'QM_IDLE',
    status: 'ACTIVE',
    lifetimeRemainingSec: 86_000,
    expiresAtMs: 86_400_000,
    liveness: 'dpd',
    dpdState: 'quiet',
    dpdRetry: 0,
    ...overrides,
  };
}

const proxy = { addr: '192.168.1.0', mask: '255.255.255.0', prot: 0, port: 0 };

function flow(peer: string, pairs: number): IpsecFlowView {
  const sa = {
    spi: 1,
    transform: 'esp-aes esp-sha-hmac',
    mode: 'Tunnel' as const,
    connId: 2001,
    flowId: 1,
    cryptoMap: 'CMAP',
    remainingKb: 1,
    remainingSec: 1,
    idleRemainingSec: null,
    idleTimeSec: null,
    expiresAtMs: 1,
    lastActivityAtMs: 0,
    programmedAtMs: 0,
    programming: false,
    status: 'ACTIVE' as const,
  };
  return {
    interfaceName: 'FastEthernet0/0',
    cryptoMapTag: 'CMAP',
    localAddr: '10.1.1.1',
    localIdent: proxy,
    remoteIdent: proxy,
    currentPeer: peer,
    encaps: 0,
    decaps: 0,
    sendErrors: 0,
    recvErrors: 0,
    currentOutboundSpi: pairs > 0 ? 1 : 0,
    inbound: pairs > 0 ? [sa] : [],
    outbound: pairs > 0 ? [sa] : [],
  };
}

describe('peer states', () => {
  it('groups IKE SAs and flows by peer, QM_IDLE winning over a main mode in progress', () => {
    const view: RouterView = {
      node: 'R1',
      hostname: 'R1',
      power: 'up',
      ike: [ike({ connId: 1002, state: 'MM_SA_SETUP' }), ike()],
      ipsec: [flow('20.1.1.2', 1), flow('30.1.1.3', 0)],
      nhrp: [],
      invalidSpiDrops: 0,
    };
    const peers = peersOf(view);
    expect(peers.map((p) => p.peer)).toEqual(['20.1.1.2', '30.1.1.3']);
    expect(peers[0]?.ike?.state).toBe('QM_IDLE');
    expect(peers[1]?.ike).toBeUndefined();
  });

  it('names IKE and IPsec states', () => {
    expect(ikeChip(undefined)).toMatchObject({ state: 'none', tone: 'off' });
    expect(ikeChip(ike({ state: 'MM_KEY_EXCH' }))).toMatchObject({
      state: 'MM_KEY_EXCH',
      tone: 'pending',
    });
    expect(ipsecChip([flow('p', 1)], false).state).toBe('active');
    expect(ipsecChip([flow('p', 0)], true).state).toBe('negotiating');
    expect(ipsecChip([flow('p', 0)], false).state).toBe('none');
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
