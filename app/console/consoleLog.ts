// Log lines as the console prints them: `*Mar  1 00:02:30.020: %CRYPTO-...`. Without NTP or a
// calendar an IOS router's clock starts at 00:00:00 on Friday March 1 (2002) and the `*` marks it
// as not authoritative; the console counts virtual time from there.

import type { LogRecord } from '../sim/trace';
import { formatTime } from '../trace/formatText';
import type { ConsoleState } from './types';

const DAY_MS = 86_400_000;

/** From March on; a run long enough to reach the next March is not expected. */
const MONTHS: ReadonlyArray<readonly [name: string, days: number]> = [
  ['Mar', 31],
  ['Apr', 30],
  ['May', 31],
  ['Jun', 30],
  ['Jul', 31],
  ['Aug', 31],
  ['Sep', 30],
  ['Oct', 31],
  ['Nov', 30],
  ['Dec', 31],
  ['Jan', 31],
  ['Feb', 28],
];

/** The router's calendar at `atMs`: days since power-on, month, day of month, time of day. */
export function routerClock(atMs: number): {
  dayIndex: number;
  month: string;
  day: number;
  time: string;
} {
  const ms = Math.max(0, Math.floor(atMs));
  const dayIndex = Math.floor(ms / DAY_MS);
  const time = formatTime(ms % DAY_MS);
  let day = dayIndex;
  for (const [month, days] of MONTHS) {
    if (day < days) return { dayIndex, month, day: day + 1, time };
    day -= days;
  }
  return { dayIndex, month: 'Mar', day: 1, time };
}

/** `*Mar  1 00:02:30.020` for 150020: the day right-aligned in two columns, as IOS pads it. */
export function logTimestamp(atMs: number): string {
  const { month, day, time } = routerClock(atMs);
  return `*${month} ${String(day).padStart(2, ' ')} ${time}`;
}

/** `*Mar  1 00:02:30.020: %CRYPTO-4-RECVD_PKT_INV_SPI: …` */
export function formatLogLine(atMs: number, text: string): string {
  return `${logTimestamp(atMs)}: ${text}`;
}

/**
 * Whether the console prints a record as it happens: syslog always (`logging console` is on by
 * default), debug lines only while their `debug crypto isakmp|ipsec` is on. ISAKMP debug lines
 * start with `ISAKMP`, IPsec ones with `IPSEC(`.
 */
export function consoleShows(
  state: ConsoleState,
  record: Pick<LogRecord, 'kind' | 'text'>,
): boolean {
  if (record.kind === 'syslog') return true;
  if (record.text.startsWith('ISAKMP')) return state.debug.isakmp;
  if (record.text.startsWith('IPSEC')) return state.debug.ipsec;
  return false;
}

/** Leaving configuration mode (`end`, `exit`, Ctrl-Z). */
export function configuredFromConsole(nowMs: number): string {
  return formatLogLine(nowMs, '%SYS-5-CONFIG_I: Configured from console by console');
}

/** After `reload` is confirmed, before the router goes down. */
export function reloadRequested(nowMs: number): string {
  return formatLogLine(
    nowMs,
    '%SYS-5-RELOAD: Reload requested by console. Reload Reason: Reload Command.',
  );
}
