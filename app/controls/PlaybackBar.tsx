// Play/pause, step to the previous/next event, speed, adaptive pacing (and the speed it really
// runs at), the virtual clock, and the shortcuts help. Reads its playback source (the studio's
// store, or the compare screen's two runs); every control calls the source.

import { useContext, useId } from 'react';
import { formatTime } from '../trace/formatText';
import { lazyComponent } from '../ui/lazyComponent';
import { paceReadout } from './pacing';
import { PlaybackSourceContext, usePlayback } from './playbackSource';
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
  const source = useContext(PlaybackSourceContext);
  const durationMs = usePlayback((_, p) => p.durationMs());
  const playing = usePlayback((s) => s.playing);
  const speed = usePlayback((s) => s.speed);
  const adaptive = usePlayback((s) => s.adaptive);
  const { openHelp } = source;
  const speedId = useId();
  const hintId = useId();

  return (
    <section className="playback" aria-label="Playback" data-testid="playback">
      <Transport
        playing={playing}
        onStepBack={source.stepBack}
        onTogglePlay={source.togglePlay}
        onStepForward={source.stepForward}
        classPrefix="pb"
        testIdPrefix="playback"
        played={source.played}
        stepScope={source.stepScope}
      />

      <Clock durationMs={durationMs} />

      <div className="pb-settings">
        <div className="pb-field">
          <label htmlFor={speedId}>Speed</label>
          <SpeedSelect
            id={speedId}
            speed={speed}
            onChange={source.setSpeed}
            testId="playback.speed"
          />
        </div>

        <div className="pb-adaptive">
          <button
            type="button"
            role="switch"
            aria-checked={adaptive}
            aria-describedby={hintId}
            className="pb-switch"
            onClick={() => source.setAdaptive(!adaptive)}
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

        {openHelp && (
          <button
            type="button"
            className="pb-button pb-help"
            onClick={openHelp}
            aria-label="Keyboard shortcuts"
            aria-haspopup="dialog"
            title="Keyboard shortcuts (?)"
            data-testid="playback.shortcuts"
          >
            ?
          </button>
        )}
      </div>
      {openHelp && <ShortcutsDialog screenKeys={screenKeys} />}
    </section>
  );
}

/**
 * The virtual clock: the playback bar's one part that changes at every frame. While adaptive
 * pacing plays at another rate than the chosen speed, its label row says which and why.
 */
function Clock({ durationMs }: { durationMs: number }) {
  const t = usePlayback((s) => s.t);
  const pace = usePlayback((s, source) => {
    const paced = s.playing && s.adaptive ? source.pacedRate(s.t, s.speed) : null;
    return paced && paceReadout(s.speed, paced);
  });
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
        <span className="visually-hidden">of </span>/ {formatTime(durationMs).slice(0, 8)}
      </span>
    </div>
  );
}
