// The live statecharts: for the selected router and one of its peers, each of its machines (IKE
// SA, IPsec SA pair, liveness, HSRP where the router runs it) drawn from the XState definitions,
// with the states active at the cursor lit and the transition just taken highlighted; beneath,
// the router's transitions over time, each a button that seeks there. What is lit comes from the
// run's state records (machineStates.ts); the view never runs a machine.

import { type ReactNode, useEffect, useMemo, useState } from 'react';
import type { StageChart } from '../../scenario/linkHash';
import { addressBookAt, peerLabel } from '../../sim/derived/addressBook';
import {
  type MachineStep,
  machinePeers,
  machineStatesAt,
  machineSteps,
} from '../../sim/derived/machineStates';
import type { ChartMachineId } from '../../sim/machines/chartLabels';
import type { Run } from '../../sim/run';
import type { MachineName } from '../../sim/trace';
import { select } from '../../store/actions';
import { useSimStore } from '../../store/simStore';
import { frameFor } from '../../store/useFrame';
import { useElementSize } from '../topology/useElementSize';
import { ChartCanvas } from './ChartCanvas';
import { litStates, takenEdges } from './chartState';
import { StepList } from './StepList';
import { modelOf, prefetchLayouts } from './useChartLayout';
import './statechart.css';

/** A stage at least this tall (px) opens with the transitions table; a shorter one, folded. */
const STEPS_OPEN_FROM_PX = 500;

/** The trace's machine name for each chart. */
export const TRACE_MACHINE: Record<ChartMachineId, MachineName> = {
  ike: 'ike',
  ipsec: 'ipsec',
  liveness: 'dpd',
  hsrp: 'hsrp',
};

const TAB_NAMES: Record<ChartMachineId, string> = {
  ike: 'IKE SA',
  ipsec: 'IPsec SA',
  liveness: 'Liveness',
  hsrp: 'HSRP',
};

/** The names of the innermost lit states of a step ("QM_IDLE", "fresh · off"), or "—". */
export function stateText(id: ChartMachineId, step: MachineStep | undefined): string {
  if (!step) return '—';
  const model = modelOf(id);
  const lit = litStates(step);
  const leaves = model.states.filter(
    (s) => lit.has(s.id) && !model.states.some((c) => c.parent === s.id && lit.has(c.id)),
  );
  return leaves.map((s) => s.name).join(' · ');
}

function routerOf(run: Run, selected: string | null): string | null {
  const routers = [...run.snapshots.keys()];
  return selected !== null && routers.includes(selected) ? selected : (routers[0] ?? null);
}

/** The charts, on `chart` (a tab the router lacks shows the IKE SA); a tab click calls `onChart`. */
export function StatechartView({
  chart,
  onChart,
}: {
  chart: StageChart;
  onChart: (id: StageChart) => void;
}) {
  const run = useSimStore((s) => s.run);
  const t = useSimStore((s) => s.t);
  const selection = useSimStore((s) => s.selection);
  const [chosenPeer, setChosenPeer] = useState<string | null>(null);
  // The transitions list starts folded on a short stage (below STEPS_OPEN_FROM_PX).
  const [sizeRef, size] = useElementSize<HTMLElement>({ width: 800, height: STEPS_OPEN_FROM_PX });
  const [stepsOpen, setStepsOpen] = useState<boolean | null>(null);
  const openSteps = stepsOpen ?? size.height >= STEPS_OPEN_FROM_PX;
  useEffect(prefetchLayouts, []);
  if (!run) return null;
  const node = routerOf(run, selection?.kind === 'router' ? selection.id : null);
  if (node === null) return null;
  const peers = machinePeers(run, node);
  const peer = chosenPeer !== null && peers.includes(chosenPeer) ? chosenPeer : (peers[0] ?? null);
  const book = addressBookAt(frameFor(run, t));
  const head = (
    <>
      <label>
        Router{' '}
        <select value={node} onChange={(e) => select({ kind: 'router', id: e.target.value })}>
          {[...run.snapshots.keys()].map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      </label>
      {peers.length > 1 ? (
        <label>
          peer{' '}
          <select value={peer ?? ''} onChange={(e) => setChosenPeer(e.target.value)}>
            {peers.map((address) => (
              <option key={address} value={address}>
                {peerLabel(address, book)}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <span className="statechart-peer">
          {peer === null ? 'no IKE peer yet' : `with ${peerLabel(peer, book)}`}
        </span>
      )}
    </>
  );
  return (
    <section
      className="statechart"
      ref={sizeRef}
      data-steps={openSteps ? 'open' : 'folded'}
      data-testid="statechart"
      aria-label="Live statecharts"
    >
      {peer === null ? (
        <>
          <div className="statechart-bar">{head}</div>
          <p className="statechart-empty">
            {node} has not negotiated with any peer by the end of what is computed.
          </p>
        </>
      ) : (
        <PeerCharts
          head={head}
          run={run}
          t={t}
          node={node}
          peer={peer}
          machine={chart}
          onMachine={onChart}
          stepsOpen={openSteps}
          onStepsOpen={setStepsOpen}
        />
      )}
    </section>
  );
}

function PeerCharts({
  head,
  run,
  t,
  node,
  peer,
  machine,
  onMachine,
  stepsOpen,
  onStepsOpen,
}: {
  head: ReactNode;
  run: Run;
  t: number;
  node: string;
  peer: string;
  machine: ChartMachineId;
  onMachine: (id: ChartMachineId) => void;
  stepsOpen: boolean;
  onStepsOpen: (open: boolean) => void;
}) {
  const steps = machineSteps(run, node, peer);
  const current = machineStatesAt(steps, t);
  const hasHsrp = steps.some((s) => s.machine === 'hsrp');
  const tabs: ChartMachineId[] = hasHsrp
    ? ['ike', 'ipsec', 'liveness', 'hsrp']
    : ['ike', 'ipsec', 'liveness'];
  const shown = tabs.includes(machine) ? machine : 'ike';
  const step = current.get(TRACE_MACHINE[shown]);
  const model = modelOf(shown);
  const lit = useMemo(() => litStates(step), [step]);
  const taken = useMemo(() => takenEdges(model, step), [model, step]);
  return (
    <>
      <div className="statechart-bar">
        {head}
        <div className="statechart-tabs" role="tablist" aria-label="Machines">
          {tabs.map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={id === shown}
              data-machine={id}
              title={`${TAB_NAMES[id]}: ${stateText(id, current.get(TRACE_MACHINE[id]))}`}
              onClick={() => onMachine(id)}
            >
              <span className="statechart-tab-name">{TAB_NAMES[id]}</span>{' '}
              <span className="statechart-tab-state">
                {stateText(id, current.get(TRACE_MACHINE[id]))}
              </span>
            </button>
          ))}
        </div>
      </div>
      <ChartCanvas
        machine={shown}
        lit={lit}
        taken={taken}
        caption={
          step
            ? `${model.title}${step.instance ? ` #${step.instance}` : ''}`
            : `${model.title}: not started with this peer yet`
        }
      />
      <StepList steps={steps} t={t} open={stepsOpen} onOpen={onStepsOpen} />
    </>
  );
}
