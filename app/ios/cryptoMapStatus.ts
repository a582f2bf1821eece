// Pure. Whether a crypto map entry is complete: IOS leaves an entry without a peer, without a
// valid access list or without an existing transform set disabled, and it protects nothing
// ([M] ios-behavior.md 8.9). Read by the engine (which skips such entries), by `show crypto map`
// and by the console, which says so when the entry is configured.

import type { CryptoMapEntry, DynamicMapEntry, RouterConfig } from './types';

/**
 * What keeps a static entry from working, in plain words ("no peer is set"), in the order IOS
 * asks for them; [] when it is complete. An entry that instantiates a dynamic map has none.
 */
export function missingFromEntry(entry: CryptoMapEntry, config: RouterConfig): string[] {
  if (entry.dynamicMap !== null) return [];
  const missing: string[] = [];
  if (entry.peers.length === 0) missing.push('no peer is set');
  if (entry.matchAcl === null) missing.push('no access list is matched');
  else if (!config.accessLists.has(entry.matchAcl))
    missing.push(`access list ${entry.matchAcl} is not defined`);
  missing.push(...transformSetProblem(entry, config));
  return missing;
}

/** What keeps a dynamic map entry from answering: its transform set (peer and ACL are optional). */
export function missingFromDynamicEntry(entry: DynamicMapEntry, config: RouterConfig): string[] {
  return transformSetProblem(entry, config);
}

function transformSetProblem(
  entry: { transformSet: string | null },
  config: RouterConfig,
): string[] {
  if (entry.transformSet === null) return ['no transform set is set'];
  return config.transformSets.some((set) => set.name === entry.transformSet)
    ? []
    : [`transform set ${entry.transformSet} is not defined`];
}

/**
 * The note IOS prints when a new static entry is configured (`crypto map NAME SEQ ipsec-isakmp`):
 * it stays disabled until it has a peer and a valid access list ([M] recalled wording).
 */
export const NEW_CRYPTO_MAP_NOTE: readonly string[] = [
  '% NOTE: This new crypto map will remain disabled until a peer',
  '        and a valid access list have been configured.',
];
