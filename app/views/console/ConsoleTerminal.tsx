// One router's console: the scrolling terminal (a log region) and the command line under it.
// Follows the newest line unless the user has scrolled up to read.

import { type MouseEvent, memo, useLayoutEffect, useRef } from 'react';
import type { Run } from '../../sim/run';
import type { RouterView } from '../../sim/snapshot';
import { simplifiedNote } from '../log/fidelity';
import { ConsoleInput } from './ConsoleInput';
import type { TerminalLine } from './transcript';
import { type RunningPing, useConsoleView } from './useConsoleView';

/** Within this many pixels of the bottom, the terminal counts as following. */
const BOTTOM_SLACK_PX = 24;

const KIND_CLASS: Record<Exclude<TerminalLine['kind'], 'syslog'>, string> = {
  echo: 'rc-echo',
  output: 'rc-out',
  debug: 'rc-debug',
  note: 'rc-note',
};

function lineClass(line: TerminalLine): string {
  if (line.kind !== 'syslog') return `rc-line ${KIND_CLASS[line.kind]}`;
  const severity = line.severity ?? 6;
  const level = severity <= 3 ? 'error' : severity === 4 ? 'warn' : 'notice';
  return `rc-line rc-syslog rc-${level}`;
}

/** The IOS text after the timestamp, for the fidelity lookup. */
function messageOf(text: string): string {
  const at = text.indexOf(': ');
  return at < 0 ? text : text.slice(at + 2);
}

function sameLine(a: { line: TerminalLine }, b: { line: TerminalLine }): boolean {
  return (
    a.line === b.line ||
    (a.line.kind === b.line.kind &&
      a.line.text === b.line.text &&
      a.line.severity === b.line.severity)
  );
}

/** One terminal line; unchanged lines are not rendered again as the console grows. */
const Line = memo(function Line({ line }: { line: TerminalLine }) {
  const simplified =
    line.kind === 'syslog' || line.kind === 'debug' ? simplifiedNote(messageOf(line.text)) : null;
  return (
    <div className={lineClass(line)} data-kind={line.kind}>
      {line.text === '' ? '\u00a0' : line.text}
      {simplified !== null && (
        <span className="rc-simplified" title={simplified}>
          <span aria-hidden="true"> ≈</span>
          <span className="visually-hidden"> (simplified wording: {simplified})</span>
        </span>
      )}
    </div>
  );
}, sameLine);

function PingStatus({ running }: { running: RunningPing }) {
  const { ping, marks } = running;
  return (
    <p className="rc-status" data-testid="console.ping-status">
      Pinging {ping.dst} from {ping.src}: <span className="rc-marks">{marks.join('') || '…'}</span>{' '}
      ({marks.length} of {ping.repeat}). The prompt returns when it ends: press Play or step
      forward; <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>6</kbd> aborts it.
    </p>
  );
}

export function ConsoleTerminal({ run, view }: { run: Run; view: RouterView }) {
  const node = view.node;
  const { transcript, promptText, booting, runningPing } = useConsoleView(run, view);
  const scroller = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const inputRow = useRef<HTMLDivElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll when the lines change
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && following.current) el.scrollTop = el.scrollHeight;
  }, [transcript.lines]);

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    following.current = el.scrollTop + el.clientHeight >= el.scrollHeight - BOTTOM_SLACK_PX;
  };

  /** A click in the terminal types at the prompt, unless it selected text to copy. */
  const onClick = (event: MouseEvent) => {
    if ((window.getSelection()?.toString() ?? '') !== '') return;
    if (event.target instanceof HTMLInputElement) return;
    inputRow.current?.querySelector('input')?.focus();
  };

  const debugOn = [
    transcript.debug.isakmp ? 'debug crypto isakmp' : null,
    transcript.debug.ipsec ? 'debug crypto ipsec' : null,
  ].filter((flag) => flag !== null);

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the click only moves focus to the input, which the keyboard reaches with Tab
    // biome-ignore lint/a11y/noStaticElementInteractions: see above
    <div className="rc-terminal" data-testid={`console.${node}`} onClick={onClick}>
      <div
        ref={scroller}
        className="rc-screen"
        role="log"
        aria-live="polite"
        aria-label={`${node} console output`}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
        tabIndex={0}
        onScroll={onScroll}
        data-testid="console.output"
        data-lines={transcript.lines.length}
      >
        {transcript.lines.length === 0 && (
          <p className="rc-empty">
            {node}'s console. Type IOS commands below: <kbd>?</kbd> lists what may come next,{' '}
            <kbd>Tab</kbd> completes a word, <kbd>↑</kbd>/<kbd>↓</kbd> recall, <kbd>Ctrl</kbd>+
            <kbd>Z</kbd> leaves config mode. Log lines appear here as the cursor passes them.
          </p>
        )}
        {transcript.lines.map((line, index) => (
          // Lines only grow at the end or are replaced wholesale: the index is their identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Line key={index} line={line} />
        ))}
      </div>
      <div ref={inputRow}>
        <ConsoleInput
          key={node}
          node={node}
          promptText={promptText}
          booting={booting}
          held={runningPing !== null}
          onTyped={() => {
            following.current = true;
          }}
        />
      </div>
      {(runningPing || debugOn.length > 0) && (
        <div className="rc-status-row">
          {runningPing && <PingStatus running={runningPing} />}
          {debugOn.length > 0 && (
            <p className="rc-status" data-testid="console.debug">
              <span aria-hidden="true">◉ </span>
              {debugOn.join(' and ')} on: debug lines print as the cursor passes them (
              <code>undebug all</code> stops them)
            </p>
          )}
        </div>
      )}
    </div>
  );
}
