// Beside the compare screen's playback bar: buttons that jump to the moments that matter in
// either run (the fault, the router back, each side's recovery).

import { stopwatch } from '../views/health/durations';
import type { MarkerKind, TimelineMarker } from './markers';
import type { PairPlayback } from './pairPlayback';

const MARKER_ICON: Record<MarkerKind, string> = {
  fault: '⚡',
  back: '↻',
  recovered: '✓',
};

/** "B: " for one side; nothing visible when both runs share the moment. */
function SideTag({ side }: { side: TimelineMarker['side'] }) {
  if (side === 'both') return <span className="visually-hidden">both runs: </span>;
  return <span className="cmp-jump-side">{side.toUpperCase()}: </span>;
}

interface Props {
  playback: PairPlayback;
  markers: readonly TimelineMarker[];
}

export function CompareMoments({ playback, markers }: Props) {
  if (markers.length === 0) return null;
  return (
    <ul className="cmp-jumps" aria-label="Jump to">
      {markers.map((m) => (
        <li key={`${m.side}-${m.kind}-${m.atMs}-${m.label}`}>
          <button
            type="button"
            className={`cmp-jump cmp-jump-${m.kind} cmp-jump-${m.side}`}
            onClick={() => {
              playback.pause();
              playback.seek(m.atMs);
            }}
            data-testid={`compare.jump.${m.kind}.${m.side}`}
            data-at-ms={m.atMs}
          >
            <span aria-hidden="true">{MARKER_ICON[m.kind]}</span> <SideTag side={m.side} />
            {m.label} <span className="cmp-jump-time">{stopwatch(m.atMs)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
