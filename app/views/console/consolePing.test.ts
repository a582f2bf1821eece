import { beforeEach, describe, expect, it } from 'vitest';
import { loadPreset, seek } from '../../store/actions';
import { abortConsolePing, addConsolePing } from '../../store/consoleActions';
import { INITIAL_STATE, useSimStore } from '../../store/simStore';
import { pingHeader, pingOutcome } from './consolePing';

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

  it('prints the header at once, a mark per echo as it comes back, the rate after the last', () => {
    seek(60_000);
    const { ping, run } = startPing(5);
    expect(pingHeader(ping)).toEqual([
      'Type escape sequence to abort.',
      'Sending 5, 100-byte ICMP Echos to 192.168.2.10, timeout is 2 seconds:',
      `Packet sent with a source address of ${R1_LAN}`,
    ]);
    const outcome = pingOutcome(run, ping);
    // Each echo answered 40 ms after it left; the next leaves a second after the previous one.
    expect(outcome.echoes).toEqual(
      [60_040, 61_040, 62_040, 63_040, 64_040].map((atMs) => ({ atMs, mark: '!' })),
    );
    expect(outcome.summary).toBe(
      'Success rate is 100 percent (5/5), round-trip min/avg/max = 40/40/40 ms',
    );
    expect(outcome.doneAtMs).toBe(64_040);
  });

  it('loses the echoes R2 drops after its reload, one `.` per 2 s timeout', () => {
    seek(125_000);
    const { ping, run } = startPing(3);
    const outcome = pingOutcome(run, ping);
    // IOS sends the next echo when the previous one times out: 2 s apart.
    expect(outcome.echoes).toEqual(
      [127_000, 129_000, 131_000].map((atMs) => ({ atMs, mark: '.' })),
    );
    expect(outcome.summary).toBe('Success rate is 0 percent (0/3)');
    expect(outcome.doneAtMs).toBe(131_000);
  });

  it('stops at Ctrl+Shift+6: no echo leaves after it, the rate counts the echoes ended before', () => {
    seek(125_000);
    const { ping } = startPing(5);
    const aborted = abortConsolePing(ping, 130_000);
    const run = useSimStore.getState().run;
    if (!aborted || !run) throw new Error('not aborted');
    const outcome = pingOutcome(run, aborted);
    expect(outcome.echoes.map((echo) => echo.mark)).toEqual(['.', '.']);
    expect(outcome.summary).toBe('Success rate is 0 percent (0/2)');
    expect(outcome.doneAtMs).toBe(130_000);
    const sent = run.records.filter(
      (record) =>
        record.kind === 'packet' && record.event === 'sent' && record.flow === ping.flowId,
    );
    // Echoes 0, 1 and 2 (sent at 125, 127 and 129 s); none from 131 s on.
    expect(sent.every((record) => record.atMs < 130_000)).toBe(true);
    expect(sent.length).toBeGreaterThan(0);
  });

  it('ends with the run: echoes never sent or never answered count as timeouts', () => {
    seek(898_500);
    const { ping, run } = startPing(5);
    const outcome = pingOutcome(run, ping);
    expect(outcome.doneAtMs).toBe(run.durationMs);
    expect(outcome.summary).toMatch(/^Success rate is \d+ percent \(\d\/5\)/);
  });
});
