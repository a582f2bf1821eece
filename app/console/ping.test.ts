// `ping`: the command hands the echoes to the app; formatPingResult prints them as IOS does.

import { describe, expect, it } from 'vitest';
import { formatPingResult } from './exec/ping';
import { openSession, type } from './testRouter';

describe('formatPingResult', () => {
  it('prints the first echo lost while the tunnel comes up', () => {
    expect(
      formatPingResult(['.', '!', '!', '!', '!'], '192.168.2.10', 100, {
        min: 40,
        avg: 40,
        max: 40,
      }),
    ).toEqual([
      'Type escape sequence to abort.',
      'Sending 5, 100-byte ICMP Echos to 192.168.2.10, timeout is 2 seconds:',
      '.!!!!',
      'Success rate is 80 percent (4/5), round-trip min/avg/max = 40/40/40 ms',
    ]);
  });

  it('names the source address, wraps marks at 70, rounds the rate down', () => {
    const results = Array.from({ length: 100 }, (_, index) => (index % 3 === 0 ? '.' : '!'));
    const lines = formatPingResult(
      results,
      '192.168.2.10',
      100,
      { min: 1, avg: 2, max: 4 },
      '192.168.1.1',
    );
    expect(lines[2]).toBe('Packet sent with a source address of 192.168.1.1');
    expect(lines[3]).toHaveLength(70);
    expect(lines[4]).toHaveLength(30);
    expect(lines[5]).toBe('Success rate is 66 percent (66/100), round-trip min/avg/max = 1/2/4 ms');
  });

  it('leaves out the round trip when nothing came back', () => {
    const lines = formatPingResult(['.', '.', '.', '.', '.'], '20.1.1.2', 100, {
      min: 0,
      avg: 0,
      max: 0,
    });
    expect(lines.at(-1)).toBe('Success rate is 0 percent (0/5)');
  });
});

describe('the ping command', () => {
  it('asks the app for five 100-byte echoes by default', () => {
    const session = openSession();
    expect(type(session, 'ping 192.168.2.10')).toEqual(['R1#ping 192.168.2.10']);
    expect(session.effects).toEqual([
      { kind: 'ping', dst: '192.168.2.10', repeat: 5, sizeBytes: 100 },
    ]);
  });

  it('takes its options in any order, the source as an address or an interface', () => {
    const session = openSession();
    type(session, 'ping 192.168.2.10 rep 10 source fa0/1 size 1000', 'p 20.1.1.2 so 10.1.1.1');
    expect(session.effects).toEqual([
      { kind: 'ping', dst: '192.168.2.10', source: '192.168.1.1', repeat: 10, sizeBytes: 1000 },
      { kind: 'ping', dst: '20.1.1.2', source: '10.1.1.1', repeat: 5, sizeBytes: 100 },
    ]);
  });

  it('refuses an unknown host, a foreign source and a bad count', () => {
    const session = openSession();
    expect(
      type(session, 'ping foo', 'ping 20.1.1.2 source 1.2.3.4', 'ping 20.1.1.2 repeat 0'),
    ).toEqual([
      'R1#ping foo',
      '% Unrecognized host or address, or protocol not running.',
      '',
      'R1#ping 20.1.1.2 source 1.2.3.4',
      '% Invalid source address- IP address not on any of our up interfaces',
      '',
      'R1#ping 20.1.1.2 repeat 0',
      '                        ^',
      "% Invalid input detected at '^' marker.",
      '',
    ]);
    expect(session.effects).toEqual([]);
  });
});
