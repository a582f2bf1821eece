// Crypto map entries (`crypto map NAME SEQ ipsec-isakmp`) and dynamic crypto map entries
// (`crypto dynamic-map NAME SEQ`): the submodes that select traffic, peers and SA settings.

import type { CryptoMapEntry, DynamicMapEntry } from '../types';
import { ArgReader } from './argReader';
import {
  type CommandSpec,
  type CommandSyntax,
  leadingArgs,
  notSimulatedSettings,
  SINGLE_SETTING,
  type SubmodeSpec,
} from './commandTable';
import type { Reporter } from './reporter';
import {
  readIdleTime,
  readLifetimeKb,
  readLifetimeSec,
  readMatchAcl,
  readTransformSetName,
} from './saSettings';

/** The settings static and dynamic crypto map entries share, with the same IOS syntax. */
interface SharedEntrySettings {
  transformSet: string | null;
  matchAcl: string | null;
  saLifetimeSec: number | null;
  idleTime: CryptoMapEntry['idleTime'];
}

function sharedEntryCommands<E extends SharedEntrySettings>(): CommandSpec<E>[] {
  return [
    {
      path: 'set transform-set',
      identityArgs: SINGLE_SETTING,
      apply: (entry, args, report) => {
        entry.transformSet = readTransformSetName(args, report) ?? entry.transformSet;
      },
    },
    {
      path: 'match address',
      identityArgs: SINGLE_SETTING,
      apply: (entry, args, report) => {
        entry.matchAcl = readMatchAcl(args, report) ?? entry.matchAcl;
      },
    },
    {
      path: 'set security-association lifetime seconds',
      identityArgs: SINGLE_SETTING,
      apply: (entry, args, report) => {
        entry.saLifetimeSec = readLifetimeSec(args, report) ?? entry.saLifetimeSec;
      },
    },
    {
      path: 'set security-association idle-time',
      identityArgs: SINGLE_SETTING,
      apply: (entry, args, report) => {
        entry.idleTime = readIdleTime(args, report, true) ?? entry.idleTime;
      },
    },
  ];
}

export function newCryptoMapEntry(map: string, seq: number): CryptoMapEntry {
  return {
    map,
    seq,
    dynamicMap: null,
    peers: [],
    transformSet: null,
    matchAcl: null,
    saLifetimeSec: null,
    saLifetimeKb: null,
    idleTime: null,
  };
}

export function newDynamicMapEntry(name: string, seq: number): DynamicMapEntry {
  return { name, seq, transformSet: null, matchAcl: null, saLifetimeSec: null, idleTime: null };
}

/**
 * `set peer IP [default]`. IOS lists each peer once, in order; the `default` peer (tried first,
 * and returned to by `idle-time N default`) must be the first peer of the entry and is unique.
 */
function addPeer(entry: CryptoMapEntry, args: string[], report: Reporter): void {
  const r = new ArgReader(args, report);
  const address = r.ipv4('peer address');
  const isDefault = r.optionalKeyword(['default']) !== null;
  if (address === null || !r.end()) return;
  if (isDefault) {
    const current = entry.peers.find((peer) => peer.isDefault);
    if (current !== undefined) {
      report.error(
        `${current.address} is already the default peer: a crypto map entry has one default peer`,
      );
      return;
    }
    if (entry.peers.length > 0) {
      const others = entry.peers.map((peer) => peer.address).join(', ');
      report.error(`the default peer must be the entry's first peer, but ${others} came before it`);
      return;
    }
  }
  if (!entry.peers.some((peer) => peer.address === address)) {
    entry.peers.push({ address, isDefault });
  }
}

/** Entry lines IOS accepts that are not simulated, for both kinds of entry. */
const NOT_SIMULATED_ENTRY_LINES: CommandSyntax[] = notSimulatedSettings([
  'set pfs',
  'set isakmp-profile',
  'set security-association level',
  'set security-association replay',
  'set nat demux',
  'set reverse-route',
  'reverse-route',
  'qos pre-classify',
  'description',
]);

export const CRYPTO_MAP_MODE: SubmodeSpec<CryptoMapEntry> = {
  label: 'crypto map entry',
  opener: 'crypto map NAME SEQ ipsec-isakmp',
  commands: [
    {
      path: 'set peer',
      identityArgs: leadingArgs(1),
      apply: addPeer,
      applyNo: (entry, args) => {
        entry.peers = entry.peers.filter((peer) => peer.address !== args[0]);
      },
    },
    ...sharedEntryCommands<CryptoMapEntry>(),
    {
      path: 'set security-association lifetime kilobytes',
      identityArgs: SINGLE_SETTING,
      apply: (entry, args, report) => {
        entry.saLifetimeKb = readLifetimeKb(args, report) ?? entry.saLifetimeKb;
      },
    },
    ...NOT_SIMULATED_ENTRY_LINES,
  ],
};

export const DYNAMIC_MAP_MODE: SubmodeSpec<DynamicMapEntry> = {
  label: 'dynamic crypto map entry',
  opener: 'crypto dynamic-map NAME SEQ',
  commands: [
    ...sharedEntryCommands<DynamicMapEntry>(),
    { path: 'set peer', identityArgs: leadingArgs(1) },
    ...notSimulatedSettings(['set security-association lifetime kilobytes']),
    ...NOT_SIMULATED_ENTRY_LINES,
  ],
};
