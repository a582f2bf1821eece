// Under the compare screen's playback bar: a scrubber over the shared clock with ticks at the
// moments that matter (the fault, the router back, each side's recovery), and buttons that jump
// to them.

import { useId } from 'react';
import { usePlayback } from '../controls/playbackSource';
import { formatTime } from '../trace/formatText';
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
  const t = usePlayback((s) => s.t);
  const durationMs = playback.durationMs();
  const scrubId = useId();
  const percent = (atMs: number) => `${(100 * atMs) / Math.max(1, durationMs)}%`;
  return (
    <section className="cmp-moments" aria-label="Moments of both runs">
      <div className="cmp-scrub-track">
        <label htmlFor={scrubId} className="visually-hidden">
          Time in both runs
        </label>
        <input
          id={scrubId}
          type="range"
          min={0}
          max={durationMs}
          step={100}
          value={Math.round(t)}
          onChange={(event) => playback.seek(Number(event.target.value))}
          aria-valuetext={formatTime(t)}
          data-testid="compare.scrubber"
        />
        <div className="cmp-ticks" aria-hidden="true">
          {markers.map((m) => (
            <span
              key={`${m.side}-${m.kind}-${m.atMs}-${m.label}`}
              className={`cmp-tick cmp-tick-${m.kind} cmp-tick-${m.side}`}
              style={{ left: percent(m.atMs) }}
            />
          ))}
        </div>
      </div>

      {markers.length > 0 && (
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
      )}
    </section>
  );
}
