import { describe, expect, it } from 'vitest';
import * as messages from './messages';
import {
  attsAcceptableDebug,
  beginMainModeDebug,
  beginQuickModeDebug,
  checkingIsakmpTransformDebug,
  createSaDebug,
  deathByRetransmissionDebug,
  deleteNotifyReceivedDebug,
  deletingNodeDebug,
  deletingSaDebug,
  dpdAckReceivedDebug,
  dpdRetransmitDebug,
  dpdSendDebug,
  enableOutboundDebug,
  ezvpnConnectionDownSyslog,
  ezvpnConnectionUpSyslog,
  fsmTransitionDebug,
  IOS_MESSAGE_FIDELITY,
  idleTimerExpiredDebug,
  ignoringDeleteNotifyDebug,
  ikmpNoSaSyslog,
  incrementingErrorCounterDebug,
  invalidSpiSyslog,
  keepaliveMissDebug,
  keepaliveSendDebug,
  paranoidKeepalivesDebug,
  peerDeadDebug,
  peerDpdVidDebug,
  phase1CompleteDebug,
  processInitialContactDebug,
  processingDeletePayloadDebug,
  processingHashPayloadDebug,
  processingSaPayloadDebug,
  purgingNodeDebug,
  purgingSaDebug,
  qmInitiatorGetsSpiDebug,
  receivedPacketDebug,
  retransmitPhase1Debug,
  retransmitPhase2Debug,
  saRequestDebug,
  sendInitialContactDebug,
  sendingPacketDebug,
  sessionStatusSyslog,
  setNewNodeDebug,
  speakingToIosDebug,
  spiWithDecimal,
} from './messages';

// Expected strings marked "doc" are copied from /work/shared/docs/ios-behavior.md.

describe('syslog', () => {
  it('RECVD_PKT_INV_SPI equals the doc (section 1.1)', () => {
    expect(invalidSpiSyslog({ destAddr: '20.1.1.2', spi: 0xb761863e, srcAddr: '10.1.1.1' })).toBe(
      "%CRYPTO-4-RECVD_PKT_INV_SPI: decaps: rec'd IPSEC packet has invalid spi for destaddr=20.1.1.2, prot=50, spi=0xB761863E(3076621886), srcaddr=10.1.1.1",
    );
  });

  it('IKMP_NO_SA equals the doc (sections 2.4 and 7.4)', () => {
    expect(ikmpNoSaSyslog({ srcAddr: '10.10.10.10' })).toBe(
      '%CRYPTO-4-IKMP_NO_SA: IKE message from 10.10.10.10 has no SA and is not an initialization offer',
    );
    expect(ikmpNoSaSyslog({ srcAddr: '10.1.1.1' })).toBe(
      '%CRYPTO-4-IKMP_NO_SA: IKE message from 10.1.1.1 has no SA and is not an initialization offer',
    );
  });

  it('SESSION_STATUS pads the status to four characters', () => {
    expect(sessionStatusSyslog({ up: true, peer: '10.1.1.1' })).toBe(
      '%CRYPTO-5-SESSION_STATUS: Crypto tunnel is UP  .  Peer 10.1.1.1:500       Id: 10.1.1.1',
    );
    expect(sessionStatusSyslog({ up: false, peer: '10.1.1.1' })).toBe(
      '%CRYPTO-5-SESSION_STATUS: Crypto tunnel is DOWN.  Peer 10.1.1.1:500       Id: 10.1.1.1',
    );
  });

  it('EZVPN_CONNECTION_UP/DOWN follow the client-mode capture layout', () => {
    const p = {
      client: '10.1.1.1',
      peer: '20.1.1.2',
      group: 'EZGROUP',
      assignedAddr: '172.16.1.10',
    };
    expect(ezvpnConnectionUpSyslog(p)).toBe(
      '%CRYPTO-6-EZVPN_CONNECTION_UP: (Client)  User=  Group=EZGROUP  Client_public_addr=10.1.1.1  Server_public_addr=20.1.1.2  Assigned_client_addr=172.16.1.10  ',
    );
    expect(ezvpnConnectionDownSyslog({ ...p, user: 'student' })).toBe(
      '%CRYPTO-6-EZVPN_CONNECTION_DOWN: (Client)  User=student  Group=EZGROUP  Client_public_addr=10.1.1.1  Server_public_addr=20.1.1.2  Assigned_client_addr=172.16.1.10  ',
    );
    expect(ezvpnConnectionUpSyslog({ client: '10.1.1.1', peer: '20.1.1.2', group: 'G' })).toBe(
      '%CRYPTO-6-EZVPN_CONNECTION_UP: (Client)  User=  Group=G  Client_public_addr=10.1.1.1  Server_public_addr=20.1.1.2  ',
    );
  });
});

describe('IPsec debug', () => {
  it('ignoring delete notify equals the doc (sections 1.2 and 7.4)', () => {
    expect(ignoringDeleteNotifyDebug({ src: '20.1.1.2', dst: '10.1.1.1', spi: 0xb761863e })).toBe(
      'ISAKMP: ignoring request to send delete notify (no ISAKMP sa) src 20.1.1.2 dst 10.1.1.1 for SPI 0xB761863E',
    );
    expect(ignoringDeleteNotifyDebug({ src: '1.1.100.10', dst: '1.1.56.6', spi: 0x33c701ea })).toBe(
      'ISAKMP: ignoring request to send delete notify (no ISAKMP sa) src 1.1.100.10 dst 1.1.56.6 for SPI 0x33C701EA',
    );
  });

  it('sa_request prints the 12.4 fields on one line', () => {
    const p = {
      src: '10.1.1.1',
      dst: '20.1.1.2',
      localProxy: '192.168.1.0/255.255.255.0/0/0',
      remoteProxy: '192.168.2.0/255.255.255.0/0/0',
      transform: 'esp-aes esp-sha-hmac',
      lifetimeSec: 3600,
      lifetimeKb: 4608000,
    };
    expect(saRequestDebug(p)).toBe(
      'IPSEC(sa_request): , (key eng. msg.) OUTBOUND local= 10.1.1.1, remote= 20.1.1.2, local_proxy= 192.168.1.0/255.255.255.0/0/0 (type=4), remote_proxy= 192.168.2.0/255.255.255.0/0/0 (type=4), protocol= ESP, transform= esp-aes esp-sha-hmac  (Tunnel), lifedur= 3600s and 4608000kb, spi= 0x0(0), conn_id= 0, keysize= 128, flags= 0x0',
    );
    expect(saRequestDebug(p)).toContain('lifedur= 3600s and 4608000kb'); // doc section 4.5
  });

  it('sa_request shows host proxies as type=1, the mode, and the key size', () => {
    const text = saRequestDebug({
      src: '10.255.1.1',
      dst: '10.255.1.2',
      localProxy: '10.255.1.1/255.255.255.255/47/0',
      remoteProxy: '10.255.1.2/255.255.255.255/47/0',
      transform: 'esp-aes 256 esp-sha-hmac',
      lifetimeSec: 3600,
      lifetimeKb: 4608000,
      mode: 'Transport',
    });
    expect(text).toContain('local_proxy= 10.255.1.1/255.255.255.255/47/0 (type=1)');
    expect(text).toContain('transform= esp-aes 256 esp-sha-hmac  (Transport)');
    expect(text).toContain('keysize= 256,');
    expect(
      saRequestDebug({
        src: '1.1.1.1',
        dst: '2.2.2.2',
        localProxy: '0.0.0.0/0.0.0.0/0/0',
        remoteProxy: '0.0.0.0/0.0.0.0/0/0',
        transform: 'esp-3des esp-md5-hmac',
        lifetimeSec: 1800,
        lifetimeKb: 4608000,
      }),
    ).toContain(
      '(type=4), protocol= ESP, transform= esp-3des esp-md5-hmac  (Tunnel), lifedur= 1800s and 4608000kb, spi= 0x0(0), conn_id= 0, keysize= 0,',
    );
  });

  it('create_sa', () => {
    expect(
      createSaDebug({
        dest: '10.1.1.1',
        src: '20.1.1.2',
        spi: 0x9a1b2c3d,
        transform: 'esp-aes esp-sha-hmac',
        connId: 2001,
        direction: 'inbound',
      }),
    ).toBe(
      'IPSEC(create_sa): sa created, (sa) sa_dest= 10.1.1.1, sa_proto= 50, sa_spi= 0x9A1B2C3D(2585472061), sa_trans= esp-aes esp-sha-hmac , sa_conn_id= 2001',
    );
  });

  it("rec'd delete notify equals the doc (section 1.5)", () => {
    expect(deleteNotifyReceivedDebug()).toBe(
      "IPSEC(key_engine_delete_sas): rec'd delete notify from ISAKMP",
    );
  });

  it('delete_sa names the SA destination and SPI', () => {
    expect(
      deletingSaDebug({ src: '10.1.1.1', dst: '20.1.1.2', spi: 0xb761863e, reason: 'idle' }),
    ).toBe(
      'IPSEC(delete_sa): deleting SA, (sa) sa_dest= 20.1.1.2, sa_proto= 50, sa_spi= 0xB761863E(3076621886)',
    );
  });

  it('idle timer expiry', () => {
    expect(idleTimerExpiredDebug({ peer: '20.1.1.2', spi: 0xb761863e })).toBe(
      'IPSEC(sa_idle): idle timer expired for SA to 20.1.1.2 spi 0xB761863E',
    );
  });
});

describe('ISAKMP debug', () => {
  it('main mode lines', () => {
    expect(beginMainModeDebug({ connId: 0, peer: '20.1.1.2' })).toBe(
      'ISAKMP:(0): beginning Main Mode exchange',
    );
    expect(
      sendingPacketDebug({ connId: 1001, peer: '20.1.1.2', role: 'I', state: 'MM_NO_STATE' }),
    ).toBe('ISAKMP:(1001): sending packet to 20.1.1.2 my_port 500 peer_port 500 (I) MM_NO_STATE');
    expect(
      receivedPacketDebug({ connId: 1001, peer: '20.1.1.2', role: 'I', state: 'MM_NO_STATE' }),
    ).toBe(
      'ISAKMP (0:1001): received packet from 20.1.1.2 dport 500 sport 500 Global (I) MM_NO_STATE',
    );
    expect(fsmTransitionDebug({ connId: 1001, oldState: 'IKE_I_MM1', newState: 'IKE_I_MM2' })).toBe(
      'ISAKMP:(1001):Old State = IKE_I_MM1  New State = IKE_I_MM2',
    );
  });

  it('packet lines match the doc fragments (section 4.2)', () => {
    expect(
      sendingPacketDebug({ connId: 1001, peer: '13.1.1.3', role: 'I', state: 'MM_SA_SETUP' }),
    ).toContain('sending packet to 13.1.1.3 my_port 500 peer_port 500 (I) MM_SA_SETUP');
    expect(
      receivedPacketDebug({ connId: 1001, peer: '13.1.1.3', role: 'R', state: 'QM_IDLE' }),
    ).toMatch(/^ISAKMP \(0:1001\): received packet from 13\.1\.1\.3 .* Global \(R\) QM_IDLE/);
  });

  it('QM_IDLE keeps the padding IOS gives it', () => {
    expect(
      sendingPacketDebug({ connId: 1001, peer: '20.1.1.2', role: 'I', state: 'QM_IDLE' }),
    ).toBe('ISAKMP:(1001): sending packet to 20.1.1.2 my_port 500 peer_port 500 (I) QM_IDLE      ');
  });

  it('initial contact and DPD vendor ID equal the doc (sections 0 and 2.1)', () => {
    expect(sendInitialContactDebug({ connId: 1001 })).toBe('ISAKMP:(1001):Send initial contact');
    expect(
      processInitialContactDebug({ connId: 1001, local: '10.1.1.1', remote: '20.1.1.2' }),
    ).toBe(
      "ISAKMP:(1001):Process initial contact, bring down existing phase 1 and 2 SA's with local 10.1.1.1 remote 20.1.1.2 remote port 500",
    );
    expect(peerDpdVidDebug({ connId: 1001 })).toBe('ISAKMP:(1001): vendor ID is DPD');
  });

  it('phase 1 complete and quick mode', () => {
    expect(phase1CompleteDebug({ connId: 1001, peer: '20.1.1.2' })).toBe(
      'ISAKMP:(1001):SA has been authenticated with 20.1.1.2',
    );
    expect(beginQuickModeDebug({ connId: 1001, messageId: 1319368483 })).toBe(
      'ISAKMP:(1001):beginning Quick Mode exchange, M-ID of 1319368483',
    );
  });

  it('prints message IDs as signed 32-bit numbers', () => {
    // 3405673996 is -889293300 as int32, the M-ID of the public 12.4 capture.
    expect(beginQuickModeDebug({ connId: 9577, messageId: 3405673996 })).toBe(
      'ISAKMP:(9577):beginning Quick Mode exchange, M-ID of -889293300',
    );
  });

  it('DELETE processing (section 1.5, 12.4 spacing)', () => {
    expect(processingDeletePayloadDebug({ connId: 1003, messageId: 1319368483 })).toBe(
      'ISAKMP:(1003): processing DELETE payload. message ID = 1319368483',
    );
    expect(paranoidKeepalivesDebug({ connId: 1003 })).toBe(
      'ISAKMP:(1003):peer does not do paranoid keepalives.',
    );
    expect(purgingSaDebug({ connId: 1001 })).toBe('ISAKMP:(1001):purging SA.');
  });

  it('DPD lines join the doc lines (section 2.4)', () => {
    expect(dpdSendDebug({ connId: 1001, seq: 0x2cb8f98e, kind: 'R_U_THERE' })).toBe(
      'ISAKMP:(1001):Sending NOTIFY DPD/R_U_THERE protocol 1 seq. no 0x2CB8F98E',
    );
    expect(dpdSendDebug({ connId: 1001, seq: 0x2cb8f98e, kind: 'R_U_THERE_ACK' })).toBe(
      'ISAKMP:(1001):Sending NOTIFY DPD/R_U_THERE_ACK protocol 1 seq. no 0x2CB8F98E',
    );
    expect(dpdAckReceivedDebug({ connId: 1001, peer: '10.1.1.1', seq: 0x2cb8f98e })).toBe(
      'ISAKMP:(1001):DPD/R_U_THERE_ACK received from peer 10.1.1.1, sequence 0x2CB8F98E',
    );
    expect(dpdRetransmitDebug({ connId: 1001, peer: '20.1.1.2', attempt: 1 })).toBe(
      'ISAKMP:(1001):DPD/R_U_THERE retransmit 1 of 5 to 20.1.1.2',
    );
    expect(peerDeadDebug({ connId: 1001, peer: '20.1.1.2' })).toBe(
      'ISAKMP:(1001):peer 20.1.1.2 not responding! declaring peer dead',
    );
  });

  it('legacy keepalive lines', () => {
    expect(keepaliveSendDebug({ connId: 1001, peer: '20.1.1.2', kind: 'KEEPALIVE' })).toBe(
      'ISAKMP:(1001):Sending KEEPALIVE to peer 20.1.1.2',
    );
    expect(keepaliveMissDebug({ connId: 1001, peer: '20.1.1.2', missed: 2 })).toBe(
      'ISAKMP:(1001):KEEPALIVE to peer 20.1.1.2 unacknowledged, 2 missed',
    );
  });

  it('retransmissions', () => {
    expect(retransmitPhase1Debug({ connId: 1001, state: 'MM_NO_STATE' })).toBe(
      'ISAKMP:(1001): retransmitting phase 1 MM_NO_STATE...',
    );
    expect(retransmitPhase2Debug({ connId: 1001, messageId: 1319368483 })).toBe(
      'ISAKMP:(1001): retransmitting phase 2 QM_IDLE       1319368483 ...',
    );
    expect(
      deathByRetransmissionDebug({
        connId: 1001,
        phase: 1,
        role: 'I',
        state: 'MM_NO_STATE',
        peer: '20.1.1.2',
      }),
    ).toBe(
      'ISAKMP:(1001):deleting SA reason "Death by retransmission P1" state (I) MM_NO_STATE (peer 20.1.1.2)',
    );
    expect(deathByRetransmissionDebug({ connId: 1001, phase: 2, messageId: 1319368483 })).toBe(
      'ISAKMP:(1001):deleting node 1319368483 error TRUE reason "Death by retransmission P2"',
    );
  });
});

describe('spiWithDecimal', () => {
  it('prints hex and unsigned decimal, and a missing SPI as 0x0(0)', () => {
    expect(spiWithDecimal(0xe7858bad)).toBe('0xE7858BAD(3884288941)');
    expect(spiWithDecimal(0)).toBe('0x0(0)');
  });

  it('drops the zero padding as IOS does (section 8.4 quotes)', () => {
    expect(spiWithDecimal(235339588)).toBe('0xE06FF44(235339588)');
    expect(spiWithDecimal(128388730)).toBe('0x7A70E7A(128388730)');
    expect(spiWithDecimal(96000630)).toBe('0x5B8DA76(96000630)');
    expect(
      invalidSpiSyslog({ destAddr: '20.1.1.2', spi: 102900697, srcAddr: '10.1.1.1' }),
    ).toContain('spi=0x62223D9(102900697),');
    expect(
      createSaDebug({
        dest: '20.1.1.2',
        src: '10.1.1.1',
        spi: 235339588,
        transform: 'esp-aes esp-sha-hmac',
        connId: 2001,
        direction: 'inbound',
      }),
    ).toContain('sa_spi= 0xE06FF44(235339588),');
  });
});

describe('section 8 quotes, built with the quoted values', () => {
  it.each([
    [
      receivedPacketDebug({ connId: 0, peer: '10.1.1.1', role: 'N', state: 'NEW SA' }),
      'ISAKMP (0:0): received packet from 10.1.1.1 dport 500 sport 500 Global (N) NEW SA',
    ],
    [
      receivedPacketDebug({ connId: 0, peer: '20.1.1.2', role: 'I', state: 'MM_NO_STATE' }),
      'ISAKMP (0:0): received packet from 20.1.1.2 dport 500 sport 500 Global (I) MM_NO_STATE',
    ],
    [
      fsmTransitionDebug({ connId: 0, oldState: 'IKE_I_MM2', newState: 'IKE_I_MM3' }),
      'ISAKMP:(0):Old State = IKE_I_MM2  New State = IKE_I_MM3',
    ],
    [
      sendingPacketDebug({ connId: 0, peer: '77.77.77.77', role: 'I', state: 'MM_SA_SETUP' }),
      'ISAKMP:(0): sending packet to 77.77.77.77 my_port 500 peer_port 500 (I) MM_SA_SETUP',
    ],
    [processingSaPayloadDebug({ connId: 0 }), 'ISAKMP:(0): processing SA payload. message ID = 0'],
    [
      checkingIsakmpTransformDebug({ connId: 0, transform: 1, priority: 10 }),
      'ISAKMP:(0):Checking ISAKMP transform 1 against priority 10 policy',
    ],
    [
      attsAcceptableDebug({ connId: 0, phase: 1 }),
      'ISAKMP:(0):atts are acceptable. Next payload is 0',
    ],
    [peerDpdVidDebug({ connId: 0 }), 'ISAKMP:(0): vendor ID is DPD'],
    [speakingToIosDebug({ connId: 0 }), 'ISAKMP:(0): speaking to another IOS box!'],
    [sendInitialContactDebug({ connId: 9577 }), 'ISAKMP:(9577):Send initial contact'],
    [
      retransmitPhase1Debug({ connId: 0, state: 'MM_NO_STATE' }),
      'ISAKMP:(0): retransmitting phase 1 MM_NO_STATE...',
    ],
    [
      incrementingErrorCounterDebug({ connId: 0, attempt: 2 }),
      'ISAKMP:(0): incrementing error counter on sa, attempt 2 of 5: retransmit phase 1',
    ],
    [qmInitiatorGetsSpiDebug({ connId: 1001 }), 'ISAKMP:(1001):QM Initiator gets spi'],
    [attsAcceptableDebug({ connId: 1001, phase: 2 }), 'ISAKMP:(1001):atts are acceptable.'],
    [enableOutboundDebug(), "IPSEC(key_engine_enable_outbound): rec'd enable notify from ISAKMP"],
    [setNewNodeDebug({ messageId: 1453291904 }), 'ISAKMP: set new node 1453291904 to QM_IDLE'],
    [
      purgingNodeDebug({ connId: 9577, messageId: 1453291904 }),
      'ISAKMP:(9577):purging node 1453291904',
    ],
    [
      deletingNodeDebug({
        connId: 9577,
        messageId: 1453291904,
        reason: 'Informational (in) state 1',
      }),
      'ISAKMP:(9577):deleting node 1453291904 error FALSE reason "Informational (in) state 1"',
    ],
    [
      deletingNodeDebug({ connId: 1001, messageId: 1453291904, reason: 'QM done (await)' }),
      'ISAKMP:(1001):deleting node 1453291904 error FALSE reason "QM done (await)"',
    ],
  ])('%s', (built, quoted) => {
    expect(built).toBe(quoted);
  });

  it('processing HASH and DELETE share the 12.4 spacing', () => {
    expect(processingHashPayloadDebug({ connId: 9577, messageId: 1453291904 })).toBe(
      'ISAKMP:(9577): processing HASH payload. message ID = 1453291904',
    );
  });
});

describe('IOS_MESSAGE_FIDELITY', () => {
  const builders = Object.entries(messages)
    .filter(([name, value]) => typeof value === 'function' && /(Syslog|Debug)$/.test(name))
    .map(([name]) => name);

  it('tags every message builder, and nothing else', () => {
    expect(Object.keys(IOS_MESSAGE_FIDELITY).sort()).toEqual([...builders].sort());
  });

  it('tags the doc [C] lines confirmed and the [M] lines recalled', () => {
    expect(IOS_MESSAGE_FIDELITY.invalidSpiSyslog).toBe('confirmed');
    expect(IOS_MESSAGE_FIDELITY.ignoringDeleteNotifyDebug).toBe('confirmed');
    expect(IOS_MESSAGE_FIDELITY.sessionStatusSyslog).toBe('recalled');
    expect(IOS_MESSAGE_FIDELITY.dpdSendDebug).toBe('recalled');
    expect(IOS_MESSAGE_FIDELITY.peerDeadDebug).toBe('illustrative');
  });
});
