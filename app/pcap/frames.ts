// Wire formats below ISAKMP: Ethernet II, IPv4 (RFC 791), UDP (RFC 768), ESP (RFC 4303), GRE
// (RFC 2784/2890) and ICMP echo (RFC 792), each with its real lengths and checksums.

import { ByteWriter, internetChecksum } from './bytes';

export const ETHERTYPE_IPV4 = 0x0800;
export const IP_PROTO = { icmp: 1, udp: 17, gre: 47, esp: 50 } as const;

export function ethernet(dst: Uint8Array, src: Uint8Array, etherType: number, payload: Uint8Array) {
  return new ByteWriter(14 + payload.length)
    .bytes(dst)
    .bytes(src)
    .u16(etherType)
    .bytes(payload)
    .finish();
}

export interface Ipv4Fields {
  src: number;
  dst: number;
  protocol: number;
  /** Identification: distinguishes one sender's datagrams. */
  id: number;
  ttl: number;
  payload: Uint8Array;
}

/** An IPv4 datagram without options, total length and header checksum filled in. */
export function ipv4(f: Ipv4Fields): Uint8Array {
  const w = new ByteWriter(20 + f.payload.length)
    .u8(0x45) // version 4, header length 5 words
    .u8(0) // DSCP / ECN
    .u16(20 + f.payload.length)
    .u16(f.id & 0xffff)
    .u16(0) // flags and fragment offset: may fragment, not a fragment
    .u8(f.ttl)
    .u8(f.protocol)
    .u16(0) // checksum, below
    .u32(f.src)
    .u32(f.dst);
  w.setU16(10, internetChecksum(w.finish()));
  return w.bytes(f.payload).finish();
}

/** A UDP datagram with its checksum over the IPv4 pseudo-header (RFC 768). */
export function udp(
  srcIp: number,
  dstIp: number,
  srcPort: number,
  dstPort: number,
  payload: Uint8Array,
): Uint8Array {
  const length = 8 + payload.length;
  const w = new ByteWriter(length).u16(srcPort).u16(dstPort).u16(length).u16(0).bytes(payload);
  const pseudo = new ByteWriter(12)
    .u32(srcIp)
    .u32(dstIp)
    .u8(0)
    .u8(IP_PROTO.udp)
    .u16(length)
    .finish();
  const sum = internetChecksum(pseudo, w.finish());
  // A computed 0 is sent as all ones: 0 means "no checksum" in IPv4 UDP.
  return w.setU16(6, sum === 0 ? 0xffff : sum).finish();
}

/** ESP: SPI and sequence number in the clear, then the opaque rest (IV, ciphertext, ICV). */
export function esp(spi: number, seq: number, opaque: Uint8Array): Uint8Array {
  return new ByteWriter(8 + opaque.length).u32(spi).u32(seq).bytes(opaque).finish();
}

/** A GRE header (RFC 2784), with the key field of RFC 2890 when the tunnel has a key. */
export function gre(protocolType: number, key: number | null, payload: Uint8Array): Uint8Array {
  const w = new ByteWriter().u16(key === null ? 0 : 0x2000).u16(protocolType);
  if (key !== null) w.u32(key);
  return w.bytes(payload).finish();
}

/** ICMP echo request (type 8) or reply (type 0) with `dataBytes` of IOS's 0xABCD pattern. */
export function icmpEcho(
  type: 'echo' | 'reply',
  identifier: number,
  seq: number,
  dataBytes: number,
): Uint8Array {
  const w = new ByteWriter()
    .u8(type === 'echo' ? 8 : 0)
    .u8(0)
    .u16(0)
    .u16(identifier)
    .u16(seq & 0xffff);
  for (let i = 0; i < dataBytes; i++) w.u8(i % 2 === 0 ? 0xab : 0xcd);
  const message = w.finish();
  return w.setU16(2, internetChecksum(message)).finish();
}
