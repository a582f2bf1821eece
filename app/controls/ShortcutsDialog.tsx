// The keyboard shortcuts help: a modal <dialog> (focus moves in and is trapped by the browser,
// Escape closes, focus goes back to where it was), listing SHORTCUTS and SCRUBBER_KEYS.

import { useId } from 'react';
import { setShortcutsOpen } from '../store/actions';
import { useSimStore } from '../store/simStore';
import { useModalDialog } from '../ui/useModalDialog';
import { REDUCED_MOTION_STEP_WALL_MS } from './pacing';
import { SCRUBBER_KEYS, SHORTCUTS } from './shortcuts';

function Caps({ caps }: { caps: readonly string[] }) {
  return (
    <span className="caps">
      {caps.map((cap, i) => (
        <span key={cap}>
          {i > 0 && <span className="caps-or"> or </span>}
          <kbd>{cap}</kbd>
        </span>
      ))}
    </span>
  );
}

export function ShortcutsDialog() {
  const open = useSimStore((s) => s.shortcutsOpen);
  const { ref, restoreFocus } = useModalDialog(open);
  const titleId = useId();

  const onClose = () => {
    setShortcutsOpen(false);
    restoreFocus();
  };

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the backdrop click is a mouse extra; Escape and the Close button close it from the keyboard.
    <dialog
      ref={ref}
      className="shortcuts-dialog"
      aria-labelledby={titleId}
      data-testid="shortcuts.dialog"
      onClose={onClose}
      onClick={(event) => {
        if (event.target === event.currentTarget) setShortcutsOpen(false);
      }}
    >
      <div className="shortcuts-body">
        <h2 id={titleId} className="shortcuts-title">
          Keyboard shortcuts
        </h2>
        <div className="shortcuts-grid">
          <table className="shortcuts-table">
            <caption>Anywhere on the page (not while typing)</caption>
            <tbody>
              {SHORTCUTS.filter((s) => s.scope === 'page').map((s) => (
                <tr key={s.id} data-testid={`shortcut.${s.id}`}>
                  <th scope="row">
                    <Caps caps={s.caps} />
                  </th>
                  <td>{s.label}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="shortcuts-table">
            <caption>On the focused timeline</caption>
            <tbody>
              {SCRUBBER_KEYS.map((s) => (
                <tr key={s.label}>
                  <th scope="row">
                    <Caps caps={s.caps} />
                  </th>
                  <td>{s.label}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="shortcuts-note">
          With “reduce motion” set in the system, playing jumps from event to event every{' '}
          {REDUCED_MOTION_STEP_WALL_MS / 1000} s instead of moving continuously.
        </p>
        <div className="shortcuts-actions">
          <button
            type="button"
            className="pb-button"
            // biome-ignore lint/a11y/noAutofocus: a modal dialog puts focus on its close button.
            autoFocus
            onClick={() => setShortcutsOpen(false)}
          >
            Close <kbd>Esc</kbd>
          </button>
        </div>
      </div>
    </dialog>
  );
}
