// Where an error of the scenario's reader (parseScenario: schema, IOS parser, ping ends) lies, in
// the editor's words: "router R1, config line 12", "flow 2 (lan1-to-lan2), every", "link R1-ISP,
// latency", and the field it belongs beside. Pure.

import type { Scenario, ScenarioError } from '../scenario/types';

/** A field of the editor: `title`, `nodes[0].config`, `links[2].latencyMs`, `timeline[1].atMs`. */
export type FieldKey = string;

export interface PlacedError {
  /** The place in words, for the list of errors. */
  place: string;
  /** The field the error is shown beside, or null when none fits (the scenario as a whole). */
  field: FieldKey | null;
  /** The config line, for an error inside a router's startup-config. */
  line?: number;
  message: string;
}

const FIELD_WORDS: Readonly<Record<string, string>> = {
  title: 'title',
  description: 'description',
  seed: 'seed',
  durationMs: 'duration',
  id: 'id',
  x: 'position',
  y: 'position',
  bootMs: 'boot time',
  config: 'config',
  a: 'first end',
  b: 'second end',
  latencyMs: 'latency',
  src: 'source',
  dst: 'destination',
  everyMs: 'every',
  startMs: 'start',
  stopMs: 'stop',
  sizeBytes: 'size',
  repeat: 'repeat',
  atMs: 'time',
  node: 'router',
  link: 'link',
  flow: 'flow',
  lines: 'config lines',
  command: 'command',
  state: 'start or stop',
};

const LIST_PATH =
  /^(nodes|links|traffic|timeline)\[(\d+)\](?:\.([A-Za-z]+))?(?:\[\d+\])?(?: line (\d+))?$/;

function itemName(document: Scenario, list: string, index: number): string {
  switch (list) {
    case 'nodes': {
      const node = document.nodes[index];
      return node === undefined ? `node ${index + 1}` : `${node.kind} ${node.id}`;
    }
    case 'links':
      return `link ${document.links[index]?.id ?? index + 1}`;
    case 'traffic': {
      const flow = document.traffic[index];
      return `flow ${index + 1}${flow === undefined ? '' : ` (${flow.id})`}`;
    }
    default:
      return `timeline entry ${index + 1}`;
  }
}

export function placeError(document: Scenario, error: ScenarioError): PlacedError {
  const { path, message } = error;
  const match = LIST_PATH.exec(path);
  if (match === null) {
    const top = /^[A-Za-z]+/.exec(path)?.[0];
    if (top !== undefined && top in FIELD_WORDS && !['nodes', 'links'].includes(top))
      return { place: `scenario ${FIELD_WORDS[top]}`, field: top, message };
    return { place: path === '(document)' ? 'scenario' : path, field: null, message };
  }
  const [, list = '', indexText = '0', key, lineText] = match;
  const index = Number(indexText);
  const name = itemName(document, list, index);
  const field = key === undefined ? null : `${list}[${index}].${key}`;
  const words = key === undefined ? '' : (FIELD_WORDS[key] ?? key);
  const line = lineText === undefined ? undefined : Number(lineText);
  const fieldWords = line === undefined ? words : `${words} line ${line}`;
  const place = [name, fieldWords].filter(Boolean).join(', ');
  return line === undefined ? { place, field, message } : { place, field, line, message };
}
