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

/**
 * The ladder of one run as its slices arrive (run.ts computes long runs slice by slice, appending
 * to the same arrays): each extension reads only what is new, plus the arrows of packets that
 * were still in flight at the last one.
 */
class LadderBuilder {
  private readonly arrows: LadderArrow[] = [];
  /** Arrows before this index have their final outcome. */
  private settled = 0;
  private readonly marks: LadderMark[] = [];
  private recordsRead = 0;
  private localDropsRead = 0;
  private maxSpanMs = 0;
  private readonly lanes: string[];
  private readonly known: Set<string>;

  constructor(run: Run) {
    this.lanes = topologyIndex(run).routers.map((router) => router.id);
    this.known = new Set(this.lanes);
  }

  extend(run: Run): LadderModel {
    const { generations } = topologyIndex(run);
    this.arrows.length = this.settled;
    for (let i = this.settled; i < run.sentPackets.length; i++) {
      const sent = run.sentPackets[i] as PacketRecord;
      if (sent.atMs > run.computedUntilMs) break;
      const outcome = run.outcomes.get(sent.packetId);
      const arrow = arrowOf(sent, outcome, generations);
      this.arrows.push(arrow);
      // Final once it has its outcome, or once the run is past its arrival without one.
      const final = outcome !== undefined || (sent.arrivesAtMs ?? sent.atMs) < run.computedUntilMs;
      if (final && this.settled === i) this.settled = i + 1;
      this.maxSpanMs = Math.max(this.maxSpanMs, arrow.endMs - arrow.atMs);
      for (const node of [arrow.src, arrow.dst]) {
        if (!this.known.has(node)) {
          this.known.add(node);
          this.lanes.push(node);
        }
      }
    }
    // Records and local drops up to computedUntilMs are final, and later ones come after them.
    const fresh: Array<Omit<LadderMark, 'id'>> = [];
    for (; this.recordsRead < run.records.length; this.recordsRead++) {
      const record = run.records[this.recordsRead] as TraceRecord;
      if (record.atMs > run.computedUntilMs) break;
      const mark = markOf(record);
      if (mark) fresh.push(mark);
    }
    for (; this.localDropsRead < run.localDrops.length; this.localDropsRead++) {
      const drop = run.localDrops[this.localDropsRead] as PacketRecord;
      if (drop.atMs > run.computedUntilMs) break;
      if (drop.node !== undefined) fresh.push(localDropMark(drop, drop.node));
    }
    fresh.sort((a, b) => a.atMs - b.atMs);
    for (const mark of fresh) this.marks.push({ ...mark, id: this.marks.length });
    return {
      lanes: [...this.lanes],
      arrows: this.arrows.slice(),
      marks: this.marks.slice(),
      maxSpanMs: this.maxSpanMs,
    };
  }
}

/** Per run being built (its records array, shared by its slices): the builder and its model. */
const cache = new WeakMap<
  TraceRecord[],
  { builder: LadderBuilder; run: Run; model: LadderModel }
>();

/** The ladder of a run: built once, extended as the run's later slices arrive. */
export function ladderModel(run: Run): LadderModel {
  let entry = cache.get(run.records);
  if (entry?.run === run) return entry.model;
  if (!entry || run.computedUntilMs < entry.run.computedUntilMs) {
    const builder = new LadderBuilder(run);
    entry = { builder, run, model: builder.extend(run) };
  } else {
    entry = { builder: entry.builder, run, model: entry.builder.extend(run) };
  }
  cache.set(run.records, entry);
  return entry.model;
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

/** The pairs of lifelines that exchanged packets, each once, in order of first packet. */
export function ladderPairs(model: LadderModel): Array<readonly [string, string]> {
  const seen = new Map<string, readonly [string, string]>();
  for (const arrow of model.arrows) {
    const pair = [arrow.src, arrow.dst].sort() as [string, string];
    const key = pair.join('|');
    if (!seen.has(key)) seen.set(key, pair);
  }
  return [...seen.values()];
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
  const counts = new Map<string, { pair: readonly [string, string]; count: number }>();
  for (const arrow of model.arrows) {
    const pair = [arrow.src, arrow.dst].sort() as [string, string];
    const key = pair.join('|');
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { pair, count: 1 });
  }
  const all = [...counts.values()];
  const withRouter = all.filter(({ pair }) => router !== null && pair.includes(router));
  let best: { pair: readonly [string, string]; count: number } | null = null;
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
