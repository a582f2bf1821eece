// The keyboard shortcuts: one table, read by the keyboard hook (what a key does) and by the
// help dialog (what it lists). Keys are KeyboardEvent.key values.

import {
  faster,
  setAdaptive,
  setShortcutsOpen,
  slower,
  stepBack,
  stepForward,
  togglePlay,
} from '../store/actions';
import { useSimStore } from '../store/simStore';
import { jumpToNextKeyMoment, jumpToPreviousKeyMoment } from './keyMoments';
import { zoomIn, zoomOut } from './timelineZoom';

/**
 * Where a shortcut works: 'page' anywhere but in a text field or a widget that uses the key
 * itself; 'dialog' while the shortcuts dialog is open; 'timeline' on the focused scrubber.
 */
export type ShortcutScope = 'page' | 'dialog' | 'timeline';

export interface Shortcut {
  id: string;
  /** KeyboardEvent.key values that trigger it. */
  keys: readonly string[];
  /** The keycaps the help shows, e.g. ['Space'] or ['←']. */
  caps: readonly string[];
  /** What it does, as the help says it. */
  label: string;
  scope: ShortcutScope;
  run: () => void;
}

/** A scrubber key: where the cursor goes from t in a run of durationMs. */
export interface ScrubberKey {
  keys: readonly string[];
  caps: readonly string[];
  label: string;
  target: (t: number, durationMs: number) => number;
}

export const SHORTCUTS: readonly Shortcut[] = [
  {
    id: 'play',
    keys: [' '],
    caps: ['Space'],
    label: 'Play / pause',
    scope: 'page',
    run: togglePlay,
  },
  {
    id: 'step-forward',
    keys: ['ArrowRight'],
    caps: ['→'],
    label: 'Step to the next event',
    scope: 'page',
    run: stepForward,
  },
  {
    id: 'step-back',
    keys: ['ArrowLeft'],
    caps: ['←'],
    label: 'Step back to the previous event',
    scope: 'page',
    run: stepBack,
  },
  {
    id: 'next-key-moment',
    // '>' is Shift + '.' on many layouts: either works.
    keys: ['.', '>'],
    caps: ['.'],
    label: 'Next key moment: reload, boot, link, warning, SA',
    scope: 'page',
    run: jumpToNextKeyMoment,
  },
  {
    id: 'previous-key-moment',
    keys: [',', '<'],
    caps: [','],
    label: 'Previous key moment',
    scope: 'page',
    run: jumpToPreviousKeyMoment,
  },
  { id: 'faster', keys: [']'], caps: [']'], label: 'Faster', scope: 'page', run: faster },
  { id: 'slower', keys: ['['], caps: ['['], label: 'Slower', scope: 'page', run: slower },
  {
    id: 'adaptive',
    keys: ['a', 'A'],
    caps: ['A'],
    label: 'Adaptive speed on / off',
    scope: 'page',
    run: () => setAdaptive(!useSimStore.getState().adaptive),
  },
  {
    id: 'zoom-in',
    keys: ['+', '='],
    caps: ['+'],
    label: 'Zoom the timeline in',
    scope: 'page',
    run: zoomIn,
  },
  {
    id: 'zoom-out',
    keys: ['-', '_'],
    caps: ['−'],
    label: 'Zoom the timeline out',
    scope: 'page',
    run: zoomOut,
  },
  {
    id: 'help',
    keys: ['?'],
    caps: ['?'],
    label: 'Show these shortcuts',
    scope: 'page',
    run: () => setShortcutsOpen(true),
  },
  {
    id: 'close-help',
    keys: ['Escape'],
    caps: ['Esc'],
    label: 'Close this dialog',
    scope: 'dialog',
    run: () => setShortcutsOpen(false),
  },
];

const SECOND_MS = 1000;
const MINUTE_MS = 60_000;
const clampTo = (durationMs: number, t: number) => Math.max(0, Math.min(durationMs, t));

/** Keys of the focused timeline scrubber (a slider: arrows ±1 s, pages ±1 min, Home, End). */
export const SCRUBBER_KEYS: readonly ScrubberKey[] = [
  {
    keys: ['ArrowRight', 'ArrowUp'],
    caps: ['→', '↑'],
    label: '1 second later',
    target: (t, d) => clampTo(d, t + SECOND_MS),
  },
  {
    keys: ['ArrowLeft', 'ArrowDown'],
    caps: ['←', '↓'],
    label: '1 second earlier',
    target: (t, d) => clampTo(d, t - SECOND_MS),
  },
  {
    keys: ['PageUp'],
    caps: ['Page Up'],
    label: '1 minute later',
    target: (t, d) => clampTo(d, t + MINUTE_MS),
  },
  {
    keys: ['PageDown'],
    caps: ['Page Down'],
    label: '1 minute earlier',
    target: (t, d) => clampTo(d, t - MINUTE_MS),
  },
  { keys: ['Home'], caps: ['Home'], label: 'Start of the run', target: () => 0 },
  { keys: ['End'], caps: ['End'], label: 'End of the run', target: (_t, d) => d },
];

/** The shortcut of `scope` that `key` triggers, if any. */
export function shortcutFor(key: string, scope: ShortcutScope): Shortcut | undefined {
  return SHORTCUTS.find((s) => s.scope === scope && s.keys.includes(key));
}

export function scrubberKeyFor(key: string): ScrubberKey | undefined {
  return SCRUBBER_KEYS.find((s) => s.keys.includes(key));
}
