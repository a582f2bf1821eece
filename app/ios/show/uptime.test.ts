import { describe, expect, it } from 'vitest';
import { formatUptime } from './uptime';

describe('formatUptime', () => {
  it('prints hh:mm:ss below a day (the show ip nhrp sample times)', () => {
    expect(formatUptime(0)).toBe('00:00:00');
    expect(formatUptime(612)).toBe('00:10:12');
    expect(formatUptime(6587)).toBe('01:49:47');
    expect(formatUptime(86399)).toBe('23:59:59');
  });

  it('switches to days+hours, then weeks+days', () => {
    expect(formatUptime(86400)).toBe('1d00h');
    expect(formatUptime(93600 + 59)).toBe('1d02h');
    expect(formatUptime(7 * 86400)).toBe('1w0d');
    expect(formatUptime(17 * 86400 + 3600)).toBe('2w3d');
  });

  it('drops fractions and clamps negative values', () => {
    expect(formatUptime(59.9)).toBe('00:00:59');
    expect(formatUptime(-5)).toBe('00:00:00');
  });
});
