// Captures of several presets read back by Wireshark's tshark and compared with the trace: the
// ISAKMP and ESP frames (how many, when, cookies, exchange types, message IDs, the encryption
// flag, SPIs, ESP sequence numbers), the message IDs the debug prints, and no expert warning,
// error or malformed packet with IP and UDP checksums checked. On CI (CI=true) a missing tshark
// fails the suite; elsewhere these tests are skipped without it.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/parseScenario';
import { findPreset } from '../scenario/presets';
import type { LoadedScenario } from '../scenario/types';
import { simulate } from '../sim';
import type { PacketRecord, TraceRecord } from '../sim/trace';
import { CAPTURE_EPOCH_MS, captureRun } from './captureRun';

const TSHARK = process.env.TSHARK ?? 'tshark';
const tsharkFound = spawnSync(TSHARK, ['-v'], { encoding: 'utf8' }).status === 0;
const onCi = process.env.CI === 'true' || process.env.CI === '1';

/** Fields read from every frame, in this order. */
const FIELDS = [
  'frame.time_epoch',
  'ip.src',
  'ip.dst',
  'isakmp.exchangetype',
  'isakmp.messageid',
  'isakmp.ispi',
  'isakmp.rspi',
  'isakmp.flag_e',
  'esp.spi',
  'esp.sequence',
  '_ws.expert.severity',
  '_ws.expert.message',
  '_ws.malformed',
] as const;

type Frame = Record<(typeof FIELDS)[number], string>;

/** Expert severities (epan/proto.h): warnings and errors fail a capture, notes and chats do not. */
const PI_WARN = 0x00600000;

/** Where the captures are written for tshark (made by the suite, removed after it). */
let dir = '';

function tsharkFrames(bytes: Uint8Array, name: string): Frame[] {
  const file = join(dir, `${name}.pcap`);
  writeFileSync(file, bytes);
  const args = ['-r', file, '-n', '-o', 'ip.check_checksum:TRUE', '-o', 'udp.check_checksum:TRUE'];
  args.push('-T', 'fields', '-E', 'separator=\t', '-E', 'occurrence=a', '-E', 'aggregator=|');
  for (const field of FIELDS) args.push('-e', field);
  const run = spawnSync(TSHARK, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`tshark failed on ${name}: ${run.stderr}`);
  return run.stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const values = line.split('\t');
      return Object.fromEntries(FIELDS.map((f, i) => [f, values[i] ?? ''])) as Frame;
    });
}

function load(id: string): LoadedScenario {
  const preset = findPreset(id);
  if (!preset) throw new Error(`no preset ${id}`);
  const parsed = parseScenario(preset.document);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.loaded;
}

const isWirePacket = (r: TraceRecord): r is PacketRecord =>
  r.kind === 'packet' && (r.proto === 'esp' || r.proto === 'isakmp');

/**
 * The ESP and ISAKMP packets the whole-wire capture must hold, in order: every `sent` record,
 * except those that never left their router (no path because the sender's own link was down).
 */
function expectedOnWire(loaded: LoadedScenario, records: TraceRecord[]): PacketRecord[] {
  const adjacent = (node: string, link: string) =>
    loaded.scenario.links.some((l) => l.id === link && (l.a === node || l.b === node));
  return records.filter(
    (r): r is PacketRecord =>
      isWirePacket(r) &&
      r.event === 'sent' &&
      (r.path !== undefined || r.link === undefined || !adjacent(r.node ?? '', r.link)),
  );
}

/** The exchange type IOS uses for each trace message (RFC 2409 §5, RFC 2408 §4.8). */
const EXCHANGES: ReadonlyArray<[string, number]> = [
  ['MM', 2],
  ['AM', 4],
  ['CFG-', 6],
  ['XAUTH-', 6],
  ['QM', 32],
];
const exchangeOf = (msg: string) => EXCHANGES.find(([p]) => msg.startsWith(p))?.[1] ?? 5;

const hex8 = (n: number) => `0x${(n >>> 0).toString(16).padStart(8, '0')}`;
const atMsOf = (frame: Frame) =>
  Math.round(Number(frame['frame.time_epoch']) * 1000) - CAPTURE_EPOCH_MS;

function expectNoExpertComplaints(frames: Frame[]): void {
  const complaints = frames.flatMap((f, i) => {
    const severities = f['_ws.expert.severity'].split('|').filter(Boolean).map(Number);
    const bad = severities.some((s) => s >= PI_WARN) || f['_ws.malformed'] !== '';
    return bad ? [`frame ${i + 1}: ${f['_ws.expert.message']}`] : [];
  });
  expect(complaints).toEqual([]);
}

/** Checks frames against the trace's ESP and ISAKMP packets, one for one. */
function expectFramesMatch(frames: Frame[], packets: PacketRecord[], times: number[]): void {
  const wire = frames.filter((f) => f['isakmp.exchangetype'] !== '' || f['esp.spi'] !== '');
  expect(wire.length).toBe(packets.length);
  packets.forEach((p, i) => {
    const f = wire[i] as Frame;
    const where = `packet ${p.packetId} (${p.proto} ${p.msg ?? p.spi}) at ${p.atMs} ms`;
    expect(atMsOf(f), where).toBe(times[i]);
    expect([f['ip.src'], f['ip.dst']], where).toEqual([p.src, p.dst]);
    if (p.proto === 'esp') {
      expect(Number(f['esp.spi']), where).toBe(Number(p.spi));
      return;
    }
    const msg = p.msg ?? '';
    expect(Number(f['isakmp.exchangetype']), where).toBe(exchangeOf(msg));
    expect(f['isakmp.messageid'], where).toBe(hex8(p.messageId ?? 0));
    expect([f['isakmp.ispi'], f['isakmp.rspi']], where).toEqual([p.icookie, p.rcookie]);
    const clear = ['MM1', 'MM2', 'MM3', 'MM4', 'AM1', 'AM2'].includes(msg);
    expect(f['isakmp.flag_e'], where).toBe(clear ? '0' : '1');
  });
}

/** ESP sequence numbers per SPI: 1, 2, 3… on the whole wire; increasing at one router. */
function espSequences(frames: Frame[]): Map<string, number[]> {
  const bySpi = new Map<string, number[]>();
  for (const f of frames) {
    if (f['esp.spi'] === '') continue;
    const list = bySpi.get(f['esp.spi']) ?? [];
    list.push(Number(f['esp.sequence']));
    bySpi.set(f['esp.spi'], list);
  }
  return bySpi;
}

/** Message IDs the debug prints (signed, as IOS does), as unsigned header values. */
function debugMessageIds(records: TraceRecord[]): string[] {
  return records.flatMap((r) => {
    if (r.kind !== 'debug') return [];
    const m =
      /(?:M-ID of|message ID =|deleting node|set new node|purging node|phase 2 QM_IDLE\s+) ?(-?\d+)/.exec(
        r.text,
      );
    return m ? [hex8(Number(m[1]))] : [];
  });
}

const WHOLE_WIRE_PRESETS: Array<[string, number | undefined]> = [
  ['reload-black-hole', 600_000],
  ['reload-invalid-spi-recovery', undefined],
  ['dpd-idle-periodic', undefined],
  ['dmvpn-spoke-reload', undefined],
  ['legacy-keepalive', 180_000],
  ['ipsec-sa-lost-ike-kept', undefined],
  ['ezvpn-client-reload', undefined],
  // A scanner's ESP, sent from the ISP cloud with a new random SPI each time.
  ['esp-scanner', undefined],
];

/** Each test simulates a preset and starts tshark: generous on a loaded 2-core machine. */
const TEST_TIMEOUT_MS = 60_000;

describe.skipIf(!tsharkFound && !onCi)(
  'captures read by tshark',
  { timeout: TEST_TIMEOUT_MS },
  () => {
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'tunnelscope-pcap-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('finds tshark (CI installs Debian tshark)', () => {
      expect(tsharkFound, `${TSHARK} -v did not run: install tshark`).toBe(true);
    });

    it.each(WHOLE_WIRE_PRESETS)('%s: the whole wire matches the trace', (id, untilMs) => {
      const loaded = load(id);
      const { records } = simulate(loaded, { untilMs });
      const frames = tsharkFrames(captureRun(loaded, records).bytes, id);
      expectNoExpertComplaints(frames);
      const packets = expectedOnWire(loaded, records);
      expect(packets.some((p) => p.proto === 'esp')).toBe(true);
      expectFramesMatch(
        frames,
        packets,
        packets.map((p) => p.atMs),
      );
      // Every SPI of the trace's ESP, and each SA counts from 1 without a gap.
      const sequences = espSequences(frames);
      const spis = new Set(packets.filter((p) => p.proto === 'esp').map((p) => Number(p.spi)));
      expect(new Set([...sequences.keys()].map(Number))).toEqual(spis);
      for (const [spi, seqs] of sequences) expect(seqs, spi).toEqual(seqs.map((_, i) => i + 1));
      // The message IDs IOS debug prints are those on the wire, or of a message its sender
      // sent onto a link that was down (IOS still prints the node it opened for it).
      const onWire = new Set(frames.map((f) => f['isakmp.messageid']));
      const lostAtSender = new Set(
        records.flatMap((r) =>
          r.kind === 'packet' && r.event === 'sent' && r.messageId !== undefined
            ? [hex8(r.messageId)]
            : [],
        ),
      );
      for (const p of packets)
        if (p.messageId !== undefined) lostAtSender.delete(hex8(p.messageId));
      for (const id of debugMessageIds(records)) {
        expect(onWire.has(id) || lostAtSender.has(id), id).toBe(true);
      }
    });

    it('reload-invalid-spi-recovery at R2: what it sent when sent, what reached it on arrival', () => {
      const loaded = load('reload-invalid-spi-recovery');
      const { records } = simulate(loaded);
      const frames = tsharkFrames(captureRun(loaded, records, { node: 'R2' }).bytes, 'recovery-R2');
      expectNoExpertComplaints(frames);
      const sentById = new Map<number, PacketRecord>();
      const packets: PacketRecord[] = [];
      const times: number[] = [];
      for (const r of records) {
        if (!isWirePacket(r)) continue;
        if (r.event === 'sent') sentById.set(r.packetId, r);
        const sent = sentById.get(r.packetId) as PacketRecord;
        const mine = r.event === 'sent' ? r.node === 'R2' : r.node === 'R2' && !r.link;
        if (!mine) continue;
        packets.push(sent);
        times.push(r.atMs);
      }
      // The stale SPI keeps reaching R2 while it reloads and after, until the DELETE repairs it.
      const staleSpi = records.find(
        (r): r is PacketRecord => r.kind === 'packet' && r.msg === 'DELETE',
      )?.deleteSpi;
      expect(packets.filter((p) => p.spi === staleSpi && p.node === 'R1').length).toBeGreaterThan(
        10,
      );
      expectFramesMatch(frames, packets, times);
      for (const [spi, seqs] of espSequences(frames)) {
        expect(seqs, spi).toEqual([...seqs].sort((a, b) => a - b));
      }
    });

    it('dmvpn-spoke-reload at the hub: NHRP and pings in ESP, both spokes', () => {
      const loaded = load('dmvpn-spoke-reload');
      const { records } = simulate(loaded, { untilMs: 120_000 });
      const frames = tsharkFrames(captureRun(loaded, records, { node: 'HUB' }).bytes, 'dmvpn-HUB');
      expectNoExpertComplaints(frames);
      const peers = new Set(
        frames.map((f) => (f['ip.src'] === '20.1.1.2' ? f['ip.dst'] : f['ip.src'])),
      );
      expect(peers.size).toBe(2);
      expect(frames.every((f) => f['ip.src'] === '20.1.1.2' || f['ip.dst'] === '20.1.1.2')).toBe(
        true,
      );
    });
  },
);
