// Pure. How the health view writes times and durations.

import { formatTime } from '../../trace/formatText';

/** `00:02:33`: a moment of the run, to the second. */
export function clockTime(atMs: number): string {
  return formatTime(atMs).slice(0, 8);
}

/** `0:42`, `12:05`, `1:02:05`: a running duration, like a stopwatch. */
export function stopwatch(durationMs: number): string {
  const totalSec = Math.max(0, Math.floor(durationMs / 1000));
  const hours = Math.floor(totalSec / 3600);
  const minutes = Math.floor(totalSec / 60) % 60;
  const seconds = String(totalSec % 60).padStart(2, '0');
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${minutes}:${seconds}`;
}

/** `under 1 s`, `31 s`, `2 min 5 s`: how long something lasted. */
export function lasted(durationMs: number): string {
  const totalSec = Math.round(durationMs / 1000);
  if (totalSec < 1) return 'under 1 s';
  if (totalSec < 60) return `${totalSec} s`;
  const minutes = Math.floor(totalSec / 60);
  const seconds = totalSec % 60;
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}

const COUNT_FORMAT = new Intl.NumberFormat('en');

/**
 * `1,234`: a count with thousands separators. One shared formatter: `toLocaleString('en')`
 * builds a new one at every call, which is slow when many counts render.
 */
export function count(value: number): string {
  return COUNT_FORMAT.format(value);
}

/** `1 ping`, `42 pings`. */
export function plural(value: number, noun: string): string {
  return `${count(value)} ${noun}${value === 1 ? '' : 's'}`;
}
