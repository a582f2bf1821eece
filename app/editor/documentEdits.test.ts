import { describe, expect, it } from 'vitest';
import { loadScenarioDocument } from '../scenario/loadScenario';
import { parseScenario } from '../scenario/parseScenario';
import type { Scenario } from '../scenario/types';
import { blankScenario } from './blankScenario';
import { applyEdit, type DocumentEdit, freshId } from './documentEdits';

function edited(document: Scenario, ...edits: DocumentEdit[]): Scenario {
  let current = document;
  for (const edit of edits) {
    const result = applyEdit(current, edit);
    if (!result.ok) throw new Error(result.message);
    current = result.document;
  }
  return current;
}

/** The blank scenario with a reload of R2, a flap of R2's link and a stop of the ping. */
function withTimeline(): Scenario {
  return edited(
    blankScenario(),
    { kind: 'add-entry', entry: { atMs: 20_000, action: 'reload', node: 'R2' } },
    { kind: 'add-entry', entry: { atMs: 30_000, action: 'link-down', link: 'R2-ISP' } },
    { kind: 'add-entry', entry: { atMs: 40_000, action: 'reload', node: 'R1' } },
    {
      kind: 'add-entry',
      entry: { atMs: 50_000, action: 'traffic', flow: 'lan1-to-lan2', state: 'stop' },
    },
  );
}

describe('the blank scenario', () => {
  it('loads: two routers behind a cloud and a ping between their LANs', () => {
    const result = loadScenarioDocument(blankScenario());
    expect(result.ok).toBe(true);
    expect(blankScenario().nodes.map((node) => node.id)).toEqual(['R1', 'ISP', 'R2']);
  });
});

describe('removing', () => {
  it('a node removes its links and the timeline entries on it or on those links', () => {
    const after = edited(withTimeline(), { kind: 'remove-node', id: 'R2' });
    expect(after.nodes.map((node) => node.id)).toEqual(['R1', 'ISP']);
    expect(after.links.map((link) => link.id)).toEqual(['R1-ISP']);
    expect(after.timeline).toEqual([
      { atMs: 40_000, action: 'reload', node: 'R1' },
      { atMs: 50_000, action: 'traffic', flow: 'lan1-to-lan2', state: 'stop' },
    ]);
    // No dangling reference is left: what the reader still finds is the ping to R2's LAN (flows
    // name addresses, not routers), which the editor shows next to the flow.
    const result = parseScenario(after);
    expect(result.ok ? [] : result.errors.map((error) => error.path)).toEqual(['traffic[0].dst']);
  });

  it('a cloud removes every link to it and their link-down/up entries', () => {
    const after = edited(withTimeline(), { kind: 'remove-node', id: 'ISP' });
    expect(after.links).toEqual([]);
    expect(after.timeline.map((entry) => entry.action)).toEqual(['reload', 'reload', 'traffic']);
  });

  it('a link removes its link-down/up entries only', () => {
    const after = edited(withTimeline(), { kind: 'remove-link', id: 'R2-ISP' });
    expect(after.links.map((link) => link.id)).toEqual(['R1-ISP']);
    expect(after.nodes).toHaveLength(3);
    expect(after.timeline.map((entry) => entry.atMs)).toEqual([20_000, 40_000, 50_000]);
  });

  it('a flow removes its traffic start/stop entries', () => {
    const after = edited(withTimeline(), { kind: 'remove-flow', id: 'lan1-to-lan2' });
    expect(after.traffic).toEqual([]);
    expect(after.timeline.map((entry) => entry.action)).toEqual(['reload', 'link-down', 'reload']);
  });
});

describe('ids', () => {
  it('renaming a node renames the links and timeline entries that name it', () => {
    const after = edited(withTimeline(), { kind: 'rename-node', id: 'R2', to: 'HQ' });
    expect(after.links[1]).toMatchObject({ a: 'HQ', b: 'ISP' });
    expect(after.timeline[0]).toEqual({ atMs: 20_000, action: 'reload', node: 'HQ' });
    expect(after.timeline[2]).toEqual({ atMs: 40_000, action: 'reload', node: 'R1' });
  });

  it('renaming a link or a flow renames the entries that name it', () => {
    const after = edited(
      withTimeline(),
      { kind: 'rename-link', id: 'R2-ISP', to: 'wan2' },
      { kind: 'rename-flow', id: 'lan1-to-lan2', to: 'p1' },
    );
    expect(after.timeline[1]).toEqual({ atMs: 30_000, action: 'link-down', link: 'wan2' });
    expect(after.timeline[3]).toMatchObject({ action: 'traffic', flow: 'p1' });
  });

  it('refuses an id already taken, by a node, a link or a flow, and an empty one', () => {
    const document = withTimeline();
    expect(applyEdit(document, { kind: 'rename-node', id: 'R2', to: 'R1-ISP' })).toEqual({
      ok: false,
      message: '"R1-ISP" is already an id',
    });
    expect(
      applyEdit(document, {
        kind: 'add-node',
        node: { id: 'lan1-to-lan2', kind: 'cloud', x: 0, y: 0 },
      }),
    ).toMatchObject({ ok: false });
    expect(applyEdit(document, { kind: 'rename-flow', id: 'lan1-to-lan2', to: '' })).toMatchObject({
      ok: false,
      message: 'an id must not be empty',
    });
  });

  it('freshId picks the first free number', () => {
    const document = edited(blankScenario(), {
      kind: 'add-node',
      node: { id: 'R3', kind: 'cloud', x: 0, y: 0 },
    });
    expect(freshId(document, 'R')).toBe('R4');
    expect(freshId(document, 'ISP')).toBe('ISP1');
  });
});

describe('fields', () => {
  it('a flow field set to undefined leaves the document without it', () => {
    const withStop = edited(blankScenario(), {
      kind: 'set-flow',
      id: 'lan1-to-lan2',
      fields: { stopMs: 60_000, repeat: 5 },
    });
    expect(withStop.traffic[0]).toMatchObject({ stopMs: 60_000, repeat: 5 });
    const without = edited(withStop, {
      kind: 'set-flow',
      id: 'lan1-to-lan2',
      fields: { stopMs: undefined },
    });
    expect('stopMs' in (without.traffic[0] ?? {})).toBe(false);
    const [flow] = without.traffic;
    expect(flow?.kind === 'ping' && flow.repeat).toBe(5);
  });

  it('moves a node and sets a link latency and a router config without touching the rest', () => {
    const before = blankScenario();
    const after = edited(
      before,
      { kind: 'move-node', id: 'R1', x: 10, y: 20 },
      { kind: 'set-link', id: 'R1-ISP', fields: { latencyMs: 75 } },
      { kind: 'set-router', id: 'R2', fields: { config: 'hostname R2', bootMs: 5000 } },
    );
    expect(after.nodes[0]).toMatchObject({ x: 10, y: 20 });
    expect(after.links[0]?.latencyMs).toBe(75);
    expect(after.nodes[2]).toMatchObject({ config: 'hostname R2', bootMs: 5000 });
    expect(after.links[1]).toBe(before.links[1]);
    expect(before.links[0]?.latencyMs).toBe(10);
  });
});
