import { describe, expect, it } from 'vitest';
import { TIMELINE_ENTRIES_MAX } from './limits';
import { loadScenarioDocument, withDefaults } from './loadScenario';
import { parseScenario } from './parseScenario';
import { DEFAULT_PRESET_ID, findPreset, PRESETS } from './presets';
import type { ScenarioDocument } from './schema';

// The app's own documents (presets, its edits) load without the schema: they must load exactly as
// the schema would have them, or the studio would show another run than a link or a file of them.

const BLACK_HOLE = findPreset(DEFAULT_PRESET_ID)?.document as ScenarioDocument;

describe('loadScenarioDocument', () => {
  it('loads every built-in preset exactly as parseScenario does', () => {
    for (const preset of PRESETS) {
      const typed = loadScenarioDocument(preset.document);
      expect(typed.ok, preset.id).toBe(true);
      expect(typed, preset.id).toEqual(parseScenario(preset.document));
    }
  });

  it('fills in the defaults and sorts the timeline as the schema does', () => {
    const router = BLACK_HOLE.nodes.find((node) => node.kind === 'router');
    if (router?.kind !== 'router') throw new Error('no router');
    const { bootMs: _b, dpdSupport: _d, saInstallDelayMs: _s, ...bare } = router;
    const document: ScenarioDocument = {
      ...BLACK_HOLE,
      nodes: BLACK_HOLE.nodes.map((node) => (node.id === router.id ? bare : node)),
      traffic: (BLACK_HOLE.traffic ?? []).map((flow) => {
        if (flow.kind !== 'ping') return flow;
        const { sizeBytes: _size, ...bareFlow } = flow;
        return bareFlow;
      }),
      timeline: [
        { atMs: 90_000, action: 'reload', node: router.id },
        { atMs: 10_000, action: 'exec', node: router.id, command: 'clear crypto sa' },
        { atMs: 90_000, action: 'link-down', link: BLACK_HOLE.links[0]?.id ?? '' },
      ],
    };
    const parsed = parseScenario(document);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(withDefaults(document)).toEqual(parsed.loaded.scenario);
    expect(loadScenarioDocument(document)).toEqual(parsed);
    expect(withDefaults(document).timeline.map((entry) => entry.action)).toEqual([
      'exec',
      'reload',
      'link-down',
    ]);
  });

  it('reports a ping that leaves from no LAN, as parseScenario does', () => {
    const document: ScenarioDocument = {
      ...BLACK_HOLE,
      traffic: (BLACK_HOLE.traffic ?? []).map((flow) => ({ ...flow, dst: '203.0.113.99' })),
    };
    const typed = loadScenarioDocument(document);
    expect(typed.ok).toBe(false);
    expect(typed).toEqual(parseScenario(document));
  });

  it('refuses an edit past a list limit, with the schema’s path and message', () => {
    const reload = { atMs: 1000, action: 'reload', node: 'R2' } as const;
    const document: ScenarioDocument = {
      ...BLACK_HOLE,
      timeline: Array.from({ length: TIMELINE_ENTRIES_MAX + 1 }, () => reload),
    };
    const typed = loadScenarioDocument(document);
    expect(typed).toEqual({
      ok: false,
      errors: [{ path: 'timeline', message: `must have at most ${TIMELINE_ENTRIES_MAX} entries` }],
    });
    expect(parseScenario(document)).toEqual(typed);
  });
});
