// Resolving a cue against a run: which trace records it matches, and the virtual time it names.
// Pure; used by the player (where each step starts) and by the tests (that the cues resolve and
// that each prediction's answer is what the trace shows).

import type { Run } from '../sim/run';
import type { TraceRecord } from '../sim/trace';
import type { Cue } from './types';

/** A cue that waits for a record (not a fixed time). */
export type RecordCue = Exclude<Cue, { atMs: number }>;

/** The text a cue's `match` is tested against (documented on `Cue` in types.ts). */
export function cueSubject(record: TraceRecord): string {
  switch (record.kind) {
    case 'syslog':
    case 'debug':
      return record.text;
    case 'packet':
      return `${record.event} ${record.msg ?? record.proto}${record.reason ? `: ${record.reason}` : ''}`;
    case 'sa':
      return `${record.event} ${record.direction}${record.reason ? ` ${record.reason}` : ''}`;
    case 'state':
      return `${record.machine} ${record.to}`;
    case 'fault': {
      const about = record.node ?? record.link ?? record.flow;
      return [record.event, about, record.detail].filter(Boolean).join(' ');
    }
    case 'ping':
      return `${record.flow} #${record.seq} ${record.result}`;
    case 'negotiation':
      return `phase ${record.phase} ${record.event}: ${record.reason}`;
  }
}

/** The far end of a record, for the cue's `peer`. */
function peerOf(record: TraceRecord): string | undefined {
  if (record.kind === 'sa' || record.kind === 'state' || record.kind === 'negotiation')
    return record.peer;
  if (record.kind === 'packet') return record.event === 'sent' ? record.dst : record.src;
  return undefined;
}

const patterns = new Map<string, RegExp>();

function pattern(source: string): RegExp {
  let regex = patterns.get(source);
  if (!regex) {
    regex = new RegExp(source);
    patterns.set(source, regex);
  }
  return regex;
}

/** True when `record` is one the cue waits for (ignoring `nth` and `offsetMs`). */
export function cueMatches(cue: RecordCue, record: TraceRecord): boolean {
  if (record.kind !== cue.on) return false;
  if (cue.afterMs !== undefined && record.atMs < cue.afterMs) return false;
  if (cue.node !== undefined && !('node' in record && record.node === cue.node)) return false;
  if (cue.peer !== undefined && peerOf(record) !== cue.peer) return false;
  return cue.match === undefined || pattern(cue.match).test(cueSubject(record));
}

/** Every record of the run the cue matches, in trace order. */
export function cueRecords(run: Run, cue: RecordCue): TraceRecord[] {
  return run.records.filter((record) => cueMatches(cue, record));
}

/** The nth record the cue matches, or undefined when the run has fewer. */
export function cueRecord(run: Run, cue: RecordCue): TraceRecord | undefined {
  let left = Math.max(1, cue.nth ?? 1);
  for (const record of run.records) {
    if (!cueMatches(cue, record)) continue;
    left -= 1;
    if (left === 0) return record;
  }
  return undefined;
}

/**
 * The virtual time a cue names in this run: `atMs` as given, or the matching record's time plus
 * `offsetMs` (never below 0). Undefined when the run has no such record.
 */
export function cueTime(run: Run, cue: Cue): number | undefined {
  if ('atMs' in cue) return cue.atMs;
  const record = cueRecord(run, cue);
  return record === undefined ? undefined : Math.max(0, record.atMs + (cue.offsetMs ?? 0));
}

/** Whether the run has a record the cue matches (for `verify` predicates). */
export function happens(run: Run, cue: RecordCue): boolean {
  return cueRecord(run, cue) !== undefined;
}

/** How many records the cue matches at or before `untilMs` (all when omitted). */
export function countOf(run: Run, cue: RecordCue, untilMs = Number.POSITIVE_INFINITY): number {
  return cueRecords(run, cue).filter((record) => record.atMs <= untilMs).length;
}
