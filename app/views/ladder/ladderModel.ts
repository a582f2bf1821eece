// What the ladder (sequence) diagram draws, read from a run: one lifeline per router (and per
// other node that sends), one arrow per wire packet from its sender at the send time to where it
// ended (its receiver at the arrival, or the place it was dropped, with the reason), and marks on
// the lifelines for syslog lines, state changes and packets dropped before the wire. Pure, and
// built once per run: the view filters and lays it out, it decides nothing about the protocol.

import type { Run } from '../../sim/run';
import type { PacketRecord, TraceRecord } from '../../sim/trace';
import { syslogMnemonic, syslogSeverity } from '../../trace/formatText';
import { type PacketLook, packetLook } from '../topology/packetLook';
import { topologyIndex } from '../topology/topologyIndex';

export interface LadderArrow {
  packetId: number;
  /** What it is, as the trace names it: MM1…QM3, DELETE, R-U-THERE…; ESP, HSRP or IP otherwise. */
  msg: string;
  /** The sender and the node the packet was addressed to (the end of its path). */
  src: string;
  dst: string;
  /** Sent at. */
  atMs: number;
  /** Delivered or dropped at; for a packet still in flight where the run stops, its arrival. */
  endMs: number;
  /** How far across (0 at src, 1 at dst) it got: 1 when delivered. */
  endFraction: number;
  /** Why it was dropped (the trace's reason), or null when it was not. */
  dropped: string | null;
  /** Where it was dropped: a node or a link id; null when it was not. */
  droppedAt: string | null;
  /** The ESP SPI, or the SPI a DELETE names; null otherwise. */
  spi: string | null;
  /** The label and colour the topology gives it. */
  look: PacketLook;
}

export type LadderMarkKind = 'warning' | 'syslog' | 'state' | 'drop';

export interface LadderMark {
  /** Its place in the model's marks: a key. */
  id: number;
  atMs: number;
  node: string;
  kind: LadderMarkKind;
  /** Short text beside the mark. */
  label: string;
  /** The whole line, for the tooltip. */
  text: string;
}

export interface LadderModel {
  /** Lifelines, left to right: routers in the scenario's order, then other senders. */
  lanes: string[];
  /** By send time. */
  arrows: LadderArrow[];
  /** By time. */
  marks: LadderMark[];
  /** The longest time any arrow spans (ms): how far back a window looks for arrows into it. */
  maxSpanMs: number;
  /**
   * The pairs of lifelines that exchanged packets, in order of first packet, with their counts,
   * kept as the model is built; read from the arrows when absent.
   */
  pairs?: readonly LadderPairCount[];
}

const NO_STALE: ReadonlySet<string> = new Set();

function msgOf(sent: PacketRecord): string {
  if (sent.proto === 'esp') return 'ESP';
  if (sent.proto === 'ip') return sent.inner?.startsWith('HSRP ') ? 'HSRP' : 'IP';
  return sent.msg ?? 'ISAKMP';
}

function arrowOf(
  sent: PacketRecord,
  outcome: PacketRecord | undefined,
  generations: ReadonlyMap<string, number>,
): LadderArrow {
  const src = sent.node ?? sent.src;
  const dst = sent.path?.[sent.path.length - 1] ?? sent.dst;
  const arrivesAtMs = sent.arrivesAtMs ?? sent.atMs;
  const dropped = outcome?.event === 'dropped' ? (outcome.reason ?? 'dropped') : null;
  const droppedAt = dropped === null ? null : (outcome?.node ?? outcome?.link ?? null);
  const endMs = outcome?.atMs ?? arrivesAtMs;
  let endFraction = 1;
  if (dropped !== null && droppedAt !== dst) {
    // Died on the way (a link down, a cloud): as far along as its flight had come.
    const flightMs = arrivesAtMs - sent.atMs;
    endFraction =
      droppedAt === src ? 0 : flightMs > 0 ? Math.min(1, (endMs - sent.atMs) / flightMs) : 0.5;
  }
  return {
    packetId: sent.packetId,
    msg: msgOf(sent),
    src,
    dst,
    atMs: sent.atMs,
    endMs,
    endFraction,
    dropped,
    droppedAt,
    spi: sent.spi ?? sent.deleteSpi ?? null,
    look: packetLook(sent, generations, NO_STALE),
  };
}

/** The mark of a syslog or state record; null for the other kinds. */
function markOf(record: TraceRecord): Omit<LadderMark, 'id'> | null {
  if (record.kind === 'syslog') {
    // IOS severities 0-4 are warnings or worse (RECVD_PKT_INV_SPI is 4).
    const severity = syslogSeverity(record.text);
    return {
      atMs: record.atMs,
      node: record.node,
      kind: severity !== null && severity <= 4 ? 'warning' : 'syslog',
      label: syslogMnemonic(record.text) ?? record.text.slice(0, 24),
      text: record.text,
    };
  }
  if (record.kind === 'state') {
    const text = `${record.machine.toUpperCase()} toward ${record.peer}: ${record.to}`;
    return { atMs: record.atMs, node: record.node, kind: 'state', label: record.to, text };
  }
  return null;
}

function localDropMark(drop: PacketRecord, node: string): Omit<LadderMark, 'id'> {
  const reason = drop.reason ?? 'dropped';
  return {
    atMs: drop.atMs,
    node,
    kind: 'drop',
    label: `✕ ${reason.split(':')[0]}`,
    text: `${node} dropped ${msgOf(drop)} before sending it: ${reason}`,
  };
}

/** A pair of lifelines and how many packets went between them. */
export interface LadderPairCount {
  pair: readonly [string, string];
  count: number;
}

function pairKey(arrow: Pick<LadderArrow, 'src' | 'dst'>): { key: string; pair: [string, string] } {
  const pair = [arrow.src, arrow.dst].sort() as [string, string];
  return { key: pair.join('|'), pair };
}

/** How far preparing a ladder has come: the model once it is whole, else the share read (0–1). */
export type LadderPreparation =
  | { model: LadderModel; fraction: 1 }
  | { model: null; fraction: number };

/**
 * The ladder of one run as its slices arrive (run.ts computes long runs slice by slice, appending
 * to the same arrays): each extension reads only what is new, plus the arrows of packets that
 * were still in flight at the last one. An extension can stop after a number of items (packets
 * and records) and go on from there at the next call, so that the view can prepare the ladder of
 * a long run in slices; what it builds does not depend on where the slices fall.
 */
class LadderBuilder {
  private readonly arrows: LadderArrow[] = [];
  /** Arrows before this index have their final outcome. */
  private settled = 0;
  /** The next packet to read in the extension under way. */
  private packetsRead = 0;
  /** Packets before this index are counted in `pairs` (their pair does not depend on outcomes). */
  private pairsCounted = 0;
  private readonly pairs = new Map<string, LadderPairCount>();
  private readonly marks: LadderMark[] = [];
  /** The marks read in the extension under way, added (by time) when it ends. */
  private fresh: Array<Omit<LadderMark, 'id'>> = [];
  private recordsRead = 0;
  private localDropsRead = 0;
  private maxSpanMs = 0;
  private readonly lanes: string[];
  private readonly known: Set<string>;
  /** The run the extension under way reads up to; null when none is under way. */
  private target: Run | null = null;

  constructor(run: Run) {
    this.lanes = topologyIndex(run).routers.map((router) => router.id);
    this.known = new Set(this.lanes);
  }

  /**
   * Reads at most `budget` more items of `run`: the model once all it holds is read, else null.
   * A later run of the same trace restarts the packets still in flight, and keeps the rest.
   */
  extend(run: Run, budget: number): LadderModel | null {
    if (this.target !== run) {
      this.target = run;
      this.arrows.length = this.settled;
      this.packetsRead = this.settled;
    }
    let left = budget;
    const { generations } = topologyIndex(run);
    for (; this.packetsRead < run.sentPackets.length && left > 0; this.packetsRead++, left--) {
      const i = this.packetsRead;
      const sent = run.sentPackets[i] as PacketRecord;
      if (sent.atMs > run.computedUntilMs) break;
      const outcome = run.outcomes.get(sent.packetId);
      const arrow = arrowOf(sent, outcome, generations);
      this.arrows.push(arrow);
      // Final once it has its outcome, or once the run is past its arrival without one.
      const final = outcome !== undefined || (sent.arrivesAtMs ?? sent.atMs) < run.computedUntilMs;
      if (final && this.settled === i) this.settled = i + 1;
      this.maxSpanMs = Math.max(this.maxSpanMs, arrow.endMs - arrow.atMs);
      if (i === this.pairsCounted) {
        this.pairsCounted++;
        const { key, pair } = pairKey(arrow);
        const entry = this.pairs.get(key);
        if (entry) entry.count++;
        else this.pairs.set(key, { pair, count: 1 });
        for (const node of [arrow.src, arrow.dst]) {
          if (!this.known.has(node)) {
            this.known.add(node);
            this.lanes.push(node);
          }
        }
      }
    }
    // Records and local drops up to computedUntilMs are final, and later ones come after them.
    for (; this.recordsRead < run.records.length && left > 0; this.recordsRead++, left--) {
      const record = run.records[this.recordsRead] as TraceRecord;
      if (record.atMs > run.computedUntilMs) break;
      const mark = markOf(record);
      if (mark) this.fresh.push(mark);
    }
    for (; this.localDropsRead < run.localDrops.length && left > 0; this.localDropsRead++, left--) {
      const drop = run.localDrops[this.localDropsRead] as PacketRecord;
      if (drop.atMs > run.computedUntilMs) break;
      if (drop.node !== undefined) this.fresh.push(localDropMark(drop, drop.node));
    }
    if (left <= 0) return null;
    this.fresh.sort((a, b) => a.atMs - b.atMs);
    for (const mark of this.fresh) this.marks.push({ ...mark, id: this.marks.length });
    this.fresh = [];
    this.target = null;
    return {
      lanes: [...this.lanes],
      arrows: this.arrows.slice(),
      marks: this.marks.slice(),
      maxSpanMs: this.maxSpanMs,
      pairs: [...this.pairs.values()].map((entry) => ({ ...entry })),
    };
  }

  /** The share of `run`'s items read (0–1). */
  fraction(run: Run): number {
    const total = run.sentPackets.length + run.records.length + run.localDrops.length;
    const read = this.packetsRead + this.recordsRead + this.localDropsRead;
    return total === 0 ? 1 : Math.min(1, read / total);
  }
}

/** Per run being built (its records array, shared by its slices): the builder and its model. */
const cache = new WeakMap<
  TraceRecord[],
  { builder: LadderBuilder; run: Run; model: LadderModel | null }
>();

/**
 * Prepares the ladder of a run by at most `budget` more items (packets and records; about a
 * microsecond each, a few for packets): the model once it is whole, else how far it came. Built
 * once, extended as the run's later slices arrive.
 */
export function prepareLadder(run: Run, budget: number): LadderPreparation {
  let entry = cache.get(run.records);
  if (entry?.run === run && entry.model) return { model: entry.model, fraction: 1 };
  if (!entry || run.computedUntilMs < entry.run.computedUntilMs) {
    entry = { builder: new LadderBuilder(run), run, model: null };
  }
  const model = entry.builder.extend(run, budget);
  cache.set(run.records, { builder: entry.builder, run, model });
  return model ? { model, fraction: 1 } : { model: null, fraction: entry.builder.fraction(run) };
}

/** The ladder of a run, built (or brought up to date) at once. */
export function ladderModel(run: Run): LadderModel {
  return prepareLadder(run, Number.POSITIVE_INFINITY).model as LadderModel;
}

/** Which packets the ladder shows. */
export type LadderKindFilter = 'all' | 'ike' | 'no-esp' | 'dpd';

export interface LadderFilter {
  kind: LadderKindFilter;
  /** Two lifelines: only the packets between them (and their marks); null for all. */
  pair: readonly [string, string] | null;
  /** Show the syslog, state and local-drop marks. */
  marks: boolean;
}

export const ALL_PACKETS: LadderFilter = { kind: 'all', pair: null, marks: true };

const DPD_MSGS = new Set(['R-U-THERE', 'R-U-THERE-ACK', 'KEEPALIVE', 'KEEPALIVE-ACK']);
/** Packets that are not ISAKMP. */
const NOT_ISAKMP = new Set(['ESP', 'IP', 'HSRP']);

function kindShows(kind: LadderKindFilter, msg: string): boolean {
  if (kind === 'ike') return !NOT_ISAKMP.has(msg);
  if (kind === 'no-esp') return msg !== 'ESP';
  if (kind === 'dpd') return DPD_MSGS.has(msg);
  return true;
}

/** The model with only what the filter lets through (the same object for ALL_PACKETS). */
export function filteredLadder(model: LadderModel, filter: LadderFilter): LadderModel {
  if (filter.kind === 'all' && filter.pair === null && filter.marks) return model;
  const pair = filter.pair;
  const arrows = model.arrows.filter(
    (arrow) =>
      kindShows(filter.kind, arrow.msg) &&
      (pair === null ||
        (arrow.src === pair[0] && arrow.dst === pair[1]) ||
        (arrow.src === pair[1] && arrow.dst === pair[0])),
  );
  const marks = filter.marks
    ? model.marks.filter((mark) => pair === null || pair.includes(mark.node))
    : [];
  const lanes = pair === null ? model.lanes : model.lanes.filter((lane) => pair.includes(lane));
  return { lanes, arrows, marks, maxSpanMs: model.maxSpanMs };
}

/** The pairs of lifelines that exchanged packets, in order of first packet, with their counts. */
function pairCounts(model: LadderModel): readonly LadderPairCount[] {
  if (model.pairs) return model.pairs;
  const counts = new Map<string, LadderPairCount>();
  for (const arrow of model.arrows) {
    const { key, pair } = pairKey(arrow);
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { pair, count: 1 });
  }
  return [...counts.values()];
}

/** The pairs of lifelines that exchanged packets, each once, in order of first packet. */
export function ladderPairs(model: LadderModel): Array<readonly [string, string]> {
  return pairCounts(model).map(({ pair }) => pair);
}

/** Above this many lifelines the ladder opens on one pair (openingFilter): all are a wall. */
export const OPEN_ON_PAIR_ABOVE_LANES = 8;

/**
 * The pair of lifelines with the most packets between them (the first to exchange one on a tie);
 * only pairs that include `router` when it has any. Null when no packet was exchanged.
 */
export function busiestPair(
  model: LadderModel,
  router: string | null,
): readonly [string, string] | null {
  const all = pairCounts(model);
  const withRouter = all.filter(({ pair }) => router !== null && pair.includes(router));
  let best: LadderPairCount | null = null;
  for (const entry of withRouter.length > 0 ? withRouter : all) {
    if (best === null || entry.count > best.count) best = entry;
  }
  return best?.pair ?? null;
}

/**
 * What the ladder opens on: every lifeline for a few routers; above OPEN_ON_PAIR_ABOVE_LANES, the
 * busiest pair (with the selected router, when one is selected), which the student can widen.
 */
export function openingFilter(model: LadderModel, selected: string | null): LadderFilter {
  if (model.lanes.length <= OPEN_ON_PAIR_ABOVE_LANES) return ALL_PACKETS;
  return { ...ALL_PACKETS, pair: busiestPair(model, selected) };
}
