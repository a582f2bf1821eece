// The scenario editor's edits of a document, as a pure reducer: each edit gives the next document,
// or is refused with a message that says why (an id already taken). Removing a node removes what
// names it: its links, and the timeline entries on it or on those links; removing a link removes
// its link-down/up entries, and removing a ping flow its traffic start/stop entries, so a
// removal never leaves a dangling reference. Renaming an id renames every reference to it.

import type {
  CloudNode,
  Link,
  PingFlow,
  RouterNode,
  Scenario,
  ScenarioNode,
  TimelineEntry,
} from '../scenario/types';

/** The scenario fields the editor sets directly. */
export type ScenarioFields = Pick<Scenario, 'title' | 'description' | 'seed' | 'durationMs'>;
/** A router's own fields, besides its id and position. */
export type RouterFields = Pick<RouterNode, 'bootMs' | 'config'>;
export type LinkFields = Pick<Link, 'a' | 'b' | 'latencyMs'>;
export type FlowFields = Omit<PingFlow, 'id' | 'kind'>;

export type DocumentEdit =
  | { kind: 'set-scenario'; fields: Partial<ScenarioFields> }
  | { kind: 'add-node'; node: ScenarioNode }
  | { kind: 'remove-node'; id: string }
  | { kind: 'rename-node'; id: string; to: string }
  | { kind: 'move-node'; id: string; x: number; y: number }
  | { kind: 'set-router'; id: string; fields: Partial<RouterFields> }
  | { kind: 'add-link'; link: Link }
  | { kind: 'remove-link'; id: string }
  | { kind: 'rename-link'; id: string; to: string }
  | { kind: 'set-link'; id: string; fields: Partial<LinkFields> }
  | { kind: 'add-flow'; flow: PingFlow }
  | { kind: 'remove-flow'; id: string }
  | { kind: 'rename-flow'; id: string; to: string }
  | { kind: 'set-flow'; id: string; fields: Partial<FlowFields> }
  | { kind: 'add-entry'; entry: TimelineEntry }
  | { kind: 'remove-entry'; index: number }
  | { kind: 'set-entry'; index: number; entry: TimelineEntry };

export type EditResult = { ok: true; document: Scenario } | { ok: false; message: string };

/** Every id in the document: nodes, links and flows share one namespace (schema.ts). */
export function takenIds(document: Scenario): Set<string> {
  return new Set([
    ...document.nodes.map((node) => node.id),
    ...document.links.map((link) => link.id),
    ...document.traffic.map((flow) => flow.id),
  ]);
}

/** `prefix` followed by the smallest number ≥ 1 that makes an id not yet taken: R3, L2. */
export function freshId(document: Scenario, prefix: string): string {
  const taken = takenIds(document);
  for (let n = 1; ; n++) if (!taken.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

const ok = (document: Scenario): EditResult => ({ ok: true, document });

export function applyEdit(document: Scenario, edit: DocumentEdit): EditResult {
  switch (edit.kind) {
    case 'set-scenario':
      return ok({ ...document, ...edit.fields });
    case 'add-node':
      return adding(document, edit.node.id, () =>
        ok({ ...document, nodes: [...document.nodes, edit.node] }),
      );
    case 'remove-node':
      return ok(withoutNode(document, edit.id));
    case 'rename-node':
      return renaming(document, edit.id, edit.to, () =>
        ok(withNodeRenamed(document, edit.id, edit.to)),
      );
    case 'move-node':
      return ok(mapNode(document, edit.id, (node) => ({ ...node, x: edit.x, y: edit.y })));
    case 'set-router':
      return ok(
        mapNode(document, edit.id, (node) =>
          node.kind === 'router' ? { ...node, ...edit.fields } : node,
        ),
      );
    case 'add-link':
      return adding(document, edit.link.id, () =>
        ok({ ...document, links: [...document.links, edit.link] }),
      );
    case 'remove-link':
      return ok(withoutLinks(document, new Set([edit.id])));
    case 'rename-link':
      return renaming(document, edit.id, edit.to, () =>
        ok(withLinkRenamed(document, edit.id, edit.to)),
      );
    case 'set-link':
      return ok({
        ...document,
        links: document.links.map((link) =>
          link.id === edit.id ? { ...link, ...edit.fields } : link,
        ),
      });
    case 'add-flow':
      return adding(document, edit.flow.id, () =>
        ok({ ...document, traffic: [...document.traffic, edit.flow] }),
      );
    case 'remove-flow':
      return ok({
        ...document,
        traffic: document.traffic.filter((flow) => flow.id !== edit.id),
        timeline: document.timeline.filter(
          (entry) => !(entry.action === 'traffic' && entry.flow === edit.id),
        ),
      });
    case 'rename-flow':
      return renaming(document, edit.id, edit.to, () =>
        ok(withFlowRenamed(document, edit.id, edit.to)),
      );
    case 'set-flow':
      return ok({
        ...document,
        traffic: document.traffic.map((flow) =>
          flow.id === edit.id && flow.kind === 'ping'
            ? withOptionalFields({ ...flow, ...edit.fields })
            : flow,
        ),
      });
    case 'add-entry':
      return ok({ ...document, timeline: [...document.timeline, edit.entry] });
    case 'remove-entry':
      return ok({ ...document, timeline: document.timeline.filter((_, i) => i !== edit.index) });
    case 'set-entry':
      return ok({
        ...document,
        timeline: document.timeline.map((entry, i) => (i === edit.index ? edit.entry : entry)),
      });
  }
}

function adding(document: Scenario, id: string, then: () => EditResult): EditResult {
  return takenIds(document).has(id) ? { ok: false, message: `"${id}" is already an id` } : then();
}

function renaming(
  document: Scenario,
  from: string,
  to: string,
  then: () => EditResult,
): EditResult {
  if (from === to) return ok(document);
  if (to === '') return { ok: false, message: 'an id must not be empty' };
  return adding(document, to, then);
}

/** A flow's optional fields set to undefined are left out, as the schema's input has them. */
function withOptionalFields(flow: PingFlow): PingFlow {
  const { stopMs, repeat, ...rest } = flow;
  return {
    ...rest,
    ...(stopMs === undefined ? {} : { stopMs }),
    ...(repeat === undefined ? {} : { repeat }),
  };
}

function mapNode(
  document: Scenario,
  id: string,
  change: (node: ScenarioNode) => ScenarioNode,
): Scenario {
  return {
    ...document,
    nodes: document.nodes.map((node) => (node.id === id ? change(node) : node)),
  };
}

/** The node the entry acts on (reload, config, exec), if any. */
function entryNode(entry: TimelineEntry): string | undefined {
  return entry.action === 'reload' || entry.action === 'config' || entry.action === 'exec'
    ? entry.node
    : undefined;
}

function entryLink(entry: TimelineEntry): string | undefined {
  return entry.action === 'link-down' || entry.action === 'link-up' ? entry.link : undefined;
}

function withoutNode(document: Scenario, id: string): Scenario {
  const links = new Set(
    document.links.filter((link) => link.a === id || link.b === id).map((link) => link.id),
  );
  const rest = withoutLinks(document, links);
  return {
    ...rest,
    nodes: rest.nodes.filter((node) => node.id !== id),
    timeline: rest.timeline.filter((entry) => entryNode(entry) !== id),
  };
}

function withoutLinks(document: Scenario, ids: ReadonlySet<string>): Scenario {
  return {
    ...document,
    links: document.links.filter((link) => !ids.has(link.id)),
    timeline: document.timeline.filter((entry) => {
      const link = entryLink(entry);
      return link === undefined || !ids.has(link);
    }),
  };
}

function withNodeRenamed(document: Scenario, from: string, to: string): Scenario {
  const rename = (id: string) => (id === from ? to : id);
  return {
    ...document,
    nodes: document.nodes.map((node): RouterNode | CloudNode =>
      node.id === from ? { ...node, id: to } : node,
    ),
    links: document.links.map((link) => ({ ...link, a: rename(link.a), b: rename(link.b) })),
    timeline: document.timeline.map((entry) =>
      (entry.action === 'reload' || entry.action === 'config' || entry.action === 'exec') &&
      entry.node === from
        ? { ...entry, node: to }
        : entry,
    ),
  };
}

function withLinkRenamed(document: Scenario, from: string, to: string): Scenario {
  return {
    ...document,
    links: document.links.map((link) => (link.id === from ? { ...link, id: to } : link)),
    timeline: document.timeline.map((entry) =>
      (entry.action === 'link-down' || entry.action === 'link-up') && entry.link === from
        ? { ...entry, link: to }
        : entry,
    ),
  };
}

function withFlowRenamed(document: Scenario, from: string, to: string): Scenario {
  return {
    ...document,
    traffic: document.traffic.map((flow) => (flow.id === from ? { ...flow, id: to } : flow)),
    timeline: document.timeline.map((entry) =>
      entry.action === 'traffic' && entry.flow === from ? { ...entry, flow: to } : entry,
    ),
  };
}
