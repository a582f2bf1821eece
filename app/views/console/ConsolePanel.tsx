// The router consoles: an IOS command line on every router, over the simulation at the cursor.
// A strip picks the router (it follows the router selected elsewhere, and selects it); the
// console below keeps one session per router until another scenario loads. Lines typed here
// act at the cursor like the topology's menu does: config, clear, write memory, reload, ping.

import { type ChangeEvent, useEffect, useId } from 'react';
import type { RouterView } from '../../sim/snapshot';
import { select } from '../../store/actions';
import { useSimStore } from '../../store/simStore';
import { formatTime } from '../../trace/formatText';
import { useViewFrame } from '../runContext';
import { ConsoleTerminal } from './ConsoleTerminal';
import { setActiveConsole, useConsoleStore } from './consoleSessions';
import './console.css';

/** Up to this many routers get a button each; more get a drop-down list. */
const STRIP_MAX = 8;

function pick(id: string): void {
  setActiveConsole(id);
  select({ kind: 'router', id });
}

function RouterPicker({ routers, activeId }: { routers: RouterView[]; activeId: string }) {
  const labelId = useId();
  if (routers.length > STRIP_MAX) {
    return (
      <div className="rc-picker">
        <label id={labelId} htmlFor={`${labelId}-select`} className="rc-picker-label">
          Console of
        </label>
        <select
          id={`${labelId}-select`}
          value={activeId}
          data-testid="console.picker"
          onChange={(event: ChangeEvent<HTMLSelectElement>) => pick(event.target.value)}
        >
          {routers.map((view) => (
            <option key={view.node} value={view.node}>
              {view.node}
            </option>
          ))}
        </select>
      </div>
    );
  }
  return (
    <fieldset className="rc-picker" data-testid="console.picker">
      <legend className="rc-picker-label">Console of</legend>
      <div className="rc-strip">
        {routers.map((view) => (
          <label
            key={view.node}
            className="rc-choice"
            data-active={view.node === activeId}
            data-testid={`console.pick.${view.node}`}
          >
            <input
              type="radio"
              name={labelId}
              value={view.node}
              checked={view.node === activeId}
              onChange={() => pick(view.node)}
            />
            <span className="rc-choice-name">{view.node}</span>
            {view.power === 'booting' && (
              <span className="rc-choice-power">
                <span aria-hidden="true"> ⟳</span> booting
              </span>
            )}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** No props: reads the stores. Place it where a wide terminal fits (80 columns at 16px). */
export function ConsolePanel() {
  const frame = useViewFrame();
  const run = useSimStore((s) => s.run);
  const selection = useSimStore((s) => s.selection);
  const active = useConsoleStore((s) => s.active);
  const headingId = useId();

  // The console follows the router selected in the topology or the router panels.
  useEffect(() => {
    if (selection?.kind === 'router') setActiveConsole(selection.id);
  }, [selection]);

  if (!frame || !run) return <section className="rc-panel" aria-label="Router console" />;
  const routers = frame.routers;
  const view = routers.find((candidate) => candidate.node === active) ?? routers[0];

  return (
    <section className="rc-panel" aria-labelledby={headingId} data-testid="console">
      <div className="rc-head">
        <h2 id={headingId} className="rc-title">
          Console
        </h2>
        {view && <RouterPicker routers={routers} activeId={view.node} />}
        <span className="rc-at" data-testid="console.at">
          at {formatTime(frame.atMs)}
        </span>
      </div>
      {view ? (
        <ConsoleTerminal key={view.node} run={run} view={view} />
      ) : (
        <p className="rc-none">This scenario has no router.</p>
      )}
    </section>
  );
}
