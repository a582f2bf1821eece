// The router's machine changes with the peer over time: when, which machine, from which state
// to which, on what. Each row seeks there; the row of the change in force at the cursor is
// marked. Only the rows around the cursor are drawn (a day of DPD probes is thousands). Folded,
// the list is one line: the change in force at the cursor, so that a short stage keeps its room
// for the chart.

import { type ReactNode, useEffect, useRef } from 'react';
import type { MachineStep } from '../../sim/derived/machineStates';
import { type ChartMachineId, delayWords } from '../../sim/machines/chartLabels';
import { seek } from '../../store/actions';
import { formatTime } from '../../trace/formatText';

const ROWS_AROUND = 40;

const MACHINE_NAMES: Record<MachineStep['machine'], string> = {
  ike: 'IKE SA',
  ipsec: 'IPsec SA',
  dpd: 'Liveness',
  hsrp: 'HSRP',
};

/** The innermost state names of a list of active paths: "active.lifetime.fresh" → "fresh". */
function leafNames(active: readonly string[] | null): string {
  if (!active) return 'start';
  return active.map((path) => path.slice(path.lastIndexOf('.') + 1)).join(' · ');
}

const CHART_OF: Record<MachineStep['machine'], ChartMachineId> = {
  ike: 'ike',
  ipsec: 'ipsec',
  dpd: 'liveness',
  hsrp: 'hsrp',
};

/** The step's event in words: "recv MM2" → "MM2 received", a timer by its delay's words. */
export function eventText(step: MachineStep): string {
  if (step.event === undefined) return 'router reloaded';
  const [type = '', msg] = step.event.split(' ');
  if (type === 'recv' && msg) return `${msg} received`;
  const after = /^xstate\.after\.([^.]+)\./.exec(type);
  if (after) {
    const delay = after[1] ?? '';
    return `after ${delayWords(CHART_OF[step.machine], /^\d+$/.test(delay) ? Number(delay) : delay)}`;
  }
  if (type === 'xstate.init') return 'started';
  return type;
}

/** Index of the last step at or before t, or -1. */
function currentIndex(steps: readonly MachineStep[], t: number): number {
  let index = -1;
  for (let i = 0; i < steps.length && (steps[i] as MachineStep).atMs <= t; i++) index = i;
  return index;
}

/** "MM_KEY_AUTH → QM_IDLE" of a step. */
function change(step: MachineStep): ReactNode {
  return (
    <>
      {leafNames(step.from)} → <strong>{leafNames(step.active)}</strong>
    </>
  );
}

function machineName(step: MachineStep): string {
  return `${MACHINE_NAMES[step.machine]}${step.instance ? ` #${step.instance}` : ''}`;
}

function SeekButton({ atMs }: { atMs: number }) {
  return (
    <button type="button" onClick={() => seek(atMs)}>
      {formatTime(atMs)}
    </button>
  );
}

/** The transitions: the table when `open`, else the change in force at t on one line. */
export function StepList({
  steps,
  t,
  open,
  onOpen,
}: {
  steps: readonly MachineStep[];
  t: number;
  open: boolean;
  onOpen: (open: boolean) => void;
}) {
  const at = currentIndex(steps, t);
  const latest = steps[at];
  const toggle = (
    <button
      type="button"
      className="statechart-steps-toggle"
      aria-expanded={open}
      onClick={() => onOpen(!open)}
    >
      {open ? '▾' : '▸'} Transitions
    </button>
  );
  if (!open) {
    return (
      <div className="statechart-steps statechart-steps-folded" data-testid="statechart.latest">
        {toggle}{' '}
        {latest ? (
          <span>
            <SeekButton atMs={latest.atMs} /> {machineName(latest)} {change(latest)} ·{' '}
            {eventText(latest)}
          </span>
        ) : (
          <span className="statechart-peer">none yet</span>
        )}
      </div>
    );
  }
  return <StepTable steps={steps} at={at} toggle={toggle} />;
}

function StepTable({
  steps,
  at,
  toggle,
}: {
  steps: readonly MachineStep[];
  at: number;
  toggle: ReactNode;
}) {
  const first = Math.max(0, at - ROWS_AROUND);
  const rows = steps.slice(first, at + ROWS_AROUND + 1);
  const currentRef = useRef<HTMLTableRowElement | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the cursor's row when it changes.
  useEffect(() => {
    currentRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [at]);
  return (
    <div className="statechart-steps statechart-steps-open">
      <div className="statechart-steps-head">
        {toggle} with this peer{first > 0 ? ` (${first} earlier)` : ''}
      </div>
      <div className="statechart-steps-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Machine</th>
              <th scope="col">From → to</th>
              <th scope="col">Event</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((step, i) => {
              const index = first + i;
              const isCurrent = index === at;
              return (
                <tr
                  key={`${step.atMs}|${step.machine}|${step.instance}|${index}`}
                  ref={isCurrent ? currentRef : undefined}
                  className={index > at ? 'sc-future' : isCurrent ? 'sc-current' : undefined}
                  aria-current={isCurrent ? 'true' : undefined}
                  data-at-ms={step.atMs}
                >
                  <td>
                    <SeekButton atMs={step.atMs} />
                  </td>
                  <td>{machineName(step)}</td>
                  <td>{change(step)}</td>
                  <td>{eventText(step)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
