// A machine's chart, read from the XState definition itself: every state node (compound and
// parallel states with their children) and every transition (`on`, `after`, `always`, with its
// event, guard and delay in plain words). The view draws this model and nothing else, so the
// picture cannot drift from the code. Computed once per machine.

import type { AnyStateMachine } from 'xstate';
import {
  type ChartMachineId,
  delayWords,
  guardWords,
  MACHINE_WORDS,
} from '../../sim/machines/chartLabels';

export type ChartStateKind = 'atomic' | 'compound' | 'parallel' | 'final';

export interface ChartState {
  /** Dotted path from the machine's root: "QM_IDLE", "active.lifetime.fresh". */
  id: string;
  /** The state's own key: what the box says (IOS's name where the machine uses it). */
  name: string;
  /** The enclosing compound or parallel state, or null at the top. */
  parent: string | null;
  kind: ChartStateKind;
  /** Entered first when its parent is (or the machine starts). */
  initial: boolean;
}

/** The source of transitions declared on the machine itself: they apply in any state. */
export const ANY_STATE = '*';

export interface ChartEdge {
  id: string;
  /** A state id, or ANY_STATE. */
  source: string;
  /** A state id; the source itself for a transition without a target (actions only). */
  target: string;
  /** The event type as XState names it ("recv", "xstate.after.retransmit.ike.MM_NO_STATE"). */
  event: string;
  /** The event as the chart's `data-event` says it: "recv", "after.retransmit", "always". */
  name: string;
  kind: 'on' | 'after' | 'always';
  /** The message a `receives` guard waits for, if any ("MM2"). */
  msg?: string;
  /** What the label says: event or delay, then guard, in plain words. */
  label: string;
  /** No target: the machine stays where it is and only acts. */
  internal: boolean;
}

export interface ChartModel {
  machine: ChartMachineId;
  title: string;
  states: ChartState[];
  edges: ChartEdge[];
}

/** The parts of XState's StateNode this module reads. */
interface NodeLike {
  key: string;
  path: string[];
  type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  states: Record<string, NodeLike>;
  config: { initial?: unknown };
  on: Record<string, TransitionLike[]>;
  after: Array<TransitionLike & { delay: string | number }>;
  always?: TransitionLike[];
}

interface TransitionLike {
  eventType: string;
  target?: readonly NodeLike[];
  guard?: unknown;
}

const AFTER_PREFIX = 'xstate.after.';

function idOf(node: NodeLike): string {
  return node.path.join('.');
}

/** A guard's name and parameters, whether written as a name or as `{ type, params }`. */
function guardOf(guard: unknown): { type: string; params?: Record<string, unknown> } | null {
  if (typeof guard === 'string') return { type: guard };
  if (guard && typeof guard === 'object' && 'type' in guard) {
    const { type, params } = guard as { type: string; params?: unknown };
    return { type, params: typeof params === 'object' ? (params as Record<string, unknown>) : {} };
  }
  if (typeof guard === 'function') return { type: guard.name || 'condition' };
  return null;
}

function eventWords(machine: ChartMachineId, event: string): string {
  return MACHINE_WORDS[machine].events[event] ?? event;
}

/**
 * The edges of one group of transitions (one event, or one delay): later branches of a guarded
 * group are taken only when the earlier guards fail, which their label says ("else").
 */
function edgesOf(
  machine: ChartMachineId,
  source: string,
  kind: ChartEdge['kind'],
  transitions: readonly TransitionLike[],
  lead: string,
  name: string,
): ChartEdge[] {
  return transitions.map((t, index) => {
    const guard = guardOf(t.guard);
    const condition = guard
      ? guardWords(machine, guard.type, guard.params)
      : index > 0
        ? 'else'
        : '';
    const target = t.target?.[0];
    const msg = guard?.type === 'receives' ? String(guard.params?.msg) : undefined;
    // A `receives` guard names the message: "MM2 (initiator)" says more than "received, …".
    const label =
      msg !== undefined && kind === 'on'
        ? condition
        : [lead, condition].filter((part) => part !== '').join(', ');
    return {
      id: `${source}|${t.eventType}|${index}`,
      source,
      target: target ? idOf(target) : source,
      event: t.eventType,
      name,
      kind,
      ...(msg !== undefined ? { msg } : {}),
      label,
      internal: target === undefined,
    };
  });
}

function walk(machine: ChartMachineId, node: NodeLike, model: ChartModel): void {
  const isRoot = node.path.length === 0;
  const source = isRoot ? ANY_STATE : idOf(node);
  for (const [event, transitions] of Object.entries(node.on)) {
    if (event.startsWith(AFTER_PREFIX)) continue;
    const words = eventWords(machine, event);
    model.edges.push(...edgesOf(machine, source, 'on', transitions, words, event));
  }
  // One group per delay, in the order the machine declares them.
  const byDelay = new Map<string | number, Array<TransitionLike & { delay: string | number }>>();
  for (const t of node.after) byDelay.set(t.delay, [...(byDelay.get(t.delay) ?? []), t]);
  for (const [delay, transitions] of byDelay) {
    const lead = `after ${delayWords(machine, delay)}`;
    model.edges.push(...edgesOf(machine, source, 'after', transitions, lead, `after.${delay}`));
  }
  if (node.always && node.always.length > 0) {
    model.edges.push(...edgesOf(machine, source, 'always', node.always, 'at once', 'always'));
  }
  const initial = node.type === 'compound' ? String(node.config.initial) : null;
  for (const child of Object.values(node.states)) {
    if (child.type === 'history') continue;
    model.states.push({
      id: idOf(child),
      name: child.key,
      parent: isRoot ? null : idOf(node),
      kind: child.type,
      initial: node.type === 'parallel' || child.key === initial,
    });
    walk(machine, child, model);
  }
}

const models = new WeakMap<AnyStateMachine, ChartModel>();

/** The chart of `machine` (cached: a definition never changes). */
export function chartModel(id: ChartMachineId, machine: AnyStateMachine): ChartModel {
  let model = models.get(machine);
  if (!model) {
    model = { machine: id, title: MACHINE_WORDS[id].title, states: [], edges: [] };
    walk(id, machine.root as unknown as NodeLike, model);
    models.set(machine, model);
  }
  return model;
}

/** True when the model has transitions that apply in any state (drawn from an "any state" box). */
export function hasAnyStateEdges(model: ChartModel): boolean {
  return model.edges.some((e) => e.source === ANY_STATE);
}
