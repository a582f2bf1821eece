// IPsec transform sets: the transforms of `crypto ipsec transform-set NAME T1 [T2 [T3 [T4]]]`
// and the `mode tunnel|transport` submode.

import { echoed } from '../echo';
import type { TransformSet } from '../types';
import { ArgReader } from './argReader';
import { SINGLE_SETTING, type SubmodeSpec } from './commandTable';
import type { Reporter } from './reporter';

type TransformKind = 'ah' | 'esp-cipher' | 'esp-hmac' | 'compression';

interface TransformInfo {
  kind: TransformKind;
  /** Key sizes the transform takes as a following word; the first one is the default. */
  keyBits?: readonly string[];
  /** GCM and GMAC authenticate by themselves: IOS refuses an ESP HMAC beside them. */
  combinedMode?: boolean;
}

const AES_KEY_BITS = ['128', '192', '256'] as const;

const TRANSFORMS = new Map<string, TransformInfo>([
  ['esp-des', { kind: 'esp-cipher' }],
  ['esp-3des', { kind: 'esp-cipher' }],
  ['esp-aes', { kind: 'esp-cipher', keyBits: AES_KEY_BITS }],
  ['esp-gcm', { kind: 'esp-cipher', keyBits: AES_KEY_BITS, combinedMode: true }],
  ['esp-gmac', { kind: 'esp-cipher', keyBits: AES_KEY_BITS, combinedMode: true }],
  ['esp-seal', { kind: 'esp-cipher' }],
  ['esp-null', { kind: 'esp-cipher' }],
  ['esp-md5-hmac', { kind: 'esp-hmac' }],
  ['esp-sha-hmac', { kind: 'esp-hmac' }],
  ['esp-sha256-hmac', { kind: 'esp-hmac' }],
  ['esp-sha384-hmac', { kind: 'esp-hmac' }],
  ['esp-sha512-hmac', { kind: 'esp-hmac' }],
  ['ah-md5-hmac', { kind: 'ah' }],
  ['ah-sha-hmac', { kind: 'ah' }],
  ['ah-sha256-hmac', { kind: 'ah' }],
  ['ah-sha384-hmac', { kind: 'ah' }],
  ['ah-sha512-hmac', { kind: 'ah' }],
  ['comp-lzs', { kind: 'compression' }],
]);

const KIND_NAMES: Record<TransformKind, string> = {
  ah: 'AH transform',
  'esp-cipher': 'ESP encryption transform',
  'esp-hmac': 'ESP authentication transform',
  compression: 'compression transform',
};

/**
 * The transforms of a transform-set line, as `show running-config` writes them ('esp-aes',
 * 'esp-aes 256'), or null after reporting the first problem. IOS takes at most one transform of
 * each kind (AH, ESP encryption, ESP authentication, compression).
 */
export function readTransforms(args: readonly string[], report: Reporter): string[] | null {
  if (args.length === 0) {
    report.error('incomplete command: expected transforms, e.g. esp-aes esp-sha-hmac');
    return null;
  }
  const transforms: string[] = [];
  const chosen = new Map<TransformKind, string>();
  let index = 0;
  while (index < args.length) {
    const word = args[index] ?? '';
    index += 1;
    const name = word.toLowerCase();
    const info = TRANSFORMS.get(name);
    if (info === undefined) {
      report.error(
        `${echoed(word)} is not an IOS transform: expected ${[...TRANSFORMS.keys()].join(', ')}`,
      );
      return null;
    }
    const previous = chosen.get(info.kind);
    if (previous !== undefined) {
      report.error(
        `${echoed(name)} conflicts with ${echoed(previous)}: a set has one ${KIND_NAMES[info.kind]}`,
      );
      return null;
    }
    chosen.set(info.kind, name);
    const next = args[index];
    if (info.keyBits === undefined || next === undefined || !/^\d+$/.test(next)) {
      transforms.push(name);
      continue;
    }
    if (!info.keyBits.includes(next)) {
      report.error(`${next} is not a key size of ${name}: expected ${info.keyBits.join(', ')}`);
      return null;
    }
    index += 1;
    transforms.push(next === info.keyBits[0] ? name : `${name} ${next}`);
  }
  const cipher = chosen.get('esp-cipher');
  const hmac = chosen.get('esp-hmac');
  if (cipher !== undefined && hmac !== undefined && TRANSFORMS.get(cipher)?.combinedMode) {
    report.error(
      `${echoed(cipher)} authenticates by itself: IOS refuses it together with ${echoed(hmac)}`,
    );
    return null;
  }
  return transforms;
}

/** A transform set in tunnel mode, the IOS default. */
export function newTransformSet(name: string, transforms: string[]): TransformSet {
  return { name, transforms, mode: 'tunnel' };
}

export const TRANSFORM_SET_MODE: SubmodeSpec<TransformSet> = {
  label: 'transform set',
  opener: 'crypto ipsec transform-set NAME TRANSFORMS',
  commands: [
    {
      path: 'mode',
      identityArgs: SINGLE_SETTING,
      apply: (set, args, report) => {
        const r = new ArgReader(args, report);
        const mode = r.keyword('encapsulation mode', ['tunnel', 'transport']);
        const require = mode === 'transport' && r.optionalKeyword(['require']) !== null;
        if (mode === null || !r.end()) return;
        set.mode = mode;
        if (require) {
          report.unsupported("'require' is not simulated: transport mode is used when offered");
        }
      },
      applyNo: (set) => {
        set.mode = 'tunnel';
      },
    },
  ],
};
