// Crypto map entries that run but protect nothing, said rather than run silently: IOS leaves an
// entry without a peer, an access list or an existing transform set disabled, and says so when
// it is configured ([M] ios-behavior.md 8.9); and a map set that no interface uses is never
// consulted at all (Cisco IOS Security Configuration Guide: a crypto map set takes effect once
// applied to an interface). One note per entry or map, at its first `crypto map` line.

import { lexConfig } from '../ios/config/lexer';
import { missingFromEntry } from '../ios/cryptoMapStatus';
import type { RouterConfig } from '../ios/types';
import type { ConfigLineNote } from './types';

/** What is wrong with each crypto map of `config`, by "NAME SEQ" (an entry) or "NAME" (a set). */
function problems(config: RouterConfig): Map<string, string> {
  const found = new Map<string, string>();
  const applied = new Set(config.interfaces.map((iface) => iface.cryptoMap));
  for (const entry of config.cryptoMaps) {
    if (!applied.has(entry.map) && !found.has(entry.map)) {
      found.set(
        entry.map,
        `crypto map ${entry.map} is applied to no interface: it encrypts nothing and starts no IKE until an interface has \`crypto map ${entry.map}\``,
      );
    }
    const missing = missingFromEntry(entry, config);
    if (missing.length > 0) {
      found.set(
        `${entry.map} ${entry.seq}`,
        `crypto map ${entry.map} ${entry.seq} protects nothing until it is complete: ${missing.join(', ')}`,
      );
    }
  }
  return found;
}

/** A note at the first `crypto map` line of each problem `config` has (`text` its source). */
export function cryptoMapWarnings(text: string, config: RouterConfig): ConfigLineNote[] {
  const pending = problems(config);
  if (pending.size === 0) return [];
  const notes: ConfigLineNote[] = [];
  for (const line of lexConfig(text)) {
    if (line.kind !== 'command' || line.indented) continue;
    const [crypto, map, name, seq] = line.words;
    if (crypto?.toLowerCase() !== 'crypto' || map?.toLowerCase() !== 'map') continue;
    for (const key of [`${name}`, `${name} ${seq}`]) {
      const message = pending.get(key);
      if (message === undefined) continue;
      notes.push({ line: line.lineNo, text: line.raw, message });
      pending.delete(key);
    }
  }
  return notes;
}
