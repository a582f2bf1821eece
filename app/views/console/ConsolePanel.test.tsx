// @vitest-environment jsdom
// The console over a real run of the black hole: typing, `?`, Tab, history, Ctrl-Z, and lines
// typed on R2 that change the scenario at the cursor. React's act() and DOM events only.

import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPreset, seek } from '../../store/actions';
import { INITIAL_STATE, useSimStore } from '../../store/simStore';
import { ConsolePanel } from './ConsolePanel';
import { INITIAL_CONSOLES, useConsoleStore } from './consoleSessions';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;

const state = () => useSimStore.getState();

function byTestId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = container.querySelector<T>(`[data-testid="${id}"]`);
  if (!element) throw new Error(`no element with data-testid="${id}"`);
  return element;
}

const input = () => byTestId<HTMLInputElement>('console.input');
const output = () => byTestId('console.output').textContent ?? '';
const outputLines = () =>
  [...byTestId('console.output').querySelectorAll('.rc-line')].map((line) => line.textContent);

function setValue(value: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  act(() => {
    input().focus();
    setter?.call(input(), value);
    input().dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function press(key: string, init: KeyboardEventInit = {}): void {
  act(() => {
    input().dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, ...init }));
  });
}

function type(...lines: string[]): void {
  for (const line of lines) {
    setValue(line);
    press('Enter');
  }
}

function pickRouter(node: string): void {
  const radio = byTestId(`console.pick.${node}`).querySelector('input');
  act(() => radio?.click());
}

/** Answered pings of the preset's LAN flow after `afterMs`. */
function lanRepliesAfter(afterMs: number): number {
  return (state().run?.records ?? []).filter(
    (r) => r.kind === 'ping' && r.flow === 'lan1-to-lan2' && r.result === 'ok' && r.atMs > afterMs,
  ).length;
}

beforeEach(() => {
  useSimStore.setState(INITIAL_STATE, true);
  useConsoleStore.setState(INITIAL_CONSOLES, true);
  loadPreset('reload-black-hole');
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() => root.render(<ConsolePanel />));
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe('ConsolePanel', () => {
  it('is a labelled input under a log region, on the first router', () => {
    expect(byTestId('console.R1')).toBeTruthy();
    expect(byTestId('console.output').getAttribute('role')).toBe('log');
    expect(byTestId('console.output').getAttribute('aria-live')).toBe('polite');
    const label = container.querySelector(`label[for="${input().id}"]`);
    expect(label?.textContent).toBe('R1 console');
    expect(byTestId('console.prompt').textContent).toBe('R1#');
  });

  it('shows the ISAKMP SA table for `sh cry isa sa`', () => {
    act(() => seek(60_000));
    pickRouter('R2');
    expect(byTestId('console.R2')).toBeTruthy();
    type('sh cry isa sa');
    expect(outputLines()).toContain('R2#sh cry isa sa');
    expect(output()).toContain('20.1.1.2        10.1.1.1        QM_IDLE');
    expect(input().value).toBe('');
  });

  it('lists the commands on `?` without RETURN, keeping the line', () => {
    press('?');
    expect(outputLines()[0]).toBe('R1#?');
    expect(output()).toMatch(/show\s+Show running system information/);
    setValue('sh cry');
    press('?');
    expect(outputLines()).toContain('R1#sh cry?');
    expect(input().value).toBe('sh cry');
  });

  it('completes a word on Tab and recalls lines with Up and Down', () => {
    setValue('sh');
    press('Tab');
    expect(input().value).toBe('show ');
    type('show clock', 'show version');
    setValue('sh ip');
    press('ArrowUp');
    expect(input().value).toBe('show version');
    press('ArrowUp');
    expect(input().value).toBe('show clock');
    press('ArrowDown');
    press('ArrowDown');
    expect(input().value).toBe('sh ip');
  });

  it('Ctrl-Z leaves configuration mode', () => {
    type('conf t');
    expect(byTestId('console.prompt').textContent).toBe('R1(config)#');
    press('z', { ctrlKey: true });
    expect(byTestId('console.prompt').textContent).toBe('R1#');
    expect(outputLines()).toContain('R1(config)#^Z');
    expect(output()).toContain('%SYS-5-CONFIG_I: Configured from console by console');
  });

  it('shows the new hostname in the prompt after `hostname`', () => {
    act(() => seek(30_000));
    type('conf t', 'hostname LAB1');
    expect(byTestId('console.prompt').textContent).toBe('LAB1(config)#');
    type('end');
    expect(byTestId('console.prompt').textContent).toBe('LAB1#');
  });

  it('invalid-spi-recovery typed on R2 after its reload closes the black hole at the cursor', () => {
    act(() => seek(200_000));
    pickRouter('R2');
    expect(lanRepliesAfter(200_000)).toBe(0);
    type('conf t', 'crypto isakmp invalid-spi-recovery', 'end');
    expect(state().t).toBe(200_000);
    expect(state().document?.timeline).toContainEqual({
      atMs: 200_000,
      action: 'config',
      node: 'R2',
      lines: ['crypto isakmp invalid-spi-recovery'],
    });
    expect(lanRepliesAfter(200_000)).toBeGreaterThan(0);
    type('sh run | i invalid');
    expect(outputLines()).toContain('crypto isakmp invalid-spi-recovery');
  });

  it('typed before the reload it helps only once saved, as on a router', () => {
    act(() => seek(60_000));
    pickRouter('R2');
    type('conf t', 'crypto isakmp invalid-spi-recovery', 'end');
    expect(lanRepliesAfter(150_000)).toBe(0);
    type('write memory');
    expect(state().document?.timeline).toContainEqual({
      atMs: 60_000,
      action: 'exec',
      node: 'R2',
      command: 'write memory',
    });
    expect(lanRepliesAfter(150_000)).toBeGreaterThan(0);
  });

  it('prints log lines as the cursor passes them, debug lines while debugging', () => {
    act(() => seek(4_000));
    type('debug crypto isakmp');
    expect(byTestId('console.debug').textContent).toContain('debug crypto isakmp');
    act(() => seek(6_000));
    expect(output()).toContain('ISAKMP:(0): beginning Main Mode exchange');
    expect(output()).toContain('%CRYPTO-5-SESSION_STATUS: Crypto tunnel is UP');
    expect(output()).not.toContain('IPSEC(');
    const count = outputLines().length;
    act(() => seek(3_000));
    act(() => seek(6_000));
    expect(outputLines()).toHaveLength(count);
  });

  it('prints the ping header at once and the result when the cursor gets there', () => {
    act(() => seek(60_000));
    type('ping 192.168.2.10 source fa0/1 repeat 3');
    expect(outputLines()).toContain(
      'Sending 3, 100-byte ICMP Echos to 192.168.2.10, timeout is 2 seconds:',
    );
    expect(outputLines()).toContain('Packet sent with a source address of 192.168.1.1');
    expect(output()).not.toContain('Success rate');
    expect(byTestId('console.ping-status').textContent).toContain('Pinging 192.168.2.10');
    act(() => seek(70_000));
    expect(outputLines()).toContain('!!!');
    expect(output()).toMatch(/Success rate is 100 percent \(3\/3\), round-trip min\/avg\/max = /);
  });

  it('holds the prompt while the ping runs, prints its marks in place, and Ctrl+Shift+6 aborts it', () => {
    // After R2's reload at 2:00 the echoes die: one `.` per 2 s timeout.
    act(() => seek(125_000));
    type('ping 192.168.2.10 source fa0/1');
    expect(byTestId('console.prompt').textContent).toBe('');
    expect(input().readOnly).toBe(true);
    act(() => seek(129_500));
    expect(outputLines().at(-1)).toBe('..');
    // A line typed meanwhile is not run.
    type('show clock');
    expect(outputLines()).not.toContain('show clock');
    press('^', { ctrlKey: true, shiftKey: true, code: 'Digit6' });
    expect(outputLines().slice(-2)).toEqual(['..', 'Success rate is 0 percent (0/2)']);
    expect(byTestId('console.prompt').textContent).toBe('R1#');
    expect(input().readOnly).toBe(false);
    // The flow stops at the abort: the scenario sends no echo of it after 129.5 s.
    const flow = state().document?.traffic?.find((f) => f.id.startsWith('console-R1-'));
    expect(flow?.stopMs).toBe(129_500);
  });

  it('reload asks, then reloads the router at the cursor; the console waits for the boot', () => {
    act(() => seek(30_000));
    type('conf t', 'crypto isakmp keepalive 10', 'end', 'reload');
    expect(byTestId('console.prompt').textContent).toBe(
      'System configuration has been modified. Save? [yes/no]: ',
    );
    type('no');
    expect(byTestId('console.prompt').textContent).toBe('Proceed with reload? [confirm]');
    type('');
    expect(state().document?.timeline).toContainEqual({
      atMs: 30_000,
      action: 'reload',
      node: 'R1',
    });
    expect(output()).toContain('%SYS-5-RELOAD: Reload requested by console.');
    expect(byTestId('console.prompt').textContent).toBe('R1 is booting…');
    type('show clock');
    expect(output()).toContain('R1 is booting: IOS is not up yet, "show clock" was not run');
    act(() => seek(61_000));
    expect(output()).toContain('Press RETURN to get started!');
    expect(byTestId('console.prompt').textContent).toBe('R1#');
    // The unsaved keepalive line is gone with the reload.
    type('sh run | i keepalive');
    expect(outputLines().at(-1)).toBe('R1#sh run | i keepalive');
  });

  it('starts afresh when another scenario loads', () => {
    type('show clock');
    expect(outputLines().length).toBeGreaterThan(0);
    act(() => {
      loadPreset('baseline');
    });
    expect(container.querySelectorAll('.rc-line')).toHaveLength(0);
  });
});
