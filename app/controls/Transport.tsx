// The transport of a playback bar (step back, play/pause, step forward) and its speed select,
// shared by the studio's bar and the compare screen's. Each bar brings its own handlers, class
// prefix (`pb`, `cmp`), test-id prefix and the words that say what the buttons act on.

import { SPEEDS } from '../store/navigation';

type IconName = 'play' | 'pause' | 'back' | 'forward';

const ICON_PATHS: Record<IconName, string> = {
  play: 'M7 4.5v15l12.5-7.5z',
  pause: 'M6.5 4.5h4v15h-4zM13.5 4.5h4v15h-4z',
  back: 'M5 5h2.6v14H5zM19.5 5v14L9 12z',
  forward: 'M16.4 5H19v14h-2.6zM4.5 5v14L15 12z',
};

function Icon({ name, className }: { name: IconName; className: string }) {
  return (
    <svg className={className} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={ICON_PATHS[name]} />
    </svg>
  );
}

interface TransportProps {
  playing: boolean;
  onStepBack: () => void;
  onTogglePlay: () => void;
  onStepForward: () => void;
  classPrefix: string;
  testIdPrefix: string;
  /** What is played, for the titles: "" (the run) or " both runs". */
  played: string;
  /** Where steps stop, for the titles: "" or " in either run". */
  stepScope: string;
}

/**
 * Three buttons. The middle one says what a press does: "Play" while paused, "Pause" while
 * playing (its name, its text and its icon), as media players do.
 */
export function Transport(props: TransportProps) {
  const { playing, classPrefix: c, testIdPrefix: id, played, stepScope } = props;
  return (
    <div className={`${c}-transport`}>
      <button
        type="button"
        className={`${c}-button ${c}-step`}
        onClick={props.onStepBack}
        aria-label="Step back"
        title={`Step back to the previous event${stepScope} (←)`}
        data-testid={`${id}.step-back`}
      >
        <Icon name="back" className={`${c}-icon`} />
      </button>
      <button
        type="button"
        className={`${c}-button ${c}-play`}
        onClick={props.onTogglePlay}
        title={`${playing ? 'Pause' : 'Play'}${played} (Space)`}
        data-testid={`${id}.play`}
        data-playing={playing}
      >
        <Icon name={playing ? 'pause' : 'play'} className={`${c}-icon`} />
        <span>{playing ? 'Pause' : 'Play'}</span>
      </button>
      <button
        type="button"
        className={`${c}-button ${c}-step`}
        onClick={props.onStepForward}
        aria-label="Step forward"
        title={`Step to the next event${stepScope} (→)`}
        data-testid={`${id}.step-forward`}
      >
        <Icon name="forward" className={`${c}-icon`} />
      </button>
    </div>
  );
}

/** "×0.1", "×10", "×1000". */
export function speedLabel(speed: number): string {
  return `×${speed}`;
}

/** The speed steps of SPEEDS as a select; its label is the caller's (`<label htmlFor={id}>`). */
export function SpeedSelect(props: {
  id: string;
  speed: number;
  onChange: (speed: number) => void;
  testId: string;
}) {
  return (
    <select
      id={props.id}
      value={props.speed}
      onChange={(event) => props.onChange(Number(event.target.value))}
      data-testid={props.testId}
      title="Virtual time per wall-clock second ([ slower, ] faster)"
    >
      {SPEEDS.map((s) => (
        <option key={s} value={s}>
          {speedLabel(s)}
        </option>
      ))}
    </select>
  );
}
