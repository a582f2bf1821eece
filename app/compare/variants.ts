// The two scenario documents of a comparison, and how to name each side. Pure.
//
// A feature comparison edits one router's startup-config of a built-in scenario twice, with the
// same `configure terminal` lines the studio's remedy switches type (featureLines), so that A and
// B differ in exactly those lines and nothing else. A preset comparison takes two built-in
// scenarios as they are (same story, different crypto configuration).

import { applyConfigLines } from '../ios/applyConfigLines';
import { type FeatureChange, featureLines } from '../scenario/features';
import { findPreset, type Preset } from '../scenario/presets';
import type { CryptoStyle } from '../scenario/presets/preset';
import type { ScenarioDocument } from '../scenario/schema';
import type { CompareSpec } from './payload';

export type Side = 'a' | 'b';

export interface Variant {
  side: Side;
  document: ScenarioDocument;
  /** Column heading, short: "Invalid-SPI recovery ON", "Periodic DPD 60 s / 2 s". */
  title: string;
  /** Completes a sentence after "With…": "with invalid-SPI recovery on R2". Lower case. */
  phrase: string;
  /** What makes this side this side: the typed lines (router prompt first), or the preset. */
  detail: string;
  /** The preset it starts from. */
  presetId: string;
}

export interface VariantPair {
  /** What is compared, for the page heading: "Invalid-SPI recovery on R2 in “R2 reloads…”". */
  heading: string;
  a: Variant;
  b: Variant;
}

export type Built = { ok: true; pair: VariantPair } | { ok: false; errors: string[] };

/** "R2 reloads: the black hole" → its document with `lines` applied to `router`'s config. */
export function withConfigLines(
  base: ScenarioDocument,
  router: string,
  lines: string[],
): { document: ScenarioDocument; errors: string[] } {
  let errors: string[] = [];
  let found = false;
  const nodes = (base.nodes ?? []).map((node) => {
    if (node.id !== router || node.kind !== 'router') return node;
    found = true;
    const applied = applyConfigLines(node.config, lines);
    errors = applied.errors.map((e) => `${router}: "${e.text}" is refused: ${e.message}`);
    return { ...node, config: applied.text };
  });
  if (!found) errors.push(`the scenario has no router "${router}"`);
  return { document: { ...base, nodes }, errors };
}

/** Title and phrase of one feature value on one router. */
export function featureLabel(
  change: FeatureChange,
  router: string,
): { title: string; phrase: string } {
  switch (change.feature) {
    case 'invalidSpiRecovery':
      return change.on
        ? { title: 'Invalid-SPI recovery ON', phrase: `with invalid-SPI recovery on ${router}` }
        : {
            title: 'Invalid-SPI recovery OFF',
            phrase: `without invalid-SPI recovery on ${router}`,
          };
    case 'keepalive': {
      const k = change.value;
      if (k === null) return { title: 'No DPD', phrase: `without DPD on ${router}` };
      const mode = k.mode === 'periodic' ? 'Periodic' : 'On-demand';
      return {
        title: `${mode} DPD ${k.seconds} s / ${k.retrySec} s`,
        phrase: `with ${mode.toLowerCase()} DPD on ${router}`,
      };
    }
    case 'idleTime':
      return change.seconds === null
        ? { title: 'No idle timer', phrase: `without an IPsec idle timer on ${router}` }
        : {
            title: `Idle time ${change.seconds} s`,
            phrase: `with a ${change.seconds} s idle timer on ${router}`,
          };
  }
}

const FEATURE_NAME: Record<FeatureChange['feature'], string> = {
  invalidSpiRecovery: 'Invalid-SPI recovery',
  keepalive: 'DPD',
  idleTime: 'IPsec SA idle time',
};

const STYLE_PHRASE: Record<CryptoStyle, string> = {
  'static-map': 'a static crypto map',
  'dynamic-map': 'a dynamic crypto map',
  'gre-tp': 'P2P GRE with tunnel protection',
  'mgre-static-nhrp': 'DMVPN with static NHRP mappings',
  'mgre-dynamic-nhrp': 'DMVPN with dynamic NHRP mappings',
  svti: 'a static VTI',
  ezvpn: 'EzVPN',
};

function featureVariant(
  side: Side,
  preset: Preset,
  router: string,
  change: FeatureChange,
): { variant: Variant; errors: string[] } {
  const lines = featureLines(change);
  const { document, errors } = withConfigLines(preset.document, router, lines);
  return {
    variant: {
      side,
      document,
      ...featureLabel(change, router),
      detail: lines.map((line) => `${router}(config)# ${line}`).join('\n'),
      presetId: preset.id,
    },
    errors: errors.map((e) => `${side.toUpperCase()}: ${e}`),
  };
}

function presetVariant(side: Side, preset: Preset, other: Preset): Variant {
  const sameStyle = preset.cryptoStyle === other.cryptoStyle;
  return {
    side,
    document: preset.document,
    title: preset.title,
    phrase: sameStyle ? `in “${preset.title}”` : `with ${STYLE_PHRASE[preset.cryptoStyle]}`,
    detail: `${STYLE_PHRASE[preset.cryptoStyle]} (${preset.id})`,
    presetId: preset.id,
  };
}

/** The two documents of a comparison, or why they cannot be built. */
export function buildVariants(spec: CompareSpec): Built {
  if (spec.kind === 'preset') {
    const a = findPreset(spec.a);
    const b = findPreset(spec.b);
    if (!a || !b)
      return { ok: false, errors: [`no built-in scenario is called "${a ? spec.b : spec.a}"`] };
    return {
      ok: true,
      pair: {
        heading: `${a.title} vs ${b.title}`,
        a: presetVariant('a', a, b),
        b: presetVariant('b', b, a),
      },
    };
  }
  const preset = findPreset(spec.base);
  if (!preset) return { ok: false, errors: [`no built-in scenario is called "${spec.base}"`] };
  if (spec.a.feature !== spec.b.feature)
    return { ok: false, errors: ['A and B must set the same feature'] };
  const a = featureVariant('a', preset, spec.router, spec.a);
  const b = featureVariant('b', preset, spec.router, spec.b);
  const errors = [...a.errors, ...b.errors];
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    pair: {
      heading: `${FEATURE_NAME[spec.a.feature]} on ${spec.router} in “${preset.title}”`,
      a: a.variant,
      b: b.variant,
    },
  };
}
