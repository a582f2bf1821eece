import { describe, expect, it } from 'vitest';
import {
  type CompareSpec,
  formatComparePayload,
  PAYLOAD_MAX_CHARS,
  parseComparePayload,
} from './payload';
import { SUGGESTIONS } from './suggestions';

function spec(payload: string): CompareSpec {
  const parsed = parseComparePayload(payload);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

function error(payload: string): string {
  const parsed = parseComparePayload(payload);
  if (parsed.ok) throw new Error(`"${payload}" parsed`);
  return parsed.error;
}

describe('parseComparePayload', () => {
  it('reads a feature comparison', () => {
    expect(spec('reload-black-hole~R2~invalid-spi-recovery~off~on')).toEqual({
      kind: 'feature',
      base: 'reload-black-hole',
      router: 'R2',
      a: { feature: 'invalidSpiRecovery', on: false },
      b: { feature: 'invalidSpiRecovery', on: true },
    });
  });

  it('reads DPD modes with default and explicit timers, and the dpd alias', () => {
    const s = spec('dpd-backup-peer~R1~dpd~off~periodic-10-5');
    expect(s).toMatchObject({
      a: { feature: 'keepalive', value: null },
      b: { feature: 'keepalive', value: { seconds: 10, retrySec: 5, mode: 'periodic' } },
    });
    expect(spec('dpd-idle-on-demand~R1~keepalive~on-demand~periodic')).toMatchObject({
      a: { value: { seconds: 60, retrySec: 2, mode: 'on-demand' } },
      b: { value: { seconds: 60, retrySec: 2, mode: 'periodic' } },
    });
  });

  it('reads idle times and two presets', () => {
    expect(spec('idle-timer~R1~idle-time~120~off')).toMatchObject({
      a: { feature: 'idleTime', seconds: 120 },
      b: { feature: 'idleTime', seconds: null },
    });
    expect(spec('gre-tp-reload~dmvpn-hub-reload')).toEqual({
      kind: 'preset',
      a: 'gre-tp-reload',
      b: 'dmvpn-hub-reload',
    });
  });

  it('tolerates percent-encoding, spaces around fields and upper-case values', () => {
    expect(spec('reload-black-hole%7ER2%7Einvalid-spi-recovery%7EOFF%7E on')).toEqual(
      spec('reload-black-hole~R2~invalid-spi-recovery~off~on'),
    );
  });

  it('round-trips through formatComparePayload, canonically', () => {
    for (const payload of [
      'reload-black-hole~R2~invalid-spi-recovery~off~on',
      'dpd-backup-peer~R1~keepalive~off~periodic-10-5',
      'dpd-idle-on-demand~R1~keepalive~on-demand~periodic',
      'idle-timer~R1~idle-time~120~off',
      'gre-tp-reload~dmvpn-hub-reload',
    ])
      expect(formatComparePayload(spec(payload))).toBe(payload);
    expect(formatComparePayload(spec('dpd-backup-peer~R1~dpd~off~periodic-60-2'))).toBe(
      'dpd-backup-peer~R1~keepalive~off~periodic',
    );
  });

  it('accepts every ready-made suggestion', () => {
    for (const s of SUGGESTIONS) expect(parseComparePayload(s.payload).ok).toBe(true);
  });
});

describe('parseComparePayload refuses bad links with one clear sentence', () => {
  it.each([
    ['', /empty: expected <scenario>~<router>~<feature>~<A>~<B>/],
    ['   ', /empty/],
    ['reload-black-hole', /has 1 field; expected/],
    ['a~b~c', /has 3 fields; expected/],
    ['reload-black-hole~R2~invalid-spi-recovery~off~on~x', /has 6 fields/],
    ['reload-black-hole~~invalid-spi-recovery~off~on', /has an empty field/],
    [
      'nope~R2~invalid-spi-recovery~off~on',
      /"nope" is not a built-in scenario; the scenarios are baseline, /,
    ],
    [
      'reload-black-hole~R9~invalid-spi-recovery~off~on',
      /"R9" is not a router of reload-black-hole; its routers are R1, R2/,
    ],
    ['reload-black-hole~ISP~invalid-spi-recovery~off~on', /"ISP" is not a router/],
    [
      'reload-black-hole~R2~magic~off~on',
      /"magic" is not a feature to compare; use invalid-spi-recovery, keepalive \(DPD\) or idle-time/,
    ],
    [
      'reload-black-hole~R2~invalid-spi-recovery~maybe~on',
      /^A: "maybe" is not a value of invalid-spi-recovery: use on or off/,
    ],
    ['reload-black-hole~R2~invalid-spi-recovery~off~1', /^B: "1" is not a value/],
    ['reload-black-hole~R2~invalid-spi-recovery~on~on', /A and B are both "on"/],
    ['dpd-backup-peer~R1~keepalive~off~sometimes', /use off, on-demand or periodic/],
    [
      'dpd-backup-peer~R1~keepalive~off~periodic-5-2',
      /DPD interval 5 s is outside IOS's range 10-3600 s/,
    ],
    [
      'dpd-backup-peer~R1~keepalive~off~periodic-60-1',
      /retry interval 1 s is outside IOS's range 2-60 s/,
    ],
    ['dpd-backup-peer~R1~keepalive~periodic~periodic-60-2', /A and B are both "periodic"/],
    ['idle-timer~R1~idle-time~30~off', /idle-time 30 s is outside IOS's range 60-86400 s/],
    ['idle-timer~R1~idle-time~-5~off', /use off or a number of seconds/],
    ['idle-timer~R1~idle-time~1e3~off', /use off or a number of seconds/],
    ['baseline~baseline', /Both sides are "baseline"/],
    ['baseline~__proto__', /"__proto__" is not a built-in scenario/],
    ['%E0%A4%A', /not valid URL encoding/],
  ])('%j', (payload, expected) => {
    expect(error(payload)).toMatch(expected);
  });

  it('refuses an overlong payload before reading it', () => {
    expect(error('x'.repeat(PAYLOAD_MAX_CHARS + 1))).toMatch(/characters long; at most 300/);
  });

  it('never throws on arbitrary text', () => {
    const samples = ['~', '~~~~', '%', '%%~%%', '\u0000~\u0000', 'constructor~toString', '🙂~🙂'];
    for (const sample of samples) expect(() => parseComparePayload(sample)).not.toThrow();
  });
});
