import { describe, expect, it } from 'vitest';
import { invalidSpiSyslog, sessionStatusSyslog } from '../../ios/messages';
import { NOT_PROGRAMMED_REASON, type TraceRecord } from '../../sim/trace';
import { lineLook } from './lineLook';
import { lineText } from './lineText';

const syslog = (text: string): TraceRecord => ({ atMs: 0, kind: 'syslog', node: 'R2', text });

describe('lineLook', () => {
  it('makes severity 4 stand out with a sign, not only a colour', () => {
    const look = lineLook(
      syslog(invalidSpiSyslog({ destAddr: '20.1.1.2', spi: 1, srcAddr: '10.1.1.1' })),
    );
    expect(look).toEqual({
      tone: 'warn',
      icon: '!',
      iconLabel: 'Warning',
      severity: 4,
      simplified: null,
    });
  });

  it('tells a tunnel going up from one going down', () => {
    const up = lineLook(syslog(sessionStatusSyslog({ up: true, peer: '10.1.1.1' })));
    const down = lineLook(syslog(sessionStatusSyslog({ up: false, peer: '10.1.1.1' })));
    expect([up.tone, up.icon, up.severity]).toEqual(['up', '▲', 5]);
    expect([down.tone, down.icon]).toEqual(['down', '▼']);
    // A routine line: its wording is recalled, but nothing the lesson rests on is guessed.
    expect(down.simplified).toBeNull();
  });

  it('makes faults separators with an icon, and debug quieter', () => {
    expect(lineLook({ atMs: 0, kind: 'fault', event: 'reload', node: 'R2' })).toMatchObject({
      tone: 'event',
      icon: '↻',
      iconLabel: 'Reload',
    });
    expect(lineLook({ atMs: 0, kind: 'debug', node: 'R2', text: 'x' }).tone).toBe('debug');
  });

  it('marks a drop for an SA still being programmed as simplified, and no other drop', () => {
    const drop = (reason: string): TraceRecord => ({
      atMs: 0,
      kind: 'packet',
      event: 'dropped',
      packetId: 1,
      src: '10.1.1.1',
      dst: '20.1.1.2',
      proto: 'esp',
      node: 'R2',
      reason,
    });
    const racing = lineLook(drop(`invalid SPI 0x8C2D5844: ${NOT_PROGRAMMED_REASON}`));
    expect(racing).toMatchObject({ tone: 'drop', icon: '✕' });
    expect(racing.simplified).toContain('IOS does not document');
    expect(lineLook(drop('invalid SPI 0x8C2D5844: no inbound SA')).simplified).toBeNull();
  });
});

describe('lineText', () => {
  it('splits time and router from the IOS text', () => {
    expect(lineText(syslog('%CRYPTO-4-X: y'))).toEqual({
      time: '00:00:00.000',
      node: 'R2',
      text: '%CRYPTO-4-X: y',
    });
    expect(lineText({ atMs: 120_000, kind: 'fault', event: 'reload', node: 'R2' })).toEqual({
      time: '00:02:00.000',
      node: 'R2',
      text: 'reloads',
    });
    expect(lineText({ atMs: 1, kind: 'ping', flow: 'f', seq: 3, result: 'lost' })).toEqual({
      time: '00:00:00.001',
      node: '',
      text: 'f seq 3: . (timeout)',
    });
  });
});
