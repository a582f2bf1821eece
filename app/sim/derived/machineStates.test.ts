// The machine states the statechart lights at t, against the run's router snapshots at t: the
// IKE SA that counts toward the peer (its state, or none once deleted), its DPD state, and an
// installed outbound SA while the IPsec pair is active.

import { beforeAll, describe, expect, it } from 'vitest';
import type { AnyStateMachine } from 'xstate';
import { parseScenario } from '../../scenario/parseScenario';
import { findPreset } from '../../scenario/presets';
import { chartModel } from '../../views/statechart/chartModel';
import { litStates, takenEdges } from '../../views/statechart/chartState';
import { ikeSaMachine } from '../machines/ikeSaMachine';
import { ipsecSaMachine } from '../machines/ipsecSaMachine';
import { livenessMachine } from '../machines/livenessMachine';
import { buildRun, lastAtOrBefore, type Run } from '../run';
import { machineStatesAt, machineSteps } from './machineStates';
import { ikeSaToward } from './peers';

function runOf(id: string): Run {
  const parsed = parseScenario(findPreset(id)?.document);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return buildRun(parsed.loaded);
}

const ike = chartModel('ike', ikeSaMachine as unknown as AnyStateMachine);
const ipsec = chartModel('ipsec', ipsecSaMachine as unknown as AnyStateMachine);
const liveness = chartModel('liveness', livenessMachine as unknown as AnyStateMachine);

/** The lit atomic state names of a model at a step (what the boxes say). */
function litLeaves(model: typeof ike, lit: Set<string>): string[] {
  return model.states
    .filter((s) => lit.has(s.id) && !model.states.some((c) => c.parent === s.id))
    .map((s) => s.name);
}

/** Chart at t against the router's snapshot at t, for one router and peer. */
function expectChartMatchesSnapshot(run: Run, node: string, peer: string, t: number): void {
  const states = machineStatesAt(machineSteps(run, node, peer), t);
  const view = lastAtOrBefore(run.snapshots.get(node) ?? [], t)?.view;
  if (!view) throw new Error(`no snapshot of ${node} at ${t}`);
  const sa = ikeSaToward(view, peer);
  const ikeStep = states.get('ike');
  const ikeLit = litLeaves(ike, litStates(ikeStep));
  if (sa) {
    expect(ikeLit, `IKE of ${node} at ${t}`).toEqual([sa.state]);
    expect(ikeStep?.instance).toBe(sa.connId);
  } else {
    expect(
      ikeLit.filter((s) => s !== 'deleted'),
      `IKE of ${node} at ${t}`,
    ).toEqual([]);
  }
  const dpd = states.get('dpd');
  if (sa && sa.dpdState !== 'off') {
    expect(litStates(dpd).has(sa.dpdState), `DPD of ${node} at ${t}`).toBe(true);
  }
  const ipsecLit = litStates(states.get('ipsec'));
  const outbound = view.ipsec.some((f) => f.currentPeer === peer && f.outbound.length > 0);
  expect(ipsecLit.has('active'), `IPsec of ${node} at ${t}`).toBe(outbound);
  // Whatever was lit is a state of the model.
  for (const id of [...ikeLit]) expect(ike.states.some((s) => s.name === id)).toBe(true);
  for (const id of ipsecLit) expect(ipsec.states.some((s) => s.id === id)).toBe(true);
  for (const id of litStates(dpd)) expect(liveness.states.some((s) => s.id === id)).toBe(true);
}

let recovery: Run;
let dpd: Run;
beforeAll(() => {
  recovery = runOf('reload-invalid-spi-recovery');
  dpd = runOf('dpd-idle-periodic');
});

describe('machine states at t', () => {
  it('equal the snapshots on reload-invalid-spi-recovery, before, during and after the outage', () => {
    const times = [5_000, 5_100, 5_130, 60_000, 120_000, 121_000, 150_050, 150_090, 150_125];
    for (const t of [...times, 151_020, 151_100, 200_000, recovery.durationMs]) {
      expectChartMatchesSnapshot(recovery, 'R1', '20.1.1.2', t);
      expectChartMatchesSnapshot(recovery, 'R2', '10.1.1.1', t);
    }
  });

  it('say what R1 is in while the tunnel is up and while it recovers', () => {
    const steps = machineSteps(recovery, 'R1', '20.1.1.2');
    const at = (t: number) => machineStatesAt(steps, t);
    expect(at(60_000).get('ike')?.to).toBe('QM_IDLE');
    expect(at(60_000).get('ipsec')?.active).toEqual(['active.lifetime.fresh', 'active.idle.off']);
    // R2 reloaded at 120 s; its new main mode reaches R1, whose old SA still counts.
    expect(at(150_050).get('ike')).toMatchObject({ to: 'QM_IDLE', instance: 1001 });
    // INITIAL-CONTACT in MM5: the old SAs go, the new IKE SA is up, the pair renegotiates.
    expect(at(150_125).get('ike')).toMatchObject({ to: 'QM_IDLE', instance: 1002 });
    expect(at(150_125).get('ipsec')?.to).toBe('deleted');
    expect(at(151_020).get('ipsec')).toMatchObject({ to: 'negotiating', instance: 2 });
  });

  it('light the transition each step took, with its event', () => {
    const steps = machineSteps(recovery, 'R1', '20.1.1.2');
    const step = (t: number, machine: 'ike' | 'ipsec') => machineStatesAt(steps, t).get(machine);
    // The initiator's MM6 takes MM_KEY_EXCH to MM_KEY_AUTH and on at once to QM_IDLE.
    expect([...takenEdges(ike, step(5_120, 'ike'))].sort()).toEqual([
      'MM_KEY_AUTH||0',
      'MM_KEY_EXCH|recv|0',
    ]);
    // The responder's MM3 (R1 answers R2's new main mode).
    const responder = machineStatesAt(steps, 150_080);
    const mm3 = [...steps].reverse().find((s) => s.atMs <= 150_080 && s.instance === 1002);
    expect(responder.get('ike')?.instance).toBe(1001);
    expect([...takenEdges(ike, mm3)]).toEqual(['MM_SA_SETUP|recv|1']);
    // The DELETE of the pair comes from any state.
    expect([...takenEdges(ipsec, step(150_125, 'ipsec'))]).toEqual(['*|delete|0']);
    expect([...takenEdges(ipsec, step(151_100, 'ipsec'))]).toEqual(['negotiating|recv|0']);
  });

  it('equal the snapshots with periodic DPD, probes and all', () => {
    const dpdSteps = machineSteps(dpd, 'R1', '20.1.1.2').filter((s) => s.machine === 'dpd');
    expect(dpdSteps.some((s) => s.to === 'probing')).toBe(true);
    for (const s of dpdSteps) {
      expectChartMatchesSnapshot(dpd, 'R1', '20.1.1.2', s.atMs);
      expectChartMatchesSnapshot(dpd, 'R1', '20.1.1.2', s.atMs + 1);
    }
  });
});
