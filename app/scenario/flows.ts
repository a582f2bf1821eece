// The scenario's traffic by kind: most views know only pings (their replies make the health
// charts, outages and comparisons); a scanner's packets show in the trace, log and capture.

import type { EspScanFlow, PingFlow, TrafficFlow } from './types';

/** The ping flows, in document order. */
export function pingFlows(traffic: readonly TrafficFlow[]): PingFlow[] {
  return traffic.filter((flow): flow is PingFlow => flow.kind === 'ping');
}

/** The scanners, in document order. */
export function scanFlows(traffic: readonly TrafficFlow[]): EspScanFlow[] {
  return traffic.filter((flow): flow is EspScanFlow => flow.kind === 'esp-scan');
}
