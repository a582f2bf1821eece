// `show crypto engine connections active`: the crypto engine's connections, one per IKE SA whose
// keys are derived and one per IPsec SA, in the 12.4 layout a public capture shows (`ID
// Interface IP-Address State Algorithm Encrypt Decrypt`). The ids are the ones the router prints
// elsewhere: an IKE SA's conn-id (`ISAKMP:(1001):`, `show crypto isakmp sa`), an IPsec SA's
// `conn id` of `show crypto ipsec sa` (2001, 2002…). Simplified: the algorithm names are
// recalled (`HMAC_SHA+AES_CBC` for IKE, `AES+SHA` for ESP), the IKE suite is the router's first
// policy by priority (as `show crypto isakmp sa detail`), and a flow's packet counts are given to
// its newest SA of each direction (the simulation counts packets per flow, not per SA).

import { isakmpConnId } from '../../ios/isakmpConnId';
import type { InterfaceConfig, IsakmpPolicy, RouterConfig } from '../../ios/types';
import type { IkeSaView, IpsecFlowView, RouterView, SaEntryView } from '../../sim/snapshot';
import { localAddress } from './showCryptoSession';

const HEADER =
  '   ID Interface            IP-Address      State  Algorithm           Encrypt  Decrypt';

/** IOS's IKE cipher names in the engine table. */
const IKE_CIPHERS: Record<string, string> = {
  des: 'DES_56_CBC',
  '3des': '3DES_168_CBC',
  aes: 'AES_CBC',
};

/** ESP transforms as the engine names them: `esp-aes esp-sha-hmac` → `AES+SHA`. */
function espAlgorithm(transform: string): string {
  const words = transform.split(' ');
  const cipher = words.find((word) => /^esp-(aes|3des|des|null)/.test(word));
  const bits = words.find((word) => /^(128|192|256)$/.test(word));
  const hash = words.find((word) => word.endsWith('-hmac'));
  const cipherName = (cipher?.slice('esp-'.length) ?? 'null').toUpperCase();
  const hashName = hash === undefined ? '' : `+${hash.split('-')[1]?.toUpperCase() ?? ''}`;
  return `${cipherName}${bits !== undefined && bits !== '128' ? bits : ''}${hashName}`;
}

function ikeAlgorithm(policy: IsakmpPolicy | undefined): string {
  if (policy === undefined) return 'HMAC_SHA+DES_56_CBC';
  const cipher = policy.encryption.split(' ')[0] ?? policy.encryption;
  return `HMAC_${policy.hash.toUpperCase()}+${IKE_CIPHERS[cipher] ?? cipher.toUpperCase()}`;
}

function row(
  id: number,
  interfaceName: string,
  address: string,
  algorithm: string,
  encrypt: number,
  decrypt: number,
): string {
  return (
    String(id).padStart(5) +
    ` ${interfaceName.padEnd(21)}${address.padEnd(16)}${'set'.padEnd(7)}${algorithm.padEnd(19)}` +
    `${String(encrypt).padStart(8)} ${String(decrypt).padStart(8)}`
  );
}

function interfaceWith(config: RouterConfig, address: string): InterfaceConfig | undefined {
  return config.interfaces.find((iface) => iface.address?.ip === address && iface.tunnel === null);
}

function ikeRows(view: RouterView, config: RouterConfig): string[] {
  const policy = [...config.isakmpPolicies].sort((a, b) => a.priority - b.priority)[0];
  return view.ike
    .filter((sa: IkeSaView) => sa.status === 'ACTIVE' && isakmpConnId(sa) !== 0)
    .map((sa) => {
      const local = localAddress(sa);
      const name = interfaceWith(config, local)?.name ?? '';
      return row(isakmpConnId(sa), name, local, ikeAlgorithm(policy), 0, 0);
    });
}

function saRows(flow: IpsecFlowView, sas: readonly SaEntryView[], inbound: boolean): string[] {
  const newest = sas.at(-1);
  return sas.map((sa) => {
    const packets = sa === newest ? (inbound ? flow.decaps : flow.encaps) : 0;
    return row(
      sa.connId,
      flow.interfaceName,
      flow.localAddr,
      espAlgorithm(sa.transform),
      inbound ? 0 : packets,
      inbound ? packets : 0,
    );
  });
}

export function showEngineConnections(view: RouterView, config: RouterConfig): string[] {
  const ipsec = view.ipsec.flatMap((flow) => [
    ...saRows(flow, flow.inbound, true),
    ...saRows(flow, flow.outbound, false),
  ]);
  const byId = (a: string, b: string) => Number(a.slice(0, 5)) - Number(b.slice(0, 5));
  return ['', HEADER, ...[...ikeRows(view, config), ...ipsec].sort(byId), ''];
}
