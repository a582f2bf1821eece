// The zod schema of the scenario document, format "tunnelscope/scenario" version 1 (current).
// It checks shape, ranges, sizes and cross-references; its output is a Scenario whose timeline is
// sorted by atMs. Router configs are parsed later, by parseScenario.
//
// Sizes are bounded so that a hostile document cannot make us work for long: see limits.ts.
// It reads what comes from outside (links, files, the runner's input); documents the app builds
// itself (the built-in presets and its own edits) are typed and load through loadScenario.ts.

import { z } from 'zod/mini';
import {
  CONFIG_ACTION_LINES_MAX,
  CONFIG_LINE_MAX_CHARS,
  CONFIG_MAX_CHARS,
  DESCRIPTION_MAX_CHARS,
  DURATION_MAX_MS,
  FLOWS_MAX,
  LATENCY_MAX_MS,
  LINKS_MAX,
  NODES_MAX,
  PING_INTERVAL_MIN_MS,
  PING_REPEAT_MAX,
  PING_SIZE_MAX_BYTES,
  PING_SIZE_MIN_BYTES,
  SA_INSTALL_DELAY_MAX_MS,
  SCAN_INTERVAL_MIN_MS,
  TIMELINE_ENTRIES_MAX,
  TITLE_MAX_CHARS,
  UINT32_MAX,
} from './limits';
import { sortedByTime } from './loadScenario';
import { quote } from './scenarioErrors';
import {
  DOCUMENT_DEFAULTS,
  EXEC_COMMANDS,
  SCENARIO_FORMAT,
  SCENARIO_VERSION,
  type Scenario,
  type TimelineEntry,
} from './types';

const ID_PATTERN = /^[A-Za-z0-9_.-]{1,32}$/;

/**
 * An id of a node, link or flow. Names of Object.prototype members ("__proto__", "constructor",
 * ...) are refused so that ids are safe as keys of plain objects everywhere downstream.
 */
const idSchema = z.string().check(
  z.regex(ID_PATTERN, { error: 'must be 1 to 32 letters, digits, "_", "." or "-"' }),
  z.refine((id) => !Object.hasOwn(Object.prototype, id), {
    error: 'is a reserved JavaScript name; choose another id',
  }),
);

/** A whole number in [min, max] (both safe integers), with an optional message for too big. */
function wholeNumber(min: number, max: number, tooBigMessage?: string) {
  return z
    .number()
    .check(
      z.minimum(min),
      z.maximum(max, tooBigMessage),
      z.refine(Number.isInteger, { error: 'must be a whole number' }),
    );
}

const routerNodeSchema = z.strictObject({
  id: idSchema,
  kind: z.literal('router'),
  x: z.number(),
  y: z.number(),
  bootMs: z._default(wholeNumber(0, DURATION_MAX_MS), DOCUMENT_DEFAULTS.bootMs),
  config: z.string().check(
    z.maxLength(CONFIG_MAX_CHARS, {
      error: `must be at most ${CONFIG_MAX_CHARS} characters (64 KiB)`,
    }),
  ),
  dpdSupport: z._default(z.boolean(), DOCUMENT_DEFAULTS.dpdSupport),
  // A simulation property, not an IOS command ([I], simplified): see RouterNode in types.ts.
  saInstallDelayMs: z._default(
    wholeNumber(0, SA_INSTALL_DELAY_MAX_MS),
    DOCUMENT_DEFAULTS.saInstallDelayMs,
  ),
});

const cloudNodeSchema = z.strictObject({
  id: idSchema,
  kind: z.literal('cloud'),
  x: z.number(),
  y: z.number(),
});

const linkSchema = z.strictObject({
  id: idSchema,
  a: idSchema,
  b: idSchema,
  latencyMs: wholeNumber(0, LATENCY_MAX_MS),
});

const pingFlowSchema = z.strictObject({
  id: idSchema,
  kind: z.literal('ping'),
  src: z.ipv4(),
  dst: z.ipv4(),
  everyMs: wholeNumber(PING_INTERVAL_MIN_MS, DURATION_MAX_MS),
  startMs: wholeNumber(0, DURATION_MAX_MS),
  stopMs: z.optional(wholeNumber(0, DURATION_MAX_MS)),
  sizeBytes: z._default(
    wholeNumber(PING_SIZE_MIN_BYTES, PING_SIZE_MAX_BYTES),
    DOCUMENT_DEFAULTS.sizeBytes,
  ),
  repeat: z.optional(wholeNumber(1, PING_REPEAT_MAX)),
});

const espScanFlowSchema = z.strictObject({
  id: idSchema,
  kind: z.literal('esp-scan'),
  from: idSchema,
  src: z.ipv4(),
  claimedSrc: z.optional(z.ipv4()),
  dst: z.ipv4(),
  everyMs: wholeNumber(SCAN_INTERVAL_MIN_MS, DURATION_MAX_MS),
  startMs: wholeNumber(0, DURATION_MAX_MS),
  stopMs: z.optional(wholeNumber(0, DURATION_MAX_MS)),
});

const flowSchema = z.discriminatedUnion('kind', [pingFlowSchema, espScanFlowSchema]);

const configLineSchema = z.string().check(
  z.maxLength(CONFIG_LINE_MAX_CHARS),
  z.refine((line) => !/[\r\n]/.test(line), { error: 'must be a single line' }),
);

const atMs = wholeNumber(0, DURATION_MAX_MS);
const timelineEntrySchema = z.discriminatedUnion('action', [
  z.strictObject({ atMs, action: z.literal('reload'), node: idSchema }),
  z.strictObject({ atMs, action: z.literal('link-down'), link: idSchema }),
  z.strictObject({ atMs, action: z.literal('link-up'), link: idSchema }),
  z.strictObject({
    atMs,
    action: z.literal('config'),
    node: idSchema,
    lines: z.array(configLineSchema).check(z.minLength(1), z.maxLength(CONFIG_ACTION_LINES_MAX)),
  }),
  z.strictObject({
    atMs,
    action: z.literal('exec'),
    node: idSchema,
    command: z.union(
      [z.enum(EXEC_COMMANDS), z.templateLiteral(['clear crypto session remote ', z.ipv4()])],
      {
        error: `must be one of ${[...EXEC_COMMANDS, 'clear crypto session remote A.B.C.D'].map(quote).join(', ')}`,
      },
    ),
  }),
  z.strictObject({
    atMs,
    action: z.literal('traffic'),
    flow: idSchema,
    state: z.enum(['start', 'stop']),
  }),
]);

/** A list of at most `max` entries of `item`. */
function listOf<T extends z.core.SomeType>(item: T, max: number) {
  return z.array(item).check(z.maxLength(max));
}

const documentSchema = z
  .strictObject({
    format: z.literal(SCENARIO_FORMAT),
    version: z.literal(SCENARIO_VERSION),
    title: z.string().check(z.minLength(1), z.maxLength(TITLE_MAX_CHARS)),
    description: z.optional(z.string().check(z.maxLength(DESCRIPTION_MAX_CHARS))),
    seed: wholeNumber(0, UINT32_MAX, `must be at most ${UINT32_MAX} (a uint32)`),
    durationMs: wholeNumber(1, DURATION_MAX_MS, `must be at most ${DURATION_MAX_MS} (7 days)`),
    nodes: listOf(z.discriminatedUnion('kind', [routerNodeSchema, cloudNodeSchema]), NODES_MAX),
    links: listOf(linkSchema, LINKS_MAX),
    traffic: z._default(listOf(flowSchema, FLOWS_MAX), []),
    timeline: z._default(listOf(timelineEntrySchema, TIMELINE_ENTRIES_MAX), []),
  })
  .check(
    z.superRefine((doc, ctx) => {
      for (const issue of crossReferenceIssues(doc)) ctx.addIssue({ code: 'custom', ...issue });
    }),
  );

export const scenarioSchema = z.pipe(
  documentSchema,
  // The declared return type is the compile-time check that the parsed document is a Scenario.
  z.transform((doc): Scenario => ({ ...doc, timeline: sortedByTime(doc.timeline) })),
);

/** The document as a user writes it: defaulted fields may be left out. */
export type ScenarioDocument = z.input<typeof scenarioSchema>;

interface ReferenceIssue {
  path: PropertyKey[];
  message: string;
}

/** What in a well-shaped document refers to something missing, duplicated or out of range. */
function crossReferenceIssues(doc: Scenario): ReferenceIssue[] {
  const issues: ReferenceIssue[] = [];
  const nodeKinds = new Map(doc.nodes.map((node) => [node.id, node.kind]));
  const linkIds = new Set(doc.links.map((link) => link.id));
  const flowIds = new Set(doc.traffic.map((flow) => flow.id));

  const firstUse = new Map<string, string>();
  const collections = [
    ['nodes', doc.nodes],
    ['links', doc.links],
    ['traffic', doc.traffic],
  ] as const;
  for (const [key, items] of collections) {
    items.forEach((item: { id: string }, i) => {
      const previous = firstUse.get(item.id);
      if (previous === undefined) {
        firstUse.set(item.id, `${key}[${i}]`);
        return;
      }
      const message = `${quote(item.id)} is already the id of ${previous}`;
      issues.push({ path: [key, i, 'id'], message });
    });
  }

  doc.links.forEach((link, i) => {
    for (const end of ['a', 'b'] as const) {
      if (!nodeKinds.has(link[end])) {
        issues.push({ path: ['links', i, end], message: `no node has the id ${quote(link[end])}` });
      }
    }
    if (link.a === link.b) {
      issues.push({
        path: ['links', i, 'b'],
        message: 'must differ from a: a link joins two nodes',
      });
    }
  });

  doc.traffic.forEach((flow, i) => {
    if (flow.startMs > doc.durationMs) {
      issues.push({ path: ['traffic', i, 'startMs'], message: withinDuration(doc.durationMs) });
    }
    if (flow.stopMs !== undefined && flow.stopMs <= flow.startMs) {
      issues.push({
        path: ['traffic', i, 'stopMs'],
        message: `must be after startMs (${flow.startMs})`,
      });
    }
    if (flow.kind === 'esp-scan' && !nodeKinds.has(flow.from)) {
      issues.push({
        path: ['traffic', i, 'from'],
        message: `no node has the id ${quote(flow.from)}`,
      });
    }
  });

  doc.timeline.forEach((entry, i) => {
    if (entry.atMs > doc.durationMs) {
      issues.push({ path: ['timeline', i, 'atMs'], message: withinDuration(doc.durationMs) });
    }
    const missing = missingReference(entry, nodeKinds, linkIds, flowIds);
    if (missing !== null) {
      issues.push({ path: ['timeline', i, missing.key], message: missing.message });
    }
  });
  return issues;
}

function withinDuration(durationMs: number): string {
  return `must be within the scenario: at most durationMs (${durationMs})`;
}

/** The field of a timeline entry that names no fitting node, link or flow, with why. */
function missingReference(
  entry: TimelineEntry,
  nodeKinds: ReadonlyMap<string, Scenario['nodes'][number]['kind']>,
  linkIds: ReadonlySet<string>,
  flowIds: ReadonlySet<string>,
): { key: string; message: string } | null {
  switch (entry.action) {
    case 'reload':
    case 'config':
    case 'exec': {
      const kind = nodeKinds.get(entry.node);
      if (kind === undefined) {
        return { key: 'node', message: `no node has the id ${quote(entry.node)}` };
      }
      if (kind !== 'router') {
        return {
          key: 'node',
          message: `${quote(entry.node)} is a ${kind}; only a router can take "${entry.action}"`,
        };
      }
      return null;
    }
    case 'link-down':
    case 'link-up':
      return linkIds.has(entry.link)
        ? null
        : { key: 'link', message: `no link has the id ${quote(entry.link)}` };
    case 'traffic':
      return flowIds.has(entry.flow)
        ? null
        : { key: 'flow', message: `no traffic flow has the id ${quote(entry.flow)}` };
  }
}
