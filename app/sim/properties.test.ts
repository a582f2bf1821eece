// Property tests of the engine's trace contract (app/sim/trace.ts) over random fault schedules
// (testScenarios.ts): a few presets, a random seed and up to six random timeline entries (reloads,
// link flaps, `clear crypto`, DPD / invalid-SPI-recovery / idle-time / lifetime / transform-set
// config toggles, traffic stop and start), each run for five minutes.
// Each schedule is simulated once and every property checked on its trace, then once more, from
// the JSON round trip of its document and stopped halfway, for determinism: two simulations per
// schedule, so that CI can afford a thousand schedules for every property.
// Each checker returns the first violation as text naming the offending record(s), so a failure
// reads as "which record broke it" next to fast-check's shrunk counterexample.

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseScenario } from '../scenario/parseScenario';
import type { LoadedScenario } from '../scenario/types';
import { PING_TIMEOUT_MS, Simulation, simulate } from './simulate';
import {
  BASE_PRESETS,
  baseDocument,
  buildDocument,
  type Case,
  CONFIG_TOGGLES,
  caseArbitrary,
  DURATION_MS,
  loadDocument,
} from './testScenarios';
import { NOT_PROGRAMMED_REASON, type PacketRecord, type TraceRecord } from './trace';

/**
 * Fault schedules per property (two simulations each, some 10 to 60 ms of CPU apiece). For a
 * longer hunt: PROPERTY_RUNS=5000 PROPERTY_PRESETS=all npx vitest run app/sim/properties.test.ts
 */
const NUM_RUNS = Number(process.env.PROPERTY_RUNS ?? 1_000);
/** Timeout: generous, since a loaded CI machine is slow and shrinking a failure runs many more. */
const TIMEOUT_MS = 900_000;

function run(c: Case): { loaded: LoadedScenario; records: TraceRecord[]; endMs: number } {
  const loaded = loadDocument(buildDocument(c));
  const { records, endMs } = simulate(loaded);
  return { loaded, records, endMs };
}

/** One record as text, with its index in the trace. */
function show(records: readonly TraceRecord[], record: TraceRecord): string {
  return `#${records.indexOf(record)} ${JSON.stringify(record)}`;
}

/** fast-check reports the thrown message next to the counterexample. */
function holds(violation: string | null): void {
  if (violation !== null) throw new Error(violation);
}

// ---- checkers: the first violation as text, or null ----------------------------------------

/** 1. No router installs the same inbound SPI twice over the whole run, reloads included. */
function inboundSpiReuse(records: readonly TraceRecord[]): string | null {
  const seen = new Map<string, TraceRecord>();
  for (const r of records) {
    if (r.kind !== 'sa' || r.event !== 'installed' || r.direction !== 'inbound') continue;
    const key = `${r.node}|${r.spi}`;
    const first = seen.get(key);
    if (first) {
      return `inbound SPI ${r.spi} installed twice on ${r.node}:\n  ${show(records, first)}\n  ${show(records, r)}`;
    }
    seen.set(key, r);
  }
  return null;
}

/** 2. Wire packets: one `sent`, then one outcome; in-router drops stand alone. */
function packetLifecycle(records: readonly TraceRecord[], endMs: number): string | null {
  const byId = new Map<number, PacketRecord[]>();
  for (const r of records) {
    if (r.kind !== 'packet') continue;
    const list = byId.get(r.packetId) ?? [];
    list.push(r);
    byId.set(r.packetId, list);
  }
  const all = (list: PacketRecord[]) => list.map((r) => `\n  ${show(records, r)}`).join('');
  for (const [id, list] of byId) {
    const first = list[0] as PacketRecord;
    if (first.event !== 'sent') {
      // An in-router drop: a lone `dropped` of plain IP with an id of its own.
      if (list.length !== 1 || first.event !== 'dropped' || first.proto !== 'ip') {
        return `packet ${id} has no leading 'sent' but is not a lone in-router IP drop:${all(list)}`;
      }
      continue;
    }
    const sents = list.filter((r) => r.event === 'sent');
    const outcomes = list.filter((r) => r.event !== 'sent');
    if (sents.length !== 1) return `packet ${id} is sent ${sents.length} times:${all(list)}`;
    // A packet still on the wire when the run ends has no outcome yet.
    const inFlight = first.arrivesAtMs !== undefined && first.arrivesAtMs > endMs;
    if (outcomes.length !== (inFlight ? 0 : 1)) {
      return `packet ${id} has ${outcomes.length} outcomes (in flight at end: ${inFlight}):${all(list)}`;
    }
    const outcome = outcomes[0];
    if (!outcome) continue;
    for (const field of ['src', 'dst', 'proto', 'spi', 'msg'] as const) {
      if (outcome[field] !== first[field]) {
        return `packet ${id}: outcome's ${field} differs from the sent one:${all(list)}`;
      }
    }
    const latest = first.arrivesAtMs ?? first.atMs;
    if (outcome.atMs < first.atMs || outcome.atMs > latest) {
      return `packet ${id}: outcome at ${outcome.atMs} outside [sent ${first.atMs}, arrival ${latest}]:${all(list)}`;
    }
  }
  return null;
}

/**
 * 3. ESP is sent only with an SPI the sender holds at that moment as an outbound SA to the
 * packet's destination, and the receiver accepts it exactly when it holds that SPI as an inbound
 * SA, unless it drops it because that SA is still being programmed (`saInstallDelayMs`). SA tables follow the `sa` records; a reload deletes every SA of the router (reason
 * 'reload') at the moment it reloads. Every outbound SPI is crosswise: some other router
 * installed it inbound first.
 */
function espMatchesSas(records: readonly TraceRecord[]): string | null {
  // Keys: `node|spi` for inbound SAs, `node|peer|spi` for outbound ones; values: how many held.
  const tables = { inbound: new Map<string, number>(), outbound: new Map<string, number>() };
  const deletedOutbound = new Map<string, TraceRecord>();
  const inboundInstalledBy = new Map<string, Set<string>>();
  const count = (m: Map<string, number>, key: string) => m.get(key) ?? 0;
  /** Routers that reloaded at atMs: by any later moment they must hold no SA. */
  const reloadedAt = new Map<string, number>();
  for (const r of records) {
    for (const [node, atMs] of reloadedAt) {
      if (r.atMs <= atMs) continue;
      reloadedAt.delete(node);
      for (const table of Object.values(tables)) {
        for (const [key, n] of table) {
          if (key.startsWith(`${node}|`) && n > 0)
            return `${node} still holds ${key} after its reload`;
        }
      }
    }
    if (r.kind === 'fault' && r.event === 'reload' && r.node) {
      reloadedAt.set(r.node, r.atMs);
    } else if (r.kind === 'sa') {
      const table = tables[r.direction];
      const key = r.direction === 'inbound' ? `${r.node}|${r.spi}` : `${r.node}|${r.peer}|${r.spi}`;
      if (r.event === 'installed') {
        table.set(key, count(table, key) + 1);
        if (r.direction === 'inbound') {
          const nodes = inboundInstalledBy.get(r.spi) ?? new Set<string>();
          inboundInstalledBy.set(r.spi, nodes.add(r.node));
        } else if (![...(inboundInstalledBy.get(r.spi) ?? [])].some((n) => n !== r.node)) {
          return `${r.node} installs outbound SA ${r.spi} that no other router installed inbound before: ${show(records, r)}`;
        }
      } else {
        if (count(table, key) === 0) {
          return `${r.node} deletes ${r.direction} SA ${r.spi} it does not hold: ${show(records, r)}`;
        }
        table.set(key, count(table, key) - 1);
        if (r.direction === 'outbound') deletedOutbound.set(key, r);
      }
    } else if (r.kind === 'packet' && r.proto === 'esp') {
      if (r.event === 'sent') {
        const key = `${r.node}|${r.dst}|${r.spi}`;
        if (count(tables.outbound, key) === 0) {
          const deleted = deletedOutbound.get(key);
          const why = deleted ? `; deleted earlier by ${show(records, deleted)}` : '';
          return `${r.node} sends ESP to ${r.dst} with SPI ${r.spi} but holds no such outbound SA: ${show(records, r)}${why}`;
        }
      } else if (r.event === 'delivered' || r.reason?.startsWith('invalid SPI')) {
        const holds = count(tables.inbound, `${r.node}|${r.spi}`) > 0;
        const programming = r.reason?.endsWith(NOT_PROGRAMMED_REASON) === true;
        if (holds !== (r.event === 'delivered' || programming)) {
          return `${r.node} ${r.event === 'delivered' ? 'accepts' : 'rejects'} ESP SPI ${r.spi} while it ${holds ? 'holds' : 'holds no'} such inbound SA: ${show(records, r)}`;
        }
      }
    }
  }
  return null;
}

/** 5. Time order, whole milliseconds, within the run. */
function timeOrder(records: readonly TraceRecord[], durationMs: number): string | null {
  let previous: TraceRecord | undefined;
  for (const r of records) {
    if (!Number.isInteger(r.atMs) || r.atMs < 0 || r.atMs > durationMs) {
      return `atMs not a whole number in [0, ${durationMs}]: ${show(records, r)}`;
    }
    if (r.kind === 'packet' && r.arrivesAtMs !== undefined && !Number.isInteger(r.arrivesAtMs)) {
      return `arrivesAtMs not a whole number: ${show(records, r)}`;
    }
    if (previous && r.atMs < previous.atMs) {
      return `out of time order:\n  ${show(records, previous)}\n  ${show(records, r)}`;
    }
    previous = r;
  }
  return null;
}

/** 6. At most one result per (flow, seq); an ok ping has a positive RTT within the timeout. */
function pingResults(records: readonly TraceRecord[]): string | null {
  const seen = new Map<string, TraceRecord>();
  for (const r of records) {
    if (r.kind !== 'ping') continue;
    const key = `${r.flow}|${r.seq}`;
    const first = seen.get(key);
    if (first) {
      return `ping ${r.flow} seq ${r.seq} has two results:\n  ${show(records, first)}\n  ${show(records, r)}`;
    }
    seen.set(key, r);
    if (
      r.result === 'ok' &&
      !(r.rttMs !== undefined && r.rttMs > 0 && r.rttMs <= PING_TIMEOUT_MS)
    ) {
      return `ok ping without an RTT in (0, ${PING_TIMEOUT_MS}]: ${show(records, r)}`;
    }
    if (r.result === 'lost' && r.rttMs !== undefined) {
      return `lost ping with an RTT: ${show(records, r)}`;
    }
  }
  return null;
}

/** 4. The first record where two traces part, or null when they are equal. */
function firstDifference(a: readonly TraceRecord[], b: readonly TraceRecord[]): string | null {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = JSON.stringify(a[i]);
    const y = JSON.stringify(b[i]);
    if (x !== y)
      return `traces differ at #${i} (lengths ${a.length}, ${b.length}):\n  ${x}\n  ${y}`;
  }
  return null;
}

// ---- properties ------------------------------------------------------------------------------

describe('trace contract under random fault schedules', () => {
  // No XState warning may appear: MachineHost runs effects after each step, so machines
  // created by an effect are not created inside another machine's action.
  beforeAll(() => {
    vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
      throw new Error(`unexpected warning: ${String(args[0])}`);
    });
  });
  afterAll(() => {
    vi.restoreAllMocks();
  });

  it('generates valid documents whose config toggles every router accepts', () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        expect(parseScenario(buildDocument(c)).ok).toBe(true);
      }),
      { numRuns: 200 },
    );
    for (const id of BASE_PRESETS) {
      const doc = baseDocument(id);
      const timeline = doc.nodes
        .filter((n) => n.kind === 'router')
        .flatMap((n) =>
          CONFIG_TOGGLES.map((lines) => ({
            atMs: 1_000,
            action: 'config' as const,
            node: n.id,
            lines: [...lines],
          })),
        );
      const records = simulate(loadDocument({ ...doc, timeline }), { untilMs: 2_000 }).records;
      const configs = records.filter((r) => r.kind === 'fault' && r.event === 'config');
      expect(configs).toHaveLength(timeline.length);
      const rejected = configs.filter(
        (r) => r.kind === 'fault' && r.detail?.startsWith('rejected'),
      );
      expect(rejected, id).toEqual([]);
    }
  });

  it(`1-6 hold for ${NUM_RUNS} random fault schedules each`, { timeout: TIMEOUT_MS }, () => {
    fc.assert(
      fc.property(caseArbitrary, fc.integer({ min: 0, max: DURATION_MS }), (c, stopAtMs) => {
        const { records, loaded, endMs } = run(c);
        holds(labelled('1. inbound SPIs are unique per router', inboundSpiReuse(records)));
        holds(labelled('2. one sent, one outcome per packet', packetLifecycle(records, endMs)));
        holds(labelled('3. ESP uses SPIs the routers hold', espMatchesSas(records)));
        holds(labelled('5. time order', timeOrder(records, loaded.scenario.durationMs)));
        holds(labelled('6. one result per ping', pingResults(records)));
        // 4. The same document, through JSON and simulated in two steps, gives the same trace.
        const again = new Simulation(loadDocument(JSON.parse(JSON.stringify(buildDocument(c)))));
        again.runUntil(stopAtMs);
        again.runUntil(DURATION_MS);
        holds(labelled('4. determinism', firstDifference(records, again.records)));
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

/** A checker's violation, prefixed with the property it breaks. */
function labelled(property: string, violation: string | null): string | null {
  return violation === null ? null : `${property}: ${violation}`;
}

// ---- the checkers themselves: each one catches the violation it is there for ----------------

describe('trace checkers', () => {
  const esp = { src: '10.1.1.1', dst: '20.1.1.2', proto: 'esp' as const, spi: '0x00000100' };
  const sent = (atMs: number, packetId: number, node = 'R1'): TraceRecord => ({
    atMs,
    kind: 'packet',
    event: 'sent',
    packetId,
    ...esp,
    node,
    arrivesAtMs: atMs + 20,
  });
  const outcome = (
    atMs: number,
    packetId: number,
    event: 'delivered' | 'dropped',
    reason?: string,
  ): TraceRecord => ({
    atMs,
    kind: 'packet',
    event,
    packetId,
    ...esp,
    node: 'R2',
    ...(reason ? { reason } : {}),
  });
  const sa = (
    atMs: number,
    event: 'installed' | 'deleted',
    node: string,
    direction: 'inbound' | 'outbound',
    spi = esp.spi,
  ): TraceRecord => ({
    atMs,
    kind: 'sa',
    event,
    node,
    peer: node === 'R1' ? '20.1.1.2' : '10.1.1.1',
    direction,
    spi,
  });
  const ping = (atMs: number, seq: number, rttMs?: number): TraceRecord => ({
    atMs,
    kind: 'ping',
    flow: 'f',
    seq,
    result: rttMs === undefined ? 'lost' : 'ok',
    ...(rttMs === undefined ? {} : { rttMs }),
  });
  const tunnel = [sa(0, 'installed', 'R2', 'inbound'), sa(20, 'installed', 'R1', 'outbound')];

  it('1. inboundSpiReuse', () => {
    const once = [sa(0, 'installed', 'R1', 'inbound'), sa(0, 'installed', 'R2', 'inbound')];
    expect(inboundSpiReuse(once)).toBeNull();
    const twice = [...once, sa(9, 'deleted', 'R1', 'inbound'), sa(9, 'installed', 'R1', 'inbound')];
    expect(inboundSpiReuse(twice)).toMatch(/inbound SPI 0x00000100 installed twice on R1/);
  });

  it('2. packetLifecycle', () => {
    expect(packetLifecycle([sent(0, 1), outcome(20, 1, 'delivered')], 100)).toBeNull();
    expect(packetLifecycle([sent(90, 1)], 100)).toBeNull(); // still on the wire at the end
    expect(packetLifecycle([sent(0, 1)], 100)).toMatch(/packet 1 has 0 outcomes/);
    const twice = [sent(0, 1), outcome(20, 1, 'delivered'), outcome(20, 1, 'dropped', 'x')];
    expect(packetLifecycle(twice, 100)).toMatch(/packet 1 has 2 outcomes/);
    expect(packetLifecycle([outcome(20, 1, 'delivered')], 100)).toMatch(/no leading 'sent'/);
    const early = [sent(0, 1), outcome(30, 1, 'delivered')];
    expect(packetLifecycle(early, 100)).toMatch(/outside \[sent 0, arrival 20\]/);
    const inRouter: TraceRecord = {
      atMs: 5,
      kind: 'packet',
      event: 'dropped',
      packetId: 2,
      src: '192.168.1.10',
      dst: '192.168.2.10',
      proto: 'ip',
      node: 'R1',
      reason: 'no IPsec SA to 20.1.1.2 yet: negotiating',
    };
    expect(packetLifecycle([inRouter], 100)).toBeNull();
    expect(packetLifecycle([inRouter, { ...inRouter, atMs: 6 }], 100)).toMatch(/packet 2/);
  });

  it('3. espMatchesSas', () => {
    expect(espMatchesSas([...tunnel, sent(30, 1), outcome(50, 1, 'delivered')])).toBeNull();
    const afterDelete = [...tunnel, sa(25, 'deleted', 'R1', 'outbound'), sent(30, 1)];
    expect(espMatchesSas(afterDelete)).toMatch(/R1 sends ESP .* deleted earlier by/);
    const reload: TraceRecord = { atMs: 25, kind: 'fault', event: 'reload', node: 'R1' };
    expect(espMatchesSas([...tunnel, reload, sent(30, 1)])).toMatch(
      /R1 still holds .* after its reload/,
    );
    const elsewhere = [...tunnel, { ...sent(30, 1), dst: '30.1.1.3' }];
    expect(espMatchesSas(elsewhere)).toMatch(/R1 sends ESP to 30.1.1.3/);
    const stale = [...tunnel, sent(30, 1), sa(40, 'deleted', 'R2', 'inbound')];
    expect(espMatchesSas([...stale, outcome(50, 1, 'delivered')])).toMatch(/R2 accepts ESP/);
    const invalid = outcome(50, 1, 'dropped', 'invalid SPI 0x00000100: no inbound SA');
    expect(espMatchesSas([...tunnel, sent(30, 1), invalid])).toMatch(/R2 rejects ESP/);
    const programming = outcome(
      50,
      1,
      'dropped',
      `invalid SPI 0x00000100: ${NOT_PROGRAMMED_REASON}`,
    );
    expect(espMatchesSas([...tunnel, sent(30, 1), programming])).toBeNull();
    expect(espMatchesSas([...stale, programming])).toMatch(/R2 rejects ESP/);
    expect(espMatchesSas([sa(0, 'installed', 'R1', 'outbound')])).toMatch(/no other router/);
    expect(espMatchesSas([sa(0, 'deleted', 'R1', 'inbound')])).toMatch(/does not hold/);
  });

  it('5. timeOrder', () => {
    expect(timeOrder([ping(1, 0), ping(1, 1), ping(2, 2)], 10)).toBeNull();
    expect(timeOrder([ping(2, 0), ping(1, 1)], 10)).toMatch(/out of time order/);
    expect(timeOrder([ping(1.5, 0)], 10)).toMatch(/not a whole number/);
    expect(timeOrder([ping(11, 0)], 10)).toMatch(/not a whole number in \[0, 10\]/);
  });

  it('6. pingResults', () => {
    expect(pingResults([ping(0, 0, 40), ping(2000, 1)])).toBeNull();
    expect(pingResults([ping(0, 0, 40), ping(2000, 0)])).toMatch(/seq 0 has two results/);
    expect(pingResults([ping(0, 0, 0)])).toMatch(/ok ping without an RTT/);
  });

  it('4. firstDifference', () => {
    expect(firstDifference([ping(0, 0)], [ping(0, 0)])).toBeNull();
    expect(firstDifference([ping(0, 0)], [ping(0, 0), ping(1, 1)])).toMatch(/differ at #1/);
  });
});
