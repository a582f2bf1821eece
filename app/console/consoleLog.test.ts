import { describe, expect, it } from 'vitest';
import { consoleShows, formatLogLine, logTimestamp } from './consoleLog';
import { createConsole } from './session';

describe('console log lines', () => {
  it('stamps virtual time the way an unset IOS clock does', () => {
    expect(logTimestamp(150_020)).toBe('*Mar  1 00:02:30.020');
    expect(logTimestamp(86_400_000 * 9 + 1)).toBe('*Mar 10 00:00:00.001');
    expect(logTimestamp(86_400_000 * 31)).toBe('*Apr  1 00:00:00.000');
    expect(formatLogLine(5_160, '%CRYPTO-5-SESSION_STATUS: Crypto tunnel is UP')).toBe(
      '*Mar  1 00:00:05.160: %CRYPTO-5-SESSION_STATUS: Crypto tunnel is UP',
    );
  });

  it('prints syslog always, debug lines only while their debugging is on', () => {
    const off = createConsole('R1');
    const isakmp = { ...off, debug: { isakmp: true, ipsec: false } };
    const debugIsakmp = { kind: 'debug', text: 'ISAKMP:(1001):Send initial contact' } as const;
    const debugIpsec = {
      kind: 'debug',
      text: "IPSEC(key_engine_delete_sas): rec'd delete",
    } as const;
    expect(consoleShows(off, { kind: 'syslog', text: '%CRYPTO-4-IKMP_NO_SA: …' })).toBe(true);
    expect(consoleShows(off, debugIsakmp)).toBe(false);
    expect(consoleShows(isakmp, debugIsakmp)).toBe(true);
    expect(consoleShows(isakmp, debugIpsec)).toBe(false);
  });
});
