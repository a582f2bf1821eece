import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { type DecodedShareHash, encodePresetHash, HASH_MAX_CHARS, LINK_PATH } from './linkHash';
import { parseScenario } from './parseScenario';
import { DEFAULT_PRESET_ID, findPreset, PRESETS } from './presets';
import { decodeShareHash, encodeShareHash, LINK_JSON_MAX_CHARS } from './scenarioUrl';
import type { ScenarioDocument } from './schema';
import { explosionPayload } from './testLinks';
import type { Scenario, ScenarioError } from './types';

const ORIGIN = 'http://localhost:5173/';
/** What every browser, chat client and mail client carries without trouble. */
const LINK_BUDGET_CHARS = 2000;

function preset(id: string): ScenarioDocument {
  const found = findPreset(id);
  if (!found) throw new Error(`no preset ${id}`);
  return found.document;
}

function scenarioOf(document: unknown): Scenario {
  const parsed = parseScenario(document);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.loaded.scenario;
}

function errorsOf(result: DecodedShareHash): ScenarioError[] {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

/** The `#s=` link of any JSON value, as a hand-made (or hostile) link would carry it. */
function linkOf(json: unknown): string {
  return `#s=${LZString.compressToEncodedURIComponent(JSON.stringify(json))}`;
}

const BLACK_HOLE = preset(DEFAULT_PRESET_ID);

/**
 * The length of each preset's full share link, `origin` + encodeShareHash of its document (the
 * `s=` form, no t or p): what a link to a scenario of that size costs.
 */
function presetShareLinkLengths(origin: string): Array<{ id: string; chars: number }> {
  return PRESETS.map(({ id, document }) => ({
    id,
    chars: origin.length + encodeShareHash({ document }).length,
  }));
}

describe('encodeShareHash / decodeShareHash', () => {
  it.each(PRESETS.map((p) => [p.id, p.document] as const))('%s: round trip', (_id, document) => {
    const hash = encodeShareHash({ document });
    expect(hash).toMatch(/^#s=[A-Za-z0-9+\-$]+&c=[0-9a-f]{8}$/);
    const decoded = decodeShareHash(hash);
    expect(decoded).toMatchObject({ ok: true, presetId: null, atMs: null, paused: false });
    if (decoded.ok) expect(scenarioOf(decoded.document)).toEqual(scenarioOf(document));
  });

  it('carries the cursor, rounded to whole ms, and the pause', () => {
    const hash = encodeShareHash({ document: BLACK_HOLE, atMs: 125_000.6, paused: true });
    expect(hash).toMatch(/&t=125001&p=1$/);
    expect(decodeShareHash(hash)).toMatchObject({ ok: true, atMs: 125_001, paused: true });
    expect(encodeShareHash({ document: BLACK_HOLE, atMs: 0, paused: false })).toMatch(/&t=0$/);
    expect(encodeShareHash({ document: BLACK_HOLE, atMs: Number.NaN })).not.toContain('&t=');
  });

  it('reads the parts in any order, with or without "#"', () => {
    const payload = encodeShareHash({ document: BLACK_HOLE }).slice(1);
    for (const hash of [
      `#p=1&t=5000&${payload}`,
      `t=5000&${payload}&p=1`,
      `${payload}&&p=1&t=5000&`,
    ]) {
      expect(decodeShareHash(hash)).toMatchObject({ ok: true, atMs: 5000, paused: true });
    }
    expect(decodeShareHash(`${payload}&p=0`)).toMatchObject({ ok: true, paused: false });
  });

  it('reads %-escaped parts, as a mail client may send them', () => {
    const hash = encodeShareHash({ document: BLACK_HOLE, atMs: 1000 });
    const escaped = hash
      .replaceAll('$', '%24')
      .replaceAll('-', '%2D')
      .replace('t=1000', 't=%31000');
    expect(escaped).toMatch(/%24|%2D/);
    expect(decodeShareHash(escaped)).toMatchObject({ ok: true, atMs: 1000 });
  });

  it('leaves schema defaults out of the link, and the schema puts them back', () => {
    const payload = /^#s=([^&]+)&c=/.exec(encodeShareHash({ document: BLACK_HOLE }))?.[1];
    const json = LZString.decompressFromEncodedURIComponent(payload ?? '');
    expect(json).not.toMatch(/bootMs|dpdSupport|saInstallDelayMs|sizeBytes/);
    const explicit: ScenarioDocument = {
      ...BLACK_HOLE,
      nodes: BLACK_HOLE.nodes.map((node) =>
        node.kind === 'router'
          ? { ...node, bootMs: 30_000, dpdSupport: true, saInstallDelayMs: 0 }
          : node,
      ),
      traffic: (BLACK_HOLE.traffic ?? []).map((flow) => ({ ...flow, sizeBytes: 100 })),
    };
    // Were SCHEMA_DEFAULTS not the schema's defaults, the decoded scenario would differ.
    const decoded = decodeShareHash(encodeShareHash({ document: explicit }));
    expect(decoded.ok && scenarioOf(decoded.document)).toEqual(scenarioOf(explicit));
    const noLists = { ...BLACK_HOLE, traffic: [], timeline: [] };
    const bare = decodeShareHash(encodeShareHash({ document: noLists }));
    expect(bare.ok && scenarioOf(bare.document)).toEqual(scenarioOf(noLists));
  });

  it('keeps values that differ from the defaults', () => {
    const document: ScenarioDocument = {
      ...BLACK_HOLE,
      nodes: BLACK_HOLE.nodes.map((node) =>
        node.kind === 'router'
          ? { ...node, bootMs: 45_000, dpdSupport: false, saInstallDelayMs: 1000 }
          : node,
      ),
      traffic: (BLACK_HOLE.traffic ?? []).map((flow) => ({
        ...flow,
        sizeBytes: 1400,
        stopMs: 60_000,
      })),
    };
    const decoded = decodeShareHash(encodeShareHash({ document }));
    expect(decoded.ok && scenarioOf(decoded.document)).toEqual(scenarioOf(document));
  });

  it('migrates a link of an older version', () => {
    const [r1, r2, isp] = BLACK_HOLE.nodes;
    const v0 = {
      format: 'tunnelscope/scenario',
      version: 0,
      title: BLACK_HOLE.title,
      description: BLACK_HOLE.description,
      seed: BLACK_HOLE.seed,
      durationMs: BLACK_HOLE.durationMs,
      routers: [r1, r2].map((node) => ({ ...node, kind: undefined })),
      clouds: [{ ...isp, kind: undefined }],
      links: BLACK_HOLE.links,
      traffic: BLACK_HOLE.traffic,
      timeline: [{ atMs: 120_000, type: 'reload', node: 'R2' }],
    };
    const decoded = decodeShareHash(linkOf(v0));
    expect(decoded).toMatchObject({ ok: true, document: { version: 1 } });
    expect(decoded.ok && scenarioOf(decoded.document)).toEqual(scenarioOf(BLACK_HOLE));
  });
});

describe('encodePresetHash', () => {
  it('links a preset by id, with the cursor', () => {
    expect(encodePresetHash(DEFAULT_PRESET_ID)).toBe(`#preset=${DEFAULT_PRESET_ID}`);
    const hash = encodePresetHash(DEFAULT_PRESET_ID, { atMs: 150_000, paused: true });
    expect(hash).toBe(`#preset=${DEFAULT_PRESET_ID}&t=150000&p=1`);
    expect(decodeShareHash(hash)).toEqual({
      ok: true,
      document: BLACK_HOLE,
      presetId: DEFAULT_PRESET_ID,
      atMs: 150_000,
      paused: true,
      selected: null,
      view: 'topology',
      chart: 'ike',
    });
  });

  it('carries the stage view as view= (none for the topology), and refuses an unknown one', () => {
    const hash = encodePresetHash(DEFAULT_PRESET_ID, { atMs: 150_000, view: 'ladder' });
    expect(hash).toBe(`#preset=${DEFAULT_PRESET_ID}&t=150000&view=ladder`);
    expect(decodeShareHash(hash)).toMatchObject({ ok: true, view: 'ladder' });
    expect(encodePresetHash(DEFAULT_PRESET_ID, { view: 'topology' })).toBe(
      `#preset=${DEFAULT_PRESET_ID}`,
    );
    const shared = encodeShareHash({ document: BLACK_HOLE, view: 'statechart' });
    expect(decodeShareHash(shared)).toMatchObject({ ok: true, view: 'statechart' });
    expect(errorsOf(decodeShareHash(`#preset=${DEFAULT_PRESET_ID}&view=map`))).toEqual([
      { path: LINK_PATH, message: 'view=map must be topology, ladder, statechart' },
    ]);
  });

  it('carries the statechart machine as chart= (none for the IKE SA), and refuses an unknown one', () => {
    const hash = encodePresetHash(DEFAULT_PRESET_ID, { view: 'statechart', chart: 'liveness' });
    expect(hash).toBe(`#preset=${DEFAULT_PRESET_ID}&view=statechart&chart=liveness`);
    expect(decodeShareHash(hash)).toMatchObject({
      ok: true,
      view: 'statechart',
      chart: 'liveness',
    });
    expect(decodeShareHash(`#preset=${DEFAULT_PRESET_ID}&view=statechart`)).toMatchObject({
      ok: true,
      chart: 'ike',
    });
    // The machine belongs to the statechart: other views and the IKE SA write no chart=.
    expect(encodePresetHash(DEFAULT_PRESET_ID, { view: 'ladder', chart: 'liveness' })).toBe(
      `#preset=${DEFAULT_PRESET_ID}&view=ladder`,
    );
    expect(encodePresetHash(DEFAULT_PRESET_ID, { view: 'statechart', chart: 'ike' })).toBe(
      `#preset=${DEFAULT_PRESET_ID}&view=statechart`,
    );
    const shared = encodeShareHash({ document: BLACK_HOLE, view: 'statechart', chart: 'ipsec' });
    expect(decodeShareHash(shared)).toMatchObject({ ok: true, chart: 'ipsec' });
    expect(errorsOf(decodeShareHash(`#preset=${DEFAULT_PRESET_ID}&chart=dpd`))).toEqual([
      { path: LINK_PATH, message: 'chart=dpd must be ike, ipsec, liveness, hsrp' },
    ]);
  });

  it('carries the selected router as sel=, and refuses a router the scenario lacks', () => {
    const hash = encodePresetHash(DEFAULT_PRESET_ID, { atMs: 200_000, selected: 'R2' });
    expect(hash).toBe(`#preset=${DEFAULT_PRESET_ID}&t=200000&sel=R2`);
    expect(decodeShareHash(hash)).toMatchObject({ ok: true, atMs: 200_000, selected: 'R2' });
    expect(decodeShareHash(`#preset=${DEFAULT_PRESET_ID}`)).toMatchObject({ selected: null });
    const shared = encodeShareHash({ document: BLACK_HOLE, selected: 'R1' });
    expect(shared).toMatch(/&sel=R1$/);
    expect(decodeShareHash(shared)).toMatchObject({ ok: true, selected: 'R1' });
    // A cloud is not a router; an unknown name is named back, quoted when odd.
    for (const [sel, shown] of [
      ['ISP', 'sel=ISP'],
      ['R9', 'sel=R9'],
      ['<b>', 'sel=<b>'],
      ['%20', 'sel=" "'],
    ]) {
      expect(decodeShareHash(`#preset=${DEFAULT_PRESET_ID}&sel=${sel}`)).toEqual({
        ok: false,
        errors: [
          {
            path: LINK_PATH,
            message: `${shown} names no router of this scenario (its routers: R1, R2)`,
          },
        ],
      });
    }
  });

  it.each(PRESETS.map((p) => p.id))('%s: round trip', (id) => {
    expect(decodeShareHash(encodePresetHash(id))).toMatchObject({ ok: true, presetId: id });
  });
});

describe('link length', () => {
  const lengths = presetShareLinkLengths(ORIGIN);

  it('is measured for every preset', () => {
    const rows = lengths.map(({ id, chars }) => {
      const json = JSON.stringify(preset(id)).length;
      return `| ${id.padEnd(28)} | ${String(chars).padStart(6)} | ${String(json).padStart(6)} |`;
    });
    console.log(
      [
        `Share link length (${ORIGIN} + #s=…) and the preset's plain JSON:`,
        '| preset                       |    URL |   JSON |',
        ...rows,
      ].join('\n'),
    );
    expect(lengths.map((row) => row.id)).toEqual(PRESETS.map((p) => p.id));
  });

  it.each(['reload-black-hole', 'reload-invalid-spi-recovery'])(
    '%s, two routers and a timeline, fits in 2,000 characters',
    (id) => {
      const chars = lengths.find((row) => row.id === id)?.chars;
      expect(chars).toBeLessThan(LINK_BUDGET_CHARS);
      const url = `${ORIGIN}${encodeShareHash({ document: preset(id), atMs: 600_000, paused: true })}`;
      expect(url.length).toBeLessThan(LINK_BUDGET_CHARS);
    },
  );
});

describe('decodeShareHash: every failure says what is wrong', () => {
  const valid = encodeShareHash({ document: BLACK_HOLE });

  it('a truncated link', () => {
    expect(errorsOf(decodeShareHash(valid.slice(0, valid.length / 2)))).toEqual([
      {
        path: LINK_PATH,
        message: 'the link is cut short or damaged: the scenario data does not decompress',
      },
    ]);
  });

  it('a link whose JSON was cut', () => {
    const json = JSON.stringify(BLACK_HOLE).slice(0, 100);
    expect(errorsOf(decodeShareHash(`#s=${LZString.compressToEncodedURIComponent(json)}`))).toEqual(
      [
        {
          path: LINK_PATH,
          message:
            "the link's scenario is not valid JSON at position 100: it ends early, so the link is cut short",
        },
      ],
    );
  });

  it('a mangled link', () => {
    const mangled = `${valid.slice(0, 50)}*${valid.slice(51)}`;
    expect(errorsOf(decodeShareHash(mangled))).toEqual([
      {
        path: LINK_PATH,
        message:
          'the link is damaged: its scenario data has "*" at position 47, a character no share link contains',
      },
    ]);
    const checksum = /&c=\w+/.exec(valid)?.[0];
    const swapped = `${valid.replace(/&c=\w+/, '')}${checksum?.replace(/.$/, (d) => (d === '0' ? '1' : '0'))}`;
    expect(errorsOf(decodeShareHash(swapped))).toEqual([
      {
        path: LINK_PATH,
        message: "the link is damaged: its scenario data does not match the link's checksum (c=)",
      },
    ]);
    const broken = `#s=${LZString.compressToEncodedURIComponent('{"format":"tunnelscope/scenario",}')}`;
    expect(errorsOf(decodeShareHash(broken))).toEqual([
      { path: LINK_PATH, message: "the link's scenario is not valid JSON at position 33" },
    ]);
  });

  it('no changed character yields another scenario: the checksum catches what decompresses', () => {
    const [, payload = '', rest = ''] = /^#s=([^&]+)(&.*)$/.exec(valid) ?? [];
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
    const messages = new Set<string>();
    for (let i = 0; i < payload.length; i++) {
      const next = alphabet.charAt((alphabet.indexOf(payload.charAt(i)) + 1) % 64);
      const result = decodeShareHash(
        `#s=${payload.slice(0, i)}${next}${payload.slice(i + 1)}${rest}`,
      );
      if (result.ok) expect(scenarioOf(result.document)).toEqual(scenarioOf(BLACK_HOLE));
      else for (const error of result.errors) messages.add(error.message);
    }
    expect([...messages].sort()).toEqual([
      'the link is cut short or damaged: the scenario data does not decompress',
      "the link is damaged: its scenario data does not match the link's checksum (c=)",
    ]);
  });

  it('a link from a newer TunnelScope', () => {
    expect(errorsOf(decodeShareHash(linkOf({ ...BLACK_HOLE, version: 2 })))).toEqual([
      {
        path: 'version',
        message: 'made by a newer TunnelScope (version 2); this one reads up to 1',
      },
    ]);
  });

  it('a hostile link: markup is data, bad ids and __proto__ are refused, nothing is polluted', () => {
    const script = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const markup = decodeShareHash(linkOf({ ...BLACK_HOLE, title: script, description: script }));
    expect(markup).toMatchObject({ ok: true, document: { title: script, description: script } });

    const hostile = JSON.parse(JSON.stringify(BLACK_HOLE));
    hostile.nodes[0].id = '<img src=x onerror=alert(1)>';
    hostile.nodes[1].config = `${script}\n${hostile.nodes[1].config}`;
    const text = JSON.stringify(hostile).replace(
      '{',
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},',
    );
    const errors = errorsOf(decodeShareHash(`#s=${LZString.compressToEncodedURIComponent(text)}`));
    expect(errors).toContainEqual({
      path: '(document)',
      message: 'has unknown keys "__proto__", "constructor"',
    });
    expect(errors).toContainEqual({
      path: 'nodes[0].id',
      message: 'must be 1 to 32 letters, digits, "_", "." or "-"',
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['t=abc', '&t=abc', 't=abc is not a time in ms'],
    ['a negative t', '&t=-5', 't=-5 is not a time in ms'],
    ['a fractional t', '&t=1.5', 't=1.5 is not a time in ms'],
    ['t past the end', '&t=900001', "t=900001 is past the scenario's end (durationMs 900000)"],
    ['p=2', '&p=2', 'p=2 must be 1 (paused) or 0 (playing)'],
    ['a repeated part', '&t=1&t=2', 't= appears more than once'],
    ['a repeated checksum', '&c=xyz', 'c= appears more than once'],
    [
      'an unknown part',
      '&zoom=2',
      'zoom= is not part of a TunnelScope link, which has s= and c= (a scenario) or preset= (a built-in one), then t=, p=, sel=, view= and chart=',
    ],
    ['a broken %-escape', '&t=%E0%A4%A', 't= has a broken %-escape'],
    [
      'both kinds of scenario',
      `&preset=${DEFAULT_PRESET_ID}`,
      'the link has both s= and preset=; it carries one scenario',
    ],
  ])('%s', (_name, suffix, message) => {
    expect(errorsOf(decodeShareHash(`${valid}${suffix}`))).toEqual([{ path: LINK_PATH, message }]);
  });

  it('a link with no scenario', () => {
    for (const hash of ['', '#', '#t=5', 'p=1']) {
      expect(errorsOf(decodeShareHash(hash))).toEqual([
        {
          path: LINK_PATH,
          message: 'the link has no scenario: it needs s=<scenario> or preset=<id>',
        },
      ]);
    }
    expect(errorsOf(decodeShareHash('#s='))[0]?.message).toBe(
      'the link is cut short or damaged: the scenario data does not decompress',
    );
  });

  it('an unreadable scenario part, once', () => {
    expect(errorsOf(decodeShareHash('#s=%ZZ&t=5'))).toEqual([
      { path: LINK_PATH, message: 's= has a broken %-escape' },
    ]);
  });

  it('a checksum that is none, or goes with a preset', () => {
    const unchecked = encodeShareHash({ document: BLACK_HOLE }).replace(/&c=\w+/, '');
    expect(errorsOf(decodeShareHash(`${unchecked}&c=xyz`))).toEqual([
      { path: LINK_PATH, message: 'c=xyz is not a checksum: 8 hex digits' },
    ]);
    expect(decodeShareHash(unchecked)).toMatchObject({ ok: true });
    expect(errorsOf(decodeShareHash(`#preset=${DEFAULT_PRESET_ID}&c=0badf00d`))).toEqual([
      { path: LINK_PATH, message: 'c= is the checksum of an s= scenario, not of a preset' },
    ]);
  });

  it('an unknown preset, named', () => {
    expect(errorsOf(decodeShareHash('#preset=no-such-thing'))).toEqual([
      { path: LINK_PATH, message: 'no built-in scenario is called "no-such-thing"' },
    ]);
  });

  it('lists every problem at once', () => {
    expect(errorsOf(decodeShareHash('#x=1&preset=nope&t=soon&p=yes'))).toEqual([
      {
        path: LINK_PATH,
        message:
          'x= is not part of a TunnelScope link, which has s= and c= (a scenario) or preset= (a built-in one), then t=, p=, sel=, view= and chart=',
      },
      { path: LINK_PATH, message: 'no built-in scenario is called "nope"' },
      { path: LINK_PATH, message: 't=soon is not a time in ms' },
      { path: LINK_PATH, message: 'p=yes must be 1 (paused) or 0 (playing)' },
    ]);
  });

  it('every error of the scenario, with its path', () => {
    const broken = {
      ...BLACK_HOLE,
      seed: -1,
      links: [{ id: 'L', a: 'R1', b: 'NOWHERE', latencyMs: 1 }],
    };
    const errors = errorsOf(decodeShareHash(linkOf(broken)));
    expect(errors.map((error) => error.path)).toEqual(['seed', 'links[0].b']);
  });

  it('quotes a strange part instead of printing it raw', () => {
    const [error] = errorsOf(decodeShareHash(`${valid}&t=%1B%5B2J${'9'.repeat(50)}`));
    expect(error?.message).toBe(`t="\\u001b[2J${'9'.repeat(36)}…" is not a time in ms`);
  });

  it('refuses a link past the caps before any work', () => {
    const long = `#s=${'A'.repeat(HASH_MAX_CHARS)}`;
    expect(errorsOf(decodeShareHash(long))).toEqual([
      {
        path: LINK_PATH,
        message: `the link is ${HASH_MAX_CHARS + 3} characters long; the limit is ${HASH_MAX_CHARS}`,
      },
    ]);
    expect(errorsOf(decodeShareHash(`#s=${explosionPayload(50_000)}`))).toEqual([
      {
        path: LINK_PATH,
        message: `the link's scenario decompresses to more than ${LINK_JSON_MAX_CHARS} characters, the limit for a link; share it as a file instead`,
      },
    ]);
    expect(
      errorsOf(decodeShareHash(linkOf(JSON.parse(`${'['.repeat(100)}${']'.repeat(100)}`)))),
    ).toEqual([
      {
        path: LINK_PATH,
        message:
          "the link's scenario nests lists and objects more than 16 deep; a scenario nests 4 deep",
      },
    ]);
  });
});
