import { describe, expect, it } from 'vitest';
import type { ConsolePing } from '../../store/consoleActions';
import type { ConsoleStream, StreamRecord } from './consoleStream';
import {
  type ConsoleBlock,
  DEBUG_OFF,
  type PendingOutput,
  seenAt,
  transcriptAt,
} from './transcript';

const records: StreamRecord[] = [
  { atMs: 1000, kind: 'syslog', node: 'R1', text: '%CRYPTO-5-SESSION_STATUS: Crypto tunnel is UP' },
  { atMs: 2000, kind: 'debug', node: 'R1', text: 'ISAKMP:(1001):Send initial contact' },
  { atMs: 2000, kind: 'debug', node: 'R1', text: 'IPSEC(create_sa): sa created' },
  { atMs: 3000, kind: 'syslog', node: 'R1', text: '%CRYPTO-4-RECVD_PKT_INV_SPI: …' },
  { atMs: 4000, kind: 'fault', event: 'reload', node: 'R1' },
  { atMs: 5000, kind: 'fault', event: 'boot', node: 'R1' },
];
const stream: ConsoleStream = { records, times: records.map((r) => r.atMs) };

const noPings = (): PendingOutput => {
  throw new Error('no ping expected');
};

function block(atMs: number, text: string, extra: Partial<ConsoleBlock> = {}): ConsoleBlock {
  return {
    atMs,
    seenAtMs: 0,
    lines: [{ kind: 'echo', text }],
    debug: DEBUG_OFF,
    ping: null,
    ...extra,
  };
}

const texts = (blocks: ConsoleBlock[], t: number, pingResult = noPings) =>
  transcriptAt('R1', stream, blocks, t, pingResult).lines.map((line) => line.text);

describe('transcriptAt', () => {
  it('prints syslog as the cursor passes it, debug lines only while debugging', () => {
    expect(texts([], 2500)).toEqual([
      '*Mar  1 00:00:01.000: %CRYPTO-5-SESSION_STATUS: Crypto tunnel is UP',
    ]);
    const debugOn = block(1500, 'R1#debug crypto isakmp', {
      debug: { isakmp: true, ipsec: false },
    });
    expect(texts([debugOn], 2500)).toEqual([
      '*Mar  1 00:00:01.000: %CRYPTO-5-SESSION_STATUS: Crypto tunnel is UP',
      'R1#debug crypto isakmp',
      '*Mar  1 00:00:02.000: ISAKMP:(1001):Send initial contact',
    ]);
  });

  it('keeps typed lines on a rewind and prints passed lines once, not twice', () => {
    const typed = [block(1500, 'R1#show clock')];
    const forward = texts(typed, 3500);
    expect(forward).toHaveLength(3);
    // Back before the typed line: the line and what preceded it stay; later lines go.
    expect(texts(typed, 500)).toEqual(forward.slice(0, 2));
    // Forward again: the same lines, once.
    expect(texts(typed, 3500)).toEqual(forward);
    // A line typed after moving back is marked, and the log is not printed again above it.
    const rewound = [...typed, block(500, 'R1#show version')];
    expect(texts(rewound, 3500)).toEqual([
      forward[0],
      'R1#show clock',
      'cursor moved back to 00:00:00.500',
      'R1#show version',
      forward[2],
    ]);
  });

  it('puts records already shown at the typing moment above the block, new ones below', () => {
    const atMs = 2000;
    expect(seenAt(stream, atMs, 2000)).toBe(2);
    const debugging = { isakmp: true, ipsec: true };
    const lines = texts(
      [
        block(0, 'R1#debug crypto isakmp', { debug: debugging }),
        block(atMs, 'R1#clear crypto sa', { seenAtMs: 1, debug: debugging }),
      ],
      2000,
    );
    expect(lines.slice(2)).toEqual([
      '*Mar  1 00:00:02.000: ISAKMP:(1001):Send initial contact',
      'R1#clear crypto sa',
      '*Mar  1 00:00:02.000: IPSEC(create_sa): sa created',
    ]);
  });

  it('a reload ends the session: debugging off, the next line starts afresh', () => {
    const debugOn = block(0, 'R1#debug crypto isakmp', { debug: { isakmp: true, ipsec: false } });
    const before = transcriptAt('R1', stream, [debugOn], 3500, noPings);
    expect(before.debug.isakmp).toBe(true);
    expect(before.reloadedSinceLastBlock).toBe(false);
    const after = transcriptAt('R1', stream, [debugOn], 6000, noPings);
    expect(after.debug).toEqual(DEBUG_OFF);
    expect(after.reloadedSinceLastBlock).toBe(true);
    expect(after.lines.map((line) => line.text)).toContain('Press RETURN to get started!');
    expect(after.lines.find((line) => line.kind === 'note')?.text).toMatch(/R1 reloads at/);
  });

  it("prints a ping's marks one by one in place, the success line at its end", () => {
    const ping = { flowId: 'console-R1-1' } as ConsolePing;
    const pinged = [block(1200, 'R1#ping 192.168.2.10', { ping })];
    const marks = [1240, 2240, 2600, 3240, 3800].map((atMs, index) => ({
      atMs,
      mark: index === 2 ? '.' : '!',
    }));
    const result = () => ({ marks, atMs: 3800, lines: ['Success rate is 80 percent (4/5)'] });
    expect(texts(pinged, 1100, result)).not.toContain('!');
    // Two marks by 2.4 s, on one line; the success line waits for the last echo.
    expect(texts(pinged, 2400, result).slice(-2)).toEqual(['R1#ping 192.168.2.10', '!!']);
    expect(transcriptAt('R1', stream, pinged, 2400, result).waiting).toBe(1);
    // A log line printed meanwhile breaks the marks line; the marks go on below it.
    expect(texts(pinged, 3900, result)).toEqual([
      '*Mar  1 00:00:01.000: %CRYPTO-5-SESSION_STATUS: Crypto tunnel is UP',
      'R1#ping 192.168.2.10',
      '!!.',
      '*Mar  1 00:00:03.000: %CRYPTO-4-RECVD_PKT_INV_SPI: …',
      '!!',
      'Success rate is 80 percent (4/5)',
    ]);
    expect(transcriptAt('R1', stream, pinged, 3900, result).waiting).toBe(0);
  });

  it('wraps the marks every 70, as IOS does', () => {
    const ping = { flowId: 'console-R1-1' } as ConsolePing;
    const pinged = [block(100, 'R1#ping 192.168.2.10 repeat 100', { ping })];
    const marks = Array.from({ length: 100 }, (_, index) => ({ atMs: 101 + index, mark: '!' }));
    const result = () => ({ marks, atMs: 200, lines: ['Success rate is 100 percent (100/100)'] });
    const lines = texts(pinged, 900, result);
    expect(lines.slice(1, 4).map((line) => line.length)).toEqual([70, 30, 37]);
  });
});
