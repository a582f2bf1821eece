import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/parseScenario';
import { blankScenario } from './blankScenario';
import { entryOf } from './TimelinePanel';

describe('a new timeline entry', () => {
  it('names the first router, link or ping of the scenario, and reads as valid', () => {
    const document = blankScenario();
    const entries = (['reload', 'link-down', 'link-up', 'config', 'exec', 'traffic'] as const).map(
      (action) => entryOf(document, action, 60_000),
    );
    expect(entries).toEqual([
      { atMs: 60_000, action: 'reload', node: 'R1' },
      { atMs: 60_000, action: 'link-down', link: 'R1-ISP' },
      { atMs: 60_000, action: 'link-up', link: 'R1-ISP' },
      {
        atMs: 60_000,
        action: 'config',
        node: 'R1',
        lines: ['crypto isakmp invalid-spi-recovery'],
      },
      { atMs: 60_000, action: 'exec', node: 'R1', command: 'clear crypto sa' },
      { atMs: 60_000, action: 'traffic', flow: 'lan1-to-lan2', state: 'stop' },
    ]);
    expect(parseScenario({ ...document, timeline: entries }).ok).toBe(true);
  });

  it('names nothing when the scenario has nothing of that kind, which the reader refuses', () => {
    const empty = { ...blankScenario(), nodes: [], links: [], traffic: [] };
    const entry = entryOf(empty, 'reload', 0);
    expect(entry).toEqual({ atMs: 0, action: 'reload', node: '' });
    const result = parseScenario({ ...empty, timeline: [entry] });
    const paths = result.ok ? [] : result.errors.map((error) => error.path);
    expect(new Set(paths)).toEqual(new Set(['timeline[0].node']));
  });
});
