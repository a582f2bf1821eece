// Packets as the engine moves them. Addresses are uint32 numbers inside the engine; the trace
// prints them as dotted quads.

import type { ProxyIdent } from './snapshot';
import type { IkeMsg } from './trace';

export interface IcmpPacket {
  kind: 'icmp';
  type: 'echo' | 'reply';
  src: number;
  dst: number;
  flow: string;
  seq: number;
  sizeBytes: number;
}

/** NHRP registration (spoke → NHS) and its reply, carried inside the mGRE tunnel. */
export interface NhrpPacket {
  kind: 'nhrp';
  type: 'reg' | 'reply';
  /** Tunnel addresses. */
  src: number;
  dst: number;
  /** The registering spoke's tunnel address and NBMA (public) address. */
  tunnelIp: number;
  nbma: number;
  holdtimeSec: number;
  sizeBytes: number;
}

/** HSRP states a hello may carry (RFC 2281 §5; hellos are sent in Speak, Standby and Active). */
export type HsrpSpeakingState = 'Speak' | 'Standby' | 'Active';

/**
 * An HSRP version 1 hello (RFC 2281; UDP 1985 to 224.0.0.2 in IOS): a member's group, state and
 * priority, so that the others can elect the Active and Standby routers.
 */
export interface HsrpPacket {
  kind: 'hsrp';
  type: 'hello';
  /** The sender's interface address, and the all-routers group 224.0.0.2. */
  src: number;
  dst: number;
  group: number;
  state: HsrpSpeakingState;
  priority: number;
  vip: number;
  sizeBytes: number;
}

/**
 * What a scanner's ESP carries: bytes it made up. No SA decrypts them (their SPI is random, and
 * should it match one, the integrity check fails).
 */
export interface OpaquePacket {
  kind: 'opaque';
  src: number;
  dst: number;
  sizeBytes: number;
}

export type InnerPacket = IcmpPacket | NhrpPacket | HsrpPacket | OpaquePacket;

/** HSRP version 1 hellos go to the all-routers multicast group. */
export const HSRP_HELLO_DST = 0xe0000002; // 224.0.0.2

export interface IkePayload {
  msg: IkeMsg;
  /** Initiator and responder cookies, 16 hex digits each (RFC 2408 §3.1). */
  icookie: string;
  rcookie: string;
  /** Quick mode and informational exchanges. */
  messageId?: number;
  initialContact?: boolean;
  dpdVid?: boolean;
  lifetimeSec?: number;
  /** QM1, QM2: the proposed kilobytes lifetime of the IPsec SA pair. */
  lifetimeKb?: number;
  /** MM1, AM1: the ISAKMP proposals the initiator offers, in its priority order. */
  proposals?: IsakmpProposal[];
  /** AM1: the group an Easy VPN client names in its ID payload (ID_KEY_ID). */
  groupId?: string;
  /** AM2: the server will authenticate the user (XAUTH) once phase 1 is complete. */
  xauth?: boolean;
  /** XAUTH-REPLY: the XAUTH_USER_NAME and XAUTH_USER_PASSWORD attributes. */
  xauthUser?: string;
  xauthPassword?: string;
  /** XAUTH-STATUS: XAUTH_STATUS OK (true) or FAIL. */
  accepted?: boolean;
  /**
   * MM5, AM2, AM3: the pre-shared key the sender's keys derive from. It never travels in clear:
   * it stands for SKEYID (RFC 2409 §5), so a receiver with another key cannot decrypt MM5.
   */
  psk?: string;
  /** QM1: the initiator's transforms, as its transform set lists them ("esp-aes esp-sha-hmac"). */
  transforms?: string;
  /** QM1/QM2: the sender's inbound SPI for the new SA. */
  spi?: number;
  /** QM1: the initiator's proxy identities (IDci, IDcr). */
  proxyLocal?: ProxyIdent;
  proxyRemote?: ProxyIdent;
  /** DELETE: ESP SPIs to delete (RFC 2408 §3.15), or the ISAKMP SA itself. */
  deleteSpis?: number[];
  deleteIsakmp?: boolean;
  /** R-U-THERE / ACK sequence number (RFC 3706 §7). */
  seq?: number;
}

/** One ISAKMP proposal (transform) of MM1: what `crypto isakmp policy` configures. */
export interface IsakmpProposal {
  encryption: string;
  hash: string;
  authentication: string;
  group: number;
  lifetimeSec: number;
}

interface WireBase {
  id: number;
  /** Outer addresses. */
  src: number;
  dst: number;
}

export type WirePacket =
  | (WireBase & { proto: 'ip'; inner: InnerPacket; gre: boolean })
  | (WireBase & { proto: 'esp'; spi: number; inner: InnerPacket; gre: boolean; sizeBytes: number })
  | (WireBase & { proto: 'isakmp'; ike: IkePayload });

/** The reply a host (or router) gives to an echo request: the same ping, back to its source. */
export function echoReply(echo: IcmpPacket): IcmpPacket {
  return {
    kind: 'icmp',
    type: 'reply',
    src: echo.dst,
    dst: echo.src,
    flow: echo.flow,
    seq: echo.seq,
    sizeBytes: echo.sizeBytes,
  };
}

/** Memo by kind+type, then source, then destination: numbers only, no key strings. */
const innerTextCache: Array<Map<number, Map<number, string>>> = [
  new Map(),
  new Map(),
  new Map(),
  new Map(),
];

function variantOf(inner: IcmpPacket | NhrpPacket): number {
  if (inner.kind === 'icmp') return inner.type === 'echo' ? 0 : 1;
  return inner.type === 'reg' ? 2 : 3;
}

/** The trace's `inner` for a scanner's ESP: no SA can say what it carries. */
export const OPAQUE_INNER = 'random bytes';

/**
 * "ICMP echo 192.168.1.10 > 192.168.2.10": what an ESP or clear packet carries. Memoised: the
 * same few flows recur in every packet (the ping sequence number travels as its own field).
 */
export function describeInner(inner: InnerPacket, text: (n: number) => string): string {
  if (inner.kind === 'opaque') return OPAQUE_INNER;
  if (inner.kind === 'hsrp') {
    // Not memoised: the state and priority change (hellos are few).
    return `HSRP Hello grp ${inner.group} ${inner.state} pri ${inner.priority} vIP ${text(inner.vip)}`;
  }
  const bySrc = innerTextCache[variantOf(inner)] as Map<number, Map<number, string>>;
  let byDst = bySrc.get(inner.src);
  if (!byDst) {
    if (bySrc.size > 4096) bySrc.clear();
    byDst = new Map();
    bySrc.set(inner.src, byDst);
  }
  let described = byDst.get(inner.dst);
  if (described === undefined) {
    described =
      inner.kind === 'icmp'
        ? `ICMP ${inner.type === 'echo' ? 'echo' : 'echo-reply'} ${text(inner.src)} > ${text(inner.dst)}`
        : `NHRP ${inner.type === 'reg' ? 'registration' : 'registration reply'} ${text(inner.src)} > ${text(inner.dst)}`;
    byDst.set(inner.dst, described);
  }
  return described;
}
