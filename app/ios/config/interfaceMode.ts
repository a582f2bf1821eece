// Interface configuration mode (`interface NAME`): addressing, crypto map binding, tunnels, NHRP
// and the EzVPN client binding.

import { echoed } from '../echo';
import { canonicalInterfaceAt } from '../interfaceName';
import { inSubnet, maskToPrefixLen, parseIpv4 } from '../ipv4';
import type { InterfaceConfig, NhrpConfig, StandbyGroup, TunnelConfig } from '../types';
import { keywordsAbbreviatedBy } from './abbreviation';
import { ArgReader } from './argReader';
import {
  type CommandSpec,
  leadingArgs,
  notSimulatedSettings,
  SINGLE_SETTING,
  type SubmodeSpec,
} from './commandTable';
import type { Reporter } from './reporter';

/** IOS default NHRP holdtime advertised in registrations. */
const DEFAULT_NHRP_HOLDTIME_SEC = 7200;
/** IOS limit on `ip nhrp authentication` strings. */
const NHRP_AUTH_MAX_CHARS = 8;
const UINT32_MAX = 4294967295;

/** A new interface: administratively up, no address; a Tunnel is in GRE mode (`gre ip`). */
export function newInterface(name: string): InterfaceConfig {
  const tunnel: TunnelConfig | null = name.startsWith('Tunnel')
    ? { source: null, destination: null, mode: 'gre', protectionProfile: null, key: null }
    : null;
  return {
    name,
    address: null,
    shutdown: false,
    cryptoMap: null,
    cryptoMapRedundancy: null,
    standby: [],
    tunnel,
    nhrp: null,
    ezvpn: null,
  };
}

/** Runs `apply` on the interface's tunnel settings, or refuses the line on a non-tunnel. */
function onTunnel(apply: (tunnel: TunnelConfig, args: string[], report: Reporter) => void) {
  return (iface: InterfaceConfig, args: string[], report: Reporter): void => {
    if (iface.tunnel === null) {
      report.error(`${iface.name} is not a tunnel: tunnel commands are valid on Tunnel interfaces`);
      return;
    }
    apply(iface.tunnel, args, report);
  };
}

/** Runs `apply` on the interface's NHRP settings, created with IOS defaults on first use. */
function onNhrp(apply: (nhrp: NhrpConfig, args: string[], report: Reporter) => void) {
  return (iface: InterfaceConfig, args: string[], report: Reporter): void => {
    iface.nhrp ??= {
      networkId: null,
      nhs: [],
      maps: [],
      mapMulticast: [],
      holdtimeSec: DEFAULT_NHRP_HOLDTIME_SEC,
      authentication: null,
    };
    apply(iface.nhrp, args, report);
  };
}

function setAddress(iface: InterfaceConfig, args: string[], report: Reporter): void {
  const first = args[0]?.toLowerCase();
  if (first === 'dhcp' || first === 'negotiated') {
    report.unsupported(`an address from ${echoed(first)} is not simulated: the interface has none`);
    return;
  }
  const r = new ArgReader(args, report);
  const ip = r.ipv4('interface address');
  const mask = r.mask('subnet mask');
  if (r.optionalKeyword(['secondary']) !== null && r.end()) {
    report.unsupported('secondary addresses are not simulated');
    return;
  }
  if (ip === null || mask === null || !r.end()) return;
  const ipValue = parseIpv4(ip) ?? 0;
  const maskValue = parseIpv4(mask) ?? 0;
  const prefixLen = maskToPrefixLen(maskValue) ?? 0;
  const hostBits = (ipValue & ~maskValue) >>> 0;
  // IOS refuses ("Bad mask") the subnet's own network or broadcast address, except on /31 and /32.
  if (prefixLen < 31 && (hostBits === 0 || hostBits === ~maskValue >>> 0)) {
    const which = hostBits === 0 ? 'network' : 'broadcast';
    report.error(`${ip} is the ${which} address of its /${prefixLen} subnet: IOS refuses it`);
    return;
  }
  iface.address = { ip, mask };
}

// ---- HSRP (`standby`) ----
// IOS HSRP version 1 syntax. The defaults (priority 100, hello 3 s, hold 10 s) and ranges are
// IOS's as recalled: ios-behavior.md does not confirm them ([M], simplified).

export const HSRP_DEFAULT_PRIORITY = 100;
export const HSRP_DEFAULT_HELLO_SEC = 3;
export const HSRP_DEFAULT_HOLD_SEC = 10;
/** HSRP version 1 groups are 0-255. */
const HSRP_MAX_GROUP = 255;
const STANDBY_SETTINGS = ['ip', 'priority', 'preempt', 'name', 'timers'] as const;
/** `standby` settings IOS accepts that the simulator does not model. */
const STANDBY_NOT_SIMULATED = [
  'authentication',
  'track',
  'version',
  'mac-address',
  'use-bia',
  'redirect',
  'follow',
  'delay',
  'bfd',
];

/** `standby [group] WORD …`: the group (0 when omitted, as IOS) and where WORD is. */
function standbyGroupOf(args: readonly string[]): { group: string; at: number } {
  return /^\d+$/.test(args[0] ?? '') ? { group: args[0] as string, at: 1 } : { group: '0', at: 0 };
}

/** One line per group and setting: `standby 1 priority 110` replaces `standby 1 priority 90`. */
function standbyIdentity(args: readonly string[]): readonly string[] {
  const { group, at } = standbyGroupOf(args);
  return [String(Number(group)), (args[at] ?? '').toLowerCase()];
}

function newStandbyGroup(group: number): StandbyGroup {
  return {
    group,
    vip: null,
    priority: HSRP_DEFAULT_PRIORITY,
    preempt: false,
    name: null,
    helloSec: HSRP_DEFAULT_HELLO_SEC,
    holdSec: HSRP_DEFAULT_HOLD_SEC,
  };
}

/** Reads the optional `[group]` of a standby line (0 when omitted, as IOS). */
function readStandbyGroup(
  args: string[],
  report: Reporter,
): { r: ArgReader; group: number } | null {
  const r = new ArgReader(args, report);
  const group =
    standbyGroupOf(args).at === 1 ? r.integer('HSRP group number', 0, HSRP_MAX_GROUP) : 0;
  return group === null ? null : { r, group };
}

function readStandbySetting(r: ArgReader): string | null {
  return r.keyword('HSRP setting (ip | priority | preempt | name | timers)', [...STANDBY_SETTINGS]);
}

/** Reads `[group] SETTING`, leaving the setting's own arguments in the reader. */
function readStandbyHead(
  args: string[],
  report: Reporter,
): { r: ArgReader; group: number; setting: string } | null {
  const read = readStandbyGroup(args, report);
  if (read === null) return null;
  const { r, group } = read;
  const word = r.peek()?.toLowerCase();
  if (word !== undefined && STANDBY_NOT_SIMULATED.includes(word)) {
    report.unsupported(`'standby ${word}' is not simulated`);
    return null;
  }
  const setting = readStandbySetting(r);
  if (setting === null) return null;
  return { r, group, setting };
}

function setStandby(iface: InterfaceConfig, args: string[], report: Reporter): void {
  const head = readStandbyHead(args, report);
  if (head === null) return;
  const { r, group, setting } = head;
  const existing = iface.standby.find((g) => g.group === group);
  const apply = (change: (g: StandbyGroup) => void): void => {
    const target = existing ?? newStandbyGroup(group);
    change(target);
    if (!existing) iface.standby.push(target);
  };
  switch (setting) {
    case 'ip': {
      const vip = r.ipv4('virtual IP address');
      if (vip === null || !r.end()) return;
      const address = iface.address;
      if (address !== null) {
        const mask = parseIpv4(address.mask) ?? 0;
        if (!inSubnet(parseIpv4(vip) ?? 0, parseIpv4(address.ip) ?? 0, mask)) {
          report.error(`${vip} is not in ${iface.name}'s subnet: an HSRP virtual IP must be`);
          return;
        }
        if (vip === address.ip) {
          report.error(`${vip} is ${iface.name}'s own address: the virtual IP must differ`);
          return;
        }
      }
      apply((g) => {
        g.vip = vip;
      });
      return;
    }
    case 'priority': {
      const priority = r.integer('HSRP priority', 0, 255);
      if (priority !== null && r.end())
        apply((g) => {
          g.priority = priority;
        });
      return;
    }
    case 'preempt': {
      if (r.peek() !== undefined) {
        // `preempt delay minimum N` and the like: preempt at once ([M] simplified).
        report.unsupported("'standby preempt' options are not simulated: preempts at once");
      }
      apply((g) => {
        g.preempt = true;
      });
      return;
    }
    case 'name': {
      const name = r.word('HSRP group name');
      if (name !== null && r.end())
        apply((g) => {
          g.name = name;
        });
      return;
    }
    case 'timers': {
      if (r.nextIs('msec')) {
        report.unsupported("'standby timers msec' is not simulated");
        return;
      }
      const hello = r.integer('HSRP hello time in seconds', 1, 254);
      const hold = r.integer('HSRP hold time in seconds', 2, 255);
      if (hello === null || hold === null || !r.end()) return;
      if (hold <= hello) {
        report.error(`hold time ${hold} must be greater than hello time ${hello}`);
        return;
      }
      apply((g) => {
        g.helloSec = hello;
        g.holdSec = hold;
      });
      return;
    }
  }
}

/**
 * `no standby [group] SETTING`: that setting back to its default (the VIP: none); `no standby N`
 * alone removes group N, as the line edit removes every `standby N …` line.
 */
function clearStandby(iface: InterfaceConfig, args: string[], report: Reporter): void {
  const read = readStandbyGroup(args, report);
  if (read === null) return;
  const { r, group } = read;
  if (r.peek() === undefined) {
    iface.standby = iface.standby.filter((g) => g.group !== group);
    return;
  }
  const setting = readStandbySetting(r);
  if (setting === null) return;
  r.rest(); // `no standby 1 priority 110`: IOS ignores the value
  const existing = iface.standby.find((g) => g.group === group);
  if (!existing) return;
  const defaults = newStandbyGroup(group);
  if (setting === 'ip') existing.vip = null;
  else if (setting === 'priority') existing.priority = defaults.priority;
  else if (setting === 'preempt') existing.preempt = false;
  else if (setting === 'name') existing.name = null;
  else {
    existing.helloSec = defaults.helloSec;
    existing.holdSec = defaults.holdSec;
  }
}

/** The interface `crypto map NAME [redundancy STANDBY-NAME]`. */
function setInterfaceCryptoMap(iface: InterfaceConfig, args: string[], report: Reporter): void {
  const r = new ArgReader(args, report);
  const map = r.word('crypto map name');
  if (map === null) return;
  let redundancy: string | null = null;
  if (r.optionalKeyword(['redundancy']) !== null) {
    redundancy = r.word('HSRP group name (standby … name)');
    if (redundancy === null) return;
    if (r.optionalKeyword(['stateful']) !== null) {
      report.unsupported(
        "stateful IPsec HA is not simulated: 'crypto map … redundancy … stateful' is read as stateless",
      );
    }
  }
  if (!r.end()) return;
  iface.cryptoMap = map;
  iface.cryptoMapRedundancy = redundancy;
}

function setTunnelMode(tunnel: TunnelConfig, args: string[], report: Reporter): void {
  const r = new ArgReader(args, report);
  const family = r.word('tunnel mode (gre | ipsec)');
  const variant = r.word('tunnel mode variant (gre ip | gre multipoint | ipsec ipv4)');
  if (family === null || variant === null || !r.end()) return;
  const mode = `${family} ${variant}`.toLowerCase();
  if (mode === 'gre ip') tunnel.mode = 'gre';
  else if (mode === 'gre multipoint') tunnel.mode = 'gre-multipoint';
  else if (mode === 'ipsec ipv4') tunnel.mode = 'ipsec-ipv4';
  else
    report.unsupported(
      `tunnel mode ${echoed(mode)} is not simulated: the tunnel stays in GRE mode`,
    );
}

function setNhs(nhrp: NhrpConfig, args: string[], report: Reporter): void {
  const r = new ArgReader(args, report);
  const nhs = r.ipv4('next-hop server tunnel address');
  // IOS 15.x form `ip nhrp nhs IP nbma NBMA [multicast]` also maps the server (and multicast).
  const nbma = r.optionalKeyword(['nbma']) === null ? null : r.ipv4('next-hop server NBMA address');
  const multicast = nbma !== null && r.optionalKeyword(['multicast']) !== null;
  if (nhs === null || !r.end()) return;
  if (!nhrp.nhs.includes(nhs)) nhrp.nhs.push(nhs);
  if (nbma === null) return;
  addNhrpMap(nhrp, nhs, nbma);
  if (multicast && !nhrp.mapMulticast.includes(nbma)) nhrp.mapMulticast.push(nbma);
}

function setNhrpMap(nhrp: NhrpConfig, args: string[], report: Reporter): void {
  const r = new ArgReader(args, report);
  if (r.optionalKeyword(['multicast']) !== null) {
    const target = r.optionalKeyword(['dynamic']) ?? r.ipv4('NBMA address or dynamic');
    if (target === null || !r.end()) return;
    if (!nhrp.mapMulticast.includes(target)) nhrp.mapMulticast.push(target);
    return;
  }
  const tunnelIp = r.ipv4('tunnel address');
  const nbma = r.ipv4('NBMA address');
  if (tunnelIp === null || nbma === null || !r.end()) return;
  addNhrpMap(nhrp, tunnelIp, nbma);
}

/** One static mapping per tunnel address: a new one replaces the old. */
function addNhrpMap(nhrp: NhrpConfig, tunnelIp: string, nbma: string): void {
  nhrp.maps = [...nhrp.maps.filter((map) => map.tunnelIp !== tunnelIp), { tunnelIp, nbma }];
}

const COMMANDS: CommandSpec<InterfaceConfig>[] = [
  {
    path: 'ip address',
    identityArgs: SINGLE_SETTING,
    apply: setAddress,
    applyNo: (iface) => {
      iface.address = null;
    },
  },
  {
    path: 'shutdown',
    aliases: ['shut'],
    identityArgs: SINGLE_SETTING,
    apply: (iface, args, report) => {
      if (new ArgReader(args, report).end()) iface.shutdown = true;
    },
    applyNo: (iface, args, report) => {
      if (new ArgReader(args, report).end()) iface.shutdown = false;
    },
  },
  {
    path: 'crypto map',
    // `crypto map NAME SEQ ...` is the global command; `crypto map NAME redundancy HA` is ours.
    accepts: (args) =>
      args.length <= 1 || keywordsAbbreviatedBy(args[1] ?? '', ['redundancy']).length === 1,
    identityArgs: SINGLE_SETTING,
    apply: setInterfaceCryptoMap,
    applyNo: (iface) => {
      iface.cryptoMap = null;
      iface.cryptoMapRedundancy = null;
    },
  },
  {
    path: 'standby',
    identityArgs: standbyIdentity,
    apply: setStandby,
    applyNo: clearStandby,
  },
  {
    path: 'crypto ipsec client ezvpn',
    identityArgs: SINGLE_SETTING,
    apply: (iface, args, report) => {
      const r = new ArgReader(args, report);
      const name = r.word('EzVPN client name');
      const role = r.optionalKeyword(['outside', 'inside']) ?? 'outside';
      if (name !== null && r.end()) iface.ezvpn = { name, role };
    },
    applyNo: (iface) => {
      iface.ezvpn = null;
    },
  },
  {
    path: 'tunnel source',
    identityArgs: SINGLE_SETTING,
    canonicalArgs: (args) => canonicalInterfaceAt(args, 0),
    apply: onTunnel((tunnel, args, report) => {
      const r = new ArgReader(args, report);
      const source = r.addressOrInterface('source interface or address');
      if (source === null || !r.end()) return;
      tunnel.source = 'address' in source ? source.address : source.interfaceName;
    }),
  },
  {
    path: 'tunnel destination',
    identityArgs: SINGLE_SETTING,
    apply: onTunnel((tunnel, args, report) => {
      const r = new ArgReader(args, report);
      const destination = r.ipv4('destination address');
      if (destination !== null && r.end()) tunnel.destination = destination;
    }),
  },
  { path: 'tunnel mode', identityArgs: SINGLE_SETTING, apply: onTunnel(setTunnelMode) },
  {
    path: 'tunnel protection ipsec profile',
    identityArgs: SINGLE_SETTING,
    apply: onTunnel((tunnel, args, report) => {
      const r = new ArgReader(args, report);
      const profile = r.word('IPsec profile name');
      // `shared` lets several mGRE tunnels with one source share an SA database; one is simulated.
      r.optionalKeyword(['shared']);
      if (profile !== null && r.end()) tunnel.protectionProfile = profile;
    }),
    applyNo: onTunnel((tunnel) => {
      tunnel.protectionProfile = null;
    }),
  },
  {
    path: 'tunnel key',
    identityArgs: SINGLE_SETTING,
    apply: onTunnel((tunnel, args, report) => {
      const r = new ArgReader(args, report);
      const key = r.integer('tunnel key', 0, UINT32_MAX);
      if (key !== null && r.end()) tunnel.key = key;
    }),
  },
  {
    path: 'ip nhrp network-id',
    identityArgs: SINGLE_SETTING,
    apply: onNhrp((nhrp, args, report) => {
      const r = new ArgReader(args, report);
      const id = r.integer('NHRP network ID', 1, UINT32_MAX);
      if (id !== null && r.end()) nhrp.networkId = id;
    }),
  },
  { path: 'ip nhrp nhs', identityArgs: leadingArgs(1), apply: onNhrp(setNhs) },
  {
    path: 'ip nhrp map',
    // One line per tunnel address, or per `multicast` target.
    identityArgs: (args) => args.slice(0, args[0]?.toLowerCase() === 'multicast' ? 2 : 1),
    apply: onNhrp(setNhrpMap),
  },
  {
    path: 'ip nhrp holdtime',
    identityArgs: SINGLE_SETTING,
    apply: onNhrp((nhrp, args, report) => {
      const r = new ArgReader(args, report);
      const holdtime = r.integer('NHRP holdtime in seconds', 1, 65535);
      if (holdtime !== null && r.end()) nhrp.holdtimeSec = holdtime;
    }),
  },
  {
    path: 'ip nhrp authentication',
    identityArgs: SINGLE_SETTING,
    apply: onNhrp((nhrp, args, report) => {
      const r = new ArgReader(args, report);
      const secret = r.word('authentication string');
      if (secret === null || !r.end()) return;
      if (secret.length > NHRP_AUTH_MAX_CHARS) {
        report.error(
          `${echoed(secret)} is too long: NHRP authentication strings have at most ${NHRP_AUTH_MAX_CHARS} characters`,
        );
        return;
      }
      nhrp.authentication = secret;
    }),
  },
  ...notSimulatedSettings([
    'ip nhrp shortcut',
    'ip nhrp redirect',
    'ip nhrp max-send',
    'ip nhrp server-only',
    'tunnel path-mtu-discovery',
    'tunnel bandwidth',
    'tunnel vrf',
    'tunnel ttl',
  ]),
  { path: 'ip nhrp registration' },
  // Any other `ip nhrp` or `tunnel` line.
  { path: 'ip nhrp' },
  { path: 'tunnel' },
  // `ip nat inside|outside` on an interface; longer `ip nat ...` lines are global.
  { path: 'ip nat', accepts: (args) => args.length === 1, identityArgs: SINGLE_SETTING },
  ...notSimulatedSettings([
    'description',
    'duplex',
    'speed',
    'bandwidth',
    'delay',
    'keepalive',
    'mtu',
    'encapsulation',
    'clock rate',
    'media-type',
    'negotiation',
    'load-interval',
    'cdp enable',
    'mop enabled',
    'ip mtu',
    'ip tcp adjust-mss',
    'ip redirects',
    'ip unreachables',
    'ip proxy-arp',
    'ip virtual-reassembly',
    'ip route-cache',
    'ip split-horizon',
    'ip helper-address',
    'ip policy',
  ]),
  { path: 'ip access-group', identityArgs: (args) => args.slice(1, 2) },
  { path: 'ip ospf' },
  { path: 'ip pim' },
  { path: 'service-policy' },
];

export const INTERFACE_MODE: SubmodeSpec<InterfaceConfig> = {
  label: 'interface',
  opener: 'interface NAME',
  commands: COMMANDS,
};
