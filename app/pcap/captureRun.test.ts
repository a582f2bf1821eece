// The capture's bytes without Wireshark: the libpcap layout, checksums that verify, ESP and
// ISAKMP lengths, the accepted policy, determinism, and where a router's capture is taken.
// tshark.test.ts reads the same captures with Wireshark's dissectors.

import { describe, expect, it } from 'vitest';
import type { IsakmpPolicy } from '../ios/types';
import { parseScenario } from '../scenario/parseScenario';
import { findPreset } from '../scenario/presets';
import type { LoadedScenario } from '../scenario/types';
import { simulate } from '../sim';
import type { PacketRecord } from '../sim/trace';
import { internetChecksum, ipv4Number } from './bytes';
import { CAPTURE_EPOCH_MS, captureFrames, captureRun } from './captureRun';
import { espBodyBytes, espShape } from './espShape';
import { ipv4, udp } from './frames';
import { ikeMessage } from './ikeMessage';
import { acceptedPolicy } from './ikePolicy';
import { writePcap } from './pcapWriter';

function load(id: string): LoadedScenario {
  const parsed = parseScenario(findPreset(id)?.document);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.loaded;
}

const policy = (p: Partial<IsakmpPolicy>): IsakmpPolicy => ({
  priority: 10,
  encryption: 'aes',
  hash: 'sha',
  authentication: 'pre-share',
  group: 2,
  lifetimeSec: 86400,
  ...p,
});

describe('libpcap file', () => {
  it('has the global header of a microsecond Ethernet capture, then one record per frame', () => {
    const bytes = writePcap([{ atUs: 1_262_304_005_020_000, bytes: new Uint8Array([1, 2, 3]) }]);
    const view = new DataView(bytes.buffer);
    expect(view.getUint32(0, true)).toBe(0xa1b2c3d4);
    expect([view.getUint16(4, true), view.getUint16(6, true)]).toEqual([2, 4]);
    expect(view.getUint32(20, true)).toBe(1); // LINKTYPE_ETHERNET
    expect(view.getUint32(24, true)).toBe(1_262_304_005); // seconds
    expect(view.getUint32(28, true)).toBe(20_000); // microseconds
    expect([view.getUint32(32, true), view.getUint32(36, true)]).toEqual([3, 3]);
    expect([...bytes.slice(40)]).toEqual([1, 2, 3]);
  });
});

describe('IPv4 and UDP', () => {
  it('writes checksums that verify (the sum over the header or pseudo-header is zero)', () => {
    const src = ipv4Number('10.1.1.1');
    const dst = ipv4Number('20.1.1.2');
    const payload = udp(src, dst, 500, 500, new Uint8Array([0xde, 0xad, 0xbe]));
    const datagram = ipv4({ src, dst, protocol: 17, id: 7, ttl: 255, payload });
    expect(internetChecksum(datagram.slice(0, 20))).toBe(0);
    const pseudo = new Uint8Array([10, 1, 1, 1, 20, 1, 1, 2, 0, 17, 0, payload.length]);
    expect(internetChecksum(pseudo, payload)).toBe(0);
    expect(new DataView(datagram.buffer).getUint16(2)).toBe(20 + 8 + 3);
  });
});

describe('ESP lengths', () => {
  it.each([
    // AES: 16-byte IV and block; 100-byte ping + 2-byte trailer padded to 112; 12-byte ICV.
    ['esp-aes esp-sha-hmac', 100, 16 + 112 + 12],
    ['esp-3des esp-md5-hmac', 100, 8 + 104 + 12],
    ['esp-aes 256 esp-sha256-hmac', 60, 16 + 64 + 16],
    ['esp-gcm', 100, 8 + 104 + 16],
    ['esp-null esp-sha-hmac', 101, 0 + 104 + 12],
  ])('%s carries %i bytes in %i after the SPI and sequence number', (transform, payload, body) => {
    expect(espBodyBytes(espShape(transform), payload)).toBe(body);
  });
});

describe('phase 1 proposal', () => {
  it('accepts the offer matching the responder policy of best priority', () => {
    const offers = [policy({ encryption: '3des' }), policy({ encryption: 'aes' })];
    const own = [
      policy({ priority: 20, encryption: '3des' }),
      policy({ priority: 10, encryption: 'aes', lifetimeSec: 3600 }),
    ];
    // Priority 10 (AES) is checked first; the offer is returned as offered (its lifetime).
    expect(acceptedPolicy(offers, own)).toEqual(offers[1]);
  });

  it('sends MM1 with every policy, and the DPD vendor ID only in MM3 and MM4 when supported', () => {
    const base = {
      icookie: '0123456789abcdef',
      rcookie: '0000000000000000',
      messageId: 0,
      offered: [policy({}), policy({ priority: 20, hash: 'md5' })],
      agreed: policy({}),
      initialContact: false,
      senderAddr: ipv4Number('10.1.1.1'),
      group: null,
      deleteSpi: null,
      seq: 0,
      phase2: {
        shape: espShape('esp-aes esp-sha-hmac'),
        mode: 'Tunnel' as const,
        lifetimeSec: 3600,
        lifetimeKb: 4_608_000,
        hostProxies: false,
      },
      opaqueKey: 'k',
    };
    const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
    const mm1 = ikeMessage({ ...base, msg: 'MM1', dpdVid: true });
    expect(new DataView(mm1.buffer).getUint32(24)).toBe(mm1.length); // header length
    expect(mm1[16]).toBe(1); // next payload: SA
    expect(mm1[18]).toBe(2); // main mode
    expect(mm1[28 + 4 + 8 + 7]).toBe(2); // the proposal's transform count
    const dpd = 'afcad71368a1f1c96b8696fc77570100';
    expect(hex(mm1)).not.toContain(dpd);
    expect(hex(ikeMessage({ ...base, msg: 'MM3', dpdVid: true }))).toContain(dpd);
    expect(hex(ikeMessage({ ...base, msg: 'MM3', dpdVid: false }))).not.toContain(dpd);
    // MM3's key exchange holds group 2's 128-byte public value.
    const mm3 = ikeMessage({ ...base, msg: 'MM3', dpdVid: false });
    expect(new DataView(mm3.buffer).getUint16(28 + 2)).toBe(4 + 128);
  });

  it('encrypts from MM5 on: the flag set, ciphertext a whole number of cipher blocks', () => {
    const mm5 = ikeMessage({
      msg: 'MM5',
      icookie: '0123456789abcdef',
      rcookie: 'fedcba9876543210',
      messageId: 0,
      offered: [],
      agreed: policy({ encryption: '3des' }),
      dpdVid: true,
      initialContact: true,
      senderAddr: 1,
      group: null,
      deleteSpi: null,
      seq: 0,
      phase2: {
        shape: espShape('esp-aes esp-sha-hmac'),
        mode: 'Tunnel',
        lifetimeSec: 3600,
        lifetimeKb: 4_608_000,
        hostProxies: false,
      },
      opaqueKey: 'k',
    });
    expect(mm5[19]).toBe(1); // flags: encryption
    expect(mm5[16]).toBe(5); // the first encrypted payload: ID
    // ID 12 + HASH 24 + INITIAL-CONTACT notify 28 = 64 bytes, 8 blocks of 3DES.
    expect(mm5.length - 28).toBe(64);
  });
});

describe('captureRun', { timeout: 30_000 }, () => {
  const loaded = load('reload-invalid-spi-recovery');
  const { records } = simulate(loaded);

  it('is byte-for-byte the same for the same scenario', () => {
    const again = simulate(load('reload-invalid-spi-recovery')).records;
    expect(
      Buffer.from(captureRun(loaded, again).bytes).equals(
        Buffer.from(captureRun(loaded, records).bytes),
      ),
    ).toBe(true);
  });

  it('up to the cursor is the whole capture cut at that time', () => {
    const whole = captureFrames(loaded, records);
    const cut = captureFrames(loaded, records, { untilMs: 150_060 });
    const last = (CAPTURE_EPOCH_MS + 150_060) * 1000;
    expect(cut.length).toBeGreaterThan(0);
    const bytes = (frames: typeof whole) => Buffer.from(writePcap(frames));
    expect(bytes(cut).equals(bytes(whole.filter((f) => f.atUs <= last)))).toBe(true);
  });

  it('has one frame per packet on the wire, at its send time', () => {
    const sent = records.filter(
      (r): r is PacketRecord => r.kind === 'packet' && r.event === 'sent',
    );
    const frames = captureFrames(loaded, records);
    expect(frames.map((f) => f.atUs / 1000 - CAPTURE_EPOCH_MS)).toEqual(sent.map((r) => r.atMs));
  });

  it("at one router: its own packets when sent, others' when they arrived", () => {
    const sender = new Map<number, string | undefined>();
    const mine = records.filter((r): r is PacketRecord => {
      if (r.kind !== 'packet') return false;
      if (r.event === 'sent') sender.set(r.packetId, r.node);
      if (r.event === 'sent') return r.node === 'R2';
      // A fate on a link is a loss in flight: the packet never reached R2.
      // Drops inside a router have no `sent` record: they were on no wire.
      if (!sender.has(r.packetId) || sender.get(r.packetId) === 'R2') return false;
      return r.node === 'R2' && r.link === undefined;
    });
    // ESP with the stale SPI reaches R2 while it reloads and after it: dropped, yet on its wire.
    expect(mine.filter((r) => r.event === 'dropped').length).toBeGreaterThan(10);
    const frames = captureFrames(loaded, records, { node: 'R2' });
    expect(frames.map((f) => f.atUs / 1000 - CAPTURE_EPOCH_MS)).toEqual(mine.map((r) => r.atMs));
  });
});

describe('packets that could not be delivered', { timeout: 30_000 }, () => {
  it('appear when they crossed their first link, not when their own link was down', () => {
    const lost = load('ipsec-sa-lost-ike-kept');
    const { records } = simulate(lost);
    const unrouted = records.filter(
      (r): r is PacketRecord => r.kind === 'packet' && r.event === 'sent' && !r.path,
    );
    // R1's ESP crosses R1-ISP and dies at the ISP; R2's DELETE never leaves with R2-ISP down.
    expect(unrouted.map((r) => `${r.node} ${r.proto}`)).toContain('R1 esp');
    expect(unrouted.map((r) => `${r.node} ${r.proto}`)).toContain('R2 isakmp');
    const frames = captureFrames(lost, records).map((f) => ({
      atMs: f.atUs / 1000 - CAPTURE_EPOCH_MS,
      src: [...f.bytes.slice(26, 30)].join('.'),
    }));
    for (const r of unrouted) {
      const shown = frames.some((f) => f.atMs === r.atMs && f.src === r.src);
      expect(shown, `${r.node} ${r.proto} at ${r.atMs}`).toBe(r.node === 'R1');
    }
  });
});
