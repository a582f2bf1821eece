import { describe, expect, it } from 'vitest';
import { clockTime, lasted, plural, stopwatch } from './durations';

describe('durations', () => {
  it('writes a running outage like a stopwatch', () => {
    expect(stopwatch(0)).toBe('0:00');
    expect(stopwatch(42_999)).toBe('0:42');
    expect(stopwatch(725_000)).toBe('12:05');
    expect(stopwatch(3_725_000)).toBe('1:02:05');
  });

  it('writes how long an outage lasted', () => {
    expect(lasted(40)).toBe('under 1 s');
    expect(lasted(31_000)).toBe('31 s');
    expect(lasted(120_000)).toBe('2 min');
    expect(lasted(125_400)).toBe('2 min 5 s');
  });

  it('writes moments to the second, and counts with their noun', () => {
    expect(clockTime(153_020)).toBe('00:02:33');
    expect(plural(1, 'ping')).toBe('1 ping');
    expect(plural(1234, 'ping')).toBe('1,234 pings');
  });
});
