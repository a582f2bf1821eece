// Pure. When each router logged %CRYPTO-4-RECVD_PKT_INV_SPI and when it dropped ESP for an
// unknown SPI, indexed once per run; the counts at a cursor t are binary searches.

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

/** The engine's drop reason for ESP whose SPI has no inbound SA (app/sim/router/dataPlane.ts). */
const INVALID_SPI_DROP = /^invalid SPI /;

/** The routers that log or drop for an invalid SPI at some point of the run, in the order given. */
export function indexInvalidSpi(
  records: readonly TraceRecord[],
  routers: readonly string[],
): InvalidSpiTimes[] {
  const byNode = new Map<string, InvalidSpiTimes>();
  const entry = (node: string) => {
    let times = byNode.get(node);
    if (!times) {
      times = { node, logAtMs: [], dropAtMs: [] };
      byNode.set(node, times);
    }
    return times;
  };
  for (const record of records) {
    if (record.kind === 'syslog' && syslogMnemonic(record.text) === 'RECVD_PKT_INV_SPI')
      entry(record.node).logAtMs.push(record.atMs);
    else if (
      record.kind === 'packet' &&
      record.event === 'dropped' &&
      record.node !== undefined &&
      INVALID_SPI_DROP.test(record.reason ?? '')
    )
      entry(record.node).dropAtMs.push(record.atMs);
  }
  return routers.flatMap((node) => byNode.get(node) ?? []);
}

export function invalidSpiAt(times: InvalidSpiTimes, t: number): { logs: number; drops: number } {
  return { logs: countAtOrBefore(times.logAtMs, t), drops: countAtOrBefore(times.dropAtMs, t) };
}
