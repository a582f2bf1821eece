// The ISAKMP wire format (RFC 2408 §3) with the IPsec DOI (RFC 2407) and IKE attributes (RFC 2409
// appendix A): the fixed header, a chain of generic payloads, and the payload bodies IKEv1 main
// mode, quick mode and informational exchanges carry.

import { ByteWriter, hexBytes } from './bytes';

/** Exchange types (RFC 2408 §3.1, RFC 2409 §5). */
export const EXCHANGE = {
  mainMode: 2,
  aggressive: 4,
  informational: 5,
  /** Mode config (draft-dukes-ike-mode-cfg): Easy VPN after phase 1. */
  transaction: 6,
  quickMode: 32,
} as const;

/** Payload types (RFC 2408 §3.1). */
export const PAYLOAD = {
  none: 0,
  sa: 1,
  proposal: 2,
  transform: 3,
  keyExchange: 4,
  id: 5,
  hash: 8,
  nonce: 10,
  notify: 11,
  delete: 12,
  vendorId: 13,
  /** Mode config attributes (draft-dukes-ike-mode-cfg). */
  attributes: 14,
} as const;

/** Header flag: everything after the header is encrypted (RFC 2408 §3.1). */
export const FLAG_ENCRYPTION = 0x01;

const DOI_IPSEC = 1;
const SITUATION_IDENTITY_ONLY = 1;
export const PROTO_ISAKMP = 1;
export const PROTO_IPSEC_ESP = 3;
const HEADER_BYTES = 28;
const GENERIC_HEADER_BYTES = 4;

/** Notify message types: RFC 2407 §4.6.3 and RFC 3706 §4. */
export const NOTIFY = {
  initialContact: 24578,
  rUThere: 36136,
  rUThereAck: 36137,
} as const;

export interface Payload {
  type: number;
  body: Uint8Array;
}

export interface HeaderFields {
  icookie: string;
  rcookie: string;
  exchange: number;
  flags: number;
  messageId: number;
}

/** The 28-byte header (version 1.0) followed by `rest`, whose first payload type is `next`. */
function message(h: HeaderFields, next: number, rest: Uint8Array): Uint8Array {
  return new ByteWriter()
    .bytes(hexBytes(h.icookie))
    .bytes(hexBytes(h.rcookie))
    .u8(next)
    .u8(0x10) // major version 1, minor 0
    .u8(h.exchange)
    .u8(h.flags)
    .u32(h.messageId)
    .u32(HEADER_BYTES + rest.length)
    .bytes(rest)
    .finish();
}

/** Payloads chained by their generic headers (RFC 2408 §3.2). */
export function chain(payloads: readonly Payload[]): Uint8Array {
  const w = new ByteWriter();
  payloads.forEach((p, i) => {
    w.u8(payloads[i + 1]?.type ?? PAYLOAD.none)
      .u8(0)
      .u16(GENERIC_HEADER_BYTES + p.body.length)
      .bytes(p.body);
  });
  return w.finish();
}

/** A message sent in the clear: header and payload chain. */
export function plainMessage(h: HeaderFields, payloads: readonly Payload[]): Uint8Array {
  return message(h, payloads[0]?.type ?? PAYLOAD.none, chain(payloads));
}

/**
 * A message whose payloads are encrypted: the header names the first payload of the plaintext and
 * sets the encryption flag; `ciphertext` is what follows (a multiple of the cipher's block).
 */
export function encryptedMessage(
  h: HeaderFields,
  firstPayload: number,
  ciphertext: Uint8Array,
): Uint8Array {
  return message({ ...h, flags: h.flags | FLAG_ENCRYPTION }, firstPayload, ciphertext);
}

/** An attribute (RFC 2408 §3.3): basic (TV) when the value fits 16 bits, else 4-byte TLV. */
export interface Attribute {
  type: number;
  value: number;
}

function attributes(w: ByteWriter, list: readonly Attribute[]): void {
  for (const a of list) {
    if (a.value <= 0xffff) w.u16(0x8000 | a.type).u16(a.value);
    else w.u16(a.type).u16(4).u32(a.value);
  }
}

/**
 * An SA payload with one proposal of `transforms` (each a list of attributes, numbered from 1),
 * for protocol ISAKMP (transform KEY_IKE, no SPI) or ESP (`spi`, transform IDs given).
 */
export function saPayload(proposal: {
  protocol: number;
  spi: number | null;
  transforms: ReadonlyArray<{ id: number; attributes: readonly Attribute[] }>;
}): Payload {
  const transforms = chain(
    proposal.transforms.map((t, i) => {
      const w = new ByteWriter()
        .u8(i + 1)
        .u8(t.id)
        .u16(0);
      attributes(w, t.attributes);
      return { type: PAYLOAD.transform, body: w.finish() };
    }),
  );
  const spiBytes = proposal.spi === null ? 0 : 4;
  const p = new ByteWriter()
    .u8(1) // proposal number
    .u8(proposal.protocol)
    .u8(spiBytes)
    .u8(proposal.transforms.length);
  if (proposal.spi !== null) p.u32(proposal.spi);
  p.bytes(transforms);
  const body = new ByteWriter()
    .u32(DOI_IPSEC)
    .u32(SITUATION_IDENTITY_ONLY)
    .bytes(chain([{ type: PAYLOAD.proposal, body: p.finish() }]))
    .finish();
  return { type: PAYLOAD.sa, body };
}

/** The transform ID of every phase 1 transform: KEY_IKE (RFC 2407 §4.4.2). */
export const IKE_TRANSFORM_ID = 1;

export function dataPayload(type: number, data: Uint8Array): Payload {
  return { type, body: data };
}

/** ID_IPV4_ADDR (RFC 2407 §4.6.2) with the protocol and port IOS sends in main mode: UDP 500. */
export function idIpv4Payload(address: number): Payload {
  const body = new ByteWriter().u8(1).u8(17).u16(500).u32(address).finish();
  return { type: PAYLOAD.id, body };
}

/** An ID_KEY_ID identity (RFC 2407 §4.6.2.1): an Easy VPN client's group name. */
export function idKeyIdPayload(name: string): Payload {
  const writer = new ByteWriter().u8(11).u8(17).u16(500);
  for (const byte of new TextEncoder().encode(name)) writer.u8(byte);
  return { type: PAYLOAD.id, body: writer.finish() };
}

/** A Notify about the ISAKMP SA: its SPI is the cookie pair (RFC 2408 §3.14, RFC 3706 §4). */
export function isakmpNotifyPayload(
  messageType: number,
  cookies: Uint8Array,
  data: Uint8Array,
): Payload {
  const body = new ByteWriter()
    .u32(DOI_IPSEC)
    .u8(PROTO_ISAKMP)
    .u8(cookies.length)
    .u16(messageType)
    .bytes(cookies)
    .bytes(data)
    .finish();
  return { type: PAYLOAD.notify, body };
}

/** A Delete (RFC 2408 §3.15) of ESP SPIs (4 bytes each) or of the ISAKMP SA (its cookies). */
export function deletePayload(protocol: number, spis: readonly Uint8Array[]): Payload {
  const w = new ByteWriter()
    .u32(DOI_IPSEC)
    .u8(protocol)
    .u8(spis[0]?.length ?? 0)
    .u16(spis.length);
  for (const spi of spis) w.bytes(spi);
  return { type: PAYLOAD.delete, body: w.finish() };
}

/** The payload chain's length on the wire (generic headers included). */
export function chainLength(payloads: readonly Payload[]): number {
  return payloads.reduce((n, p) => n + GENERIC_HEADER_BYTES + p.body.length, 0);
}
