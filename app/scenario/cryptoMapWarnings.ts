// Crypto map entries that run but protect nothing, said rather than run silently: IOS leaves an
// entry without a peer, an access list or an existing transform set disabled, and says so when
// it is configured ([M] ios-behavior.md 8.9). One note per entry, at its `crypto map` line.

import { lexConfig } from '../ios/config/lexer';
import { missingFromEntry } from '../ios/cryptoMapStatus';
import type { RouterConfig } from '../ios/types';
import type { ConfigLineNote } from './types';

/** A note at the opening line of each incomplete static entry of `config` (`text` its source). */
export function cryptoMapWarnings(text: string, config: RouterConfig): ConfigLineNote[] {
  const incomplete = config.cryptoMaps
    .map((entry) => ({ entry, missing: missingFromEntry(entry, config) }))
    .filter(({ missing }) => missing.length > 0);
  if (incomplete.length === 0) return [];
  const notes: ConfigLineNote[] = [];
  for (const line of lexConfig(text)) {
    if (line.kind !== 'command' || line.indented) continue;
    const [crypto, map, name, seq] = line.words;
    if (crypto?.toLowerCase() !== 'crypto' || map?.toLowerCase() !== 'map') continue;
    const found = incomplete.find(({ entry }) => entry.map === name && String(entry.seq) === seq);
    if (!found || notes.some((note) => note.message.startsWith(`crypto map ${name} ${seq} `)))
      continue;
    notes.push({
      line: line.lineNo,
      text: line.raw,
      message: `crypto map ${name} ${seq} protects nothing until it is complete: ${found.missing.join(', ')}`,
    });
  }
  return notes;
}
