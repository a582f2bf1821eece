// Hand-made router tables for the unit tests of the derivations and of the views that name
// them: an IKE SA and a flow with one SA pair, each overridable. Test support only.

import type { IkeSaView, IpsecFlowView, RouterView, SaEntryView } from '../snapshot';

export function ikeView(overrides: Partial<IkeSaView> = {}): IkeSaView {
  return {
    connId: 1001,
    keysDerived: true,
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

function saView(spi: number): SaEntryView {
  return {
    spi,
    transform: 'esp-aes esp-sha-hmac',
    mode: 'Tunnel',
    connId: 2001,
    flowId: 1,
    cryptoMap: 'CMAP',
    lifetimeKb: 4608000,
    remainingKb: 1,
    remainingSec: 1,
    idleRemainingSec: null,
    idleTimeSec: null,
    expiresAtMs: 1,
    lastActivityAtMs: 0,
    programmedAtMs: 0,
    programming: false,
    status: 'ACTIVE',
  };
}

/** A flow toward `peer`; with `spis`, one installed pair (inbound and outbound SPI). */
export function flowView(
  peer: string,
  spis?: { inbound: number; outbound: number },
): IpsecFlowView {
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
    currentOutboundSpi: spis?.outbound ?? 0,
    inbound: spis ? [saView(spis.inbound)] : [],
    outbound: spis ? [saView(spis.outbound)] : [],
  };
}

export function routerViewOf(overrides: Partial<RouterView> & { node: string }): RouterView {
  return {
    hostname: overrides.node,
    power: 'up',
    addresses: [],
    ike: [],
    ipsec: [],
    nhrp: [],
    invalidSpiDrops: 0,
    ...overrides,
  };
}
