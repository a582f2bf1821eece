// The one playback bar of the compare screen: play/pause, step between events of either run,
// speed and adaptive pacing, the shared clock, a scrubber, and buttons that jump to the moments
// that matter (the fault, the router back, each side's recovery).

import { useId } from 'react';
import { SpeedSelect, Transport } from '../controls/Transport';
import { formatTime } from '../trace/formatText';
import { clockTime, stopwatch } from '../views/health/durations';
import type { MarkerKind, TimelineMarker } from './markers';
import type { PairPlayback } from './usePairPlayback';

const MARKER_ICON: Record<MarkerKind, string> = {
  fault: '⚡',
  back: '↻',
  recovered: '✓',
};

/** "B: " for one side; nothing visible when both runs share the moment. */
function SideTag({ side }: { side: TimelineMarker['side'] }) {
  if (side === 'both') return <span className="cmp-visually-hidden">both runs: </span>;
  return <span className="cmp-jump-side">{side.toUpperCase()}: </span>;
}

interface Props {
  playback: PairPlayback;
  markers: readonly TimelineMarker[];
}

export function ComparePlayback({ playback, markers }: Props) {
  const { t, durationMs, playing, speed, adaptive } = playback;
  const speedId = useId();
  const scrubId = useId();
  const percent = (atMs: number) => `${(100 * atMs) / Math.max(1, durationMs)}%`;
  return (
    <section
      className="cmp-playback"
      aria-label="Playback of both runs"
      data-testid="compare.playback"
    >
      <Transport
        playing={playing}
        onStepBack={playback.stepBack}
        onTogglePlay={playback.togglePlay}
        onStepForward={playback.stepForward}
        classPrefix="cmp"
        testIdPrefix="compare"
        played=" both runs"
        stepScope=" in either run"
      />

      <output
        className="cmp-clock"
        data-testid="compare.time"
        data-t={Math.round(t)}
        aria-live="off"
      >
        <span className="cmp-clock-now">{formatTime(t)}</span>
        <span className="cmp-clock-total">/ {clockTime(durationMs)}</span>
      </output>

      <div className="cmp-scrub-track">
        <label htmlFor={scrubId} className="cmp-visually-hidden">
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

      <div className="cmp-settings">
        <label htmlFor={speedId}>Speed</label>
        <SpeedSelect
          id={speedId}
          speed={speed}
          onChange={playback.setSpeed}
          testId="compare.speed"
        />
        <button
          type="button"
          role="switch"
          aria-checked={adaptive}
          className="cmp-switch"
          onClick={() => playback.setAdaptive(!adaptive)}
          title="Slows down while packets fly in either run, skips quiet stretches"
          data-testid="compare.adaptive"
        >
          <span className="cmp-switch-track" aria-hidden="true">
            <span className="cmp-switch-knob" />
          </span>
          <span>Adaptive</span>
        </button>
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
