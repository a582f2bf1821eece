// The measured outcome of both runs, row by row: per ping flow, then for the whole run. Rows
// where the sides differ are marked (≠ and a tint), and where fewer or shorter is better the
// better side says so in words (✓ better), never by colour alone.

import { memo } from 'react';
import type { Comparison, MetricRow } from './comparison';
import type { RunOutcome } from './outcome';
import type { Side, VariantPair } from './variants';

interface Props {
  pair: VariantPair;
  comparison: Comparison;
  outcomes: Record<Side, RunOutcome>;
}

function flowCaption(outcomes: Record<Side, RunOutcome>, flow: string): string {
  const f =
    outcomes.a.flows.find((x) => x.flow === flow) ?? outcomes.b.flows.find((x) => x.flow === flow);
  return f ? `Pings ${flow}: ${f.src} → ${f.dst}` : `Pings ${flow}`;
}

/** Memoised: its props are fixed per comparison, so cursor moves never re-render it. */
export const OutcomeTable = memo(function OutcomeTable({ pair, comparison, outcomes }: Props) {
  const groups: Array<{ key: string; title: string; rows: MetricRow[] }> = [];
  for (const row of comparison.rows) {
    const key = row.flow ?? '';
    let group = groups.find((g) => g.key === key);
    if (!group) {
      group = {
        key,
        title: row.flow ? flowCaption(outcomes, row.flow) : 'Whole run, all flows',
        rows: [],
      };
      groups.push(group);
    }
    group.rows.push(row);
  }
  return (
    <section className="cmp-outcome" aria-labelledby="cmp-outcome-title">
      <div className="cmp-outcome-head">
        <h3 id="cmp-outcome-title" className="cmp-outcome-title">
          Outcome, measured over the whole runs
        </h3>
        <p className="cmp-outcome-ref">
          {comparison.reference}
          {comparison.hiddenFlows > 0 &&
            ` ${comparison.flows.length} of ${comparison.flows.length + comparison.hiddenFlows} ping flows shown (those that differ first); the whole-run rows count them all.`}
        </p>
      </div>
      <table className="cmp-table" data-testid="compare.outcome">
        <thead>
          <tr>
            <th scope="col" className="cmp-th-metric">
              Measure
            </th>
            <th scope="col" className="cmp-th-side">
              <span className="cmp-side cmp-side-small">A</span> {pair.a.title}
            </th>
            <th scope="col" className="cmp-th-side">
              <span className="cmp-side cmp-side-small">B</span> {pair.b.title}
            </th>
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group.key}>
            <tr className="cmp-group">
              <th scope="colgroup" colSpan={3}>
                {group.title}
              </th>
            </tr>
            {group.rows.map((row) => (
              <tr
                key={row.name}
                className={row.different ? 'cmp-row cmp-row-different' : 'cmp-row'}
                data-testid={`compare.row.${row.name}`}
                data-different={row.different}
              >
                <th scope="row" className="cmp-metric">
                  {row.different && (
                    <span className="cmp-differs" title="The two sides differ here">
                      ≠<span className="visually-hidden"> differs: </span>
                    </span>
                  )}
                  {row.label}
                </th>
                <Cell row={row} side="a" />
                <Cell row={row} side="b" />
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </section>
  );
});

function Cell({ row, side }: { row: MetricRow; side: Side }) {
  const cell = row[side];
  const better = row.better === side;
  return (
    <td
      className={better ? 'cmp-cell cmp-cell-better' : 'cmp-cell'}
      data-testid={`compare.metric.${row.name}.${side}`}
      data-value={Number.isFinite(cell.value) ? cell.value : String(cell.value)}
      data-better={better}
    >
      {cell.text}
      {better && <span className="cmp-better-tag">✓ better</span>}
    </td>
  );
}
