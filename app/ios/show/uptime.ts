// Pure. Durations as IOS prints them in `show` output (uptime, created, expire).

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * IOS duration text: `hh:mm:ss` below a day, then `1d02h`, then `2w3d` from a week on [M]
 * (the format of `show ip route` and `show ip nhrp` ages; not quoted in ios-behavior.md).
 * Fractions of a second are dropped and negative input counts as 0.
 * @example formatUptime(612) // "00:10:12"
 */
export function formatUptime(sec: number): string {
  const total = Math.max(0, Math.floor(sec));
  const days = Math.floor(total / 86400);
  if (days >= 7) return `${Math.floor(days / 7)}w${days % 7}d`;
  const hours = Math.floor((total % 86400) / 3600);
  if (days >= 1) return `${days}d${pad2(hours)}h`;
  return `${pad2(hours)}:${pad2(Math.floor((total % 3600) / 60))}:${pad2(total % 60)}`;
}

/**
 * `hh:mm:ss` with unbounded hours: remaining lifetimes (`show crypto isakmp sa detail`,
 * `show crypto session detail`: `lifetime:23:59:10`), which never switch to `1d00h`.
 */
export function formatClockDuration(sec: number): string {
  const total = Math.max(0, Math.floor(sec));
  return `${pad2(Math.floor(total / 3600))}:${pad2(Math.floor(total / 60) % 60)}:${pad2(total % 60)}`;
}
