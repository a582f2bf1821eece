// Extended IP access lists: numbered `access-list 100-199|2000-2699 ...` lines and the
// `ip access-list extended NAME` mode. Protocols and addresses are simulated; port and option
// qualifiers are reported as not simulated.

import { echoed } from '../echo';
import type { AclEntry, Ipv4, RouterConfig } from '../types';
import { keywordsAbbreviatedBy } from './abbreviation';
import { ArgReader } from './argReader';
import type { SubmodeSpec } from './commandTable';
import type { Reporter } from './reporter';

const PROTOCOL_NAMES = [
  'ip',
  'tcp',
  'udp',
  'icmp',
  'gre',
  'esp',
  'ahp',
  'eigrp',
  'ospf',
  'igmp',
  'pim',
  'ipinip',
  'nos',
  'pcp',
];
const PORT_OPERATORS = ['eq', 'neq', 'lt', 'gt', 'range'] as const;
const ACTIONS = ['permit', 'deny'] as const;
type AclAction = (typeof ACTIONS)[number];

interface AddressMatch {
  address: Ipv4;
  wildcard: Ipv4;
}

/** `any`, `host A` or `A WILDCARD`. */
function readAddressMatch(r: ArgReader, what: string): AddressMatch | null {
  const keyword = r.optionalKeyword(['any', 'host']);
  if (keyword === 'any') return { address: '0.0.0.0', wildcard: '255.255.255.255' };
  if (keyword === 'host') {
    const address = r.ipv4(`${what} host address`);
    return address === null ? null : { address, wildcard: '0.0.0.0' };
  }
  const address = r.ipv4(`${what} address, 'host A' or 'any'`);
  const wildcard = r.ipv4(`${what} wildcard mask`);
  return address === null || wildcard === null ? null : { address, wildcard };
}

function readProtocol(r: ArgReader): string | null {
  // A protocol keyword may be abbreviated (`ic` for icmp); a number is read as typed.
  const next = r.peek();
  if (next !== undefined && keywordsAbbreviatedBy(next, PROTOCOL_NAMES).length > 0) {
    return r.keyword('IP protocol', PROTOCOL_NAMES);
  }
  const word = r.word('protocol (ip, tcp, udp, icmp, gre, esp, ahp... or 0-255)');
  if (word === null) return null;
  const name = word.toLowerCase();
  if (PROTOCOL_NAMES.includes(name)) return name;
  if (/^\d+$/.test(word) && Number(word) <= 255) return String(Number(word));
  return r.reject(
    `${echoed(word)} is not an IP protocol: expected ${PROTOCOL_NAMES.join(', ')} or 0-255`,
  );
}

/** A TCP/UDP port qualifier (`eq 500`, `range 1000 2000`) if one comes next. */
function readPortQualifier(r: ArgReader): string[] {
  const operator = r.optionalKeyword(PORT_OPERATORS);
  if (operator === null) return [];
  const ports =
    operator === 'range' ? [r.word('first port'), r.word('last port')] : [r.word('port')];
  return [operator, ...ports.filter((port) => port !== null)];
}

/**
 * Reads `PROTOCOL SRC [PORTS] DST [PORTS] [OPTIONS]` after `permit|deny`. Qualifiers after the
 * addresses (ports, `established`, ICMP types, `log`) are reported as not simulated: the entry
 * matches as if they were absent. Null after reporting an error.
 */
function readAclEntry(
  action: AclAction,
  args: readonly string[],
  report: Reporter,
): AclEntry | null {
  const r = new ArgReader(args, report);
  const protocol = readProtocol(r);
  const src = readAddressMatch(r, 'source');
  const hasPorts = protocol === 'tcp' || protocol === 'udp';
  const srcPorts = hasPorts ? readPortQualifier(r) : [];
  const dst = readAddressMatch(r, 'destination');
  const ignored = [...srcPorts, ...r.rest()];
  if (protocol === null || src === null || dst === null || !r.ok) return null;
  if (ignored.length > 0) {
    report.unsupported(
      `${echoed(ignored.join(' '))} is not simulated: the entry matches as if it were absent`,
    );
  }
  return {
    action,
    protocol,
    src: src.address,
    srcWildcard: src.wildcard,
    dst: dst.address,
    dstWildcard: dst.wildcard,
  };
}

function addEntry(list: AclEntry[], action: AclAction, args: string[], report: Reporter): void {
  const entry = readAclEntry(action, args, report);
  if (entry !== null) list.push(entry);
}

/** The entries of the named or numbered list, created empty on first use. */
export function accessList(config: RouterConfig, name: string): AclEntry[] {
  const existing = config.accessLists.get(name);
  if (existing !== undefined) return existing;
  const created: AclEntry[] = [];
  config.accessLists.set(name, created);
  return created;
}

/**
 * `access-list N ...`. IOS numbers extended IP lists 100-199 and 2000-2699; standard lists
 * (1-99, 1300-1999) and other protocols' lists are not simulated.
 */
export function applyNumberedAccessList(
  config: RouterConfig,
  args: string[],
  report: Reporter,
): void {
  const r = new ArgReader(args, report);
  const number = r.integer('access list number', 1, 2699);
  if (number === null) return;
  const extended = (number >= 100 && number <= 199) || (number >= 2000 && number <= 2699);
  if (!extended) {
    const standard = number <= 99 || number >= 1300;
    report.unsupported(
      `access list ${number} is ${standard ? 'a standard IP' : 'not an IP'} access list: not simulated`,
    );
    return;
  }
  const action = r.keyword('access list action', ['permit', 'deny', 'remark', 'dynamic']);
  // A remark only documents the list.
  if (action === null || action === 'remark') return;
  if (action === 'dynamic') {
    report.unsupported('dynamic (lock-and-key) access list entries are not simulated');
    return;
  }
  addEntry(accessList(config, String(number)), action, r.rest(), report);
}

export const ACCESS_LIST_MODE: SubmodeSpec<AclEntry[]> = {
  label: 'extended access list',
  opener: 'ip access-list extended NAME',
  commands: [
    ...ACTIONS.map((action) => ({
      path: action,
      apply: (list: AclEntry[], args: string[], report: Reporter) =>
        addEntry(list, action, args, report),
    })),
    // A remark only documents the list.
    { path: 'remark', apply: () => undefined },
    { path: 'evaluate' },
    { path: 'dynamic' },
  ],
};
