// Random fault schedules over a few presets (and a three-spoke dmvpnScenario), for the property
// tests of the engine (properties.test.ts): a preset, a random seed and up to six random timeline
// entries (reloads, link flaps, `clear crypto`, DPD / invalid-SPI-recovery / idle-time /
// lifetime / transform-set config toggles, traffic stop and start), run for five minutes.
// Test-only: nothing in the app imports it.

import fc from 'fast-check';
import { parseScenario } from '../scenario/parseScenario';
import { dmvpnScenario, findPreset, PRESETS } from '../scenario/presets';
import type { ScenarioDocument } from '../scenario/schema';
import type { LoadedScenario } from '../scenario/types';

export type TimelineDocument = NonNullable<ScenarioDocument['timeline']>[number];

/**
 * Five minutes: long enough for DPD, idle timers, short lifetimes, a reload and its recovery,
 * short enough for a thousand schedules in CI.
 */
export const DURATION_MS = 300_000;

/** Not a preset: dmvpnScenario(3), a hub and three spokes running periodic DPD. */
const DMVPN_3 = 'dmvpnScenario(3)';
const dmvpn3 = dmvpnScenario(3);

/** The scenarios faults are drawn over; PROPERTY_PRESETS=all for every built-in preset too. */
export const BASE_PRESETS: readonly string[] =
  process.env.PROPERTY_PRESETS === 'all'
    ? [...PRESETS.map((preset) => preset.id), DMVPN_3]
    : [
        'baseline',
        'reload-invalid-spi-recovery',
        'dpd-backup-peer',
        'idle-timer',
        'dmvpn-spoke-reload',
        'rekey-race',
        'hsrp-headend-failover',
        'ezvpn-client-reload',
        'transform-set-mismatch',
        'volume-lifetime',
        DMVPN_3,
      ];

export const CONFIG_TOGGLES: ReadonlyArray<readonly string[]> = [
  ['crypto isakmp invalid-spi-recovery'],
  ['no crypto isakmp invalid-spi-recovery'],
  ['crypto isakmp keepalive 10 2 periodic'],
  ['no crypto isakmp keepalive'],
  ['crypto ipsec security-association idle-time 60'],
  // Short lifetimes, so that IPsec rekeys and IKE SA expiry happen within the run.
  ['crypto ipsec security-association lifetime seconds 120'],
  ['crypto isakmp policy 10', ' lifetime 60'],
  // Quick modes that fail, and SAs that run out of kilobytes (with volume-lifetime's pings).
  ['crypto ipsec transform-set TS esp-3des esp-md5-hmac'],
  ['crypto ipsec security-association lifetime kilobytes 2560'],
];

/**
 * When faults happen: anywhere in the run, or in bursts a few hundred ms around moments where
 * something is in flight (the first ping at 5 s, the presets' faults at 60 s and 2:00, a reload's
 * boot 30 s later, rekey-race's first rekey while R2 programs its SA, volume-lifetime's first
 * rekey), so that faults land in the middle of negotiations.
 */
const ANCHORS_MS = [5_000, 60_000, 92_680, 120_000, 136_000, 150_000] as const;

const EXECS = ['clear crypto sa', 'clear crypto isakmp'] as const;

/** What fast-check generates and prints on failure: the preset, the seed, the extra faults. */
export interface Case {
  preset: string;
  seed: number;
  faults: TimelineDocument[];
}

export function baseDocument(id: string): ScenarioDocument {
  if (id === DMVPN_3) return dmvpn3;
  const preset = findPreset(id);
  if (!preset) throw new Error(`no preset ${id}`);
  return preset.document;
}

function faultArbitrary(doc: ScenarioDocument): fc.Arbitrary<TimelineDocument> {
  const routers = doc.nodes.filter((n) => n.kind === 'router').map((n) => n.id);
  const links = doc.links.map((l) => l.id);
  const flows = (doc.traffic ?? []).map((f) => f.id);
  const atMs = fc.oneof(
    fc.integer({ min: 0, max: DURATION_MS }),
    fc
      .tuple(fc.constantFrom(...ANCHORS_MS), fc.integer({ min: -100, max: 600 }))
      .map(([anchor, offset]) => anchor + offset),
  );
  const router = fc.constantFrom(...routers);
  const options: Array<fc.Arbitrary<TimelineDocument>> = [
    fc.record({ atMs, action: fc.constant('reload' as const), node: router }),
    fc.record({
      atMs,
      action: fc.constantFrom('link-down' as const, 'link-up' as const),
      link: fc.constantFrom(...links),
    }),
    fc.record({
      atMs,
      action: fc.constant('exec' as const),
      node: router,
      command: fc.constantFrom(...EXECS),
    }),
    fc.record({
      atMs,
      action: fc.constant('config' as const),
      node: router,
      lines: fc.constantFrom(...CONFIG_TOGGLES).map((lines) => [...lines]),
    }),
  ];
  if (flows.length > 0) {
    options.push(
      fc.record({
        atMs,
        action: fc.constant('traffic' as const),
        flow: fc.constantFrom(...flows),
        state: fc.constantFrom('start' as const, 'stop' as const),
      }),
    );
  }
  return fc.oneof(...options);
}

export const caseArbitrary: fc.Arbitrary<Case> = fc.oneof(
  ...BASE_PRESETS.map((preset) =>
    fc.record({
      preset: fc.constant(preset),
      seed: fc.integer({ min: 0, max: 0xffff_ffff }),
      faults: fc.array(faultArbitrary(baseDocument(preset)), { maxLength: 6 }),
    }),
  ),
);

export function buildDocument(c: Case): ScenarioDocument {
  const base = baseDocument(c.preset);
  return {
    ...base,
    seed: c.seed,
    durationMs: DURATION_MS,
    timeline: [...(base.timeline ?? []).filter((e) => e.atMs <= DURATION_MS), ...c.faults],
  };
}

export function loadDocument(doc: unknown): LoadedScenario {
  const result = parseScenario(doc);
  if (!result.ok) throw new Error(`scenario does not parse: ${JSON.stringify(result.errors)}`);
  return result.loaded;
}
