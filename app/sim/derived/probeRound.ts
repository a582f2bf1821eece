// How far a DPD or legacy-keepalive probe round has gone, from the IKE SA's liveness machine as
// the frame holds it (the run snapshots a router at every probe it sends, so `dpdRetry` is the
// machine's retransmission count at t). The limits are the machine's own. Pure.

import { DPD_MAX_RETRANSMITS, LEGACY_MAX_MISSES } from '../machines/livenessMachine';
import type { IkeSaView } from '../snapshot';

export type ProbeRound =
  /** RFC 3706 DPD: the first R-U-THERE (retransmit 0), then `retransmit k of max`. */
  | { kind: 'dpd'; retransmit: number; maxRetransmits: number }
  /** Legacy IOS keepalives: keepalive `sent` of `max` unanswered before the peer is dead. */
  | { kind: 'keepalive'; sent: number; max: number };

/** The round under way with this IKE SA's peer, or null when it is not probing. */
export function probeRound(ike: IkeSaView | undefined): ProbeRound | null {
  if (!ike || ike.liveness === 'none' || ike.dpdState !== 'probing') return null;
  if (ike.liveness === 'legacy-keepalive') {
    return {
      kind: 'keepalive',
      sent: Math.min(ike.dpdRetry + 1, LEGACY_MAX_MISSES),
      max: LEGACY_MAX_MISSES,
    };
  }
  return {
    kind: 'dpd',
    retransmit: Math.min(ike.dpdRetry, DPD_MAX_RETRANSMITS),
    maxRetransmits: DPD_MAX_RETRANSMITS,
  };
}
