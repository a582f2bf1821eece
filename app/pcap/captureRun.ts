// A run's trace as a packet capture (classic libpcap, Ethernet), one frame per packet as it
// crossed the wire, dropped packets included, at its virtual time from a fixed epoch. Pure: the
// same scenario and trace give the same bytes.
//
// Where the capture is taken:
// - the whole wire (default): each packet once, when its sender puts it on its first link, with
//   the sender's and the next hop's MAC addresses on that link;
// - one router (`node`): what its WAN interfaces saw: what it sent, at the send time, and what
//   reached it, at the arrival time. A packet lost in flight (a link went down) reaches nobody.
// A packet the network could not deliver still crossed its first link when that link was up (the
// cloud beyond dropped it); with its first link down it never left its router and is on no wire.

import type { LoadedScenario } from '../scenario/types';
import { HSRP_HELLO_DST } from '../sim/packets';
import type { PacketRecord, TraceRecord } from '../sim/trace';
import { fnv1a, ipv4Number } from './bytes';
import { DatagramBuilder } from './datagrams';
import { FirstHops } from './firstHops';
import { ETHERTYPE_IPV4, ethernet } from './frames';
import { type CapturedFrame, writePcap } from './pcapWriter';
import { RouterConfigs } from './routerConfigs';

/** Virtual time 0 is 2010-01-01 00:00:00 UTC in the capture (any fixed date would do). */
export const CAPTURE_EPOCH_MS = 1_262_304_000_000;

export interface CaptureOptions {
  /** Capture at this router's WAN interfaces instead of the whole wire. */
  node?: string;
  /** Only frames up to this virtual time (inclusive). */
  untilMs?: number;
}

export interface Capture {
  /** The libpcap file. */
  bytes: Uint8Array<ArrayBuffer>;
  frameCount: number;
}

/** The capture file of a run (its trace read up to `options.untilMs`). */
export function captureRun(
  loaded: LoadedScenario,
  records: readonly TraceRecord[],
  options: CaptureOptions = {},
): Capture {
  const frames = captureFrames(loaded, records, options);
  return { bytes: writePcap(frames), frameCount: frames.length };
}

/** HSRP's all-routers group 224.0.0.2 on Ethernet (RFC 1112 §6.4). */
const MULTICAST_MAC = new Uint8Array([0x01, 0x00, 0x5e, 0x00, 0x00, 0x02]);

const portMacs = new Map<string, Uint8Array>();

/**
 * A locally administered MAC address for `node`'s port on `link`: stable for a scenario,
 * different for every port.
 */
function portMac(node: string, link: string): Uint8Array {
  const key = `${node}|${link}`;
  let mac = portMacs.get(key);
  if (mac === undefined) {
    const a = fnv1a(key);
    const b = fnv1a(`${link}|${node}`);
    mac = new Uint8Array([0xc2, a >>> 24, (a >>> 16) & 0xff, (a >>> 8) & 0xff, a & 0xff, b >>> 24]);
    if (portMacs.size > 65_536) portMacs.clear();
    portMacs.set(key, mac);
  }
  return mac;
}

/** The HSRP virtual MAC 0000.0c07.acNN an Active router sends its hellos from (RFC 2281 §5). */
function hsrpVirtualMac(group: number): Uint8Array {
  return new Uint8Array([0x00, 0x00, 0x0c, 0x07, 0xac, group & 0xff]);
}

const HSRP_ACTIVE = /^HSRP Hello grp (\d+) Active /;

interface InFlight {
  sent: PacketRecord;
  datagram: Uint8Array;
}

export function captureFrames(
  loaded: LoadedScenario,
  records: readonly TraceRecord[],
  options: CaptureOptions = {},
): CapturedFrame[] {
  const configs = new RouterConfigs(loaded);
  const datagrams = new DatagramBuilder(loaded, configs);
  const firstHop = new FirstHops(loaded, configs);
  const links = loaded.scenario.links;
  const frames: CapturedFrame[] = [];
  /** Packets on their way to the captured router, by packetId. */
  const toNode = new Map<number, InFlight>();
  let lastMulticast = '';
  let lastDatagram: Uint8Array | null = null;
  const push = (atMs: number, dst: Uint8Array, src: Uint8Array, datagram: Uint8Array) =>
    frames.push({
      atUs: (CAPTURE_EPOCH_MS + atMs) * 1000,
      bytes: ethernet(dst, src, ETHERTYPE_IPV4, datagram),
    });

  for (const record of records) {
    if (options.untilMs !== undefined && record.atMs > options.untilMs) break;
    if (record.kind === 'fault') {
      configs.apply(record);
      firstHop.apply(record);
    }
    if (record.kind !== 'packet') continue;
    if (record.event !== 'sent') {
      const flight = toNode.get(record.packetId);
      if (!flight) continue;
      toNode.delete(record.packetId);
      // It reached the router unless the drop happened on a link (lost in flight).
      if (record.node === options.node && record.link === undefined) {
        const path = flight.sent.path ?? [];
        const from = path[path.length - 2] ?? '';
        const link = linkBetween(links, from, record.node ?? '') ?? '';
        push(record.atMs, portMac(record.node ?? '', link), portMac(from, link), flight.datagram);
      }
      continue;
    }
    const sender = record.node ?? '';
    const hop = firstHop.of(record, sender);
    if (hop === null) continue;
    // A multicast hello is one frame from its sender; the trace has one copy per receiver.
    const multicast = ipv4Number(record.dst) === HSRP_HELLO_DST;
    const copyKey = `${record.atMs}|${sender}|${record.src}|${record.inner}`;
    const copy = multicast && copyKey === lastMulticast;
    if (multicast) lastMulticast = copyKey;
    // Only what went on a wire counts (ESP sequence numbers, IP IDs).
    const datagram: Uint8Array | null = copy ? lastDatagram : datagrams.build(record);
    if (datagram === null) continue;
    lastDatagram = datagram;
    const path = record.path ?? [];
    if (options.node !== undefined && path[path.length - 1] === options.node) {
      toNode.set(record.packetId, { sent: record, datagram });
    }
    if (copy || (options.node !== undefined && sender !== options.node)) continue;
    if (multicast) {
      const active = HSRP_ACTIVE.exec(record.inner ?? '');
      const src = active ? hsrpVirtualMac(Number(active[1])) : portMac(sender, hop.link);
      push(record.atMs, MULTICAST_MAC, src, datagram);
    } else {
      push(record.atMs, portMac(hop.next, hop.link), portMac(sender, hop.link), datagram);
    }
  }
  return frames;
}

/** The first link between two nodes, in scenario order. */
function linkBetween(
  links: LoadedScenario['scenario']['links'],
  a: string,
  b: string,
): string | undefined {
  return links.find((l) => (l.a === a && l.b === b) || (l.a === b && l.b === a))?.id;
}
