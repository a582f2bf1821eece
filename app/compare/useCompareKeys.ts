// The compare screen's keyboard: Space play/pause, ← → step between events of either run,
// [ ] slower/faster, Home/End. Listens on the window in the capture phase and marks the events
// it handles (preventDefault), so that the studio's page shortcuts, which skip handled events,
// never act on the hidden studio while the compare screen is shown.

import { useEffect, useRef } from 'react';
import { focusClaimsKey } from '../controls/focusClaims';
import type { PairPlayback } from './pairPlayback';

export function useCompareKeys(playback: PairPlayback): void {
  const latest = useRef(playback);
  latest.current = playback;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
      if (event.isComposing) return;
      const focused = event.target instanceof Element ? event.target : document.activeElement;
      if (focusClaimsKey(event.key, focused)) return;
      const action = actionFor(event.key, latest.current);
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, []);
}

/** What a key does on the compare screen, or null for keys it leaves alone. */
function actionFor(key: string, p: PairPlayback): (() => void) | null {
  switch (key) {
    case ' ':
      return p.togglePlay;
    case 'ArrowRight':
      return p.stepForward;
    case 'ArrowLeft':
      return p.stepBack;
    case ']':
      return p.faster;
    case '[':
      return p.slower;
    case 'Home':
      return () => p.seek(0);
    case 'End':
      return () => p.seek(p.durationMs());
    default:
      return null;
  }
}
