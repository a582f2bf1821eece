// `show clock`: `*00:01:00.000 UTC Fri Mar 1 2002`. The `*` marks a clock nobody set; it runs
// from the default power-on date (GNS3-era 12.4 images start on Friday, March 1, 2002).

import { routerClock } from '../consoleLog';

const WEEKDAYS = ['Fri', 'Sat', 'Sun', 'Mon', 'Tue', 'Wed', 'Thu'] as const;
const YEAR = 2002;

export function showClock(nowMs: number): string[] {
  const { dayIndex, month, day, time } = routerClock(nowMs);
  return [`*${time} UTC ${WEEKDAYS[dayIndex % 7]} ${month} ${day} ${YEAR}`];
}
