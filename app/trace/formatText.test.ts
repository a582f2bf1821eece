import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../sim/trace';
import { formatRecord, formatTime, syslogMnemonic, syslogSeverity } from './formatText';

describe('formatTime', () => {
  it.each([
    [0, '00:00:00.000'],
    [5_000, '00:00:05.000'],
    [120_123, '00:02:00.123'],
    [3_599_999, '00:59:59.999'],
    [90_000_000, '25:00:00.000'],
    [-5, '00:00:00.000'],
  ])('%d ms → %s', (atMs, text) => {
    expect(formatTime(atMs)).toBe(text);
  });
});

const INV_SPI =
  "%CRYPTO-4-RECVD_PKT_INV_SPI: decaps: rec'd IPSEC packet has invalid spi for destaddr=20.1.1.2, prot=50, spi=0xB761863E(3076621886), srcaddr=10.1.1.1";

describe('formatRecord', () => {
  const cases: Array<[string, TraceRecord, string]> = [
    [
      'syslog, text as is',
      { atMs: 120_123, kind: 'syslog', node: 'R2', text: INV_SPI },
      `00:02:00.123 R2: ${INV_SPI}`,
    ],
    [
      'debug',
      { atMs: 1, kind: 'debug', node: 'R1', text: 'ISAKMP:(0): beginning Main Mode exchange' },
      '00:00:00.001 R1: ISAKMP:(0): beginning Main Mode exchange',
    ],
    [
      'ESP sent',
      {
        atMs: 5_000,
        kind: 'packet',
        event: 'sent',
        packetId: 1,
        src: '10.1.1.1',
        dst: '20.1.1.2',
        proto: 'esp',
        spi: '0xB761863E',
        node: 'R1',
        inner: 'ICMP echo 192.168.1.10 > 192.168.2.10',
        flow: 'ping1',
        pingSeq: 0,
      },
      '00:00:05.000 R1 sent ESP spi 0xB761863E 10.1.1.1 > 20.1.1.2 (ICMP echo 192.168.1.10 > 192.168.2.10 seq 0)',
    ],
    [
      'ESP dropped',
      {
        atMs: 150_010,
        kind: 'packet',
        event: 'dropped',
        packetId: 9,
        src: '10.1.1.1',
        dst: '20.1.1.2',
        proto: 'esp',
        spi: '0xB761863E',
        node: 'R2',
        reason: 'invalid SPI 0xB761863E: no inbound SA',
      },
      '00:02:30.010 R2 dropped ESP spi 0xB761863E from 10.1.1.1: invalid SPI 0xB761863E: no inbound SA',
    ],
    [
      'ISAKMP delivered',
      {
        atMs: 10,
        kind: 'packet',
        event: 'delivered',
        packetId: 2,
        src: '10.1.1.1',
        dst: '20.1.1.2',
        proto: 'isakmp',
        msg: 'MM1',
        node: 'R2',
      },
      '00:00:00.010 R2 received ISAKMP MM1 from 10.1.1.1',
    ],
    [
      'INITIAL-CONTACT',
      {
        atMs: 0,
        kind: 'packet',
        event: 'sent',
        packetId: 3,
        src: '20.1.1.2',
        dst: '10.1.1.1',
        proto: 'isakmp',
        msg: 'MM5',
        initialContact: true,
        node: 'R2',
      },
      '00:00:00.000 R2 sent ISAKMP MM5 INITIAL-CONTACT 20.1.1.2 > 10.1.1.1',
    ],
    [
      'DELETE',
      {
        atMs: 0,
        kind: 'packet',
        event: 'sent',
        packetId: 4,
        src: '20.1.1.2',
        dst: '10.1.1.1',
        proto: 'isakmp',
        msg: 'DELETE',
        deleteSpi: '0xB761863E',
        node: 'R2',
      },
      '00:00:00.000 R2 sent ISAKMP DELETE spi 0xB761863E 20.1.1.2 > 10.1.1.1',
    ],
    [
      'R-U-THERE',
      {
        atMs: 0,
        kind: 'packet',
        event: 'sent',
        packetId: 5,
        src: '10.1.1.1',
        dst: '20.1.1.2',
        proto: 'isakmp',
        msg: 'R-U-THERE',
        seq: 0x5a2b,
        node: 'R1',
      },
      '00:00:00.000 R1 sent ISAKMP R-U-THERE seq 0x5A2B 10.1.1.1 > 20.1.1.2',
    ],
    [
      'state',
      { atMs: 0, kind: 'state', node: 'R1', peer: '20.1.1.2', machine: 'ike', to: 'QM_IDLE' },
      '00:00:00.000 R1 IKE 20.1.1.2 → QM_IDLE',
    ],
    [
      'SA installed',
      {
        atMs: 0,
        kind: 'sa',
        event: 'installed',
        node: 'R1',
        peer: '20.1.1.2',
        direction: 'outbound',
        spi: '0xB761863E',
        lifetimeSec: 3600,
      },
      '00:00:00.000 R1 installed outbound SA 0xB761863E to 20.1.1.2 (lifetime 3600 s)',
    ],
    [
      'SA deleted',
      {
        atMs: 0,
        kind: 'sa',
        event: 'deleted',
        node: 'R1',
        peer: '20.1.1.2',
        direction: 'inbound',
        spi: '0x0000ABCD',
        reason: 'DELETE notify',
      },
      '00:00:00.000 R1 deleted inbound SA 0x0000ABCD from 20.1.1.2: DELETE notify',
    ],
    [
      'ping ok',
      { atMs: 7_020, kind: 'ping', flow: 'ping1', seq: 7, result: 'ok', rttMs: 20 },
      '00:00:07.020 ping1 seq 7: ! (rtt 20 ms)',
    ],
    [
      'ping lost',
      { atMs: 9_000, kind: 'ping', flow: 'ping1', seq: 7, result: 'lost' },
      '00:00:09.000 ping1 seq 7: . (timeout)',
    ],
    [
      'reload',
      { atMs: 120_000, kind: 'fault', event: 'reload', node: 'R2' },
      '00:02:00.000 R2 reloads',
    ],
    [
      'link down',
      { atMs: 0, kind: 'fault', event: 'link-down', link: 'R2-ISP' },
      '00:00:00.000 link R2-ISP down',
    ],
    [
      'config',
      {
        atMs: 0,
        kind: 'fault',
        event: 'config',
        node: 'R2',
        detail: 'crypto isakmp invalid-spi-recovery\ncrypto isakmp keepalive 10',
      },
      '00:00:00.000 R2 config: crypto isakmp invalid-spi-recovery; crypto isakmp keepalive 10',
    ],
    [
      'exec',
      { atMs: 0, kind: 'fault', event: 'exec', node: 'R1', detail: 'clear crypto sa' },
      '00:00:00.000 R1#clear crypto sa',
    ],
    [
      'traffic start',
      { atMs: 0, kind: 'fault', event: 'traffic-start', flow: 'ping1' },
      '00:00:00.000 ping1 starts',
    ],
  ];

  it.each(cases)('%s', (_name, record, line) => {
    expect(formatRecord(record)).toBe(line);
  });

  it('gives null for a record of an unknown kind', () => {
    const future = { atMs: 0, kind: 'hologram' } as unknown as TraceRecord;
    expect(formatRecord(future)).toBeNull();
  });

  it('gives one line per record, never a newline', () => {
    for (const [, record] of cases) expect(formatRecord(record)).not.toContain('\n');
  });
});

describe('syslog helpers', () => {
  it('reads severity and mnemonic', () => {
    expect(syslogSeverity(INV_SPI)).toBe(4);
    expect(syslogMnemonic(INV_SPI)).toBe('RECVD_PKT_INV_SPI');
    expect(syslogSeverity('ISAKMP:(0): beginning Main Mode exchange')).toBeNull();
    expect(syslogMnemonic('no percent')).toBeNull();
  });
});
