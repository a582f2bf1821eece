// Lays a chart model out with ELK's layered algorithm: compound and parallel states as nodes
// holding their children, every transition as an edge with its label sized in, so that ELK keeps
// boxes and labels apart. Parallel transitions (same source, target and event, different guards)
// are drawn as one edge with one label line per transition. The ELK instance is passed in: the
// view's runs in a web worker, the tests' in Node.

import { ANY_STATE, type ChartEdge, type ChartModel, type ChartState } from './chartModel';

/** The part of elkjs's API this module uses (ELK from elk-api.js or elk.bundled.js). */
export interface ElkLike {
  layout(graph: ElkNodeIn): Promise<ElkNodeOut>;
}

interface ElkLabelIn {
  text: string;
  width: number;
  height: number;
}

export interface ElkNodeIn {
  id: string;
  width?: number;
  height?: number;
  layoutOptions?: Record<string, string>;
  children?: ElkNodeIn[];
  edges?: Array<{ id: string; sources: string[]; targets: string[]; labels?: ElkLabelIn[] }>;
}

interface Point {
  x: number;
  y: number;
}

export interface ElkNodeOut {
  id: string;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  children?: ElkNodeOut[];
  edges?: Array<{
    id: string;
    sections?: Array<{ startPoint: Point; endPoint: Point; bendPoints?: Point[] }>;
    labels?: Array<{ x?: number; y?: number; width: number; height: number; text: string }>;
  }>;
}

/** Type sizes the estimates below assume (px); the view's CSS uses the same. */
export const STATE_FONT_PX = 14;
export const LABEL_FONT_PX = 12;
export const LABEL_LINE_PX = 15;
/** Generous average glyph widths (bold state names, label text) so that text fits its box. */
const STATE_CHAR_PX = 9.2;
const LABEL_CHAR_PX = 7;
const STATE_HEIGHT_PX = 34;
/** Room at the top of a compound state for its name. */
const COMPOUND_TITLE_PX = 26;

export interface BoxLayout {
  id: string;
  state: ChartState | null;
  /** Text in the box (the state's name, or "any state"). */
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Holds other states. */
  container: boolean;
}

export interface EdgeLayout {
  id: string;
  /** The model's transitions this edge draws. */
  edges: ChartEdge[];
  event: string;
  source: string;
  target: string;
  points: Point[];
  label: {
    x: number;
    y: number;
    width: number;
    height: number;
    /** Each line with the y of its middle and the transitions whose label it is part of. */
    lines: Array<{ text: string; y: number; edgeIds: string[] }>;
  } | null;
}

export interface ChartLayout {
  width: number;
  height: number;
  boxes: BoxLayout[];
  edges: EdgeLayout[];
}

/** Transitions drawn as one edge: same source, target and event. */
export function drawnEdges(model: ChartModel): Array<{ id: string; edges: ChartEdge[] }> {
  const groups = new Map<string, ChartEdge[]>();
  for (const edge of model.edges) {
    const key = `${edge.source}→${edge.target}|${edge.event}`;
    groups.set(key, [...(groups.get(key) ?? []), edge]);
  }
  return [...groups].map(([id, edges]) => ({ id, edges }));
}

/** Label lines are wrapped at word boundaries to keep labels narrow (and the chart compact). */
const LABEL_WRAP_CHARS = 22;

function wrap(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > LABEL_WRAP_CHARS) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** One or more lines per distinct transition label, each with the transitions it stands for. */
function labelLines(edges: readonly ChartEdge[]): Array<{ text: string; edgeIds: string[] }> {
  const byLabel = new Map<string, string[]>();
  for (const e of edges) {
    if (e.label !== '') byLabel.set(e.label, [...(byLabel.get(e.label) ?? []), e.id]);
  }
  return [...byLabel].flatMap(([label, edgeIds]) => wrap(label).map((text) => ({ text, edgeIds })));
}

function stateWidth(name: string): number {
  return Math.ceil(name.length * STATE_CHAR_PX + 28);
}

/** The ELK graph of a model (exported for the tests). */
export function elkGraph(model: ChartModel): ElkNodeIn {
  const childrenOf = new Map<string | null, ChartState[]>();
  for (const state of model.states) {
    childrenOf.set(state.parent, [...(childrenOf.get(state.parent) ?? []), state]);
  }
  const node = (state: ChartState): ElkNodeIn => {
    const children = childrenOf.get(state.id);
    if (!children) return { id: state.id, width: stateWidth(state.name), height: STATE_HEIGHT_PX };
    return {
      id: state.id,
      layoutOptions: {
        'elk.padding': `[top=${COMPOUND_TITLE_PX + 8},left=14,bottom=14,right=14]`,
        'elk.nodeSize.constraints': 'MINIMUM_SIZE',
        'elk.nodeSize.minimum': `(${stateWidth(state.name)}, ${STATE_HEIGHT_PX})`,
      },
      children: children.map(node),
    };
  };
  const top = (childrenOf.get(null) ?? []).map(node);
  if (model.edges.some((e) => e.source === ANY_STATE)) {
    top.unshift({ id: ANY_STATE, width: stateWidth('any state'), height: STATE_HEIGHT_PX });
  }
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.layered.spacing.nodeNodeBetweenLayers': '36',
      'elk.layered.spacing.edgeNodeBetweenLayers': '16',
      'elk.spacing.nodeNode': '24',
      'elk.spacing.edgeLabel': '4',
      'elk.spacing.edgeEdge': '12',
      'elk.spacing.nodeSelfLoop': '18',
      'elk.edgeLabels.placement': 'CENTER',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.padding': '[top=12,left=12,bottom=12,right=12]',
      'elk.json.shapeCoords': 'ROOT',
      'elk.json.edgeCoords': 'ROOT',
    },
    children: top,
    edges: drawnEdges(model).map(({ id, edges }) => {
      const first = edges[0] as ChartEdge;
      const lines = labelLines(edges);
      return {
        id,
        sources: [first.source],
        targets: [first.target],
        ...(lines.length > 0
          ? {
              labels: [
                {
                  text: lines.map((l) => l.text).join('\n'),
                  width: Math.ceil(
                    Math.max(...lines.map((l) => l.text.length)) * LABEL_CHAR_PX + 8,
                  ),
                  height: lines.length * LABEL_LINE_PX + 4,
                },
              ],
            }
          : {}),
      };
    }),
  };
}

function flatten(node: ElkNodeOut, out: ElkNodeOut[]): ElkNodeOut[] {
  for (const child of node.children ?? []) {
    out.push(child);
    flatten(child, out);
  }
  return out;
}

/** Lays `model` out (ELK's coordinates are all relative to the root: `elk.json.*Coords`). */
export async function layoutChart(model: ChartModel, elk: ElkLike): Promise<ChartLayout> {
  const result = await elk.layout(elkGraph(model));
  const states = new Map(model.states.map((s) => [s.id, s]));
  const groups = new Map(drawnEdges(model).map((g) => [g.id, g.edges]));
  const boxes = flatten(result, []).map((n): BoxLayout => {
    const state = states.get(n.id) ?? null;
    return {
      id: n.id,
      state,
      name: state ? state.name : 'any state',
      x: n.x ?? 0,
      y: n.y ?? 0,
      width: n.width ?? 0,
      height: n.height ?? 0,
      container: (n.children?.length ?? 0) > 0,
    };
  });
  const edges = (result.edges ?? []).map((e): EdgeLayout => {
    const modelEdges = groups.get(e.id) ?? [];
    const first = modelEdges[0] as ChartEdge;
    const section = e.sections?.[0];
    const label = e.labels?.[0];
    const lines = labelLines(modelEdges);
    return {
      id: e.id,
      edges: modelEdges,
      event: first.event,
      source: first.source,
      target: first.target,
      points: section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] : [],
      label: label
        ? {
            x: label.x ?? 0,
            y: label.y ?? 0,
            width: label.width,
            height: label.height,
            lines: lines.map((line, i) => ({
              ...line,
              y: (label.y ?? 0) + 2 + LABEL_LINE_PX * (i + 0.5),
            })),
          }
        : null,
    };
  });
  return { width: result.width ?? 0, height: result.height ?? 0, boxes, edges };
}
