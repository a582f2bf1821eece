// `ping`: the command hands the echoes to the app; its header and success line read as IOS
// prints them (the marks in between are the app's, one per echo).

import { describe, expect, it } from 'vitest';
import { pingHeaderLines, pingSuccessLine } from './exec/ping';
import { openSession, type } from './testRouter';

describe('the ping text', () => {
  it('prints the header, then the rate of the first echo lost while the tunnel comes up', () => {
    expect(pingHeaderLines(5, '192.168.2.10', 100)).toEqual([
      'Type escape sequence to abort.',
      'Sending 5, 100-byte ICMP Echos to 192.168.2.10, timeout is 2 seconds:',
    ]);
    expect(pingSuccessLine(['.', '!', '!', '!', '!'], { min: 40, avg: 40, max: 40 })).toBe(
      'Success rate is 80 percent (4/5), round-trip min/avg/max = 40/40/40 ms',
    );
  });

  it('names the source address, rounds the rate down', () => {
    expect(pingHeaderLines(100, '192.168.2.10', 100, '192.168.1.1')[2]).toBe(
      'Packet sent with a source address of 192.168.1.1',
    );
    const results = Array.from({ length: 100 }, (_, index) => (index % 3 === 0 ? '.' : '!'));
    expect(pingSuccessLine(results, { min: 1, avg: 2, max: 4 })).toBe(
      'Success rate is 66 percent (66/100), round-trip min/avg/max = 1/2/4 ms',
    );
  });

  it('leaves out the round trip when nothing came back, and counts only the echoes sent', () => {
    expect(pingSuccessLine(['.', '.', '.', '.', '.'], { min: 0, avg: 0, max: 0 })).toBe(
      'Success rate is 0 percent (0/5)',
    );
    // Aborted after two echoes (Ctrl+Shift+6): IOS counts what it sent.
    expect(pingSuccessLine(['.', '.'], { min: 0, avg: 0, max: 0 })).toBe(
      'Success rate is 0 percent (0/2)',
    );
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
