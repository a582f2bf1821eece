// Interface names as `show running-config` writes them, from the abbreviations IOS accepts.

const INTERFACE_TYPES = [
  'Ethernet',
  'FastEthernet',
  'GigabitEthernet',
  'Serial',
  'Loopback',
  'Tunnel',
  'Null',
] as const;

/** Slot/port numbering such as 0, 0/1 or 1/0/2, with an optional .N subinterface. */
const INTERFACE_NUMBER = /^\d+(?:\/\d+)*(?:\.\d+)?$/;
const TYPE_THEN_NUMBER = /^([A-Za-z][A-Za-z-]*)(.*)$/;
const TYPE_ONLY = /^[A-Za-z][A-Za-z-]*$/;

export type InterfaceNameLookup =
  | { kind: 'name'; name: string }
  /** The type is not one the simulator models (Vlan, Port-channel, a typo...). */
  | { kind: 'unknown-type'; type: string }
  /** A modelled type whose number is missing or malformed. */
  | { kind: 'bad-number'; type: string };

/**
 * The canonical name of an interface reference: 'fa0/0' → 'FastEthernet0/0', 'Gi0/1' →
 * 'GigabitEthernet0/1', 'e0/0' → 'Ethernet0/0', 'Tu0' → 'Tunnel0'. As in IOS, the type may be
 * abbreviated to any prefix that names one type, in any case.
 */
export function lookupInterfaceName(text: string): InterfaceNameLookup {
  const parts = TYPE_THEN_NUMBER.exec(text);
  const typed = parts?.[1] ?? '';
  const candidates = INTERFACE_TYPES.filter((type) =>
    type.toLowerCase().startsWith(typed.toLowerCase()),
  );
  const type = candidates.length === 1 ? candidates[0] : undefined;
  if (typed === '' || type === undefined) return { kind: 'unknown-type', type: typed || text };
  if (!INTERFACE_NUMBER.test(parts?.[2] ?? '')) return { kind: 'bad-number', type };
  return { kind: 'name', name: `${type}${parts?.[2] ?? ''}` };
}

/**
 * Looks up the interface named at `words[start]`, written as one word ('Tunnel0') or, as IOS
 * also accepts, two ('Tunnel 0'). Null when there is no word at `start`.
 */
export function readInterfaceName(
  words: readonly string[],
  start: number,
): { lookup: InterfaceNameLookup; wordCount: number } | null {
  const first = words[start];
  if (first === undefined) return null;
  const second = words[start + 1];
  if (TYPE_ONLY.test(first) && second !== undefined && /^\d/.test(second)) {
    return { lookup: lookupInterfaceName(first + second), wordCount: 2 };
  }
  return { lookup: lookupInterfaceName(first), wordCount: 1 };
}

/** `words` with the interface named at `start` in canonical form, when it names one. */
export function canonicalInterfaceAt(words: readonly string[], start: number): string[] {
  const found = readInterfaceName(words, start);
  if (found === null || found.lookup.kind !== 'name') return [...words];
  return [...words.slice(0, start), found.lookup.name, ...words.slice(start + found.wordCount)];
}

/** Whether IOS can delete the interface with `no interface`: only virtual ones and subinterfaces. */
export function isRemovableInterface(canonicalName: string): boolean {
  return (
    canonicalName.startsWith('Tunnel') ||
    canonicalName.startsWith('Loopback') ||
    canonicalName.includes('.')
  );
}
