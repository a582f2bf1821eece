// Pure. When each router logged %CRYPTO-4-RECVD_PKT_INV_SPI and when it dropped ESP for an
// unknown SPI, indexed once per run; the counts at a cursor t are binary searches.

import { growingIndex } from '../../sim/growingIndex';
import { countAtOrBefore } from '../../sim/run';
import type { TraceRecord } from '../../sim/trace';
import { syslogMnemonic } from '../../trace/formatText';

export interface InvalidSpiTimes {
  node: string;
  /** Its RECVD_PKT_INV_SPI syslogs (IOS logs at most one a minute per flow). */
  logAtMs: number[];
  /** Its drops of ESP packets with an unknown SPI: one per packet. */
  dropAtMs: number[];
}

/** Per router, when it logged RECVD_PKT_INV_SPI: kept per trace array and grown with it. */
const invalidSpiLogTimes = growingIndex<TraceRecord, Map<string, number[]>>(
  () => new Map(),
  (logTimes, record) => {
    if (record.kind !== 'syslog' || syslogMnemonic(record.text) !== 'RECVD_PKT_INV_SPI') return;
    const list = logTimes.get(record.node);
    if (list) list.push(record.atMs);
    else logTimes.set(record.node, [record.atMs]);
  },
);

/**
 * The routers that log or drop for an invalid SPI at some point of the run, in the order given:
 * their syslogs from the trace, their drops from the run's own index (`Run.invalidSpiDropTimes`).
 */
export function indexInvalidSpi(
  records: readonly TraceRecord[],
  dropTimes: ReadonlyMap<string, number[]>,
  routers: readonly string[],
): InvalidSpiTimes[] {
  const logTimes = invalidSpiLogTimes(records);
  return routers.flatMap((node) => {
    const logAtMs = logTimes.get(node) ?? [];
    const dropAtMs = dropTimes.get(node) ?? [];
    return logAtMs.length + dropAtMs.length > 0 ? [{ node, logAtMs, dropAtMs }] : [];
  });
}

export function invalidSpiAt(times: InvalidSpiTimes, t: number): { logs: number; drops: number } {
  return { logs: countAtOrBefore(times.logAtMs, t), drops: countAtOrBefore(times.dropAtMs, t) };
}
