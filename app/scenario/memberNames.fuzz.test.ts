// Names a user chooses that are members of Object.prototype ("constructor", "toString",
// "__proto__"...) must be names like any other: in router configs (access lists, crypto maps,
// transform sets, profiles, EZVPN clients and groups, HSRP groups, interfaces), at the console, in
// timeline actions and in links (lessons, compares, presets). A table keyed by such a name that is
// a plain object finds the inherited member instead of nothing, and the simulator crashes.

import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { prepareCompare } from '../compare/prepare';
import { openSession, type } from '../console/testRouter';
import { findLesson } from '../lessons/lessons';
import { routeFromHash } from '../share/hashRoute';
import { simulate } from '../sim';
import { isComplete } from '../sim/run';
import { loadDocument } from '../store/actions';
import { INITIAL_STATE, useSimStore } from '../store/simStore';
import { parseScenario } from './parseScenario';
import { findPreset } from './presets';
import type { ScenarioDocument } from './schema';

const MEMBER_NAMES = [...new Set([...Object.getOwnPropertyNames(Object.prototype), '__proto__'])];
/** Member names, their case variants (IOS names are case-sensitive) and one ordinary name. */
const nameArb = fc.oneof(
  fc.constantFrom(...MEMBER_NAMES),
  fc.constantFrom(...MEMBER_NAMES).map((name) => name.toUpperCase()),
  fc.constant('VPN'),
);

function preset(id: string): ScenarioDocument {
  const found = findPreset(id);
  if (!found) throw new Error(`no preset ${id}`);
  return structuredClone(found.document);
}

/** Numbered ACL lines as one `ip access-list extended <number>` block each: same entries. */
function namedAcls(config: string): string {
  return config.replace(/^access-list (\d+) (.*)$/gm, 'ip access-list extended $1\n $2');
}

/** The document with each word `from` (a whole word of a router config) replaced by `to`. */
function renamed(document: ScenarioDocument, names: ReadonlyMap<string, string>): ScenarioDocument {
  const nodes = document.nodes.map((node) => {
    if (node.kind !== 'router') return node;
    let config = namedAcls(node.config);
    for (const [from, to] of names) {
      config = config.replace(new RegExp(`(?<=\\s)${from}(?=\\s|$)`, 'gm'), () => to);
    }
    return { ...node, config };
  });
  return { ...document, nodes };
}

/** What a run did, without the names: when and what each record is. */
function shape(document: ScenarioDocument): string[] {
  const parsed = parseScenario(document);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return simulate(parsed.loaded).records.map(
    (r) => `${r.atMs} ${r.kind} ${'event' in r ? r.event : ''}`,
  );
}

/** The names each preset defines and refers to, by kind. */
const RENAMABLE: ReadonlyArray<[string, readonly string[]]> = [
  ['baseline', ['101', 'TS', 'CMAP']],
  ['dynamic-map-hub-reload', ['101', 'TS', 'CMAP', 'DYN']],
  ['svti-reload', ['TS', 'PROF']],
  ['dmvpn-hub-reload', ['TS', 'PROF']],
  ['ezvpn-client-reload', ['EZ', 'EZGROUP', 'EZ-AUTHOR', 'TS', 'CMAP', 'DYN']],
  ['hsrp-headend-failover', ['101', 'TS', 'CMAP', 'VPN-HA']],
];

describe('names that are members of Object.prototype', () => {
  it.each(RENAMABLE)('%s runs the same with its names renamed to them', (id, tokens) => {
    const original = shape(preset(id));
    fc.assert(
      fc.property(fc.tuple(...tokens.map(() => nameArb)), (names) => {
        const renames = new Map(tokens.map((token, i) => [token, names[i] as string]));
        expect(shape(renamed(preset(id), renames))).toEqual(original);
      }),
      { numRuns: 25, seed: 14 },
    );
  });

  it('a reference to a list, map, set or profile that does not exist is read, not a crash', () => {
    const references: ReadonlyArray<[string, RegExp, string]> = [
      ['baseline', /match address 101/g, 'match address $'],
      ['baseline', /set transform-set TS/g, 'set transform-set $'],
      ['baseline', /^ crypto map CMAP$/gm, ' crypto map $'],
      ['dynamic-map-hub-reload', /dynamic DYN/g, 'dynamic $'],
      ['svti-reload', /ipsec profile PROF$/gm, 'ipsec profile $'],
      ['svti-reload', /tunnel source FastEthernet0\/0/g, 'tunnel source $'],
      ['hsrp-headend-failover', /redundancy VPN-HA/g, 'redundancy $'],
      ['ezvpn-client-reload', /ezvpn EZ inside/g, 'ezvpn $ inside'],
    ];
    for (const [id, pattern, replacement] of references) {
      for (const name of MEMBER_NAMES) {
        const document = preset(id);
        for (const node of document.nodes) {
          if (node.kind === 'router')
            node.config = node.config.replace(pattern, () => replacement.replace('$', name));
        }
        const parsed = parseScenario(document);
        if (parsed.ok) expect(simulate(parsed.loaded).records.length).toBeGreaterThan(0);
        else expect(parsed.errors.map((e) => e.message).join('\n')).toContain(name);
      }
    }
  });

  it('the console takes them in every command', () => {
    const lines = [
      ['show access-lists $'],
      ['show crypto map tag $'],
      ['show running-config interface $'],
      ['show $', '$ ?', 'debug $', 'ping $'],
      [
        'configure terminal',
        'ip access-list extended $',
        'permit ip any any',
        'end',
        'show access-lists',
      ],
      [
        'configure terminal',
        'crypto map CMAP 10 ipsec-isakmp',
        'match address $',
        'end',
        'show crypto map',
      ],
      ['configure terminal', 'crypto ipsec transform-set $ esp-aes esp-sha-hmac', 'end'],
      ['configure terminal', 'interface $', 'hostname $', '$ ?', 'end'],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...lines), nameArb, (typed, name) => {
        const transcript = type(openSession(), ...typed.map((line) => line.replaceAll('$', name)));
        expect(transcript.join('\n')).not.toMatch(/TypeError|undefined|\[object/);
        if (typed.includes('show crypto map'))
          expect(transcript.join('\n')).toContain(`Extended IP access list ${name}`);
      }),
      { numRuns: 120, seed: 14 },
    );
  });

  describe('in the studio', () => {
    beforeEach(() => useSimStore.setState(INITIAL_STATE, true));

    it('a config of such names loads and runs whole, and a timeline config action applies', () => {
      for (const name of MEMBER_NAMES) {
        const document = renamed(preset('baseline'), new Map([['101', name]]));
        const timeline = [
          {
            atMs: 60_000,
            action: 'config' as const,
            node: 'R1',
            lines: [`ip access-list extended ${name}`, ' permit ip any any'],
          },
        ];
        loadDocument({ ...document, timeline });
        const { errors, run } = useSimStore.getState();
        expect(errors).toEqual([]);
        expect(run !== null && isComplete(run)).toBe(true);
        const config = run?.records.find((r) => r.kind === 'fault' && r.event === 'config');
        expect(config && 'detail' in config ? config.detail : null).toBe(
          timeline[0]?.lines.join('\n'),
        );
      }
    });
  });

  it('links that name them get a clear answer', () => {
    for (const name of MEMBER_NAMES) {
      const lesson = routeFromHash(`#lesson=${name}`);
      expect(lesson).toEqual({ kind: 'lesson', id: name, step: 1, stepError: null });
      const step = routeFromHash(`#lesson=black-hole&step=${name}`);
      expect(step.kind === 'lesson' && step.stepError).toContain(name);
      expect(findLesson(name)).toBeUndefined();
      const presetLink = routeFromHash(`#preset=${name}`);
      expect(presetLink.kind).toBe('error');
      const part = routeFromHash(`#preset=baseline&${name}=1`);
      expect(part.kind).toBe('error');
      for (const payload of [
        `reload-black-hole~R2~${name}~off~on`,
        `reload-black-hole~${name}~invalid-spi-recovery~off~on`,
        `reload-black-hole~R2~invalid-spi-recovery~${name}~on`,
        `reload-black-hole~R2~keepalive~off~${name}`,
        `${name}~R2~idle-time~120~off`,
        `${name}~${name}`,
      ]) {
        const prepared = prepareCompare(payload);
        expect(prepared.kind, payload).toBe('error');
        if (prepared.kind === 'error') expect(prepared.errors.join(' '), payload).toContain(name);
      }
    }
  });
});
