// Global keyboard shortcuts, as SHORTCUTS (shortcuts.ts) lists them.

import { useEffect } from 'react';
import { useSimStore } from '../store/simStore';
import { focusClaimsKey } from './focusClaims';
import { shortcutFor } from './shortcuts';

/**
 * Listens on the window: page shortcuts act unless a modifier (Ctrl, Alt, Meta) is held, the
 * focused element uses the key itself (a text field, the timeline slider's arrows, Space on a
 * button), or the shortcuts dialog is open (then only the dialog's keys act).
 */
export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
      if (event.isComposing) return;
      const scope = useSimStore.getState().shortcutsOpen ? 'dialog' : 'page';
      const shortcut = shortcutFor(event.key, scope);
      if (!shortcut) return;
      const focused = event.target instanceof Element ? event.target : document.activeElement;
      if (scope === 'page' && focusClaimsKey(event.key, focused)) return;
      event.preventDefault();
      shortcut.run();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
