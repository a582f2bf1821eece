// Play/pause, step to the previous/next event, speed, adaptive pacing, the virtual clock, and
// the shortcuts help. Reads the store; every control calls an action.

import { useId } from 'react';
import {
  setAdaptive,
  setShortcutsOpen,
  setSpeed,
  stepBack,
  stepForward,
  togglePlay,
} from '../store/actions';
import { SPEEDS } from '../store/navigation';
import { useSimStore } from '../store/simStore';
import { formatTime } from '../trace/formatText';
import { ShortcutsDialog } from './ShortcutsDialog';
import { TransportIcon } from './TransportIcon';
import './playback.css';

/** "×0.1", "×10", "×1000". */
export function speedLabel(speed: number): string {
  return `×${speed}`;
}

const ADAPTIVE_HINT = 'Slows down while packets fly, skips quiet stretches.';

function Icon({ name }: { name: 'play' | 'pause' | 'back' | 'forward' }) {
  return <TransportIcon name={name} className="pb-icon" />;
}

/**
 * The transport, the clock and the settings. Only the clock follows the cursor at every frame;
 * the rest re-renders when playing, speed or adaptive pacing change.
 */
export function PlaybackBar() {
  const durationMs = useSimStore((s) => s.run?.durationMs ?? 0);
  const playing = useSimStore((s) => s.playing);
  const speed = useSimStore((s) => s.speed);
  const adaptive = useSimStore((s) => s.adaptive);
  const speedId = useId();
  const hintId = useId();

  return (
    <section className="playback" aria-label="Playback" data-testid="playback">
      <div className="pb-transport">
        <button
          type="button"
          className="pb-button pb-step"
          onClick={stepBack}
          aria-label="Step back"
          title="Step back to the previous event (←)"
          data-testid="playback.step-back"
        >
          <Icon name="back" />
        </button>
        <button
          type="button"
          className="pb-button pb-play"
          onClick={togglePlay}
          aria-pressed={playing}
          title={playing ? 'Pause (Space)' : 'Play (Space)'}
          data-testid="playback.play"
          data-playing={playing}
        >
          <Icon name={playing ? 'pause' : 'play'} />
          <span>Play</span>
        </button>
        <button
          type="button"
          className="pb-button pb-step"
          onClick={stepForward}
          aria-label="Step forward"
          title="Step to the next event (→)"
          data-testid="playback.step-forward"
        >
          <Icon name="forward" />
        </button>
      </div>

      <Clock durationMs={durationMs} />

      <div className="pb-settings">
        <div className="pb-field">
          <label htmlFor={speedId}>Speed</label>
          <select
            id={speedId}
            value={speed}
            onChange={(event) => setSpeed(Number(event.target.value))}
            data-testid="playback.speed"
            title="Virtual time per wall-clock second ([ slower, ] faster)"
          >
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {speedLabel(s)}
              </option>
            ))}
          </select>
        </div>

        <div className="pb-adaptive">
          <button
            type="button"
            role="switch"
            aria-checked={adaptive}
            aria-describedby={hintId}
            className="pb-switch"
            onClick={() => setAdaptive(!adaptive)}
            data-testid="playback.adaptive"
          >
            <span className="pb-switch-track" aria-hidden="true">
              <span className="pb-switch-knob" />
            </span>
            <span>Adaptive</span>
          </button>
          <span id={hintId} role="tooltip" className="pb-tooltip">
            {ADAPTIVE_HINT}
          </span>
        </div>

        <button
          type="button"
          className="pb-button pb-help"
          onClick={() => setShortcutsOpen(true)}
          aria-label="Keyboard shortcuts"
          aria-haspopup="dialog"
          title="Keyboard shortcuts (?)"
          data-testid="playback.shortcuts"
        >
          ?
        </button>
      </div>
      <ShortcutsDialog />
    </section>
  );
}

/** The virtual clock: the playback bar's one part that changes at every frame. */
function Clock({ durationMs }: { durationMs: number }) {
  const t = useSimStore((s) => s.t);
  return (
    <div className="pb-clock" data-testid="playback.time" data-t={Math.round(t)}>
      <span className="pb-clock-label">Time</span>
      <span className="pb-clock-now">{formatTime(t)}</span>
      <span className="pb-clock-total">
        <span className="pb-visually-hidden">of </span>/ {formatTime(durationMs).slice(0, 8)}
      </span>
    </div>
  );
}
