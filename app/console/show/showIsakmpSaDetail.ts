// `show crypto isakmp sa detail` in the IOS 12.4T layout: the codes legend, then one row per IKE
// SA with its conn-id, addresses, the suite in use and the remaining lifetime, and the engine's
// `Engine-id:Conn-id` line under it. Row fields as a public capture prints them
// (`1001  10.1.1.1  20.1.1.2  ACTIVE aes  sha  psk  2  23:59:10 D`, `Engine-id:Conn-id =  SW:1`);
// the column widths follow the header, recalled. Simplified: the suite shown is the router's
// first policy by priority, the one the engine takes the IKE lifetime from (ikeControl.ts); the
// engine's connection number is the conn-id less 1000, as in the capture.

import { isakmpConnId } from '../../ios/isakmpConnId';
import { formatClockDuration } from '../../ios/show';
import type { IsakmpPolicy, RouterConfig } from '../../ios/types';
import type { IkeSaView, RouterView } from '../../sim/snapshot';
import { CAPABILITY, localAddress } from './showCryptoSession';

const LEGEND = [
  'Codes: C - IKE configuration mode, D - Dead Peer Detection',
  '       K - Keepalives, N - NAT-traversal',
  '       X - IKE Extended Authentication',
  '       psk - Preshared key, rsig - RSA signature',
  '       renc - RSA encryption',
];

const HEADER =
  'C-id  Local           Remote          I-VRF    Status Encr Hash Auth DH Lifetime Cap.';

const AUTH: Record<string, string> = { 'pre-share': 'psk', 'rsa-sig': 'rsig', 'rsa-encr': 'renc' };

/** IOS's default suite when no policy is configured: DES, SHA, RSA signatures, group 1. */
const DEFAULT_POLICY: IsakmpPolicy = {
  priority: 65535,
  encryption: 'des',
  hash: 'sha',
  authentication: 'rsa-sig',
  group: 1,
  lifetimeSec: 86_400,
};

function row(sa: IkeSaView, policy: IsakmpPolicy): string[] {
  // The same conn-id as the plain table: 0 until the keys are derived.
  const connId = isakmpConnId(sa);
  const encryption = policy.encryption.split(' ')[0] ?? policy.encryption;
  const capability = sa.liveness === 'none' ? '' : CAPABILITY[sa.liveness];
  return [
    String(connId).padEnd(6) +
      localAddress(sa).padEnd(16) +
      sa.peer.padEnd(16) +
      ''.padEnd(9) +
      // As in the plain table: a deleted SA lingers as `ACTIVE (deleted)` until purged.
      `${sa.status === 'DELETED' ? 'ACTIVE (deleted)' : 'ACTIVE'} ` +
      encryption.padEnd(5) +
      policy.hash.padEnd(5) +
      (AUTH[policy.authentication] ?? policy.authentication).padEnd(5) +
      String(policy.group).padEnd(3) +
      `${formatClockDuration(sa.lifetimeRemainingSec)} ${capability}`.trimEnd(),
    `       Engine-id:Conn-id =  SW:${Math.max(0, connId - 1000)}`,
    '',
  ];
}

export function showIsakmpSaDetail(
  view: RouterView,
  config: Pick<RouterConfig, 'isakmpPolicies'>,
): string[] {
  const policy =
    [...config.isakmpPolicies].sort((a, b) => a.priority - b.priority)[0] ?? DEFAULT_POLICY;
  return [
    ...LEGEND,
    'IPv4 Crypto ISAKMP SA',
    '',
    HEADER,
    '',
    ...view.ike.flatMap((sa) => row(sa, policy)),
    'IPv6 Crypto ISAKMP SA',
    '',
  ];
}
