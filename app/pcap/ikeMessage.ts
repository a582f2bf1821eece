// The ISAKMP message IOS sends for each IKE message of the trace. Main mode 1-4 travel in the
// clear with their real payload chains; from MM5 on, and in quick mode and informational
// exchanges, the payloads are encrypted (RFC 2409 §5): the capture shows the header with the
// encryption flag and ciphertext as long as the padded plaintext would be.

import type { IsakmpPolicy } from '../ios/types';
import type { IkeMsg } from '../sim/trace';
import { hexBytes, opaqueBytes, roundUp } from './bytes';
import { type EspShape, espTransformAttributes } from './espShape';
import { blockBytes, hashBytes, keyExchangeBytes, policyAttributes } from './ikePolicy';
import {
  chainLength,
  dataPayload,
  deletePayload,
  EXCHANGE,
  encryptedMessage,
  IKE_TRANSFORM_ID,
  idIpv4Payload,
  idKeyIdPayload,
  isakmpNotifyPayload,
  NOTIFY,
  PAYLOAD,
  type Payload,
  PROTO_IPSEC_ESP,
  PROTO_ISAKMP,
  plainMessage,
  saPayload,
} from './isakmp';

/**
 * The RFC 3706 DPD vendor ID. IOS sends it with its other vendor IDs in MM3 and MM4 (its debug
 * reports "vendor ID is DPD" while processing those). NAT-T, Unity and XAUTH vendor IDs are left
 * out: the simulation models none of them.
 */
export const DPD_VENDOR_ID = hexBytes('afcad71368a1f1c96b8696fc77570100');

/** IOS's nonces are 20 bytes (the SHA-1 length). */
const NONCE_BYTES = 20;
/** Cisco's legacy IKE keepalive notify type (private range, RFC 2408 §3.14.1). */
const NOTIFY_CISCO_KEEPALIVE = 30000;

export interface Phase2Proposal {
  shape: EspShape;
  mode: 'Tunnel' | 'Transport';
  lifetimeSec: number;
  lifetimeKb: number;
  /** Proxy identities: a host (ID_IPV4_ADDR) or a subnet (ID_IPV4_ADDR_SUBNET). */
  hostProxies: boolean;
}

export interface IkeMessageInput {
  msg: IkeMsg;
  icookie: string;
  rcookie: string;
  messageId: number;
  /** MM1: the sender's policies by priority. MM2: the one it accepted. */
  offered: readonly IsakmpPolicy[];
  /** The IKE SA's agreed policy: sizes KE, HASH and the cipher's padding. */
  agreed: IsakmpPolicy;
  /** The sender advertises DPD (MM3, MM4). */
  dpdVid: boolean;
  initialContact: boolean;
  /** The sender's address: main mode's ID payload. */
  senderAddr: number;
  /** AM1: the Easy VPN group the client names (its ID payload); null in main mode. */
  group: string | null;
  /** DELETE: the ESP SPI deleted, or null for the ISAKMP SA itself. */
  deleteSpi: number | null;
  /** R-U-THERE(-ACK), KEEPALIVE(-ACK): the sequence number. */
  seq: number;
  phase2: Phase2Proposal;
  /** Seeds the bytes a capture cannot know (DH value, nonce, ciphertext). */
  opaqueKey: string;
}

/**
 * Main mode (2), aggressive mode (4), XAUTH and mode config (6, transaction), quick mode (32), or
 * informational (5) for DELETE, DPD and keepalives.
 */
function exchangeOf(msg: IkeMsg): number {
  if (msg.startsWith('MM')) return EXCHANGE.mainMode;
  if (msg.startsWith('AM')) return EXCHANGE.aggressive;
  if (msg.startsWith('CFG-') || msg.startsWith('XAUTH-')) return EXCHANGE.transaction;
  return msg.startsWith('QM') ? EXCHANGE.quickMode : EXCHANGE.informational;
}

/** Sent in the clear: main mode until the keys exist, and the first two aggressive messages. */
const CLEAR: ReadonlySet<IkeMsg> = new Set<IkeMsg>(['MM1', 'MM2', 'MM3', 'MM4', 'AM1', 'AM2']);

/** The whole ISAKMP message (UDP payload) for one trace message. */
export function ikeMessage(m: IkeMessageInput): Uint8Array {
  const header = {
    icookie: m.icookie,
    rcookie: m.rcookie,
    exchange: exchangeOf(m.msg),
    flags: 0,
    messageId: m.messageId,
  };
  const payloads = payloadsOf(m);
  if (CLEAR.has(m.msg)) return plainMessage(header, payloads);
  const padded = roundUp(chainLength(payloads), blockBytes(m.agreed));
  return encryptedMessage(
    header,
    payloads[0]?.type ?? PAYLOAD.none,
    opaqueBytes(`${m.opaqueKey}|ciphertext`, padded),
  );
}

/**
 * The length of each XAUTH attribute payload's body (draft-beaulieu-ike-xauth): type, reserved
 * and identifier (4 bytes), then the attributes. The request (CFG_REQUEST) holds XAUTH_TYPE and
 * empty XAUTH_USER_NAME and XAUTH_USER_PASSWORD; the reply (CFG_REPLY) the two filled in (about
 * nine characters each here); the status (CFG_SET) XAUTH_STATUS; the acknowledgement (CFG_ACK)
 * XAUTH_STATUS again. Encrypted: only the length shows in the capture.
 */
const XAUTH_ATTRIBUTE_BYTES = {
  'XAUTH-REQUEST': 4 + 4 + 4 + 4,
  'XAUTH-REPLY': 4 + 4 + (4 + 9) + (4 + 9),
  'XAUTH-STATUS': 4 + 4,
  'XAUTH-ACK': 4 + 4,
} as const;

/** The payloads, in IOS's order; those of encrypted messages only for their type and length. */
function payloadsOf(m: IkeMessageInput): Payload[] {
  const hash = () =>
    dataPayload(PAYLOAD.hash, opaqueBytes(`${m.opaqueKey}|hash`, hashBytes(m.agreed)));
  const cookies = hexBytes(m.icookie + m.rcookie);
  const seq = new Uint8Array([m.seq >>> 24, m.seq >>> 16, m.seq >>> 8, m.seq].map((b) => b & 0xff));
  switch (m.msg) {
    case 'MM1':
    case 'MM2':
      return [
        saPayload({
          protocol: PROTO_ISAKMP,
          spi: null,
          transforms: m.offered.map((policy) => ({
            id: IKE_TRANSFORM_ID,
            attributes: policyAttributes(policy),
          })),
        }),
      ];
    case 'MM3':
    case 'MM4': {
      const list = keyExchange(m);
      if (m.dpdVid) list.push(dataPayload(PAYLOAD.vendorId, DPD_VENDOR_ID));
      return list;
    }
    // Aggressive mode (RFC 2409 §5.4): AM1 offers, exchanges keys and names the group; AM2
    // answers with its identity and HASH_R; AM3 carries HASH_I (and INITIAL-CONTACT).
    case 'AM1':
    case 'AM2': {
      const offer = saPayload({
        protocol: PROTO_ISAKMP,
        spi: null,
        transforms: m.offered.map((policy) => ({
          id: IKE_TRANSFORM_ID,
          attributes: policyAttributes(policy),
        })),
      });
      const id = m.group === null ? idIpv4Payload(m.senderAddr) : idKeyIdPayload(m.group);
      const list = [offer, ...keyExchange(m), id];
      if (m.msg === 'AM2') list.push(hash());
      if (m.dpdVid) list.push(dataPayload(PAYLOAD.vendorId, DPD_VENDOR_ID));
      return list;
    }
    case 'AM3':
      return m.initialContact
        ? [hash(), isakmpNotifyPayload(NOTIFY.initialContact, cookies, new Uint8Array(0))]
        : [hash()];
    case 'CFG-REQUEST':
    case 'CFG-REPLY':
      // The attributes are not simulated: a few of them's worth of bytes.
      return [hash(), dataPayload(PAYLOAD.attributes, opaqueBytes(`${m.opaqueKey}|cfg`, 16))];
    case 'XAUTH-REQUEST':
    case 'XAUTH-REPLY':
    case 'XAUTH-STATUS':
    case 'XAUTH-ACK':
      return [
        hash(),
        dataPayload(
          PAYLOAD.attributes,
          opaqueBytes(`${m.opaqueKey}|xauth`, XAUTH_ATTRIBUTE_BYTES[m.msg]),
        ),
      ];
    case 'MM5':
    case 'MM6': {
      const list = [idIpv4Payload(m.senderAddr), hash()];
      if (m.initialContact) {
        list.push(isakmpNotifyPayload(NOTIFY.initialContact, cookies, new Uint8Array(0)));
      }
      return list;
    }
    case 'QM1':
    case 'QM2':
      return [hash(), ...quickModeOffer(m), ...proxyIds(m.phase2)];
    case 'QM3':
      return [hash()];
    case 'DELETE': {
      const spi = m.deleteSpi;
      return [
        hash(),
        spi === null
          ? deletePayload(PROTO_ISAKMP, [cookies])
          : deletePayload(PROTO_IPSEC_ESP, [
              new Uint8Array([spi >>> 24, spi >>> 16, spi >>> 8, spi].map((b) => b & 0xff)),
            ]),
      ];
    }
    case 'R-U-THERE':
      return [hash(), isakmpNotifyPayload(NOTIFY.rUThere, cookies, seq)];
    case 'R-U-THERE-ACK':
      return [hash(), isakmpNotifyPayload(NOTIFY.rUThereAck, cookies, seq)];
    default:
      return [hash(), isakmpNotifyPayload(NOTIFY_CISCO_KEEPALIVE, cookies, seq)];
  }
}

/** A key exchange value for the agreed DH group, and a nonce. */
function keyExchange(m: IkeMessageInput): Payload[] {
  return [
    dataPayload(PAYLOAD.keyExchange, opaqueBytes(`${m.opaqueKey}|ke`, keyExchangeBytes(m.agreed))),
    dataPayload(PAYLOAD.nonce, opaqueBytes(`${m.opaqueKey}|nonce`, NONCE_BYTES)),
  ];
}

/** Quick mode's SA (one ESP proposal) and nonce. */
function quickModeOffer(m: IkeMessageInput): Payload[] {
  const p = m.phase2;
  return [
    saPayload({
      protocol: PROTO_IPSEC_ESP,
      spi: 0,
      transforms: [
        {
          id: p.shape.transformId,
          attributes: espTransformAttributes(p.shape, p.mode, p.lifetimeSec, p.lifetimeKb),
        },
      ],
    }),
    dataPayload(PAYLOAD.nonce, new Uint8Array(NONCE_BYTES)),
  ];
}

/** IDci and IDcr: 8 bytes of type, protocol and port, then an address (and a mask). */
function proxyIds(p: Phase2Proposal): Payload[] {
  const id = dataPayload(PAYLOAD.id, new Uint8Array(p.hostProxies ? 8 : 12));
  return [id, id];
}
