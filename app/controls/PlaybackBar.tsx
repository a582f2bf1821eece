// Play/pause, step to the previous/next event, speed, adaptive pacing (and the speed it really
// runs at), the virtual clock, and the shortcuts help. Reads the store; every control calls an
// action.

import { useId } from 'react';
import {
  setAdaptive,
  setShortcutsOpen,
  setSpeed,
  stepBack,
  stepForward,
  togglePlay,
} from '../store/actions';
import { pacedRate } from '../store/navigation';
import { useSimStore } from '../store/simStore';
import { formatTime } from '../trace/formatText';
import { lazyComponent } from '../ui/lazyComponent';
import { paceReadout } from './pacing';
import type { ScreenKeys } from './ShortcutsDialog';
import { SpeedSelect, Transport } from './Transport';
import './playback.css';

// The shortcuts help loads after the first draw: it is closed until `?` opens it.
const ShortcutsDialog = lazyComponent(() =>
  import('./ShortcutsDialog').then((m) => m.ShortcutsDialog),
);

const ADAPTIVE_HINT = 'Slows down while packets fly, skips quiet stretches.';

/**
 * The transport, the clock and the settings. Only the clock follows the cursor at every frame;
 * the rest re-renders when playing, speed or adaptive pacing change. `screenKeys`: the keys of the
 * screen it sits in, for the shortcuts help.
 */
export function PlaybackBar({ screenKeys }: { screenKeys?: ScreenKeys }) {
  const durationMs = useSimStore((s) => s.run?.durationMs ?? 0);
  const playing = useSimStore((s) => s.playing);
  const speed = useSimStore((s) => s.speed);
  const adaptive = useSimStore((s) => s.adaptive);
  const speedId = useId();
  const hintId = useId();

  return (
    <section className="playback" aria-label="Playback" data-testid="playback">
      <Transport
        playing={playing}
        onStepBack={stepBack}
        onTogglePlay={togglePlay}
        onStepForward={stepForward}
        classPrefix="pb"
        testIdPrefix="playback"
        played=""
        stepScope=""
      />

      <Clock durationMs={durationMs} />

      <div className="pb-settings">
        <div className="pb-field">
          <label htmlFor={speedId}>Speed</label>
          <SpeedSelect id={speedId} speed={speed} onChange={setSpeed} testId="playback.speed" />
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
      <ShortcutsDialog screenKeys={screenKeys} />
    </section>
  );
}

/**
 * The virtual clock: the playback bar's one part that changes at every frame. While adaptive
 * pacing plays at another rate than the chosen speed, its label row says which and why.
 */
function Clock({ durationMs }: { durationMs: number }) {
  const t = useSimStore((s) => s.t);
  const pace = useSimStore((s) =>
    s.run && s.playing && s.adaptive
      ? paceReadout(s.speed, pacedRate(s.run, s.t, s.speed, true))
      : null,
  );
  return (
    <div className="pb-clock" data-testid="playback.time" data-t={Math.round(t)}>
      <span className="pb-clock-label">
        Time
        {pace && (
          <span
            className="pb-pace"
            data-testid="playback.pace"
            title="Adaptive speed: the chosen speed → the speed it plays at now"
          >
            {pace}
          </span>
        )}
      </span>
      <span className="pb-clock-now">{formatTime(t)}</span>
      <span className="pb-clock-total">
        <span className="pb-visually-hidden">of </span>/ {formatTime(durationMs).slice(0, 8)}
      </span>
    </div>
  );
}
