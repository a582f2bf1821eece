// Payloads the routers send outside ESP and ISAKMP: HSRP version 1 hellos (RFC 2281 §5) and
// NHRP registrations and replies (RFC 2332 §5.2.3, §5.2.4) carried in GRE.

import type { HsrpSpeakingState } from '../sim/packets';
import { ByteWriter, internetChecksum } from './bytes';

export const HSRP_PORT = 1985;
/** GRE protocol type IOS uses for NHRP (RFC 2332 §5; 0x2001 is Cisco's assignment). */
export const GRE_PROTOCOL_NHRP = 0x2001;

const HSRP_STATE: Record<HsrpSpeakingState, number> = { Speak: 4, Standby: 8, Active: 16 };

export interface HsrpHello {
  group: number;
  state: HsrpSpeakingState;
  priority: number;
  vip: number;
  helloSec: number;
  holdSec: number;
}

/** The 20-byte HSRP v1 hello, with IOS's default authentication text "cisco". */
export function hsrpHello(h: HsrpHello): Uint8Array {
  const w = new ByteWriter()
    .u8(0) // version 0 (HSRP v1)
    .u8(0) // op code: hello
    .u8(HSRP_STATE[h.state])
    .u8(h.helloSec)
    .u8(h.holdSec)
    .u8(h.priority)
    .u8(h.group)
    .u8(0);
  const auth = new Uint8Array(8);
  auth.set([0x63, 0x69, 0x73, 0x63, 0x6f]); // "cisco"
  return w.bytes(auth).u32(h.vip).finish();
}

export interface NhrpRegistration {
  type: 'reg' | 'reply';
  /** The registering spoke's NBMA (public) and tunnel addresses, and the NHS's tunnel address. */
  spokeNbma: number;
  spokeTunnel: number;
  nhsTunnel: number;
  requestId: number;
  holdtimeSec: number;
}

/**
 * A Registration Request (type 3) or Reply (type 4) with one Client Information Entry. A reply
 * copies the request's source and destination fields (RFC 2332 §5.2.4); code 0 is success.
 */
export function nhrpRegistration(r: NhrpRegistration): Uint8Array {
  const w = new ByteWriter()
    .u16(0x0001) // ar$afn: IPv4 NBMA
    .u16(0x0800) // ar$pro.type: IPv4
    .bytes(new Uint8Array(5)) // ar$pro.snap
    .u8(255) // ar$hopcnt
    .u16(0) // ar$pktsz, below
    .u16(0) // ar$chksum, below
    .u16(0) // ar$extoff: no extensions
    .u8(1) // ar$op.version
    .u8(r.type === 'reg' ? 3 : 4)
    .u8(4) // ar$shtl: 4-byte NBMA address
    .u8(0) // ar$sstl: no subaddress
    .u8(4) // source protocol address length
    .u8(4) // destination protocol address length
    .u16(0x8000) // flags: unique
    .u32(r.requestId)
    .u32(r.spokeNbma)
    .u32(r.spokeTunnel)
    .u32(r.nhsTunnel)
    // Client Information Entry: code, prefix length, unused, MTU, holding time, address lengths.
    .u8(0)
    .u8(32)
    .u16(0)
    .u16(1514)
    .u16(r.holdtimeSec)
    .u8(0)
    .u8(0)
    .u8(0)
    .u8(0);
  w.setU16(10, w.length);
  return w.setU16(12, internetChecksum(w.finish())).finish();
}
