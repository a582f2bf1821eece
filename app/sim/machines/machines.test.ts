import { describe, expect, it } from 'vitest';
import type { AnyStateMachine } from 'xstate';
import {
  IKE_MAX_RETRANSMITS,
  IKE_RETRANSMIT_MS,
  type IkeSaContext,
  ikeSaMachine,
} from './ikeSaMachine';
import { IPSEC_EFFECTS, type IpsecSaContext, ipsecSaMachine } from './ipsecSaMachine';
import { type LivenessContext, livenessMachine } from './livenessMachine';
import { type Effect, MachineHost } from './machineHost';
import { TestClock } from './testClock';

function host<C>(
  machine: AnyStateMachine,
  names: readonly string[],
  input: unknown,
  clock: TestClock,
) {
  const effects: Array<Effect & { atMs: number }> = [];
  const states: Array<{ atMs: number; state: string }> = [];
  const h = new MachineHost<C>(
    machine,
    names,
    input,
    clock,
    (e) => effects.push({ ...e, atMs: clock.nowMs }),
    (state) => states.push({ atMs: clock.nowMs, state }),
  );
  return { h, effects, states };
}

const IKE = ['send', 'fsm', 'processInitialContact', 'established', 'deleted'];
const MAIN = { exchange: 'main', modeConfig: false } as const;

describe('ikeSaMachine (main mode, RFC 2409 §5)', () => {
  it('walks the initiator through MM_NO_STATE → MM_SA_SETUP → MM_KEY_EXCH → QM_IDLE', () => {
    const clock = new TestClock();
    const { h, effects, states } = host<IkeSaContext>(
      ikeSaMachine,
      IKE,
      { ...MAIN, role: 'initiator', lifetimeSec: 86_400, localDpdVid: true, initialContact: true },
      clock,
    );
    h.send({ type: 'start' });
    h.send({ type: 'recv', msg: 'MM2', dpdVid: true, lifetimeSec: 3600 });
    h.send({ type: 'recv', msg: 'MM4' });
    h.send({ type: 'recv', msg: 'MM6' });
    expect(states.map((s) => s.state)).toEqual([
      'idle',
      'MM_NO_STATE',
      'MM_SA_SETUP',
      'MM_KEY_EXCH',
      'QM_IDLE',
    ]);
    const sent = effects.filter((e) => e.type === 'send').map((e) => e.params);
    expect(sent.map((p) => p.msg)).toEqual(['MM1', 'MM3', 'MM5']);
    // INITIAL-CONTACT rides in MM5 only.
    expect(sent.map((p) => p.initialContact)).toEqual([false, false, true]);
    expect(effects.some((e) => e.type === 'established')).toBe(true);
    // The smaller lifetime wins; it ends the SA exactly then.
    expect(h.context.lifetimeSec).toBe(3600);
    expect(h.context.peerDpdVid).toBe(true);
    clock.advanceTo(3_600_000 - 1);
    expect(h.state).toBe('QM_IDLE');
    clock.advanceTo(3_600_000);
    expect(effects.at(-1)).toMatchObject({
      type: 'deleted',
      params: { reason: 'lifetime expired' },
    });
  });

  it('retransmits MM1 five times, 10 s apart, then dies by retransmission', () => {
    const clock = new TestClock();
    const { h, effects } = host<IkeSaContext>(
      ikeSaMachine,
      IKE,
      { ...MAIN, role: 'initiator', lifetimeSec: 86_400, localDpdVid: true, initialContact: false },
      clock,
    );
    h.send({ type: 'start' });
    clock.advanceTo(IKE_RETRANSMIT_MS * 10);
    const sends = effects.filter((e) => e.type === 'send');
    expect(sends.map((e) => e.atMs)).toEqual([0, 10_000, 20_000, 30_000, 40_000, 50_000]);
    expect(sends.length).toBe(1 + IKE_MAX_RETRANSMITS);
    const deleted = effects.find((e) => e.type === 'deleted');
    expect(deleted).toMatchObject({
      atMs: 60_000,
      params: { reason: 'Death by retransmission P1' },
    });
  });

  it('processes INITIAL-CONTACT before answering MM5 as responder', () => {
    const clock = new TestClock();
    const { h, effects } = host<IkeSaContext>(
      ikeSaMachine,
      IKE,
      { ...MAIN, role: 'responder', lifetimeSec: 86_400, localDpdVid: true, initialContact: false },
      clock,
    );
    h.send({ type: 'recv', msg: 'MM1' });
    h.send({ type: 'recv', msg: 'MM3' });
    h.send({ type: 'recv', msg: 'MM5', initialContact: true });
    const order = effects
      .map((e) => (e.type === 'send' ? `send ${e.params.msg}` : e.type))
      .filter((t) => t !== 'fsm');
    expect(order).toEqual([
      'send MM2',
      'send MM4',
      'processInitialContact',
      'send MM6',
      'established',
    ]);
    expect(h.state).toBe('QM_IDLE');
  });
});

describe('livenessMachine (DPD, RFC 3706 as IOS runs it)', () => {
  const LIVENESS = ['sendProbe', 'peerDead'];

  it('periodic: probes every interval; five unanswered retransmissions 2 s apart declare the peer dead', () => {
    const clock = new TestClock();
    const { effects } = host<LivenessContext>(
      livenessMachine,
      LIVENESS,
      {
        mode: 'periodic',
        seconds: 60,
        retrySec: 2,
        seqStart: 7,
        observe: () => ({ atMs: clock.nowMs, lastRxAtMs: 0 }),
      },
      clock,
    );
    clock.advanceTo(200_000);
    const probes = effects.filter((e) => e.type === 'sendProbe');
    expect(probes.map((e) => e.atMs)).toEqual([60_000, 62_000, 64_000, 66_000, 68_000, 70_000]);
    expect(probes.map((e) => e.params.seq)).toEqual([7, 8, 9, 10, 11, 12]);
    expect(effects.find((e) => e.type === 'peerDead')?.atMs).toBe(72_000);
  });

  it('on-demand: silent peer plus outbound traffic triggers the probe; an ACK ends it', () => {
    const clock = new TestClock();
    let lastRxAtMs = 0;
    const { h, effects } = host<LivenessContext>(
      livenessMachine,
      LIVENESS,
      {
        mode: 'on-demand',
        seconds: 10,
        retrySec: 2,
        seqStart: 100,
        observe: () => ({ atMs: clock.nowMs, lastRxAtMs }),
      },
      clock,
    );
    lastRxAtMs = 5_000; // the peer spoke at 5 s: the worry check moves to 15 s
    clock.advanceTo(14_999);
    expect(h.state).toBe('quiet');
    clock.advanceTo(15_000);
    expect(h.state).toBe('worried');
    expect(effects).toEqual([]); // no traffic to send: on-demand never asks
    h.send({ type: 'traffic.out' });
    expect(effects.map((e) => e.params.msg)).toEqual(['R-U-THERE']);
    h.send({ type: 'ack', seq: 100 });
    expect(h.state).toBe('quiet');
  });

  it('legacy keepalives: three misses at the keepalive interval declare the peer dead', () => {
    const clock = new TestClock();
    const { effects } = host<LivenessContext>(
      livenessMachine,
      LIVENESS,
      {
        mode: 'legacy',
        seconds: 10,
        retrySec: 2,
        seqStart: 0,
        observe: () => ({ atMs: clock.nowMs, lastRxAtMs: 0 }),
      },
      clock,
    );
    clock.advanceTo(100_000);
    const probes = effects.filter((e) => e.type === 'sendProbe');
    expect(probes.map((e) => [e.atMs, e.params.msg])).toEqual([
      [10_000, 'KEEPALIVE'],
      [20_000, 'KEEPALIVE'],
      [30_000, 'KEEPALIVE'],
    ]);
    expect(effects.find((e) => e.type === 'peerDead')?.atMs).toBe(40_000);
  });
});

describe('ikeSaMachine (aggressive mode and mode config: an Easy VPN client)', () => {
  const client = {
    role: 'initiator',
    exchange: 'aggressive',
    modeConfig: true,
    lifetimeSec: 86_400,
    localDpdVid: true,
    initialContact: true,
  } as const;

  it('sends AM1, answers AM2 with AM3 and INITIAL-CONTACT, then asks for its configuration', () => {
    const clock = new TestClock();
    const { h, effects, states } = host<IkeSaContext>(ikeSaMachine, IKE, client, clock);
    h.send({ type: 'start' });
    h.send({ type: 'recv', msg: 'AM2', dpdVid: true, lifetimeSec: 86_400 });
    expect(states.map((s) => s.state)).toEqual(['idle', 'AG_NO_STATE', 'CONF_ADDR']);
    const sent = () => effects.filter((e) => e.type === 'send').map((e) => e.params);
    expect(sent().map((p) => [p.msg, p.initialContact])).toEqual([
      ['AM1', false],
      ['AM3', true],
      ['CFG-REQUEST', false],
    ]);
    // Phase 1 is complete, but not usable for quick mode before the server's configuration.
    expect(effects.some((e) => e.type === 'fsm' && e.params.to === 'IKE_P1_COMPLETE')).toBe(true);
    expect(effects.map((e) => e.type)).not.toContain('established');
    clock.advanceTo(IKE_RETRANSMIT_MS);
    expect(sent().at(-1)).toMatchObject({ msg: 'CFG-REQUEST', retransmit: 1 });
    h.send({ type: 'recv', msg: 'CFG-REPLY' });
    expect(h.state).toBe('QM_IDLE');
    expect(effects.at(-1)?.type).toBe('established');
  });

  it('as the server: AM1 → AM2, INITIAL-CONTACT in AM3, then answers the configuration request', () => {
    const clock = new TestClock();
    const server = { ...client, role: 'responder', modeConfig: false, initialContact: false };
    const { h, effects, states } = host<IkeSaContext>(ikeSaMachine, IKE, server, clock);
    h.send({ type: 'recv', msg: 'AM1', lifetimeSec: 3600 });
    h.send({ type: 'recv', msg: 'AM3', initialContact: true });
    h.send({ type: 'recv', msg: 'CFG-REQUEST' });
    expect(states.map((s) => s.state)).toEqual(['idle', 'AG_INIT_EXCH', 'QM_IDLE']);
    const order = effects.map((e) => (e.type === 'send' ? `send ${e.params.msg}` : e.type));
    expect(order.filter((t) => t !== 'fsm')).toEqual([
      'send AM2',
      'processInitialContact',
      'established',
      'send CFG-REPLY',
    ]);
    expect(
      effects.filter((e) => e.type === 'fsm').map((e) => `${e.params.from}>${e.params.to}`),
    ).toEqual(['IKE_READY>IKE_R_AM1', 'IKE_R_AM1>IKE_R_AM2', 'IKE_R_AM2>IKE_P1_COMPLETE']);
    expect(h.context.lifetimeSec).toBe(3600);
  });
});

describe('ipsecSaMachine (quick mode, lifetimes, idle timer)', () => {
  it('rekeys 30 s before expiry only if the SA carried traffic, and expires at the lifetime', () => {
    for (const carriedTraffic of [true, false]) {
      const clock = new TestClock();
      const { h, effects } = host<IpsecSaContext>(
        ipsecSaMachine,
        IPSEC_EFFECTS,
        {
          role: 'initiator',
          lifetimeSec: 3600,
          idleSec: null,
          observe: () => ({ atMs: clock.nowMs, lastActivityAtMs: 0, carriedTraffic }),
        },
        clock,
      );
      h.send({ type: 'start' });
      h.send({ type: 'recv', msg: 'QM2', lifetimeSec: 3600 });
      clock.advanceTo(3_600_000);
      const rekey = effects.find((e) => e.type === 'requestRekey');
      expect(rekey?.atMs).toBe(carriedTraffic ? 3_570_000 : undefined);
      expect(effects.at(-1)).toMatchObject({
        atMs: 3_600_000,
        type: 'deleted',
        params: { reason: 'lifetime expired', notifyPeer: true },
      });
    }
  });

  it('deletes an idle pair after idle-time seconds without traffic, re-arming while traffic flows', () => {
    const clock = new TestClock();
    let lastActivityAtMs = 0;
    const { h, effects } = host<IpsecSaContext>(
      ipsecSaMachine,
      IPSEC_EFFECTS,
      {
        role: 'responder',
        lifetimeSec: 3600,
        idleSec: 120,
        observe: () => ({ atMs: clock.nowMs, lastActivityAtMs, carriedTraffic: true }),
      },
      clock,
    );
    h.send({ type: 'recv', msg: 'QM1' });
    h.send({ type: 'recv', msg: 'QM3' });
    lastActivityAtMs = 100_000; // traffic until 100 s
    clock.advanceTo(219_999);
    expect(h.state).toBe('active');
    clock.advanceTo(220_000);
    expect(effects.at(-1)).toMatchObject({
      type: 'deleted',
      params: { reason: 'idle timer expired' },
    });
  });

  it('programs the inbound SA programDelayMs after installing it, or in the same step', () => {
    const effectsWith = (programDelayMs: number, deleteAtMs?: number) => {
      const clock = new TestClock();
      const { h, effects } = host<IpsecSaContext>(
        ipsecSaMachine,
        IPSEC_EFFECTS,
        {
          role: 'responder',
          lifetimeSec: 3600,
          idleSec: null,
          programDelayMs,
          observe: () => ({ atMs: clock.nowMs, lastActivityAtMs: 0, carriedTraffic: true }),
        },
        clock,
      );
      h.send({ type: 'recv', msg: 'QM1' });
      if (deleteAtMs !== undefined) {
        clock.advanceTo(deleteAtMs);
        h.send({ type: 'delete', cause: 'clear' });
      }
      clock.advanceTo(5_000);
      return effects.map((e) => `${e.atMs} ${e.type}`);
    };
    expect(effectsWith(0)).toEqual(['0 installInbound', '0 inboundProgrammed', '0 send']);
    expect(effectsWith(1_000)).toEqual(['0 installInbound', '0 send', '1000 inboundProgrammed']);
    // A pair deleted while its SA is being programmed never reaches the data plane.
    expect(effectsWith(1_000, 500)).toEqual(['0 installInbound', '0 send', '500 deleted']);
  });
});
