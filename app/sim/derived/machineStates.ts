// Each router's state machines over time, from the run's `state` records: for one router and
// one peer, every change of its IKE SA, IPsec SA pair and liveness machines (and its HSRP
// groups, whatever the peer), and which instance of each is current at t. The statechart view
// lights what this says; nothing is recomputed from the machines.

import type { Run } from '../run';
import type { MachineName, StateRecord, TraceRecord } from '../trace';

export interface MachineStep {
  atMs: number;
  machine: MachineName;
  /** IKE conn-id, IPsec SA pair id, HSRP group (0 when the record has none). */
  instance: number;
  /** Top-level state. */
  to: string;
  /** Active atomic states as dotted paths ("active.lifetime.fresh"; the state itself if flat). */
  active: string[];
  /** What caused the change ("recv MM2", "xstate.after.…"), absent for a reload. */
  event?: string;
  /** The instance's active states before this step, or null for its first. */
  from: string[] | null;
}

interface StepIndex {
  /** Records before this index are indexed. */
  indexed: number;
  /** Steps per `${node}|${peer}` (IKE, IPsec, liveness) and per `${node}|hsrp`. */
  byKey: Map<string, MachineStep[]>;
  /** Last active states per `${node}|${machine}|${instance}`: to drop repeated records. */
  last: Map<string, string[]>;
}

/** One index per trace array: slices of a run share (and append to) the same array. */
const indexes = new WeakMap<TraceRecord[], StepIndex>();

function sameStates(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

function indexRecord(index: StepIndex, record: StateRecord): void {
  const instance = record.instance ?? 0;
  const active = record.active ?? [record.to];
  const lastKey = `${record.node}|${record.machine}|${instance}`;
  const previous = index.last.get(lastKey) ?? null;
  // The engine may write a change twice (the machine's step, then the SA's removal).
  if (previous && sameStates(previous, active)) return;
  index.last.set(lastKey, active);
  const key = record.machine === 'hsrp' ? `${record.node}|hsrp` : `${record.node}|${record.peer}`;
  const steps = index.byKey.get(key) ?? [];
  steps.push({
    atMs: record.atMs,
    machine: record.machine,
    instance,
    to: record.to,
    active,
    ...(record.event !== undefined ? { event: record.event } : {}),
    from: previous,
  });
  index.byKey.set(key, steps);
}

function stepIndex(run: Run): StepIndex {
  let index = indexes.get(run.records);
  if (!index) {
    index = { indexed: 0, byKey: new Map(), last: new Map() };
    indexes.set(run.records, index);
  }
  const records = run.records;
  for (; index.indexed < records.length; index.indexed++) {
    const record = records[index.indexed] as TraceRecord;
    if (record.kind === 'state') indexRecord(index, record);
  }
  return index;
}

/**
 * Every machine change of `node` with `peer` (IKE, IPsec, liveness) and of its HSRP groups, in
 * time order, up to what the run has computed.
 */
export function machineSteps(run: Run, node: string, peer: string): MachineStep[] {
  const index = stepIndex(run);
  const withPeer = index.byKey.get(`${node}|${peer}`) ?? [];
  const hsrp = index.byKey.get(`${node}|hsrp`) ?? [];
  if (hsrp.length === 0) return withPeer;
  return [...withPeer, ...hsrp].sort((a, b) => a.atMs - b.atMs);
}

/** The peers `node` has had IKE, IPsec or liveness machines with, in order of first change. */
export function machinePeers(run: Run, node: string): string[] {
  const prefix = `${node}|`;
  return [...stepIndex(run).byKey.keys()]
    .filter((key) => key.startsWith(prefix) && key !== `${node}|hsrp`)
    .map((key) => key.slice(prefix.length));
}

/** States in which a machine has ended (its instance is gone). */
const FINAL_STATES = new Set(['deleted', 'dead']);
/** The state that makes an instance the one that counts while a newer one negotiates. */
const ESTABLISHED: Partial<Record<MachineName, string>> = { ike: 'QM_IDLE', ipsec: 'active' };

/**
 * Per machine, the instance that counts at t and its latest change at or before t: of the
 * instances not ended, an established one (QM_IDLE, an active SA pair) over one still
 * negotiating, then the newest; when all have ended, the newest. The rule of the router panels
 * (ikeSaToward in peers.ts): after a reload the old QM_IDLE SA counts until it goes. A machine
 * with no change yet is absent.
 */
export function machineStatesAt(
  steps: readonly MachineStep[],
  t: number,
): Map<MachineName, MachineStep> {
  const latest = new Map<string, MachineStep>();
  for (const step of steps) {
    if (step.atMs > t) break;
    // Setting an existing key keeps its place: the map stays in order of first change.
    latest.set(`${step.machine}|${step.instance}`, step);
  }
  const rank = (step: MachineStep) =>
    FINAL_STATES.has(step.to) ? 0 : step.to === ESTABLISHED[step.machine] ? 2 : 1;
  const current = new Map<MachineName, MachineStep>();
  for (const step of latest.values()) {
    const shown = current.get(step.machine);
    // Later instances win ties: the map iterates in order of first change.
    if (!shown || rank(step) >= rank(shown)) current.set(step.machine, step);
  }
  return current;
}
