// The ladder's tools: which packets (all, IKE only, no ESP, DPD), which pair of lifelines, the
// marks on or off, zoom out and in, and Export SVG.

import type { LadderFilter, LadderKindFilter, LadderModel } from './ladderModel';
import { ladderPairs } from './ladderModel';

const KINDS: Array<{ kind: LadderKindFilter; label: string; title: string }> = [
  { kind: 'all', label: 'All', title: 'Every packet' },
  {
    kind: 'ike',
    label: 'IKE only',
    title: 'ISAKMP messages only: phase 1, quick mode, DELETE, DPD',
  },
  { kind: 'no-esp', label: 'Hide ESP', title: 'Everything but the encrypted traffic' },
  { kind: 'dpd', label: 'DPD', title: 'Dead Peer Detection and keepalives only' },
];

export interface LadderToolbarProps {
  /** The unfiltered model: the pairs to choose from. */
  model: LadderModel;
  filter: LadderFilter;
  /** The filter is the one the ladder opened on (a pair, for many routers): say so. */
  opened: boolean;
  onFilter: (filter: LadderFilter) => void;
  zoom: number;
  onZoom: (factor: number) => void;
  onExport: () => void;
  /** What the filtered ladder holds. */
  counts: { arrows: number; gaps: number };
}

export function LadderToolbar({
  model,
  filter,
  opened,
  onFilter,
  zoom,
  onZoom,
  onExport,
  counts,
}: LadderToolbarProps) {
  const pairs = ladderPairs(model);
  const pairValue = filter.pair ? filter.pair.join('|') : '';
  const summary = `${counts.arrows} packets · ${counts.gaps} quiet stretches folded`;
  return (
    <div className="ladder-tools" title={summary}>
      <fieldset className="ladder-kinds" aria-label="Packets shown">
        {KINDS.map(({ kind, label, title }) => (
          <button
            key={kind}
            type="button"
            title={title}
            aria-pressed={filter.kind === kind}
            onClick={() => onFilter({ ...filter, kind })}
          >
            {label}
          </button>
        ))}
      </fieldset>
      <label className="ladder-pair">
        <span>Between</span>
        <select
          value={pairValue}
          onChange={(event) => {
            const pair = pairs.find((p) => p.join('|') === event.target.value) ?? null;
            onFilter({ ...filter, pair });
          }}
        >
          <option value="">all routers</option>
          {pairs.map((pair) => (
            <option key={pair.join('|')} value={pair.join('|')}>
              {pair[0]} ↔ {pair[1]}
            </option>
          ))}
        </select>
      </label>
      {opened && filter.pair && (
        <span className="ladder-opened" data-testid="ladder.opened">
          Showing {filter.pair[0]} ↔ {filter.pair[1]} of {model.lanes.length} lifelines — choose
          others in Between
        </span>
      )}
      <label className="ladder-marks">
        <input
          type="checkbox"
          checked={filter.marks}
          onChange={(event) => onFilter({ ...filter, marks: event.target.checked })}
        />
        Logs &amp; states
      </label>
      <span className="ladder-zoom">
        <button
          type="button"
          aria-label="Zoom out"
          title="Zoom out (ctrl+wheel)"
          onClick={() => onZoom(1 / 1.6)}
        >
          −
        </button>
        <span className="ladder-zoom-value" data-testid="ladder.zoom">
          {zoom >= 1 ? zoom.toFixed(1) : zoom.toFixed(2)}×
        </span>
        <button
          type="button"
          aria-label="Zoom in"
          title="Zoom in (ctrl+wheel)"
          onClick={() => onZoom(1.6)}
        >
          +
        </button>
      </span>
      <button type="button" className="ladder-export" onClick={onExport}>
        Export SVG
      </button>
      <span className="ladder-counts" data-testid="ladder.counts">
        {summary}
      </span>
    </div>
  );
}
