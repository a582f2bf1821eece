// `show crypto map` in the IOS 12.4 layout, from the running configuration and, for
// `Current peer`, the SAs the router holds. Fields indented by a tab (8 columns), ACL lines by
// 12, interfaces by 16; a blank line between entries and after each map. Layout from public 12.4 captures
// (`Transform sets={ TS, }` on one line is the pre-15.x form).

import { missingFromEntry } from '../../ios/cryptoMapStatus';
import type { AclEntry, CryptoMapEntry, RouterConfig } from '../../ios/types';
import type { RouterView } from '../../sim/snapshot';

const FIELD = ' '.repeat(8);
const ACL_LINE = ' '.repeat(12);
const INTERFACE = ' '.repeat(16);

/** `any`, `host A`, or `A WILDCARD`, as `show access-lists` writes a match. */
function addressMatch(address: string, wildcard: string): string {
  if (wildcard === '255.255.255.255') return 'any';
  if (wildcard === '0.0.0.0') return `host ${address}`;
  return `${address} ${wildcard}`;
}

export function aclEntryText(name: string, entry: AclEntry): string {
  const src = addressMatch(entry.src, entry.srcWildcard);
  const dst = addressMatch(entry.dst, entry.dstWildcard);
  return `access-list ${name} ${entry.action} ${entry.protocol} ${src} ${dst}`;
}

/** The peer the entry's SAs use, else the first configured peer (IOS starts there). */
function currentPeer(entry: CryptoMapEntry, view: RouterView): string | null {
  const peers = entry.peers.map((peer) => peer.address);
  const active = view.ipsec.find(
    (flow) => flow.cryptoMapTag === entry.map && peers.includes(flow.currentPeer),
  );
  return active?.currentPeer ?? peers[0] ?? null;
}

function aclLines(config: RouterConfig, acl: string | null): string[] {
  if (acl === null) return [`${FIELD}No matching address list set.`];
  const entries = config.accessLists.get(acl) ?? [];
  return [
    `${FIELD}Extended IP access list ${acl}`,
    ...entries.map((entry) => `${ACL_LINE}${aclEntryText(acl, entry)}`),
  ];
}

function entryLines(entry: CryptoMapEntry, config: RouterConfig, view: RouterView): string[] {
  const header = `Crypto Map "${entry.map}" ${entry.seq} ipsec-isakmp`;
  if (entry.dynamicMap !== null) {
    return [header, `${FIELD}Dynamic map template tag: ${entry.dynamicMap}`];
  }
  const peer = currentPeer(entry, view);
  const kilobytes = entry.saLifetimeKb ?? config.ipsecSaLifetimeKb;
  const seconds = entry.saLifetimeSec ?? config.ipsecSaLifetimeSec;
  const missing = missingFromEntry(entry, config);
  return [
    header,
    // IOS's warning for an entry it leaves disabled ([M] recalled); the list is ours.
    ...(missing.length === 0
      ? []
      : [
          `${FIELD}WARNING: This crypto map is in an incomplete state!`,
          `${INTERFACE}(${missing.join(', ')})`,
        ]),
    ...entry.peers.map((configured) => `${FIELD}Peer = ${configured.address}`),
    ...aclLines(config, entry.matchAcl),
    ...(peer === null ? [] : [`${FIELD}Current peer: ${peer}`]),
    `${FIELD}Security association lifetime: ${kilobytes} kilobytes/${seconds} seconds`,
    // `set pfs` is not simulated: no entry offers PFS.
    `${FIELD}PFS (Y/N): N`,
    `${FIELD}Transform sets={ ${entry.transformSet === null ? '' : `${entry.transformSet}, `}}`,
  ];
}

/** Each crypto map set in configuration order, its entries by sequence number. */
export function showCryptoMap(config: RouterConfig, view: RouterView): string[] {
  const names = [...new Set(config.cryptoMaps.map((entry) => entry.map))];
  return names.flatMap((name) => {
    const entries = config.cryptoMaps
      .filter((entry) => entry.map === name)
      .sort((a, b) => a.seq - b.seq);
    const interfaces = config.interfaces.filter((iface) => iface.cryptoMap === name);
    return [
      ...entries.flatMap((entry, index) => [
        ...(index > 0 ? [''] : []),
        ...entryLines(entry, config, view),
      ]),
      `${FIELD}Interfaces using crypto map ${name}:`,
      ...interfaces.map((iface) => `${INTERFACE}${iface.name}`),
      '',
    ];
  });
}
