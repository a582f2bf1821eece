import { beforeEach, describe, expect, it } from 'vitest';
import { loadPreset, seek } from '../../store/actions';
import { addConsolePing, CONSOLE_PING_EVERY_MS } from '../../store/consoleActions';
import { INITIAL_STATE, useSimStore } from '../../store/simStore';
import { pingHeader, pingMarksAt, pingOutcome } from './consolePing';

const R1_LAN = '192.168.1.1';

function startPing(repeat: number) {
  const started = addConsolePing(
    'R1',
    { kind: 'ping', dst: '192.168.2.10', source: R1_LAN, repeat, sizeBytes: 100 },
    '',
  );
  if (!started.ok) throw new Error(started.message);
  const run = useSimStore.getState().run;
  if (!run) throw new Error('no run');
  return { ping: started.ping, run };
}

describe('console pings', () => {
  beforeEach(() => {
    useSimStore.setState(INITIAL_STATE, true);
    loadPreset('reload-black-hole');
  });

  it('prints the header at once, the marks and the rate when the last echo is back', () => {
    seek(60_000);
    const { ping, run } = startPing(5);
    expect(pingHeader(ping)).toEqual([
      'Type escape sequence to abort.',
      'Sending 5, 100-byte ICMP Echos to 192.168.2.10, timeout is 2 seconds:',
      `Packet sent with a source address of ${R1_LAN}`,
    ]);
    const outcome = pingOutcome(run, ping, CONSOLE_PING_EVERY_MS);
    expect(outcome.lines).toEqual([
      '!!!!!',
      'Success rate is 100 percent (5/5), round-trip min/avg/max = 40/40/40 ms',
    ]);
    expect(outcome.doneAtMs).toBe(64_040);
    expect(pingMarksAt(run, ping, 62_500)).toEqual(['!', '!', '!']);
  });

  it('loses the echoes R2 drops after its reload', () => {
    seek(125_000);
    const { ping, run } = startPing(3);
    const outcome = pingOutcome(run, ping, CONSOLE_PING_EVERY_MS);
    expect(outcome.lines).toEqual(['...', 'Success rate is 0 percent (0/3)']);
    // The last echo times out 2 s after it was sent.
    expect(outcome.doneAtMs).toBe(129_000);
  });

  it('ends with the run: echoes never sent or never answered count as timeouts', () => {
    seek(898_500);
    const { ping, run } = startPing(5);
    const outcome = pingOutcome(run, ping, CONSOLE_PING_EVERY_MS);
    expect(outcome.doneAtMs).toBe(run.durationMs);
    expect(outcome.lines.at(-1)).toMatch(/^Success rate is \d+ percent \(\d\/2\)/);
  });
});
