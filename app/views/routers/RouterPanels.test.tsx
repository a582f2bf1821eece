// @vitest-environment jsdom
// The router panels over a real run: the black hole as R1 and R2 see it, and a remedy toggle
// that edits R2's startup-config. React's own act() and DOM events (no extra test library).

import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findPreset } from '../../scenario/presets';
import { formatSpi } from '../../sim/trace';
import { loadDocument, loadPreset, seek, select } from '../../store/actions';
import { applyConsoleEffects } from '../../store/consoleActions';
import { INITIAL_STATE, useSimStore } from '../../store/simStore';
import { ConfigView } from './ConfigView';
import { RouterPanels } from './RouterPanels';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;

/** Draws the panels, then lets the selected router's details arrive (they load on demand). */
async function render(): Promise<void> {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root.render(<RouterPanels />));
  await act(() => import('./RouterDetails'));
}

function byTestId(id: string): HTMLElement {
  const element = container.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  if (!element) throw new Error(`no element with data-testid="${id}"`);
  return element;
}

function setInput(input: HTMLInputElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  act(() => {
    input.focus();
    setter?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  act(() => input.blur());
}

/** R1's current outbound SPI at the cursor, from the run itself. */
function r1OutboundSpi(): string {
  const { run, t } = useSimStore.getState();
  const snapshots = run?.snapshots.get('R1') ?? [];
  const last = [...snapshots].reverse().find((s) => s.atMs <= t);
  return formatSpi(last?.view.ipsec[0]?.currentOutboundSpi ?? 0);
}

beforeEach(() => {
  useSimStore.setState(INITIAL_STATE, true);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe('RouterPanels on the black hole', () => {
  beforeEach(async () => {
    loadPreset('reload-black-hole');
    seek(200_000);
    await render();
  });

  it('shows R1 healthy-looking and flags the SPI R2 does not know', () => {
    expect(byTestId('state.R1.R2.ike').dataset.state).toBe('QM_IDLE');
    expect(byTestId('state.R1.R2.ipsec').dataset.state).toBe('active');
    expect(byTestId('state.R1.R2.dpd').dataset.state).toBe('off');
    const spi = r1OutboundSpi();
    expect(spi).not.toBe('0x00000000');
    const warning = byTestId('mismatch.R1');
    expect(warning.textContent).toContain(`R1 encrypts with ${spi}, which R2 does not know`);
    expect(warning.dataset.spi).toBe(spi);
    expect(warning.dataset.peer).toBe('R2');
    // The same SPI is flagged in R1's SA table.
    const cell = byTestId('panel.R1').querySelector(`td[data-spi="${spi}"]`);
    expect(cell?.getAttribute('data-unknown-to-peer')).toBe('true');
  });

  it('shows R2 with no SA at all, and no warning of its own', () => {
    expect(byTestId('state.R2.R1.ike').dataset.state).toBe('none');
    expect(byTestId('state.R2.R1.ipsec').dataset.state).toBe('none');
    expect(byTestId('no-sa.R2').dataset.saCount).toBe('0');
    expect(byTestId('panel.R2').querySelectorAll('td[data-spi]')).toHaveLength(0);
    expect(container.querySelector('[data-testid="mismatch.R2"]')).toBeNull();
  });

  it('counts lifetimes down with the cursor', () => {
    const lifetime = () =>
      Number(byTestId('panel.R1').querySelector('td[data-seconds]')?.getAttribute('data-seconds'));
    const before = lifetime();
    act(() => seek(210_000));
    expect(lifetime()).toBe(before - 10);
  });

  it('turns invalid-SPI recovery on for R2: the config gains the line, marked +, cursor kept', () => {
    act(() => byTestId('router-tab.R2').click());
    expect(useSimStore.getState().selection).toEqual({ kind: 'router', id: 'R2' });
    const toggle = byTestId('feature.R2.invalid-spi-recovery') as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    expect(byTestId('verdict.R2.invalid-spi-recovery').dataset.verdict).toBe('yes');
    act(() => toggle.click());

    expect((byTestId('feature.R2.invalid-spi-recovery') as HTMLInputElement).checked).toBe(true);
    expect(useSimStore.getState().t).toBe(200_000);
    const added = [...byTestId('config.R2').querySelectorAll('[data-diff="added"]')];
    expect(added.map((line) => line.textContent)).toEqual([
      '+added: crypto isakmp invalid-spi-recovery',
    ]);
    expect(added[0]?.querySelector('ins')).not.toBeNull();
    expect(byTestId('config-changes.R2').dataset.added).toBe('1');
    // With recovery, R2 has rebuilt the tunnel by 200 s: R1's SPI is known again.
    expect(container.querySelector('[data-testid="mismatch.R1"]')).toBeNull();
    expect(byTestId('state.R2.R1.ike').dataset.state).toBe('QM_IDLE');
  });

  it('sets DPD on R1 with its parameters, refuses out-of-range values, and turns it off', () => {
    const toggle = byTestId('feature.R1.keepalive') as HTMLInputElement;
    act(() => toggle.click());
    const config = () => byTestId('config.R1');
    expect(config().querySelector('[data-diff="added"]')?.textContent).toContain(
      'crypto isakmp keepalive 60 2 on-demand',
    );
    setInput(byTestId('feature.R1.keepalive.seconds') as HTMLInputElement, '30');
    expect(config().querySelector('[data-diff="added"]')?.textContent).toContain(
      'crypto isakmp keepalive 30 2 on-demand',
    );
    // Out of range: refused in place, the config stays.
    const seconds = byTestId('feature.R1.keepalive.seconds') as HTMLInputElement;
    setInput(seconds, '5');
    expect(seconds.getAttribute('aria-invalid')).toBe('true');
    expect(config().querySelector('[data-diff="added"]')?.textContent).toContain('keepalive 30 2');

    act(() => (byTestId('feature.R1.keepalive') as HTMLInputElement).click());
    expect(config().querySelector('[data-diff="added"]')).toBeNull();
    expect(byTestId('config-changes.R1').dataset.added).toBe('0');
  });

  it('reloads R2 at the cursor from its button', () => {
    act(() => byTestId('router-tab.R2').click());
    const reload = container.querySelector<HTMLButtonElement>('button[aria-label="Reload R2 now"]');
    act(() => reload?.click());
    const timeline = useSimStore.getState().document?.timeline ?? [];
    expect(timeline).toContainEqual({ atMs: 200_000, action: 'reload', node: 'R2' });
    expect(byTestId('power.R2').textContent).toContain('reloading');
  });

  it('marks simplified behaviour with a reason', () => {
    const markers = [...container.querySelectorAll('[data-testid="simplified"]')];
    expect(markers.length).toBeGreaterThan(0);
    expect(markers.some((m) => /not documented|recalled/.test(m.textContent ?? ''))).toBe(true);
  });
});

describe('RouterPanels on a dynamic crypto map hub', () => {
  it('says why invalid-SPI recovery cannot help on the hub, yet lets it be configured', async () => {
    loadPreset('dynamic-map-hub-reload');
    await render();
    act(() => select({ kind: 'router', id: 'HUB' }));
    const verdict = byTestId('verdict.HUB.invalid-spi-recovery');
    expect(verdict.dataset.verdict).toBe('no');
    expect(verdict.textContent).toContain(
      'Cannot help here: a dynamic crypto map is a responder-only template: it has no peer address to call',
    );
    expect((byTestId('feature.HUB.invalid-spi-recovery') as HTMLInputElement).disabled).toBe(false);
  });
});

describe('RouterPanels on liveness and idle timers', () => {
  it('counts DPD retries of 5 on the spoke while the hub is silent', async () => {
    loadPreset('dynamic-map-hub-reload');
    seek(186_000);
    await render();
    const dpd = byTestId('state.SPOKE.HUB.dpd');
    expect(dpd.dataset.state).toBe('probing');
    // Probing from 180 s, a retransmission every 2 s: the third at 186 s.
    expect(dpd.textContent).toMatch(/DPDretry 3 of 5$/);
  });

  it('counts legacy keepalives of 3', async () => {
    loadPreset('legacy-keepalive');
    seek(80_000);
    await render();
    const keepalive = byTestId('state.R1.R2.dpd');
    expect(keepalive.dataset.state).toBe('probing');
    // Probing from 65.32 s, a keepalive every 10 s: the second went at 75.32 s.
    expect(keepalive.textContent).toMatch(/keepalivekeepalive 2 of 3$/);
  });

  it('shows the idle timer counting down, and a removed line struck through', async () => {
    loadPreset('idle-timer');
    seek(60_000);
    await render();
    const table = byTestId('panel.R1').querySelector('table');
    expect(table?.textContent).toContain('idle left');
    const toggle = byTestId('feature.R1.idle-time') as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    act(() => toggle.click());
    const removed = byTestId('config.R1').querySelector('[data-diff="removed"]');
    expect(removed?.textContent).toContain('crypto ipsec security-association idle-time 120');
    expect(removed?.querySelector('del')).not.toBeNull();
    expect(byTestId('panel.R1').querySelector('table')?.textContent).not.toContain('idle left');
  });
});

describe('ConfigView', () => {
  it('dims the lines that are not simulated and says why', () => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    act(() =>
      root.render(
        <ConfigView
          router="R9"
          baseline={'hostname R9\nip sla 1\n'}
          current={'hostname R9\nip sla 1\n'}
          notSimulated={[{ line: 2, text: 'ip sla 1', message: 'IP SLA is not simulated' }]}
          warnings={[]}
        />,
      ),
    );
    const lines = [...byTestId('config.R9').children] as HTMLElement[];
    expect(lines[0]?.dataset.notSimulated).toBeUndefined();
    expect(lines[1]?.dataset.notSimulated).toBe('true');
    expect(lines[1]?.title).toBe('Not simulated: IP SLA is not simulated');
    expect(lines[1]?.textContent).toContain('not simulated');
    expect(byTestId('config-changes.R9').textContent).toContain('Unchanged since loaded.');
  });

  it('marks a line with a warning and says it above the config', () => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    const message = '10.1.1.1 is also the address of R1 (config line 3, FastEthernet0/0)';
    const config = 'hostname R9\ninterface FastEthernet0/0\n ip address 10.1.1.1 255.255.255.0\n';
    act(() =>
      root.render(
        <ConfigView
          router="R9"
          baseline={config}
          current={config}
          notSimulated={[]}
          warnings={[{ line: 3, text: ' ip address 10.1.1.1 255.255.255.0', message }]}
        />,
      ),
    );
    const lines = [...byTestId('config.R9').children] as HTMLElement[];
    expect(lines[1]?.dataset.warning).toBeUndefined();
    expect(lines[2]?.dataset.warning).toBe('true');
    expect(lines[2]?.title).toBe(`Warning: ${message}`);
    expect(byTestId('config-warnings.R9').textContent).toBe(`⚠ line 3: ${message}`);
  });
});

describe('RouterPanels on the rekey race', () => {
  beforeEach(async () => {
    loadPreset('rekey-race');
    await render();
  });

  /** R2's inbound rows still being programmed, by SPI. */
  function programming(): string[] {
    const panel = byTestId('panel.R2');
    return [...panel.querySelectorAll('tr[data-direction="inbound"]')]
      .filter((row) => row.querySelector('[data-programming="true"]'))
      .map((row) => row.querySelector('[data-spi]')?.getAttribute('data-spi') ?? '');
  }

  it("marks R2's new inbound SA as programming until its engine can use it", () => {
    act(() => seek(93_020)); // R2 drops R1's first ESP on the new SPI here
    expect(programming()).toEqual([r1OutboundSpi()]);
    expect(byTestId('panel.R2').textContent).toContain('programming…');
    act(() => seek(93_700)); // installed at 92 680 ms, programmed 1000 ms later
    expect(programming()).toEqual([]);
  });
});

describe('Remedy toggles show the running-config at the cursor', () => {
  /** Types `line` at R2's console at `atMs` (a config timeline entry), R2's details open. */
  async function typeOnR2(atMs: number, line: string): Promise<void> {
    loadPreset('reload-black-hole');
    seek(atMs);
    applyConsoleEffects('R2', [{ kind: 'config', lines: [line] }], '');
    select({ kind: 'router', id: 'R2' });
    await render();
  }

  const checked = (feature: string) =>
    (byTestId(`feature.R2.${feature}`) as HTMLInputElement).checked;
  const field = (id: string) => (byTestId(id) as HTMLInputElement | HTMLSelectElement).value;

  // R2 reloads at 2:00 without saving: what was typed at 1:00 is gone from then on.
  it.each([
    ['invalid-spi-recovery', 'crypto isakmp invalid-spi-recovery'],
    ['keepalive', 'crypto isakmp keepalive 20 3 periodic'],
    ['idle-time', 'crypto ipsec security-association idle-time 300'],
  ])(
    '%s: on from the line typed at 1:00 until the reload of unsaved config',
    async (feature, line) => {
      await typeOnR2(60_000, line);
      expect(checked(feature)).toBe(true);
      act(() => seek(59_999));
      expect(checked(feature)).toBe(false);
      act(() => seek(119_999));
      expect(checked(feature)).toBe(true);
      act(() => seek(120_000));
      expect(checked(feature)).toBe(false);
    },
  );

  it('shows the typed parameters of DPD and of the idle timer', async () => {
    await typeOnR2(60_000, 'crypto isakmp keepalive 20 3 periodic');
    act(() => seek(90_000));
    expect(field('feature.R2.keepalive.seconds')).toBe('20');
    expect(field('feature.R2.keepalive.retry')).toBe('3');
    expect(field('feature.R2.keepalive.mode')).toBe('periodic');
    act(() => {
      applyConsoleEffects(
        'R2',
        [{ kind: 'config', lines: ['crypto ipsec security-association idle-time 300'] }],
        '',
      );
    });
    expect(field('feature.R2.idle-time.seconds')).toBe('300');
  });

  it('reads a config entry of the scenario file as well', async () => {
    const document = structuredClone(findPreset('reload-black-hole')?.document);
    if (!document) throw new Error('no preset');
    document.timeline = [
      ...(document.timeline ?? []),
      { atMs: 200_000, action: 'config', node: 'R1', lines: ['crypto isakmp keepalive 10'] },
    ];
    loadDocument(document);
    seek(200_000);
    await render();
    expect((byTestId('feature.R1.keepalive') as HTMLInputElement).checked).toBe(true);
    expect(field('feature.R1.keepalive.seconds')).toBe('10');
  });

  it('turns off at the cursor a feature typed before it, leaving the startup-config alone', async () => {
    await typeOnR2(60_000, 'crypto isakmp invalid-spi-recovery');
    act(() => seek(100_000));
    const startup = useSimStore.getState().document?.nodes?.find((n) => n.id === 'R2');
    act(() => (byTestId('feature.R2.invalid-spi-recovery') as HTMLInputElement).click());
    expect(checked('invalid-spi-recovery')).toBe(false);
    expect(useSimStore.getState().t).toBe(100_000);
    expect(useSimStore.getState().document?.timeline).toContainEqual({
      atMs: 100_000,
      action: 'config',
      node: 'R2',
      lines: ['no crypto isakmp invalid-spi-recovery'],
    });
    expect(useSimStore.getState().document?.nodes?.find((n) => n.id === 'R2')).toEqual(startup);
    act(() => seek(80_000));
    expect(checked('invalid-spi-recovery')).toBe(true);
  });

  it('turns on in the startup-config alone when nothing typed overrides it', async () => {
    await typeOnR2(60_000, 'crypto isakmp keepalive 20 3 periodic');
    act(() => seek(200_000)); // after the reload: the typed line is gone
    const timeline = useSimStore.getState().document?.timeline;
    act(() => (byTestId('feature.R2.invalid-spi-recovery') as HTMLInputElement).click());
    expect(checked('invalid-spi-recovery')).toBe(true);
    expect(useSimStore.getState().document?.timeline).toEqual(timeline);
    act(() => seek(0));
    expect(checked('invalid-spi-recovery')).toBe(true);
  });
});
