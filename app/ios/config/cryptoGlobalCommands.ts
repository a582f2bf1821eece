// Global `crypto ...` commands: ISAKMP policies, keys and keepalives, transform sets, profiles,
// crypto maps, global SA lifetimes and the EzVPN client and server blocks.

import { parseIpv4 } from '../ipv4';
import type { RouterConfig } from '../types';
import { keywordsAbbreviatedBy } from './abbreviation';
import { ArgReader } from './argReader';
import { leadingArgs, SINGLE_SETTING } from './commandTable';
import {
  CRYPTO_MAP_MODE,
  DYNAMIC_MAP_MODE,
  newCryptoMapEntry,
  newDynamicMapEntry,
} from './cryptoMapModes';
import {
  EZVPN_CLIENT_MODE,
  EZVPN_GROUP_MODE,
  newEzvpnClient,
  newEzvpnServerGroup,
} from './ezvpnModes';
import { IPSEC_PROFILE_MODE, newIpsecProfile } from './ipsecProfileMode';
import { ISAKMP_POLICY_MODE, newIsakmpPolicy } from './isakmpPolicyMode';
import { type ActiveMode, type GlobalCommandSpec, openBlock } from './modes';
import type { Reporter } from './reporter';
import { readIdleTime, readLifetimeKb, readLifetimeSec } from './saSettings';
import { newTransformSet, readTransforms, TRANSFORM_SET_MODE } from './transformSetMode';

/** `crypto map NAME WORD ...` lines that are not entries (WORD is not a sequence number). */
const CRYPTO_MAP_OPTIONS = [
  'client',
  'isakmp',
  'isakmp-profile',
  'local-address',
  'redundancy',
  'gdoi',
];

/** The named item of `items`, created by `create` and appended when missing. */
function findOrAdd<T>(items: T[], matches: (item: T) => boolean, create: () => T): T {
  const existing = items.find(matches);
  if (existing !== undefined) return existing;
  const created = create();
  items.push(created);
  return created;
}

/** Runs a block opener whose only argument is the block's name. */
function openNamed(
  what: string,
  open: (config: RouterConfig, name: string) => ActiveMode,
): NonNullable<GlobalCommandSpec['apply']> {
  return (config, args, report) => {
    const r = new ArgReader(args, report);
    const name = r.word(what);
    return name !== null && r.end() ? open(config, name) : null;
  };
}

function openIsakmpPolicy(config: RouterConfig, args: string[], report: Reporter) {
  const r = new ArgReader(args, report);
  const priority = r.integer('ISAKMP policy priority', 1, 10000);
  if (priority === null || !r.end()) return null;
  const policy = findOrAdd(
    config.isakmpPolicies,
    (candidate) => candidate.priority === priority,
    () => newIsakmpPolicy(priority),
  );
  return openBlock(ISAKMP_POLICY_MODE, policy);
}

/** `crypto isakmp key [0|6] KEY address IP [MASK] [no-xauth]`; one key per address and mask. */
function setIsakmpKey(config: RouterConfig, args: string[], report: Reporter): null {
  const r = new ArgReader(args, report);
  let key = r.word('pre-shared key');
  // A leading 0 (clear text) or 6 (encrypted) is the key's encryption type, not the key.
  const encryptionType = (key === '0' || key === '6') && !r.nextIs('address') ? key : null;
  if (encryptionType !== null) key = r.word('pre-shared key');
  const selector = r.keyword('peer selector', ['address', 'hostname']);
  if (selector === 'hostname') {
    report.unsupported('keys for peers named by host name are not simulated');
    return null;
  }
  const address = r.ipv4('peer address');
  const mask = parseIpv4(r.peek() ?? '') === null ? null : r.mask('peer mask');
  r.optionalKeyword(['no-xauth']);
  if (key === null || address === null || !r.end()) return null;
  if (encryptionType === '6') {
    report.unsupported('type 6 keys are not decrypted: peers must hold the same encrypted text');
  }
  config.isakmpKeys = [
    ...config.isakmpKeys.filter((old) => old.address !== address || old.mask !== mask),
    { key, address, mask },
  ];
  return null;
}

/** `crypto isakmp keepalive SEC [RETRY] [periodic|on-demand]` (DPD), IOS defaults 2 and on-demand. */
function setKeepalive(config: RouterConfig, args: string[], report: Reporter): null {
  const r = new ArgReader(args, report);
  const seconds = r.integer('keepalive interval in seconds', 10, 3600);
  const retrySec = r.optionalInteger('retry interval in seconds', 2, 60) ?? 2;
  const mode = r.optionalKeyword(['periodic', 'on-demand']) ?? 'on-demand';
  if (seconds === null || !r.end()) return null;
  config.isakmpKeepalive = { seconds, retrySec, mode };
  return null;
}

/** A command without arguments that turns a global flag on. */
function turnOn(flag: 'invalidSpiRecovery' | 'cryptoLoggingSession') {
  return (config: RouterConfig, args: string[], report: Reporter): null => {
    if (new ArgReader(args, report).end()) config[flag] = true;
    return null;
  };
}

function openTransformSet(config: RouterConfig, args: string[], report: Reporter) {
  const r = new ArgReader(args, report);
  const name = r.word('transform set name');
  const transforms = readTransforms(r.rest(), report);
  if (name === null || transforms === null) return null;
  const set = findOrAdd(
    config.transformSets,
    (candidate) => candidate.name === name,
    () => newTransformSet(name, transforms),
  );
  set.transforms = transforms;
  return openBlock(TRANSFORM_SET_MODE, set);
}

/**
 * `crypto map NAME SEQ [ipsec-isakmp [dynamic DYN [discover]] | ipsec-manual | gdoi]`. A new
 * entry is ipsec-isakmp by default; a `dynamic` entry has no submode.
 */
function openCryptoMapEntry(
  config: RouterConfig,
  args: string[],
  report: Reporter,
): ActiveMode | null {
  const r = new ArgReader(args, report);
  const map = r.word('crypto map name');
  const seq = r.integer('crypto map sequence number', 1, 65535);
  const kind = r.optionalKeyword(['ipsec-isakmp', 'ipsec-manual', 'gdoi']);
  if (kind === 'ipsec-manual' || kind === 'gdoi') {
    if (!r.end()) return null;
    report.unsupported(`${kind} crypto map entries are not simulated`);
    return { kind: 'not-simulated', syntax: CRYPTO_MAP_MODE };
  }
  const dynamic = kind !== null && r.optionalKeyword(['dynamic']) !== null;
  const dynamicMap = dynamic ? r.word('dynamic map name') : null;
  const discover = dynamic && r.optionalKeyword(['discover']) !== null;
  if (map === null || seq === null || !r.end()) return null;
  const entry = findOrAdd(
    config.cryptoMaps,
    (candidate) => candidate.map === map && candidate.seq === seq,
    () => newCryptoMapEntry(map, seq),
  );
  if (dynamicMap === null) return openBlock(CRYPTO_MAP_MODE, entry);
  entry.dynamicMap = dynamicMap;
  if (discover) report.unsupported("'discover' (tunnel endpoint discovery) is not simulated");
  return null;
}

function openDynamicMapEntry(config: RouterConfig, args: string[], report: Reporter) {
  const r = new ArgReader(args, report);
  const name = r.word('dynamic map name');
  const seq = r.integer('dynamic map sequence number', 1, 65535);
  if (name === null || seq === null || !r.end()) return null;
  const entry = findOrAdd(
    config.dynamicMaps,
    (candidate) => candidate.name === name && candidate.seq === seq,
    () => newDynamicMapEntry(name, seq),
  );
  return openBlock(DYNAMIC_MAP_MODE, entry);
}

/** A global `crypto ipsec security-association` setting read by `read`. */
function setGlobalSa(
  read: (args: string[], report: Reporter) => number | null,
  store: (config: RouterConfig, value: number) => void,
) {
  return (config: RouterConfig, args: string[], report: Reporter): null => {
    const value = read(args, report);
    if (value !== null) store(config, value);
    return null;
  };
}

/** `crypto map NAME client authentication ...` (an abbreviation of `authentication` included). */
function isClientAuthentication(args: readonly string[]): boolean {
  const [option, other] = keywordsAbbreviatedBy(args[1] ?? '', CRYPTO_MAP_OPTIONS);
  const third = args[2]?.toLowerCase() ?? '';
  return (
    option === 'client' && other === undefined && third !== '' && 'authentication'.startsWith(third)
  );
}

/** `crypto map NAME client authentication list LIST`: the map's Easy VPN clients do XAUTH. */
function setClientAuthentication(config: RouterConfig, args: string[], report: Reporter): null {
  const r = new ArgReader(args, report);
  const map = r.word('crypto map name');
  r.keyword('keyword', ['client']);
  r.keyword('keyword', ['authentication']);
  r.keyword('keyword', ['list']);
  const list = r.word('AAA method list name');
  if (map === null || list === null || !r.end()) return null;
  config.cryptoMapClientAuth = [
    ...config.cryptoMapClientAuth.filter((entry) => entry.map !== map),
    { map, list },
  ];
  return null;
}

/** Global crypto lines IOS accepts that are not simulated. */
const NOT_SIMULATED: GlobalCommandSpec[] = [
  'crypto isakmp nat',
  'crypto isakmp identity',
  'crypto isakmp aggressive-mode',
  'crypto isakmp fragmentation',
  'crypto isakmp xauth',
  'crypto isakmp client configuration address-pool',
  'crypto ipsec nat-transparency',
  'crypto ipsec df-bit',
  'crypto ipsec fragmentation',
  'crypto ipsec security-association replay',
  'crypto key',
].map((path) => ({ path, identityArgs: SINGLE_SETTING }));

const NOT_SIMULATED_BLOCKS: GlobalCommandSpec[] = [
  'crypto pki',
  'crypto isakmp profile',
  'crypto ikev2',
  'crypto keyring',
  'crypto gdoi',
].map((path) => ({ path, opensBlock: true }));

export const CRYPTO_GLOBAL_COMMANDS: GlobalCommandSpec[] = [
  { path: 'crypto isakmp policy', identityArgs: leadingArgs(1), apply: openIsakmpPolicy },
  {
    path: 'crypto isakmp key',
    // One key per peer address (and mask): the key itself does not identify it.
    identityArgs: (args) => {
      const at = args.findIndex((word) => word.toLowerCase() === 'address');
      return at < 0 ? args : args.slice(at).filter((word) => word.toLowerCase() !== 'no-xauth');
    },
    apply: setIsakmpKey,
  },
  { path: 'crypto isakmp keepalive', identityArgs: SINGLE_SETTING, apply: setKeepalive },
  {
    path: 'crypto isakmp invalid-spi-recovery',
    identityArgs: SINGLE_SETTING,
    apply: turnOn('invalidSpiRecovery'),
  },
  {
    path: 'crypto logging session',
    identityArgs: SINGLE_SETTING,
    apply: turnOn('cryptoLoggingSession'),
  },
  {
    path: 'crypto isakmp client configuration group',
    identityArgs: leadingArgs(1),
    apply: openNamed('EzVPN group name', (config, name) => {
      const group = findOrAdd(
        config.ezvpnServerGroups,
        (candidate) => candidate.name === name,
        () => newEzvpnServerGroup(name),
      );
      return openBlock(EZVPN_GROUP_MODE, group);
    }),
  },
  { path: 'crypto ipsec transform-set', identityArgs: leadingArgs(1), apply: openTransformSet },
  {
    path: 'crypto ipsec profile',
    identityArgs: leadingArgs(1),
    apply: openNamed('IPsec profile name', (config, name) => {
      const profile = findOrAdd(
        config.ipsecProfiles,
        (candidate) => candidate.name === name,
        () => newIpsecProfile(name),
      );
      return openBlock(IPSEC_PROFILE_MODE, profile);
    }),
  },
  {
    path: 'crypto ipsec security-association lifetime seconds',
    identityArgs: SINGLE_SETTING,
    apply: setGlobalSa(readLifetimeSec, (config, seconds) => {
      config.ipsecSaLifetimeSec = seconds;
    }),
  },
  {
    path: 'crypto ipsec security-association lifetime kilobytes',
    identityArgs: SINGLE_SETTING,
    apply: setGlobalSa(readLifetimeKb, (config, kilobytes) => {
      config.ipsecSaLifetimeKb = kilobytes;
    }),
  },
  {
    path: 'crypto ipsec security-association idle-time',
    identityArgs: SINGLE_SETTING,
    apply: setGlobalSa(
      (args, report) => readIdleTime(args, report, false)?.seconds ?? null,
      (config, seconds) => {
        config.ipsecIdleTimeSec = seconds;
      },
    ),
  },
  {
    path: 'crypto ipsec client ezvpn',
    // With `inside`/`outside`, or typed in interface mode, it is the interface command.
    accepts: (args) => args.length <= 1,
    identityArgs: leadingArgs(1),
    apply: openNamed('EzVPN client name', (config, name) => {
      const client = findOrAdd(
        config.ezvpnClients,
        (candidate) => candidate.name === name,
        () => newEzvpnClient(name),
      );
      return openBlock(EZVPN_CLIENT_MODE, client);
    }),
  },
  {
    path: 'crypto map',
    // `crypto map NAME` alone is the interface command.
    accepts: (args) =>
      args.length >= 2 && keywordsAbbreviatedBy(args[1] ?? '', CRYPTO_MAP_OPTIONS).length !== 1,
    identityArgs: leadingArgs(2),
    apply: openCryptoMapEntry,
  },
  {
    // XAUTH for the Easy VPN clients the map accepts (Cisco "Easy VPN Server").
    path: 'crypto map',
    name: 'crypto map NAME client authentication list',
    accepts: isClientAuthentication,
    identityArgs: leadingArgs(3),
    apply: setClientAuthentication,
  },
  ...CRYPTO_MAP_OPTIONS.map((option) => ({
    path: 'crypto map',
    name: `crypto map NAME ${option}`,
    accepts: (args: readonly string[]) => {
      const [only, other] = keywordsAbbreviatedBy(args[1] ?? '', CRYPTO_MAP_OPTIONS);
      return (
        args.length >= 2 && only === option && other === undefined && !isClientAuthentication(args)
      );
    },
  })),
  { path: 'crypto dynamic-map', identityArgs: leadingArgs(2), apply: openDynamicMapEntry },
  ...NOT_SIMULATED,
  ...NOT_SIMULATED_BLOCKS,
];
