// What a router may ask of the engine: the virtual time, the random source, the wire, the
// trace, and timers. Implemented by simulate.ts; routers never see the agenda itself.

import type { VirtualClock } from './machines/machineHost';
import type { InnerPacket, WirePacket } from './packets';
import type { Rng } from './rng';
import type { TraceRecord } from './trace';

export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface World {
  readonly nowMs: number;
  readonly rng: Rng;
  /** The clock XState actors run on (backed by the agenda). */
  readonly clock: VirtualClock;
  /** Appends a record stamped with the current time. */
  record(record: DistributiveOmit<TraceRecord, 'atMs'>): void;
  /** A new packet id, for a packet that dies before it reaches the wire. */
  newPacketId(): number;
  /** Puts a packet on the wire from `node`; the engine routes it and records its fate. */
  transmit(node: string, packet: DistributiveOmit<WirePacket, 'id'>): void;
  /** Runs `fn` after `delayMs` of virtual time; cancel by setting `cancelled`. */
  after(delayMs: number, fn: () => void): { cancelled: boolean };
  /** A router became or stopped being HSRP Active: who answers to which virtual IP changed. */
  addressOwnersChanged(): void;
  /** A host in one of `node`'s LANs receives an IP packet (ping targets and sources). */
  deliverToHost(node: string, packet: InnerPacket): void;
}
