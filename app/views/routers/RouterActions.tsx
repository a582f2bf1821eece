// Things an instructor does to a router now: each adds an entry at the cursor and re-runs the
// scenario (inject), so the consequence plays from here.

import type { ExecCommand } from '../../scenario/types';
import { inject } from '../../store/actions';
import { CursorTime } from './CursorTime';

const COMMANDS: readonly ExecCommand[] = ['clear crypto sa', 'clear crypto isakmp', 'write memory'];

export function RouterActions({ router, booting }: { router: string; booting: boolean }) {
  return (
    <div className="rp-actions" data-testid={`actions.${router}`}>
      <p className="rp-actions-title">
        Do it now, at <CursorTime />
        {booting && <span className="rp-muted"> ({router} is reloading: wait until it is up)</span>}
      </p>
      <div className="rp-action-buttons">
        <button
          type="button"
          className="rp-button rp-button-danger"
          aria-label={`Reload ${router} now`}
          disabled={booting}
          onClick={() => inject({ action: 'reload', node: router })}
        >
          <span aria-hidden="true">⟳ </span>Reload
        </button>
        {COMMANDS.map((command) => (
          <button
            key={command}
            type="button"
            className="rp-button rp-mono"
            aria-label={`${command} on ${router} now`}
            disabled={booting}
            onClick={() => inject({ action: 'exec', node: router, command })}
          >
            {command}
          </button>
        ))}
      </div>
    </div>
  );
}
