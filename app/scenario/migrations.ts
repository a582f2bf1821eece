// Brings a scenario document of any version TunnelScope ever wrote up to SCENARIO_VERSION, before
// the schema sees it. Migrations work on untyped JSON: each one rewrites what it understands, never
// throws, and leaves everything else in place for the schema to report.

import { quote, scenarioError } from './scenarioErrors';
import { SCENARIO_FORMAT, SCENARIO_VERSION, type ScenarioError } from './types';

export interface Migration {
  /** The version this migration reads. */
  from: number;
  /** The version it writes: from + 1. */
  to: number;
  /** Rewrites a document of version `from` as version `to`. Total: any input, no throw. */
  up(doc: unknown): unknown;
}

type JsonObject = Record<string, unknown>;

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Version 0, a pre-release draft: routers and clouds sat in separate `routers` and `clouds` arrays
 * (without `kind`) where version 1 has one `nodes` array, and a timeline entry said `type` where
 * version 1 says `action`. Everything else is as in version 1.
 */
const v0ToV1: Migration = {
  from: 0,
  to: 1,
  up(doc) {
    if (!isJsonObject(doc)) return doc;
    const { timeline, ...rest } = doc;
    return {
      ...withNodes(rest),
      ...(timeline === undefined ? {} : { timeline: renamedTypeToAction(timeline) }),
      version: 1,
    };
  },
};

/**
 * Moves the `routers` and `clouds` arrays into `nodes`, routers first. A document that already has
 * `nodes`, or whose `routers`/`clouds` is not an array, is left alone for the schema to report.
 */
function withNodes(doc: JsonObject): JsonObject {
  const { routers, clouds, ...rest } = doc;
  const lists = [routers, clouds];
  const movable =
    !('nodes' in rest) &&
    lists.some((list) => list !== undefined) &&
    lists.every((list) => list === undefined || Array.isArray(list));
  if (!movable) return doc;
  return { ...rest, nodes: [...tagged(routers, 'router'), ...tagged(clouds, 'cloud')] };
}

/** The entries of a version-0 `routers`/`clouds` array as version-1 nodes of that kind. */
function tagged(list: unknown, kind: 'router' | 'cloud'): unknown[] {
  if (!Array.isArray(list)) return [];
  return list.map((node) => (isJsonObject(node) ? { ...node, kind } : node));
}

function renamedTypeToAction(timeline: unknown): unknown {
  if (!Array.isArray(timeline)) return timeline;
  return timeline.map((entry) => {
    if (!isJsonObject(entry) || !('type' in entry) || 'action' in entry) return entry;
    const { type, ...rest } = entry;
    return { ...rest, action: type };
  });
}

/** Oldest first; applied in order, each from the version the previous one wrote. */
export const MIGRATIONS: readonly Migration[] = [v0ToV1];

export type MigrationResult = { ok: true; doc: unknown } | { ok: false; errors: ScenarioError[] };

/**
 * Checks that `doc` is a TunnelScope scenario of a version we read, and migrates it to
 * SCENARIO_VERSION. The result is still unchecked JSON: the schema validates it next.
 */
export function migrateToCurrent(doc: unknown): MigrationResult {
  if (!isJsonObject(doc)) {
    return fail([], 'must be a JSON object: a TunnelScope scenario');
  }
  const { format, version } = doc;
  if (format === undefined) {
    return fail(
      ['format'],
      `is missing: a TunnelScope scenario says "format": "${SCENARIO_FORMAT}"`,
    );
  }
  if (format !== SCENARIO_FORMAT) {
    const found = typeof format === 'string' ? quote(format) : 'something else';
    return fail(
      ['format'],
      `must be "${SCENARIO_FORMAT}", not ${found}: this is not a TunnelScope scenario`,
    );
  }
  if (version === undefined) return fail(['version'], 'is missing');
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return fail(['version'], 'must be a whole number');
  }
  if (version > SCENARIO_VERSION) {
    return fail(
      ['version'],
      `made by a newer TunnelScope (version ${version}); this one reads up to ${SCENARIO_VERSION}`,
    );
  }
  let current: unknown = doc;
  let currentVersion = version;
  for (const migration of MIGRATIONS) {
    if (migration.from !== currentVersion) continue;
    current = migration.up(current);
    currentVersion = migration.to;
  }
  if (currentVersion !== SCENARIO_VERSION) {
    return fail(['version'], `${version} is not a version TunnelScope ever wrote`);
  }
  return { ok: true, doc: current };
}

function fail(path: PropertyKey[], message: string): MigrationResult {
  return { ok: false, errors: [scenarioError(path, message)] };
}
