// The keyboard shortcuts help: a modal <dialog> (focus moves in and is trapped by the browser,
// Escape closes, focus goes back to where it was), listing SHORTCUTS and SCRUBBER_KEYS, and first
// the keys of the screen on show when it has its own (a lesson's).

import { useId } from 'react';
import { setShortcutsOpen } from '../store/actions';
import { useSimStore } from '../store/simStore';
import { useModalDialog } from '../ui/useModalDialog';
import { REDUCED_MOTION_STEP_WALL_MS } from './pacing';
import { SCRUBBER_KEYS, SHORTCUTS } from './shortcuts';

/** A row of the help: the keycaps, and what they do. */
interface KeyRow {
  caps: readonly string[];
  label: string;
  testId?: string;
}

/** A screen's own keys, listed first; the page shortcuts they take over are left out. */
export interface ScreenKeys {
  /** The table's caption, e.g. "In this lesson". */
  caption: string;
  rows: readonly KeyRow[];
  /** Ids of the SHORTCUTS these keys take over on this screen. */
  replaces: readonly string[];
}

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

/** One captioned table of keys: keycaps, then what they do. */
function KeyTable({
  caption,
  rows,
  testId,
}: {
  caption: string;
  rows: readonly KeyRow[];
  testId?: string;
}) {
  return (
    <table className="shortcuts-table" data-testid={testId}>
      <caption>{caption}</caption>
      <tbody>
        {rows.map((row) => (
          <tr key={row.label} data-testid={row.testId}>
            <th scope="row">
              <Caps caps={row.caps} />
            </th>
            <td>{row.label}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ShortcutsDialog({ screenKeys }: { screenKeys?: ScreenKeys }) {
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
      className="modal-dialog shortcuts-dialog"
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
          {screenKeys && (
            <KeyTable
              caption={screenKeys.caption}
              rows={screenKeys.rows}
              testId="shortcuts.screen"
            />
          )}
          <KeyTable
            caption="Anywhere on the page (not while typing)"
            rows={SHORTCUTS.filter(
              (s) => s.scope === 'page' && !screenKeys?.replaces.includes(s.id),
            ).map((s) => ({ ...s, testId: `shortcut.${s.id}` }))}
          />
          <KeyTable caption="On the focused timeline" rows={SCRUBBER_KEYS} />
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
