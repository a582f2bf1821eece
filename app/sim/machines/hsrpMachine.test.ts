import { describe, expect, it } from 'vitest';
import { type HsrpContext, type HsrpInput, hsrpMachine } from './hsrpMachine';
import { MachineHost } from './machineHost';
import { TestClock } from './testClock';

const OTHER = 0x14010103; // 20.1.1.3
const SELF = 0x14010102; // 20.1.1.2

function group(input: Partial<HsrpInput> = {}) {
  const clock = new TestClock();
  const hellos: Array<{ atMs: number; state: string }> = [];
  const states: Array<{ atMs: number; state: string }> = [];
  const h: MachineHost<HsrpContext> = new MachineHost<HsrpContext>(
    hsrpMachine,
    ['sendHello'],
    {
      priority: 100,
      preempt: false,
      helloMs: 3_000,
      holdMs: 10_000,
      selfIp: SELF,
      now: () => clock.nowMs,
      ...input,
    },
    clock,
    () => hellos.push({ atMs: clock.nowMs, state: h.state }),
    (state) => states.push({ atMs: clock.nowMs, state }),
  );
  h.send({ type: 'start' });
  return { h, clock, hellos, states };
}

/** Hellos from the other router, every 3 s from `fromMs` to `toMs`. */
function hear(
  g: ReturnType<typeof group>,
  state: 'Speak' | 'Standby' | 'Active',
  priority: number,
  fromMs: number,
  toMs: number,
) {
  for (let t = fromMs; t <= toMs; t += 3_000) {
    g.clock.advanceTo(t);
    g.h.send({ type: 'hello', from: OTHER, state, priority });
  }
}

describe('hsrpMachine (RFC 2281 as IOS runs it, simplified)', () => {
  it('alone: Listen for the hold time, Speak for the hold time, then Active, with a hello every 3 s', () => {
    const g = group();
    g.clock.advanceTo(30_000);
    expect(g.states).toEqual([
      { atMs: 0, state: 'Init' },
      { atMs: 0, state: 'Listen' },
      { atMs: 10_000, state: 'Speak' },
      { atMs: 20_000, state: 'Active' },
    ]);
    expect(g.hellos.map((x) => x.atMs)).toEqual([
      10_000, 13_000, 16_000, 19_000, 20_000, 23_000, 26_000, 29_000,
    ]);
    expect(g.hellos.at(-1)?.state).toBe('Active');
  });

  it('hearing a better Active router, becomes Standby; takes over one hold time after its last hello', () => {
    const g = group();
    hear(g, 'Active', 110, 1_000, 40_000); // last hello at 40 s
    expect(g.h.state).toBe('Standby');
    g.clock.advanceTo(49_999);
    expect(g.h.state).toBe('Standby');
    g.clock.advanceTo(50_000);
    expect(g.h.state).toBe('Active');
  });

  it('without preempt, a better router stays out of a worse Active; with preempt it takes over', () => {
    const polite = group({ priority: 120 });
    hear(polite, 'Active', 100, 1_000, 40_000);
    expect(polite.h.state).toBe('Standby');
    const eager = group({ priority: 120, preempt: true });
    hear(eager, 'Active', 100, 1_000, 1_000);
    expect(eager.h.state).toBe('Active');
  });

  it('an Active router hearing a better Active steps down to Speak; equal priority: higher address wins', () => {
    const g = group();
    g.clock.advanceTo(20_000);
    expect(g.h.state).toBe('Active');
    g.h.send({ type: 'hello', from: SELF - 1, state: 'Active', priority: 100 });
    expect(g.h.state).toBe('Active'); // 20.1.1.1 < 20.1.1.2
    g.h.send({ type: 'hello', from: OTHER, state: 'Active', priority: 100 });
    expect(g.h.state).toBe('Speak');
  });

  it('loses the Standby election to a better speaker and listens', () => {
    const g = group();
    g.clock.advanceTo(10_000);
    expect(g.h.state).toBe('Speak');
    g.h.send({ type: 'hello', from: OTHER, state: 'Standby', priority: 150 });
    expect(g.h.state).toBe('Listen');
  });
});
