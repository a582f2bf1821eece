// Each machine's chart, laid out once per page in ELK's web worker, off the main thread: the
// definitions never change while the app runs, so the promise is kept and shared.

import ELK from 'elkjs/lib/elk-api.js';
import { useEffect, useState } from 'react';
import type { AnyStateMachine } from 'xstate';
import type { ChartMachineId } from '../../sim/machines/chartLabels';
import { hsrpMachine } from '../../sim/machines/hsrpMachine';
import { ikeSaMachine } from '../../sim/machines/ikeSaMachine';
import { ipsecSaMachine } from '../../sim/machines/ipsecSaMachine';
import { livenessMachine } from '../../sim/machines/livenessMachine';
import { type ChartLayout, type ElkLike, layoutChart } from './chartLayout';
import { type ChartModel, chartModel } from './chartModel';

const MACHINES: Record<ChartMachineId, AnyStateMachine> = {
  ike: ikeSaMachine as unknown as AnyStateMachine,
  ipsec: ipsecSaMachine as unknown as AnyStateMachine,
  liveness: livenessMachine as unknown as AnyStateMachine,
  hsrp: hsrpMachine as unknown as AnyStateMachine,
};

/** The chart model of a machine (cached by chartModel). */
export function modelOf(id: ChartMachineId): ChartModel {
  return chartModel(id, MACHINES[id]);
}

let elk: ElkLike | null = null;
const layouts = new Map<ChartMachineId, Promise<ChartLayout>>();

function layoutOf(id: ChartMachineId): Promise<ChartLayout> {
  let layout = layouts.get(id);
  if (!layout) {
    elk ??= new ELK({
      workerFactory: () =>
        new Worker(new URL('./elkWorker.ts', import.meta.url), { type: 'module' }),
    }) as unknown as ElkLike;
    layout = layoutChart(modelOf(id), elk);
    layouts.set(id, layout);
  }
  return layout;
}

/** Starts laying out every machine's chart, in tab order (the worker takes one at a time). */
export function prefetchLayouts(): void {
  for (const id of Object.keys(MACHINES) as ChartMachineId[]) {
    layoutOf(id).catch(() => layouts.delete(id));
  }
}

/** The machine's layout once the worker has it (null before), or the error it met. */
export function useChartLayout(id: ChartMachineId): { layout: ChartLayout | null; error: string } {
  const [state, setState] = useState<{ id: ChartMachineId; layout: ChartLayout | null }>({
    id,
    layout: null,
  });
  const [error, setError] = useState('');
  useEffect(() => {
    let live = true;
    layoutOf(id).then(
      (layout) => live && setState({ id, layout }),
      (reason: unknown) => {
        layouts.delete(id);
        if (live) setError(`The chart could not be laid out: ${String(reason)}`);
      },
    );
    return () => {
      live = false;
    };
  }, [id]);
  return { layout: state.id === id ? state.layout : null, error };
}
