import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/parseScenario';
import { blankScenario } from './blankScenario';
import { placeError } from './errorPlaces';

describe('error places', () => {
  it('names the router and the config line of a config error, from the real parser', () => {
    const document = blankScenario();
    const r2 = document.nodes[2];
    if (r2?.kind !== 'router') throw new Error('R2 is a router');
    const broken = {
      ...document,
      nodes: document.nodes.map((node) =>
        node === r2 ? { ...r2, config: `${r2.config}\nip route 1.2.3` } : node,
      ),
    };
    const result = parseScenario(broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const placed = result.errors.map((error) => placeError(broken, error));
    expect(placed[0]).toMatchObject({
      place: 'router R2, config line 12',
      field: 'nodes[2].config',
      line: 12,
    });
  });

  it('names a flow by number and id, a link by id, and the field in the editor’s words', () => {
    const document = {
      ...blankScenario(),
      links: blankScenario().links.map((link) => ({ ...link, latencyMs: -1 })),
      traffic: blankScenario().traffic.map((flow) => ({ ...flow, everyMs: 1 })),
    };
    const result = parseScenario(document);
    if (result.ok) throw new Error('the document is invalid');
    const places = result.errors.map((error) => placeError(document, error));
    expect(places).toContainEqual(
      expect.objectContaining({ place: 'link R1-ISP, latency', field: 'links[0].latencyMs' }),
    );
    expect(places).toContainEqual(
      expect.objectContaining({
        place: 'flow 1 (lan1-to-lan2), every',
        field: 'traffic[0].everyMs',
      }),
    );
  });

  it('puts scenario fields and timeline entries in words too', () => {
    const document = {
      ...blankScenario(),
      title: '',
      timeline: [{ atMs: 999_999, action: 'reload' as const, node: 'ISP' }],
    };
    const result = parseScenario(document);
    if (result.ok) throw new Error('the document is invalid');
    const places = result.errors.map((error) => placeError(document, error).place);
    expect(places).toEqual(
      expect.arrayContaining([
        'scenario title',
        'timeline entry 1, time',
        'timeline entry 1, router',
      ]),
    );
  });
});
