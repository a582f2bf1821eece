// Global configuration commands outside `crypto`: hostname, interfaces, static routes, access
// lists, and lines IOS accepts that the simulator does not model.

import { echoed } from '../echo';
import { canonicalInterfaceAt, readInterfaceName } from '../interfaceName';
import { parseIpv4 } from '../ipv4';
import type { RouterConfig } from '../types';
import { AAA_COMMANDS } from './aaaCommands';
import { ACCESS_LIST_MODE, accessList, applyNumberedAccessList } from './accessListMode';
import { ArgReader } from './argReader';
import { leadingArgs, SINGLE_SETTING } from './commandTable';
import { INTERFACE_MODE, newInterface } from './interfaceMode';
import { type ActiveMode, type GlobalCommandSpec, openBlock } from './modes';
import type { Reporter } from './reporter';

/** RFC 1123 host names, as IOS checks them: a letter first, letters, digits and hyphens. */
const HOSTNAME = /^[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

function setHostname(config: RouterConfig, args: string[], report: Reporter): null {
  const r = new ArgReader(args, report);
  const name = r.word('host name');
  if (name === null || !r.end()) return null;
  if (!HOSTNAME.test(name)) {
    r.reject(
      `${echoed(name)} is not a valid host name: it must start with a letter and hold only letters, digits and hyphens`,
    );
    return null;
  }
  config.hostname = name;
  return null;
}

function openInterface(config: RouterConfig, args: string[], report: Reporter): ActiveMode | null {
  const found = readInterfaceName(args, 0);
  if (found === null) {
    report.error('incomplete command: expected an interface name such as FastEthernet0/0');
    return null;
  }
  const { lookup } = found;
  if (lookup.kind === 'unknown-type') {
    report.unsupported(`interface type ${echoed(lookup.type)} is not simulated`);
    return { kind: 'not-simulated', syntax: INTERFACE_MODE };
  }
  const typed = args.slice(0, found.wordCount).join(' ');
  if (lookup.kind === 'bad-number') {
    report.error(
      `${echoed(typed)} is not a valid ${lookup.type} interface: its number is missing or malformed`,
    );
    return null;
  }
  const r = new ArgReader(args.slice(found.wordCount), report, found.wordCount);
  // Subinterface types, e.g. `interface Serial0/0.1 point-to-point`.
  const subinterfaceType = r.optionalKeyword(['point-to-point', 'multipoint']);
  if (!r.end()) return null;
  if (subinterfaceType !== null) report.unsupported(`${echoed(subinterfaceType)} is not simulated`);
  let iface = config.interfaces.find((candidate) => candidate.name === lookup.name);
  if (iface === undefined) {
    iface = newInterface(lookup.name);
    config.interfaces.push(iface);
  }
  return openBlock(INTERFACE_MODE, iface);
}

/** `ip route PREFIX MASK NEXTHOP|INTERFACE [NEXTHOP] [DISTANCE...]`. */
function addStaticRoute(config: RouterConfig, args: string[], report: Reporter): null {
  if (args[0]?.toLowerCase() === 'vrf') {
    report.unsupported('VRF static routes are not simulated');
    return null;
  }
  const r = new ArgReader(args, report);
  const prefix = r.ipv4('destination prefix');
  const mask = r.mask('destination prefix mask');
  const via = r.addressOrInterface('next-hop address or exit interface');
  const nextHopAfterInterface =
    via !== null && 'interfaceName' in via && parseIpv4(r.peek() ?? '') !== null
      ? r.ipv4('next-hop address')
      : null;
  const ignored = r.rest();
  if (prefix === null || mask === null || via === null) return null;
  if (((parseIpv4(prefix) ?? 0) & ~(parseIpv4(mask) ?? 0)) !== 0) {
    r.reject(
      `${prefix} has bits set outside mask ${mask}: IOS refuses an inconsistent address and mask`,
    );
    return null;
  }
  if (ignored.length > 0) {
    report.unsupported(
      `${echoed(ignored.join(' '))} is not simulated: the route is installed without it`,
    );
  }
  config.staticRoutes.push({
    prefix,
    mask,
    nextHop: 'address' in via ? via.address : nextHopAfterInterface,
    interface: 'interfaceName' in via ? via.interfaceName : null,
  });
  return null;
}

function openNamedAccessList(
  config: RouterConfig,
  args: string[],
  report: Reporter,
): ActiveMode | null {
  const r = new ArgReader(args, report);
  const name = r.word('access list name');
  if (name === null || !r.end()) return null;
  return openBlock(ACCESS_LIST_MODE, accessList(config, name));
}

/** Global lines IOS accepts that are not simulated, and open no block. */
const NOT_SIMULATED_LINES: GlobalCommandSpec[] = [
  { path: 'version', identityArgs: SINGLE_SETTING },
  { path: 'service' },
  { path: 'boot-start-marker', identityArgs: SINGLE_SETTING },
  { path: 'boot-end-marker', identityArgs: SINGLE_SETTING },
  { path: 'boot' },
  { path: 'enable secret', identityArgs: SINGLE_SETTING },
  { path: 'enable password', identityArgs: SINGLE_SETTING },
  { path: 'ip local pool', identityArgs: leadingArgs(1) },
  { path: 'banner', identityArgs: leadingArgs(1) },
];

/** Global commands IOS follows with a block of lines, none of them simulated. */
const NOT_SIMULATED_BLOCKS: GlobalCommandSpec[] = [
  'line',
  'router',
  'control-plane',
  'class-map',
  'policy-map',
  'key chain',
  'ip dhcp pool',
  'ip access-list standard',
  'ip sla',
  'track',
  'archive',
  'redundancy',
  'vrf definition',
].map((path) => ({ path, opensBlock: true }));

export const GENERAL_GLOBAL_COMMANDS: GlobalCommandSpec[] = [
  { path: 'hostname', identityArgs: SINGLE_SETTING, apply: setHostname },
  {
    path: 'interface',
    aliases: ['int'],
    canonicalArgs: (args) => canonicalInterfaceAt(args, 0),
    identityArgs: leadingArgs(1),
    apply: openInterface,
  },
  {
    path: 'ip route',
    // `ip route P M fa0/0` is shown with the exit interface's full name.
    canonicalArgs: (args) => canonicalInterfaceAt(args, 2),
    apply: addStaticRoute,
  },
  {
    path: 'access-list',
    // `no access-list N ...` deletes the whole numbered list, whatever follows N.
    noIdentityArgs: leadingArgs(1),
    apply: (config, args, report) => {
      applyNumberedAccessList(config, args, report);
      return null;
    },
  },
  { path: 'ip access-list extended', identityArgs: leadingArgs(1), apply: openNamedAccessList },
  ...AAA_COMMANDS,
  ...NOT_SIMULATED_LINES,
  ...NOT_SIMULATED_BLOCKS,
];
