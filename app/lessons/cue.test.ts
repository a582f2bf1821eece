import { describe, expect, it } from 'vitest';
import { countOf, cueRecord, cueSubject, cueTime, happens } from './cue';
import { presetRun } from './testRuns';

describe('cueTime', () => {
  const blackHole = presetRun('reload-black-hole');
  const recovery = presetRun('reload-invalid-spi-recovery');

  it('returns a fixed time as given', () => {
    expect(cueTime(blackHole, { atMs: 42_000 })).toBe(42_000);
  });

  it('finds the first RECVD_PKT_INV_SPI on R2 after the reload', () => {
    expect(cueTime(blackHole, { on: 'syslog', node: 'R2', match: 'RECVD_PKT_INV_SPI' })).toBe(
      150_020,
    );
  });

  it('counts with nth: the syslog repeats once a minute', () => {
    const cue = { on: 'syslog', node: 'R2', match: 'RECVD_PKT_INV_SPI' } as const;
    expect(cueTime(blackHole, { ...cue, nth: 2 })).toBe(210_020);
    expect(cueTime(blackHole, { ...cue, nth: 3 })).toBe(270_020);
    expect(cueTime(blackHole, { ...cue, nth: 1000 })).toBeUndefined();
  });

  it('applies offsetMs, never below zero', () => {
    const cue = { on: 'syslog', node: 'R2', match: 'RECVD_PKT_INV_SPI' } as const;
    expect(cueTime(blackHole, { ...cue, offsetMs: -10 })).toBe(150_010);
    expect(cueTime(blackHole, { on: 'packet', match: '^sent MM1$', offsetMs: -60_000 })).toBe(0);
  });

  it('tells the black hole from the recovery: R2 sends MM1 only with the command', () => {
    const r2Mm1 = { on: 'packet', node: 'R2', match: '^sent MM1$', afterMs: 120_000 } as const;
    expect(cueTime(blackHole, r2Mm1)).toBeUndefined();
    expect(cueTime(recovery, r2Mm1)).toBe(150_020);
  });

  it('filters by node, peer and afterMs', () => {
    const backup = presetRun('dpd-backup-peer');
    expect(cueTime(backup, { on: 'packet', node: 'R1', match: '^sent MM1$' })).toBe(5000);
    expect(
      cueTime(backup, { on: 'packet', node: 'R1', peer: '30.1.1.3', match: '^sent MM1$' }),
    ).toBe(252_000);
    expect(cueTime(backup, { on: 'packet', node: 'R1', match: '^sent MM1$', afterMs: 6000 })).toBe(
      192_000,
    );
    expect(
      cueTime(backup, { on: 'state', node: 'R1', peer: '20.1.1.2', match: '^dpd dead$' }),
    ).toBe(192_000);
    expect(
      cueTime(backup, { on: 'state', node: 'R1', peer: '30.1.1.3', match: '^dpd dead$' }),
    ).toBe(undefined);
  });

  it('matches faults, pings and SA records by their subject', () => {
    expect(cueTime(blackHole, { on: 'fault', match: '^reload R2$' })).toBe(120_000);
    expect(cueTime(blackHole, { on: 'fault', match: '^boot R2$' })).toBe(150_000);
    expect(cueTime(blackHole, { on: 'ping', match: '^lan1-to-lan2 #0 lost$' })).toBe(7000);
    expect(
      cueTime(recovery, { on: 'sa', node: 'R1', match: '^deleted inbound initial-contact$' }),
    ).toBe(150_120);
  });
});

describe('cueSubject', () => {
  it('spells each record kind as the Cue type documents', () => {
    const recovery = presetRun('reload-invalid-spi-recovery');
    const subject = (cue: Parameters<typeof cueRecord>[1]) => {
      const record = cueRecord(recovery, cue);
      return record && cueSubject(record);
    };
    expect(subject({ on: 'packet', node: 'R2', match: '^dropped' })).toMatch(
      /^dropped esp: R2 is reloading$/,
    );
    expect(subject({ on: 'packet', node: 'R2', match: 'invalid SPI' })).toMatch(
      /^dropped esp: invalid SPI 0x[0-9A-F]{8}: no inbound SA$/,
    );
    expect(subject({ on: 'state', node: 'R2', afterMs: 150_000 })).toBe('ike MM_NO_STATE');
    expect(subject({ on: 'fault', node: 'R2' })).toBe('reload R2');
    expect(subject({ on: 'ping' })).toBe('lan1-to-lan2 #1 ok');
    expect(subject({ on: 'sa', node: 'R2' })).toBe('installed inbound');
    expect(subject({ on: 'sa', node: 'R2', match: '^deleted' })).toBe('deleted inbound reload');
  });
});

describe('happens and countOf', () => {
  it('answer the questions the predictions ask', () => {
    const run = presetRun('dynamic-map-hub-reload');
    const probe = { on: 'packet', node: 'SPOKE', match: '^sent R-U-THERE$' } as const;
    expect(happens(run, probe)).toBe(true);
    expect(countOf(run, probe)).toBe(6);
    expect(countOf(run, probe, 180_000)).toBe(1);
    expect(happens(run, { on: 'packet', node: 'HUB', match: '^sent MM1$' })).toBe(false);
  });
});
