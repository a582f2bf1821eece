import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrateToCurrent } from './migrations';
import { SCENARIO_VERSION } from './types';

const FORMAT = 'tunnelscope/scenario';

describe('MIGRATIONS', () => {
  it('form a chain from the oldest version up to the current one', () => {
    MIGRATIONS.forEach((migration, i) => {
      expect(migration.to).toBe(migration.from + 1);
      if (i > 0) expect(migration.from).toBe(MIGRATIONS[i - 1]?.to);
    });
    expect(MIGRATIONS.at(-1)?.to).toBe(SCENARIO_VERSION);
  });
});

describe('migrateToCurrent', () => {
  it('passes a current document through untouched', () => {
    const doc = { format: FORMAT, version: 1, title: 't', anything: ['else'] };
    expect(migrateToCurrent(doc)).toEqual({ ok: true, doc });
  });

  it('rewrites version 0: routers and clouds become nodes, type becomes action', () => {
    const draft = {
      format: FORMAT,
      version: 0,
      title: 'draft',
      routers: [
        { id: 'R1', x: 1, y: 2, config: 'hostname R1' },
        { id: 'R2', x: 3, y: 4, config: 'hostname R2' },
      ],
      clouds: [{ id: 'ISP', x: 5, y: 6 }],
      links: [],
      timeline: [
        { atMs: 10, type: 'reload', node: 'R1' },
        { atMs: 20, type: 'link-down', link: 'L' },
      ],
    };
    expect(migrateToCurrent(draft)).toEqual({
      ok: true,
      doc: {
        format: FORMAT,
        version: 1,
        title: 'draft',
        nodes: [
          { id: 'R1', kind: 'router', x: 1, y: 2, config: 'hostname R1' },
          { id: 'R2', kind: 'router', x: 3, y: 4, config: 'hostname R2' },
          { id: 'ISP', kind: 'cloud', x: 5, y: 6 },
        ],
        links: [],
        timeline: [
          { atMs: 10, action: 'reload', node: 'R1' },
          { atMs: 20, action: 'link-down', link: 'L' },
        ],
      },
    });
  });

  it('leaves version-0 parts it cannot read in place, for the schema to report', () => {
    const draft = {
      format: FORMAT,
      version: 0,
      routers: 'R1',
      clouds: [],
      timeline: [5, { atMs: 1, type: 'reload', action: 'reload' }],
    };
    expect(migrateToCurrent(draft)).toEqual({
      ok: true,
      doc: { ...draft, version: 1 },
    });
  });

  it('does not mistake a version-0 draft without routers or clouds for one with nodes', () => {
    const result = migrateToCurrent({ format: FORMAT, version: 0, title: 'x' });
    expect(result).toEqual({ ok: true, doc: { format: FORMAT, version: 1, title: 'x' } });
  });

  it('does not let a "__proto__" key reach the prototype', () => {
    const draft = JSON.parse(`{"format":"${FORMAT}","version":0,"__proto__":{"x":1},"routers":[]}`);
    const result = migrateToCurrent(draft);
    const doc = result.ok ? (result.doc as Record<string, unknown>) : {};
    expect(Object.getPrototypeOf(doc)).toBe(Object.prototype);
    expect(Object.keys(doc)).toContain('__proto__');
  });

  it.each([
    [null, '(document)', /JSON object/],
    [[], '(document)', /JSON object/],
    ['tunnelscope/scenario', '(document)', /JSON object/],
    [{ version: 1 }, 'format', /is missing/],
    [{ format: 'tunnelscope/other', version: 1 }, 'format', /not "tunnelscope\/other"/],
    [{ format: 42, version: 1 }, 'format', /not a TunnelScope scenario/],
    [{ format: FORMAT }, 'version', /is missing/],
    [{ format: FORMAT, version: '1' }, 'version', /whole number/],
    [{ format: FORMAT, version: 0.5 }, 'version', /whole number/],
    [{ format: FORMAT, version: -1 }, 'version', /-1 is not a version TunnelScope ever wrote/],
    [
      { format: FORMAT, version: 7 },
      'version',
      /^made by a newer TunnelScope \(version 7\); this one reads up to 1$/,
    ],
  ])('refuses %j at %s', (doc, path, message) => {
    expect(migrateToCurrent(doc)).toEqual({
      ok: false,
      errors: [{ path, message: expect.stringMatching(message) }],
    });
  });
});
