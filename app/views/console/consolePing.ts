// Pure. A ping typed at a console, as the run answers it: IOS prints its header at once, a `!`
// per reply and a `.` per 2-second timeout as each echo ends, then the success rate once the
// last echo is answered or timed out. Ctrl+Shift+6 aborts it: the rate then counts the echoes
// that ended before the abort. The run may end first: echoes it never sends or never answers
// count as timeouts when it does.

import { pingHeaderLines, pingSuccessLine, type RoundTrip } from '../../console';
import type { Run } from '../../sim/run';
import type { ConsolePing } from '../../store/consoleActions';
import { pingRecordsOf } from './consoleStream';

export type PingMark = '!' | '.';

/** One echo's mark and when IOS prints it (its reply or its timeout). */
export interface PingEcho {
  readonly atMs: number;
  readonly mark: PingMark;
}

const NO_ROUND_TRIP: RoundTrip = { min: 0, avg: 0, max: 0 };

/** `Type escape sequence to abort.`, `Sending 5, 100-byte ICMP Echos to …`, and the source. */
export function pingHeader(ping: ConsolePing): string[] {
  return pingHeaderLines(ping.repeat, ping.dst, ping.sizeBytes, ping.source);
}

export interface PingOutcome {
  /** The marks in echo order, each at the time its echo ends. */
  readonly echoes: readonly PingEcho[];
  /** When the success rate prints: the last echo's end, the abort, or the run's end. */
  readonly doneAtMs: number;
  /** The success-rate line. */
  readonly summary: string;
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

/** The outcome of `ping` in `run`: independent of the cursor (the console shows it as it passes). */
export function pingOutcome(run: Run, ping: ConsolePing): PingOutcome {
  const aborted = ping.abortedAtMs !== undefined && ping.abortedAtMs < run.durationMs;
  const endMs = aborted ? (ping.abortedAtMs ?? run.durationMs) : run.durationMs;
  const records = pingRecordsOf(run, ping.flowId)
    .filter((record) => record.atMs <= endMs && record.seq < ping.repeat)
    .sort((a, b) => a.seq - b.seq);
  const echoes: PingEcho[] = records.map((record) => ({
    atMs: record.atMs,
    mark: record.result === 'ok' ? '!' : '.',
  }));
  const complete = echoes.length === ping.repeat;
  if (!complete && !aborted) {
    // The run ended first: what it never answered counts as timed out, then.
    while (echoes.length < ping.repeat) echoes.push({ atMs: endMs, mark: '.' });
  }
  const rtts = records.flatMap((record) => (record.result === 'ok' ? [record.rttMs ?? 0] : []));
  const summary = pingSuccessLine(
    echoes.map((echo) => echo.mark),
    roundTrip(rtts),
  );
  return { echoes, doneAtMs: complete ? (echoes.at(-1)?.atMs ?? endMs) : endMs, summary };
}
