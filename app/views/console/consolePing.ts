// Pure. A ping typed at a console, as the run answers it: IOS prints its header at once, a `!`
// per reply and a `.` per 2-second timeout, then the success rate once the last echo is
// answered or timed out. The run may end first: echoes it never sends or never answers count
// as timeouts when it does.

import { formatPingResult, type RoundTrip } from '../../console';
import type { Run } from '../../sim/run';
import type { ConsolePing } from '../../store/consoleActions';
import { pingRecordsOf } from './consoleStream';

export type PingMark = '!' | '.';

const NO_ROUND_TRIP: RoundTrip = { min: 0, avg: 0, max: 0 };

/** `Type escape sequence to abort.`, `Sending 5, 100-byte ICMP Echos to …`, and the source. */
export function pingHeader(ping: ConsolePing): string[] {
  const lines = formatPingResult([], ping.dst, ping.sizeBytes, NO_ROUND_TRIP, ping.source);
  return lines.slice(0, -1).map((line) => line.replace(/^Sending 0,/, `Sending ${ping.repeat},`));
}

/** How many of the echoes the run sends: one a second from startMs, none after it ends. */
function echoesSent(run: Run, ping: ConsolePing, everyMs: number): number {
  if (ping.startMs > run.durationMs) return 0;
  return Math.min(ping.repeat, Math.floor((run.durationMs - ping.startMs) / everyMs) + 1);
}

export interface PingOutcome {
  /** When the last echo is answered or timed out (the run's end if it ends first). */
  readonly doneAtMs: number;
  /** The marks and success rate IOS prints then (after the header). */
  readonly lines: readonly string[];
}

function roundTrip(rttsMs: readonly number[]): RoundTrip {
  if (rttsMs.length === 0) return NO_ROUND_TRIP;
  const total = rttsMs.reduce((sum, rtt) => sum + rtt, 0);
  return {
    min: Math.min(...rttsMs),
    avg: Math.floor(total / rttsMs.length),
    max: Math.max(...rttsMs),
  };
}

/** The outcome of `ping` in `run`: independent of the cursor (the console shows it once passed). */
export function pingOutcome(run: Run, ping: ConsolePing, everyMs: number): PingOutcome {
  const records = pingRecordsOf(run, ping.flowId);
  const sent = echoesSent(run, ping, everyMs);
  const bySeq = new Map(records.map((record) => [record.seq, record]));
  const marks: PingMark[] = [];
  const rtts: number[] = [];
  let lastAtMs = ping.startMs;
  let complete = sent === ping.repeat;
  for (let seq = 0; seq < sent; seq++) {
    const record = bySeq.get(seq);
    if (!record) complete = false;
    else lastAtMs = Math.max(lastAtMs, record.atMs);
    if (record?.result === 'ok') {
      marks.push('!');
      rtts.push(record.rttMs ?? 0);
    } else marks.push('.');
  }
  const lines = formatPingResult(marks, ping.dst, ping.sizeBytes, roundTrip(rtts), ping.source);
  const headerLength = pingHeader(ping).length;
  return { doneAtMs: complete ? lastAtMs : run.durationMs, lines: lines.slice(headerLength) };
}

/** The marks of the echoes answered or timed out by `atMs` (for a ping still running). */
export function pingMarksAt(run: Run, ping: ConsolePing, atMs: number): PingMark[] {
  return pingRecordsOf(run, ping.flowId)
    .filter((record) => record.atMs <= atMs)
    .sort((a, b) => a.seq - b.seq)
    .map((record) => (record.result === 'ok' ? '!' : '.'));
}
