// Pure helpers over a run for moving the cursor: the event times to step between, and the
// adaptive playback speed. No store access.

import type { Run } from '../sim/run';
import type { TraceRecord } from '../sim/trace';

/** Speed steps of the speed control and the [ ] keys: log-spaced, 0.1x to 1000x. */
export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100, 250, 500, 1000] as const;

/** A speed within SPEEDS' range. */
export function clampSpeed(speed: number): number {
  return Math.max(SPEEDS[0], Math.min(SPEEDS[SPEEDS.length - 1] ?? 1000, speed));
}

/** The next step of SPEEDS up (1) or down (-1) from speed, or speed at either end. */
export function speedStep(speed: number, direction: 1 | -1): number {
  const steps = direction > 0 ? SPEEDS : [...SPEEDS].reverse();
  return steps.find((s) => (s - speed) * direction > 0) ?? speed;
}

/** Record kinds worth stopping at when stepping. */
function isStep(record: TraceRecord): boolean {
  return record.kind !== 'debug';
}

/** The time of the first step-worthy record strictly after t, or undefined. */
export function nextEventAtMs(run: Run, t: number): number | undefined {
  const records = run.records;
  let lo = 0;
  let hi = records.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((records[mid] as TraceRecord).atMs <= t) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < records.length; i++) {
    const record = records[i] as TraceRecord;
    if (isStep(record)) return record.atMs;
  }
  return undefined;
}

/** The time of the last step-worthy record strictly before t, or undefined. */
export function previousEventAtMs(run: Run, t: number): number | undefined {
  const records = run.records;
  let lo = 0;
  let hi = records.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((records[mid] as TraceRecord).atMs < t) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0; i--) {
    const record = records[i] as TraceRecord;
    if (isStep(record)) return record.atMs;
  }
  return undefined;
}

/** Wall ms the longest flight takes on screen in adaptive mode at 1x: IKE slowly, ESP briskly. */
export const ADAPTIVE_IKE_FLIGHT_WALL_MS = 1500;
export const ADAPTIVE_ESP_FLIGHT_WALL_MS = 400;
/** Wall ms a quiet stretch takes at most in adaptive mode. */
export const ADAPTIVE_QUIET_WALL_MS = 400;

/** Why adaptive pacing runs at the rate it does (see pacedRate). */
export type PaceReason = 'chosen' | 'ike-in-flight' | 'packets-in-flight' | 'quiet';

export interface PacedRate {
  /** Virtual ms per wall ms at t. */
  rate: number;
  reason: PaceReason;
  /** A quiet stretch is skipped up to here at most (the next packet, or the computed end). */
  untilMs: number;
}

/**
 * How fast the cursor moves at t. With `adaptive`, packets in flight are slowed to be watchable
 * (at 1x an IKE message crosses in 1.5 s, an ESP packet in 0.4 s), and quiet stretches are
 * skipped in at most 0.4 s, never past the next packet; `speed` multiplies both. Without
 * `adaptive`, the chosen speed.
 */
export function pacedRate(run: Run, t: number, speed: number, adaptive: boolean): PacedRate {
  // Never past what is computed (the whole run once complete; see runProgress).
  const end = run.computedUntilMs;
  if (!adaptive) return { rate: speed, reason: 'chosen', untilMs: end };
  const flying = packetsInFlightAt(run, t);
  if (flying) {
    const flightWallMs =
      flying === 'isakmp' ? ADAPTIVE_IKE_FLIGHT_WALL_MS : ADAPTIVE_ESP_FLIGHT_WALL_MS;
    return {
      rate: (Math.max(1, run.maxFlightMs) / flightWallMs) * speed,
      reason: flying === 'isakmp' ? 'ike-in-flight' : 'packets-in-flight',
      untilMs: end,
    };
  }
  const untilMs = Math.min(end, nextPacketAtMs(run, t) ?? end);
  const skip = (untilMs - t) / ADAPTIVE_QUIET_WALL_MS;
  return skip > speed
    ? { rate: skip, reason: 'quiet', untilMs }
    : { rate: speed, reason: 'chosen', untilMs };
}

/** Where the cursor goes after `wallMs` of wall time from t (see pacedRate). */
export function advance(
  run: Run,
  t: number,
  wallMs: number,
  speed: number,
  adaptive: boolean,
): number {
  const { rate, untilMs } = pacedRate(run, t, speed, adaptive);
  return Math.min(untilMs, t + wallMs * rate);
}

function firstSentAtOrAfter(run: Run, t: number): number {
  const sent = run.sentPackets;
  let lo = 0;
  let hi = sent.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sent[mid] as { atMs: number }).atMs < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** What is between departure and arrival at t: 'isakmp' if any IKE message, else 'esp'/'ip'. */
export function packetsInFlightAt(run: Run, t: number): 'isakmp' | 'esp' | 'ip' | null {
  let flying: 'isakmp' | 'esp' | 'ip' | null = null;
  for (let i = firstSentAtOrAfter(run, t - run.maxFlightMs); i < run.sentPackets.length; i++) {
    const sent = run.sentPackets[i];
    if (!sent || sent.atMs > t) break;
    if (sent.arrivesAtMs !== undefined && sent.arrivesAtMs > t) {
      if (sent.proto === 'isakmp') return 'isakmp';
      flying = sent.proto;
    }
  }
  return flying;
}

/** Departure time of the next wire packet after t. */
export function nextPacketAtMs(run: Run, t: number): number | undefined {
  return run.sentPackets[firstSentAtOrAfter(run, t + 1)]?.atMs;
}
