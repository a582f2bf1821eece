// `show crypto isakmp policy` in the IOS 12.4 layout: the configured suites by priority, then
// the default suite IOS falls back to. IOS separates label and value with tabs; they are
// expanded here to 8-column stops, as a terminal shows them. The layout and wording are recalled
// (no public capture in our notes): kept plain.

import type { IsakmpPolicy, RouterConfig } from '../../ios/types';

const ENCRYPTION: Record<string, string> = {
  des: 'DES - Data Encryption Standard (56 bit keys).',
  '3des': 'Three key triple DES',
  aes: 'AES - Advanced Encryption Standard (128 bit keys).',
  'aes 128': 'AES - Advanced Encryption Standard (128 bit keys).',
  'aes 192': 'AES - Advanced Encryption Standard (192 bit keys).',
  'aes 256': 'AES - Advanced Encryption Standard (256 bit keys).',
};

const HASH: Record<string, string> = {
  sha: 'Secure Hash Standard',
  md5: 'Message Digest 5',
};

const AUTHENTICATION: Record<string, string> = {
  'pre-share': 'Pre-Shared Key',
  'rsa-sig': 'Rivest-Shamir-Adleman Signature',
  'rsa-encr': 'Rivest-Shamir-Adleman Encryption',
};

const DH_BITS: Record<number, number> = { 1: 768, 2: 1024, 5: 1536, 14: 2048 };

/** IOS's suite when no policy matches: DES, SHA, RSA signatures, group 1, one day. */
const DEFAULT_SUITE: Omit<IsakmpPolicy, 'priority'> = {
  encryption: 'des',
  hash: 'sha',
  authentication: 'rsa-sig',
  group: 1,
  lifetimeSec: 86_400,
};

/** `\tlabel:\t\tvalue` as a terminal shows it: tabs to the next multiple of 8 columns. */
function field(label: string, tabs: number, value: string): string {
  let text = ' '.repeat(8) + label;
  for (let tab = 0; tab < tabs; tab++) text += ' '.repeat(8 - (text.length % 8));
  return text + value;
}

function suiteLines(suite: Omit<IsakmpPolicy, 'priority'>): string[] {
  const bits = DH_BITS[suite.group];
  return [
    field('encryption algorithm:', 1, ENCRYPTION[suite.encryption] ?? suite.encryption),
    field('hash algorithm:', 2, HASH[suite.hash] ?? suite.hash),
    field(
      'authentication method:',
      1,
      AUTHENTICATION[suite.authentication] ?? suite.authentication,
    ),
    field(
      'Diffie-Hellman group:',
      1,
      `#${suite.group}${bits === undefined ? '' : ` (${bits} bit)`}`,
    ),
    field('lifetime:', 2, `${suite.lifetimeSec} seconds, no volume limit`),
  ];
}

export function showIsakmpPolicy(config: Pick<RouterConfig, 'isakmpPolicies'>): string[] {
  const policies = [...config.isakmpPolicies].sort((a, b) => a.priority - b.priority);
  return [
    'Global IKE policy',
    ...policies.flatMap((policy) => [
      `Protection suite of priority ${policy.priority}`,
      ...suiteLines(policy),
    ]),
    'Default protection suite',
    ...suiteLines(DEFAULT_SUITE),
  ];
}
