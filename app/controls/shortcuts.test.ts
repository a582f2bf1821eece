import { beforeEach, describe, expect, it } from 'vitest';
import { loadPreset } from '../store/actions';
import { SPEEDS } from '../store/navigation';
import { INITIAL_STATE, useSimStore } from '../store/simStore';
import { SCRUBBER_KEYS, SHORTCUTS, scrubberKeyFor, shortcutFor } from './shortcuts';
import { useTimelineZoom, ZOOM_LEVELS } from './timelineZoom';

const state = useSimStore.getState;

describe('SHORTCUTS', () => {
  it('gives every shortcut an id, a label and keycaps, and no key two actions', () => {
    const ids = new Set(SHORTCUTS.map((s) => s.id));
    expect(ids.size).toBe(SHORTCUTS.length);
    for (const scope of ['page', 'dialog'] as const) {
      const keys = SHORTCUTS.filter((s) => s.scope === scope).flatMap((s) => s.keys);
      expect(new Set(keys).size, scope).toBe(keys.length);
    }
    for (const s of SHORTCUTS) {
      expect(s.label.length, s.id).toBeGreaterThan(3);
      expect(s.caps.length, s.id).toBeGreaterThan(0);
      expect(s.keys.length, s.id).toBeGreaterThan(0);
    }
  });

  it('has the keys the brief promises', () => {
    expect(shortcutFor(' ', 'page')?.id).toBe('play');
    expect(shortcutFor('ArrowRight', 'page')?.id).toBe('step-forward');
    expect(shortcutFor('ArrowLeft', 'page')?.id).toBe('step-back');
    expect(shortcutFor(']', 'page')?.id).toBe('faster');
    expect(shortcutFor('[', 'page')?.id).toBe('slower');
    expect(shortcutFor('a', 'page')?.id).toBe('adaptive');
    expect(shortcutFor('?', 'page')?.id).toBe('help');
    expect(shortcutFor('.', 'page')?.id).toBe('next-key-moment');
    expect(shortcutFor(',', 'page')?.id).toBe('previous-key-moment');
    expect(shortcutFor('Escape', 'dialog')?.id).toBe('close-help');
    // Page keys do nothing while the dialog is open.
    expect(shortcutFor(' ', 'dialog')).toBeUndefined();
    expect(shortcutFor('x', 'page')).toBeUndefined();
  });

  describe('actions, on the black-hole run', () => {
    beforeEach(() => {
      useSimStore.setState(INITIAL_STATE);
      useTimelineZoom.setState({ level: 0 });
      expect(loadPreset('reload-black-hole')).toBe(true);
    });
    const press = (key: string, scope: 'page' | 'dialog' = 'page') => {
      const shortcut = shortcutFor(key, scope);
      if (!shortcut) throw new Error(`no shortcut for ${key}`);
      shortcut.run();
    };

    it('steps to the next and previous events', () => {
      press('ArrowRight');
      expect(state().t).toBe(5000);
      press('ArrowRight');
      expect(state().t).toBe(5020);
      press('ArrowLeft');
      expect(state().t).toBe(5000);
    });

    it('plays and pauses, changes the speed, toggles adaptive, opens and closes the help', () => {
      press(' ');
      expect(state().playing).toBe(true);
      press(' ');
      expect(state().playing).toBe(false);
      const speed = state().speed;
      press(']');
      expect(state().speed).toBe(SPEEDS[SPEEDS.indexOf(speed as (typeof SPEEDS)[number]) + 1]);
      press('[');
      press('[');
      expect(state().speed).toBeLessThan(speed);
      const adaptive = state().adaptive;
      press('a');
      expect(state().adaptive).toBe(!adaptive);
      press('A');
      expect(state().adaptive).toBe(adaptive);
      press('?');
      expect(state().shortcutsOpen).toBe(true);
      press('Escape', 'dialog');
      expect(state().shortcutsOpen).toBe(false);
    });

    it('zooms the timeline in and out within its levels', () => {
      for (let i = 0; i < ZOOM_LEVELS.length + 2; i++) press('+');
      expect(useTimelineZoom.getState().level).toBe(ZOOM_LEVELS.length - 1);
      for (let i = 0; i < ZOOM_LEVELS.length + 2; i++) press('-');
      expect(useTimelineZoom.getState().level).toBe(0);
    });
  });
});

describe('SCRUBBER_KEYS', () => {
  const at = (key: string, t: number, durationMs = 900_000) => {
    const entry = scrubberKeyFor(key);
    if (!entry) throw new Error(`no scrubber key ${key}`);
    return entry.target(t, durationMs);
  };

  it('moves ±1 s, ±1 min, to the start and the end, clamped to the run', () => {
    expect(at('ArrowRight', 10_000)).toBe(11_000);
    expect(at('ArrowUp', 10_000)).toBe(11_000);
    expect(at('ArrowLeft', 10_000)).toBe(9_000);
    expect(at('ArrowLeft', 400)).toBe(0);
    expect(at('PageUp', 10_000)).toBe(70_000);
    expect(at('PageDown', 10_000)).toBe(0);
    expect(at('PageUp', 899_000)).toBe(900_000);
    expect(at('Home', 500_000)).toBe(0);
    expect(at('End', 5)).toBe(900_000);
    expect(scrubberKeyFor(' ')).toBeUndefined();
  });

  it('labels every key', () => {
    for (const s of SCRUBBER_KEYS) expect(s.label).toMatch(/\w/);
  });
});
