// Two measured runs side by side: the rows of the outcome table (which cells differ, which side
// did better) and the headline sentence that says what the difference bought. Pure.

import { clockTime, lasted, plural } from '../views/health/durations';
import type { Disruption, FlowOutcome, FlowStatus, IkeCounts, RunOutcome } from './outcome';
import type { Side } from './variants';

export interface MetricCell {
  text: string;
  /** For ranking: lower is better; Infinity = never; NaN = not comparable (no traffic, n/a). */
  value: number;
}

export interface MetricRow {
  /** Test id part: `compare.metric.<name>.<a|b>`; flow rows end with `.<flow>`. */
  name: string;
  label: string;
  /** The flow a row belongs to, or null for run-wide rows. */
  flow: string | null;
  a: MetricCell;
  b: MetricCell;
  different: boolean;
  /** Which side did better, for rows where fewer/shorter is better; null if equal or neutral. */
  better: Side | null;
}

export interface Comparison {
  headline: string;
  /** The same, as sentences: the claim first, then its details. */
  headlineSentences: string[];
  rows: MetricRow[];
  /** What the "after …" rows are measured from, as the table says it. */
  reference: string;
  /** The flows the table (and the columns) show, and how many more the scenario has. */
  flows: string[];
  hiddenFlows: number;
}

const NA: MetricCell = { text: '—', value: Number.NaN };

const GENERIC: Record<Disruption['event'], { noun: string; backNoun: string }> = {
  reload: { noun: 'the reload', backNoun: 'the boot' },
  'link-down': { noun: 'the link failure', backNoun: 'the link coming back up' },
};

/** One side's wording when both sides say the same, else a wording that fits both. */
function bothSides(a: RunOutcome, b: RunOutcome, pick: 'label' | 'noun' | 'backNoun'): string {
  const da = a.disruption;
  const db = b.disruption;
  if (da && db) {
    if (da[pick] === db[pick]) return da[pick];
    if (pick === 'backNoun')
      return da.event === db.event ? GENERIC[da.event].backNoun : 'the repair';
    return da.event === db.event ? GENERIC[da.event].noun : 'the fault';
  }
  const d = da ?? db;
  if (d) return d[pick];
  return pick === 'label' ? 'the tunnel first came up' : 'the first reply';
}

function outageCell(f: FlowOutcome | undefined): MetricCell {
  if (!f) return NA;
  switch (f.status) {
    case 'no-traffic':
      return { text: 'no pings', value: Number.NaN };
    case 'unaffected':
      return { text: 'none', value: 0 };
    case 'recovered': {
      const d = f.outage?.durationMs ?? 0;
      return { text: lasted(d), value: d };
    }
    case 'not-recovered':
      return {
        text: `not recovered (${lasted(f.outage?.durationMs ?? 0)} to the end)`,
        value: Number.POSITIVE_INFINITY,
      };
  }
}

function lostCell(lost: number, of: number, traffic: boolean): MetricCell {
  if (!traffic) return { text: 'no pings', value: Number.NaN };
  return { text: `${lost.toLocaleString('en')} of ${of.toLocaleString('en')}`, value: lost };
}

function recoveryCell(
  f: FlowOutcome | undefined,
  pick: (f: FlowOutcome) => number | null,
): MetricCell {
  if (!f || f.status === 'no-traffic') return f ? { text: 'no pings', value: Number.NaN } : NA;
  if (f.status === 'unaffected') return { text: 'no outage', value: 0 };
  if (f.status === 'not-recovered') return { text: 'never', value: Number.POSITIVE_INFINITY };
  const ms = pick(f);
  if (ms === null) return NA;
  const at = f.recoveredAtMs === null ? '' : ` (at ${clockTime(f.recoveredAtMs)})`;
  return { text: `${lasted(ms)}${at}`, value: ms };
}

function ikeText(c: IkeCounts): string {
  const parts = (
    [
      ['MM', c.mainMode],
      ['QM', c.quickMode],
      ['DELETE', c.delete],
      ['DPD', c.dpd],
    ] as const
  )
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`);
  return parts.length > 0 ? `${c.total} (${parts.join(' · ')})` : String(c.total);
}

function row(
  name: string,
  label: string,
  flow: string | null,
  a: MetricCell,
  b: MetricCell,
  ranked: boolean,
): MetricRow {
  const comparable = !Number.isNaN(a.value) && !Number.isNaN(b.value);
  const different = a.text !== b.text;
  let better: Side | null = null;
  if (ranked && comparable && a.value !== b.value) better = a.value < b.value ? 'a' : 'b';
  return { name, label, flow, a, b, different, better };
}

function flowIds(a: RunOutcome, b: RunOutcome): string[] {
  const ids = a.flows.map((f) => f.flow);
  for (const f of b.flows) if (!ids.includes(f.flow)) ids.push(f.flow);
  return ids;
}

/** More flows than this: the table and the columns show this many (see metricRows). */
export const MAX_FLOW_GROUPS = 4;

/** The table: per flow (at most MAX_FLOW_GROUPS of them), then for the whole run. */
export function metricRows(a: RunOutcome, b: RunOutcome): MetricRow[] {
  const ref = bothSides(a, b, 'noun');
  const backRef = bothSides(a, b, 'backNoun');
  const disrupted = a.disruption !== null || b.disruption !== null;
  const back = a.disruption?.backAtMs != null || b.disruption?.backAtMs != null;
  const perFlow = flowIds(a, b).map((id) => ({ id, rows: [] as MetricRow[] }));
  for (const { id, rows } of perFlow) {
    const fa = a.flows.find((f) => f.flow === id);
    const fb = b.flows.find((f) => f.flow === id);
    const total = (f: FlowOutcome | undefined) =>
      f ? lostCell(f.lostTotal, f.pingsTotal, f.pingsTotal > 0) : NA;
    const totalRow = row(
      `lostTotal.${id}`,
      'Pings lost in the whole run',
      id,
      total(fa),
      total(fb),
      true,
    );
    // A flow that stopped before the fault on both sides: only its whole-run count says anything.
    if (
      (fa?.status ?? 'no-traffic') === 'no-traffic' &&
      (fb?.status ?? 'no-traffic') === 'no-traffic'
    ) {
      rows.push(totalRow);
      continue;
    }
    rows.push(
      row(
        `outage.${id}`,
        'Outage (first lost ping → first reply)',
        id,
        outageCell(fa),
        outageCell(fb),
        true,
      ),
    );
    const lost = (f: FlowOutcome | undefined) =>
      f ? lostCell(f.lostAfter, f.pingsAfter, f.status !== 'no-traffic') : NA;
    rows.push(row(`lost.${id}`, `Pings lost after ${ref}`, id, lost(fa), lost(fb), true));
    if (disrupted) {
      const pick = (f: FlowOutcome) => f.recoveryAfterDisruptionMs;
      rows.push(
        row(
          `recovery.${id}`,
          `Time to recovery from ${ref}`,
          id,
          recoveryCell(fa, pick),
          recoveryCell(fb, pick),
          true,
        ),
      );
    }
    if (back) {
      const pick = (f: FlowOutcome) => f.recoveryAfterBackMs;
      rows.push(
        row(
          `back.${id}`,
          `Time to recovery from ${backRef}`,
          id,
          recoveryCell(fa, pick),
          recoveryCell(fb, pick),
          true,
        ),
      );
    }
    rows.push(totalRow);
  }
  // Many flows (a DMVPN with 50 spokes): the flows whose outcome differs first, a few of them,
  // and totals over all flows.
  const differing = perFlow.filter((f) => f.rows.some((r) => r.different));
  const shown =
    perFlow.length <= MAX_FLOW_GROUPS
      ? perFlow
      : [...differing, ...perFlow.filter((f) => !differing.includes(f))]
          .slice(0, MAX_FLOW_GROUPS)
          .sort((x, y) => perFlow.indexOf(x) - perFlow.indexOf(y));
  const rows: MetricRow[] = shown.flatMap((f) => f.rows);
  const hiddenFlows = perFlow.length - shown.length;
  if (hiddenFlows > 0) {
    const n = perFlow.length;
    const sum = (o: RunOutcome): MetricCell => {
      const lost = o.flows.reduce((total, f) => total + f.lostAfter, 0);
      return { text: lost.toLocaleString('en'), value: lost };
    };
    const dark = (o: RunOutcome): MetricCell => {
      const count = o.flows.filter((f) => f.status === 'not-recovered').length;
      return { text: `${count} of ${o.flows.length}`, value: count };
    };
    rows.push(
      row('lostAll', `Pings lost after ${ref}, all ${n} flows`, null, sum(a), sum(b), true),
    );
    rows.push(row('notRecovered', 'Flows not recovered by the end', null, dark(a), dark(b), true));
  }
  const ike = (c: IkeCounts): MetricCell => ({ text: ikeText(c), value: c.total });
  if (disrupted)
    rows.push(
      row('ike', `IKE messages sent after ${ref}`, null, ike(a.ikeAfter), ike(b.ikeAfter), false),
    );
  rows.push(
    row(
      'ikeTotal',
      'IKE messages sent in the whole run',
      null,
      ike(a.ikeTotal),
      ike(b.ikeTotal),
      false,
    ),
  );
  const count = (n: number): MetricCell => ({ text: n.toLocaleString('en'), value: n });
  rows.push(
    row(
      'invSpiLogs',
      '%CRYPTO-4-RECVD_PKT_INV_SPI lines logged',
      null,
      count(a.invalidSpiLogs),
      count(b.invalidSpiLogs),
      false,
    ),
  );
  rows.push(
    row(
      'invSpiDrops',
      'ESP packets dropped for an invalid SPI',
      null,
      count(a.invalidSpiDrops),
      count(b.invalidSpiDrops),
      false,
    ),
  );
  return rows;
}

// ---- the headline ----

/** Lower is better: never recovered, then outage length, then pings lost. */
function severity(f: FlowOutcome): number[] {
  const rank: Record<FlowStatus, number> = {
    'no-traffic': 0,
    unaffected: 1,
    recovered: 2,
    'not-recovered': 3,
  };
  const d = f.status === 'recovered' ? (f.outage?.durationMs ?? 0) : 0;
  return [rank[f.status], d, f.lostAfter];
}

function compareSeverity(x: FlowOutcome, y: FlowOutcome): number {
  const sx = severity(x);
  const sy = severity(y);
  for (let i = 0; i < sx.length; i++) {
    const diff = (sx[i] as number) - (sy[i] as number);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** The flow pair the headline talks about: the one whose outcome differs most. */
function primaryFlows(a: RunOutcome, b: RunOutcome): [FlowOutcome, FlowOutcome] | null {
  const pairs: Array<[FlowOutcome, FlowOutcome]> = [];
  for (const fa of a.flows) {
    const fb = b.flows.find((f) => f.flow === fa.flow);
    if (fb && (fa.status !== 'no-traffic' || fb.status !== 'no-traffic')) pairs.push([fa, fb]);
  }
  if (pairs.length === 0) {
    const fa = a.flows.find((f) => f.status !== 'no-traffic');
    const fb = b.flows.find((f) => f.status !== 'no-traffic');
    return fa && fb ? [fa, fb] : null;
  }
  const weight = ([x, y]: [FlowOutcome, FlowOutcome]) =>
    (x.status !== y.status ? 1e9 : 0) + Math.abs(x.lostAfter - y.lostAfter);
  return pairs.reduce((best, pair) => (weight(pair) > weight(best) ? pair : best));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function lostPhrase(x: FlowOutcome, y: FlowOutcome): string {
  return `${plural(x.lostAfter, 'ping')} lost vs ${y.lostAfter.toLocaleString('en')}`;
}

function mainClause(f: FlowOutcome, of: string): string {
  switch (f.status) {
    case 'unaffected':
    case 'no-traffic':
      return `no ping${of} is lost`;
    case 'recovered':
      return `the outage${of} lasts ${lasted(f.outage?.durationMs ?? 0)}`;
    case 'not-recovered':
      return `the pings${of} never come back in the ${lasted(f.outage?.durationMs ?? 0)} to the end`;
  }
}

function contrastClause(worse: FlowOutcome, better: FlowOutcome): string {
  const d = lasted(worse.outage?.durationMs ?? 0);
  if (worse.status === 'recovered') return better.status === 'recovered' ? d : `an outage of ${d}`;
  return better.status === 'recovered'
    ? `not recovering in ${d}`
    : `an outage that lasts to the end of the run (${d})`;
}

function ikeDelta(better: IkeCounts, worse: IkeCounts): string | null {
  const diff = better.total - worse.total;
  if (diff === 0) return null;
  const parts = (
    [
      ['MM', better.mainMode - worse.mainMode],
      ['QM', better.quickMode - worse.quickMode],
      ['DELETE', better.delete - worse.delete],
      ['DPD', better.dpd - worse.dpd],
    ] as const
  )
    .filter(([, n]) => n !== 0)
    .map(([k, n]) => `${k} ${n > 0 ? '+' : '−'}${Math.abs(n)}`)
    .join(', ');
  return diff > 0
    ? `The price: ${plural(diff, 'more IKE message')} (${parts}).`
    : `It also spends ${plural(-diff, 'fewer IKE message')} (${parts}).`;
}

/**
 * The headline as sentences, the claim first, e.g. ["With invalid-SPI recovery on R2, the
 * outage lasts 32 s instead of not recovering in 13 min (32 pings lost vs 779).", "Pings are
 * answered again 2 s after R2 booted.", "The price: 10 more IKE messages (MM +6, QM +3,
 * DELETE +1)."]. `phrases` complete "With…": "with invalid-SPI recovery on R2".
 */
export function headlineSentences(
  a: RunOutcome,
  b: RunOutcome,
  phrases: Record<Side, string>,
): string[] {
  const primary = primaryFlows(a, b);
  if (!primary)
    return ['Neither side sends pings after the fault: compare the IKE messages below.'];
  const [fa, fb] = primary;
  const multi =
    a.flows.filter((f) => f.status !== 'no-traffic').length > 1 ||
    b.flows.filter((f) => f.status !== 'no-traffic').length > 1;
  const of = multi ? ` of ${fa.flow === fb.flow ? fa.flow : 'the pings'}` : '';
  const order = compareSeverity(fa, fb);
  if (order === 0) {
    const lost = fa.lostAfter > 0 ? ` (${plural(fa.lostAfter, 'ping')} lost)` : '';
    const same = `Same outcome both ways: ${mainClause(fa, of)}${lost}.`;
    const cost = a.ikeAfter.total - b.ikeAfter.total;
    if (cost === 0) return [same];
    const more: Side = cost > 0 ? 'a' : 'b';
    const verb = Math.abs(cost) === 1 ? 'is' : 'are';
    return [
      same,
      `${capitalise(phrases[more])}, ${plural(Math.abs(cost), 'more IKE message')} ${verb} sent.`,
    ];
  }
  const betterSide: Side = order < 0 ? 'a' : 'b';
  const [better, worse] = order < 0 ? [fa, fb] : [fb, fa];
  const [bo, wo] = betterSide === 'a' ? [a, b] : [b, a];
  if (better.status === 'not-recovered' && worse.status === 'not-recovered') {
    return [
      `${capitalise(phrases[betterSide])}, fewer pings${of} are lost (${lostPhrase(better, worse)}), but they never come back either way.`,
    ];
  }
  const sentences = [
    `${capitalise(phrases[betterSide])}, ${mainClause(better, of)} instead of ${contrastClause(worse, better)} (${lostPhrase(better, worse)}).`,
  ];
  const d = bo.disruption;
  if (better.recoveryAfterBackMs !== null && d?.backAtMs != null)
    sentences.push(
      `Pings are answered again ${lasted(better.recoveryAfterBackMs)} after ${d.backLabel}.`,
    );
  const cost = ikeDelta(bo.ikeAfter, wo.ikeAfter);
  if (cost) sentences.push(cost);
  return sentences;
}

/** The headline as one paragraph. */
export function headline(a: RunOutcome, b: RunOutcome, phrases: Record<Side, string>): string {
  return headlineSentences(a, b, phrases).join(' ');
}

/** The table, the headline and the reference moment of a pair of measured runs. */
export function compareOutcomes(
  a: RunOutcome,
  b: RunOutcome,
  phrases: Record<Side, string>,
): Comparison {
  const ref = bothSides(a, b, 'label');
  const at = (d: Disruption | null) => (d ? ` at ${clockTime(d.atMs)}` : '');
  const sameTime = a.disruption?.atMs === b.disruption?.atMs;
  const sentences = headlineSentences(a, b, phrases);
  const rows = metricRows(a, b);
  const flows = [...new Set(rows.flatMap((r) => (r.flow === null ? [] : [r.flow])))];
  return {
    flows,
    hiddenFlows: flowIds(a, b).length - flows.length,
    headline: sentences.join(' '),
    headlineSentences: sentences,
    rows,
    reference:
      a.disruption || b.disruption
        ? `Measured from when ${ref}${sameTime ? at(a.disruption ?? b.disruption) : ''}.`
        : 'No reload or link failure: measured from each flow’s first answered ping.',
  };
}
