// What the chart lights at t: the states a machine step says are active (with the compound
// states holding them), and the transitions that step took. Both read the run's step and the
// model; nothing is simulated here.

import type { MachineStep } from '../../sim/derived/machineStates';
import { ANY_STATE, type ChartEdge, type ChartModel } from './chartModel';

/** "a.b.c" → ["a", "a.b", "a.b.c"]. */
function withAncestors(path: string): string[] {
  const parts = path.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}

/** The state ids to light for a step: its active states and every state that contains them. */
export function litStates(step: MachineStep | undefined): Set<string> {
  return new Set(step ? step.active.flatMap(withAncestors) : []);
}

/** How many `always` hops a step may take after its first transition (transient states). */
const MAX_ALWAYS_HOPS = 4;

/**
 * The transitions `step` took: from one of its former states (or their parents, or any state)
 * on its event, then through transient states (`always`) into one of its new states. Guarded
 * alternatives that reach the same state are all returned: the trace does not say which guard
 * held. Empty for a reload (no event) or when nothing in the model fits.
 */
export function takenEdges(model: ChartModel, step: MachineStep | undefined): Set<string> {
  if (!step || step.event === undefined) return new Set();
  const [type = '', msg] = step.event.split(' ');
  const before = step.from
    ? new Set(step.from.flatMap(withAncestors))
    : new Set(initialStates(model));
  before.add(ANY_STATE);
  const after = litStates(step);
  const taken = new Set<string>();
  const first = model.edges.filter(
    (e) =>
      before.has(e.source) &&
      !e.internal &&
      ((e.event === type && (msg === undefined || e.msg === undefined || e.msg === msg)) ||
        e.kind === 'always'),
  );
  for (const edge of first) {
    const path = pathInto(model, edge, after);
    if (path) for (const e of path) taken.add(e.id);
  }
  return taken;
}

function initialStates(model: ChartModel): string[] {
  return model.states.filter((s) => s.parent === null && s.initial).map((s) => s.id);
}

/** `edge`, then `always` edges from its target, until a state in `after`; null if none. */
function pathInto(model: ChartModel, edge: ChartEdge, after: Set<string>): ChartEdge[] | null {
  let paths: ChartEdge[][] = [[edge]];
  for (let hop = 0; hop <= MAX_ALWAYS_HOPS; hop++) {
    const next: ChartEdge[][] = [];
    for (const path of paths) {
      const last = path[path.length - 1] as ChartEdge;
      if (after.has(last.target)) return path;
      for (const e of model.edges) {
        if (e.kind === 'always' && e.source === last.target && !path.includes(e)) {
          next.push([...path, e]);
        }
      }
    }
    paths = next;
  }
  return null;
}
