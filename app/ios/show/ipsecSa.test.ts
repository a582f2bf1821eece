import { describe, expect, it } from 'vitest';
import type { IpsecFlowView, RouterView, SaEntryView } from '../../sim/snapshot';
import { showCryptoIpsecSa } from './ipsecSa';

function sa(fields: Partial<SaEntryView>): SaEntryView {
  return {
    spi: 0xe7858bad,
    transform: 'esp-aes esp-sha-hmac',
    mode: 'Tunnel',
    connId: 2009,
    flowId: 9,
    cryptoMap: 'MyCryptoMap',
    lifetimeKb: 4608000,
    remainingKb: 4525504,
    remainingSec: 3499,
    idleRemainingSec: null,
    idleTimeSec: null,
    expiresAtMs: 3_499_000,
    lastActivityAtMs: 0,
    programmedAtMs: 0,
    programming: false,
    status: 'ACTIVE',
    ...fields,
  };
}

/** The values of the doc's section 4.4 sample. */
function docFlow(fields: Partial<IpsecFlowView> = {}): IpsecFlowView {
  return {
    interfaceName: 'FastEthernet0/1',
    cryptoMapTag: 'MyCryptoMap',
    localAddr: '203.0.113.1',
    localIdent: { addr: '192.168.1.0', mask: '255.255.255.0', prot: 0, port: 0 },
    remoteIdent: { addr: '192.168.2.0', mask: '255.255.255.0', prot: 0, port: 0 },
    currentPeer: '203.0.114.1',
    encaps: 7,
    decaps: 6,
    sendErrors: 0,
    recvErrors: 0,
    currentOutboundSpi: 0x2b4cf979,
    inbound: [sa({})],
    outbound: [sa({ spi: 0x2b4cf979, connId: 2010, flowId: 10 })],
    ...fields,
  };
}

function router(ipsec: IpsecFlowView[]): RouterView {
  return {
    node: 'R1',
    hostname: 'R1',
    power: 'up',
    addresses: [],
    ike: [],
    ipsec,
    nhrp: [],
    invalidSpiDrops: 0,
  };
}

const saBlock = (spi: string, connId: number, flowId: number): string[] => [
  `      spi: ${spi}`,
  '        transform: esp-aes esp-sha-hmac ,',
  '        in use settings ={Tunnel, }',
  `        conn id: ${connId}, flow_id: ${flowId}, crypto map: MyCryptoMap`,
  '        sa timing: remaining key lifetime (k/sec): (4525504/3499)',
  '        IV size: 16 bytes',
  '        replay detection support: Y',
  '        Status: ACTIVE',
];

// ios-behavior.md section 4.4, verbatim, with "... same fields ..." written out for the
// outbound SA (conn id 2010, flow_id 10).
const DOC_SAMPLE = [
  'interface: FastEthernet0/1',
  '    Crypto map tag: MyCryptoMap, local addr 203.0.113.1',
  '   protected vrf: (none)',
  '   local  ident (addr/mask/prot/port): (192.168.1.0/255.255.255.0/0/0)',
  '   remote ident (addr/mask/prot/port): (192.168.2.0/255.255.255.0/0/0)',
  '   current_peer 203.0.114.1 port 500',
  '     PERMIT, flags={origin_is_acl,}',
  '    #pkts encaps: 7, #pkts encrypt: 7, #pkts digest: 7',
  '    #pkts decaps: 6, #pkts decrypt: 6, #pkts verify: 6',
  '    #pkts compressed: 0, #pkts decompressed: 0',
  '    #pkts not compressed: 0, #pkts compr. failed: 0',
  '    #pkts not decompressed: 0, #pkts decompress failed: 0',
  '    #send errors 0, #recv errors 0',
  '     local crypto endpt.: 203.0.113.1, remote crypto endpt.: 203.0.114.1',
  '     path mtu 1500, ip mtu 1500, ip mtu idb FastEthernet0/1',
  '     current outbound spi: 0x2B4CF979(726464889)',
  '     inbound esp sas:',
  ...saBlock('0xE7858BAD(3884288941)', 2009, 9),
  '     inbound ah sas:',
  '     inbound pcp sas:',
  '     outbound esp sas:',
  ...saBlock('0x2B4CF979(726464889)', 2010, 10),
  '     outbound ah sas:',
  '     outbound pcp sas:',
];

describe('showCryptoIpsecSa', () => {
  it('prints every line of the doc sample, in order (section 4.4)', () => {
    const text = showCryptoIpsecSa(router([docFlow()]));
    expect(text.split('\n').filter((line) => line !== '')).toEqual(DOC_SAMPLE);
  });

  it('places blank lines as the public 12.4 capture does', () => {
    const text = showCryptoIpsecSa(router([docFlow()]));
    expect(text).toBe(
      [
        '',
        ...DOC_SAMPLE.slice(0, 2),
        '',
        ...DOC_SAMPLE.slice(2, 13),
        '',
        ...DOC_SAMPLE.slice(13, 16),
        '',
        ...DOC_SAMPLE.slice(16, 25),
        '',
        '     inbound ah sas:',
        '',
        '     inbound pcp sas:',
        '',
        ...DOC_SAMPLE.slice(27, 36),
        '',
        '     outbound ah sas:',
        '',
        '     outbound pcp sas:',
        '',
        '',
      ].join('\n'),
    );
  });

  it('shows a flow without SAs as IOS does before negotiation', () => {
    const text = showCryptoIpsecSa(
      router([docFlow({ encaps: 0, decaps: 0, currentOutboundSpi: 0, inbound: [], outbound: [] })]),
    );
    expect(text).toContain(
      [
        '     current outbound spi: 0x0(0)',
        '',
        '     inbound esp sas:',
        '',
        '     inbound ah sas:',
        '',
        '     inbound pcp sas:',
        '',
        '     outbound esp sas:',
        '',
        '     outbound ah sas:',
        '',
        '     outbound pcp sas:',
        '',
      ].join('\n'),
    );
    expect(text).toContain('#pkts encaps: 0, #pkts encrypt: 0, #pkts digest: 0');
  });

  it('lists both inbound SAs during a rekey overlap, without a blank between them', () => {
    const text = showCryptoIpsecSa(
      router([docFlow({ inbound: [sa({}), sa({ spi: 0x3b047937, connId: 2011, flowId: 11 })] })]),
    );
    expect(text).toContain('        Status: ACTIVE\n      spi: 0x3B047937(990148919)\n');
  });

  it('prints GRE tunnel protection proxies and transport mode', () => {
    const transport = sa({ mode: 'Transport', cryptoMap: 'Tunnel0-head-0', connId: 7, flowId: 7 });
    const text = showCryptoIpsecSa(
      router([
        docFlow({
          interfaceName: 'Tunnel0',
          cryptoMapTag: 'Tunnel0-head-0',
          localAddr: '20.0.0.10',
          localIdent: { addr: '20.0.0.10', mask: '255.255.255.255', prot: 47, port: 0 },
          remoteIdent: { addr: '20.0.0.14', mask: '255.255.255.255', prot: 47, port: 0 },
          currentPeer: '20.0.0.14',
          inbound: [transport],
          outbound: [transport],
        }),
      ]),
    );
    expect(text).toContain('    Crypto map tag: Tunnel0-head-0, local addr 20.0.0.10\n');
    expect(text).toContain(
      '   local  ident (addr/mask/prot/port): (20.0.0.10/255.255.255.255/47/0)\n',
    );
    expect(text).toContain('        in use settings ={Transport, }\n');
    expect(text).toContain('        conn id: 7, flow_id: 7, crypto map: Tunnel0-head-0\n');
  });

  it('derives IV size and replay detection from the transform', () => {
    const text = showCryptoIpsecSa(
      router([docFlow({ inbound: [sa({ transform: 'esp-3des' })], outbound: [] })]),
    );
    expect(text).toContain('        IV size: 8 bytes\n        replay detection support: N\n');
  });

  it('groups flows under one interface header and filters by peer', () => {
    const other = docFlow({
      remoteIdent: { addr: '192.168.3.0', mask: '255.255.255.0', prot: 0, port: 0 },
      currentPeer: '30.1.1.3',
    });
    const text = showCryptoIpsecSa(router([docFlow(), other]));
    expect(text.match(/^interface: /gm)).toHaveLength(1);
    expect(text).toContain('     outbound pcp sas:\n\n   protected vrf: (none)\n');

    const filtered = showCryptoIpsecSa(router([docFlow(), other]), { peer: '30.1.1.3' });
    expect(filtered).toContain('   current_peer 30.1.1.3 port 500\n');
    expect(filtered).not.toContain('203.0.114.1 port');
  });

  it('starts a new block per interface', () => {
    const text = showCryptoIpsecSa(
      router([docFlow(), docFlow({ interfaceName: 'Serial0/0', cryptoMapTag: 'Backup' })]),
    );
    expect(text).toContain(
      '     outbound pcp sas:\n\ninterface: Serial0/0\n    Crypto map tag: Backup, local addr 203.0.113.1\n\n',
    );
  });

  it('prints nothing without flows, or when no flow has the peer', () => {
    expect(showCryptoIpsecSa(router([]))).toBe('');
    expect(showCryptoIpsecSa(router([docFlow()]), { peer: '9.9.9.9' })).toBe('');
  });

  it('replaces the error line by the per-cause counters with detail', () => {
    const text = showCryptoIpsecSa(router([docFlow({ sendErrors: 1, recvErrors: 2 })]), {
      detail: true,
    });
    expect(text).not.toContain('#send errors');
    expect(text).toContain(
      [
        '    #pkts not decompressed: 0, #pkts decompress failed: 0',
        '    #pkts no sa (send) 1, #pkts invalid sa (rcv) 0',
        '    #pkts encaps failed (send) 0, #pkts decaps failed (rcv) 2',
        '    #pkts invalid prot (recv) 0, #pkts verify failed: 0',
        '    #pkts invalid identity (recv) 0, #pkts invalid len (rcv) 0',
        '    #pkts replay rollover (send): 0, #pkts replay rollover (rcv) 0',
        '    ##pkts replay failed (rcv): 0',
        '    #pkts internal err (send): 0, #pkts internal err (recv) 0',
        '',
        '     local crypto endpt.:',
      ].join('\n'),
    );
  });
});
