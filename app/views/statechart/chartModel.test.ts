// The chart model against the machines' own configs, read here independently of the model's
// walk over XState's state nodes: every state appears, every transition is an edge with its
// event, source and target. And the ELK layout of each machine keeps boxes and labels apart.

import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import type { AnyStateMachine } from 'xstate';
import type { ChartMachineId } from '../../sim/machines/chartLabels';
import { hsrpMachine } from '../../sim/machines/hsrpMachine';
import { ikeSaMachine } from '../../sim/machines/ikeSaMachine';
import { ipsecSaMachine } from '../../sim/machines/ipsecSaMachine';
import { livenessMachine } from '../../sim/machines/livenessMachine';
import { type ChartLayout, drawnEdges, type ElkLike, layoutChart } from './chartLayout';
import { ANY_STATE, chartModel } from './chartModel';

const MACHINES: Array<[ChartMachineId, AnyStateMachine]> = [
  ['ike', ikeSaMachine as unknown as AnyStateMachine],
  ['ipsec', ipsecSaMachine as unknown as AnyStateMachine],
  ['liveness', livenessMachine as unknown as AnyStateMachine],
  ['hsrp', hsrpMachine as unknown as AnyStateMachine],
];

interface Config {
  states?: Record<string, Config>;
  on?: Record<string, unknown>;
  after?: Record<string, unknown>;
  always?: unknown;
}

interface Expected {
  source: string;
  event: string;
  target: string;
}

const asArray = (t: unknown): unknown[] => (Array.isArray(t) ? t : [t]);

/** A config target, resolved as XState does: '#id.path', '.child', or a sibling's path. */
function resolve(machineId: string, source: string, target: unknown): string {
  if (target === undefined) return source === '' ? ANY_STATE : source;
  const text = String(target);
  if (text.startsWith(`#${machineId}.`)) return text.slice(machineId.length + 2);
  if (text.startsWith('.')) return source === '' ? text.slice(1) : `${source}${text}`;
  const parent = source.includes('.') ? source.slice(0, source.lastIndexOf('.')) : '';
  return parent === '' ? text : `${parent}.${text}`;
}

function targetOf(t: unknown): unknown {
  return typeof t === 'string' ? t : (t as { target?: unknown }).target;
}

/** Every state path and transition of a machine's config. */
function readConfig(machineId: string, config: Config, path = '') {
  const states: string[] = [];
  const transitions: Expected[] = [];
  const source = path === '' ? ANY_STATE : path;
  for (const [event, t] of Object.entries(config.on ?? {})) {
    for (const one of asArray(t))
      transitions.push({ source, event, target: resolve(machineId, path, targetOf(one)) });
  }
  for (const [delay, t] of Object.entries(config.after ?? {})) {
    for (const one of asArray(t)) {
      transitions.push({
        source,
        event: `xstate.after.${delay}.${machineId}${path === '' ? '' : `.${path}`}`,
        target: resolve(machineId, path, targetOf(one)),
      });
    }
  }
  if (config.always !== undefined) {
    for (const one of asArray(config.always))
      transitions.push({ source, event: '', target: resolve(machineId, path, targetOf(one)) });
  }
  for (const [key, child] of Object.entries(config.states ?? {})) {
    const childPath = path === '' ? key : `${path}.${key}`;
    states.push(childPath);
    const inner = readConfig(machineId, child, childPath);
    states.push(...inner.states);
    transitions.push(...inner.transitions);
  }
  return { states, transitions };
}

describe('chart model', () => {
  for (const [id, machine] of MACHINES) {
    it(`has every state and every transition of the ${id} machine`, () => {
      const model = chartModel(id, machine);
      const expected = readConfig(machine.id, machine.config as Config);
      expect(model.states.map((s) => s.id).sort()).toEqual(expected.states.sort());
      const edges = model.edges.map((e) => ({
        source: e.source,
        event: e.event,
        target: e.target,
      }));
      const key = (e: Expected) => `${e.source} —${e.event}→ ${e.target}`;
      expect(edges.map(key).sort()).toEqual(expected.transitions.map(key).sort());
      // Every edge says what it waits for.
      for (const edge of model.edges) expect(edge.label, edge.id).not.toBe('');
    });
  }

  it('labels delays and guards in plain words, with the retry count', () => {
    const liveness = chartModel('liveness', livenessMachine as unknown as AnyStateMachine);
    const retry = liveness.edges.filter((e) => e.source === 'probing' && e.kind === 'after');
    expect(retry.map((e) => e.label)).toEqual([
      'after retry interval, up to 5 times (keepalives: 3 misses)',
      'after retry interval, else',
    ]);
    const ike = chartModel('ike', ikeSaMachine as unknown as AnyStateMachine);
    expect(ike.edges.find((e) => e.source === 'MM_NO_STATE' && e.kind === 'on')?.label).toBe(
      'MM2 (initiator)',
    );
    expect(ike.edges.find((e) => e.source === 'QM_IDLE' && e.kind === 'after')?.label).toBe(
      'after ISAKMP lifetime',
    );
  });
});

type Rect = { x: number; y: number; width: number; height: number };

const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const inside = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

/** Pairs of boxes that overlap without one holding the other, and labels over boxes or labels. */
function collisions(layout: ChartLayout): string[] {
  const found: string[] = [];
  const { boxes } = layout;
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i] as ChartLayout['boxes'][number];
      const b = boxes[j] as ChartLayout['boxes'][number];
      if (overlaps(a, b) && !inside(a, b) && !inside(b, a)) found.push(`${a.id} × ${b.id}`);
    }
  }
  const labels = layout.edges.flatMap((e) => (e.label ? [{ id: e.id, ...e.label }] : []));
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i] as Rect & { id: string };
    for (const box of boxes) {
      if (!box.container && overlaps(label, box)) found.push(`label ${label.id} × ${box.id}`);
    }
    for (let j = i + 1; j < labels.length; j++) {
      const other = labels[j] as Rect & { id: string };
      if (overlaps(label, other)) found.push(`label ${label.id} × label ${other.id}`);
    }
  }
  return found;
}

describe('chart layout', () => {
  const elk = new ELK() as unknown as ElkLike;
  for (const [id, machine] of MACHINES) {
    it(`lays the ${id} machine out with no overlapping boxes or labels`, async () => {
      const model = chartModel(id, machine);
      const layout = await layoutChart(model, elk);
      // One box per state (and the "any state" box), compound states around their children.
      expect(layout.boxes.filter((b) => b.state).length).toBe(model.states.length);
      for (const box of layout.boxes) {
        const parent = box.state?.parent;
        if (!parent) continue;
        const outer = layout.boxes.find((b) => b.id === parent);
        expect(outer && inside(box, outer), `${box.id} inside ${parent}`).toBe(true);
      }
      expect(layout.edges.length).toBe(drawnEdges(model).length);
      for (const edge of layout.edges) expect(edge.points.length, edge.id).toBeGreaterThan(1);
      expect(collisions(layout)).toEqual([]);
    });
  }
});
