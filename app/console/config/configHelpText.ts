// The one-line descriptions `?` prints beside configuration keywords, per mode, keyed by the
// keywords from the mode's start ('crypto isakmp keepalive'). Texts follow IOS 12.4's help
// strings where remembered; the parser's command tables decide which keywords exist.

import { ACCESS_LIST_MODE } from '../../ios/config/accessListMode';
import type { SubmodeSyntax } from '../../ios/config/commandTable';
import { CRYPTO_MAP_MODE, DYNAMIC_MAP_MODE } from '../../ios/config/cryptoMapModes';
import { EZVPN_CLIENT_MODE, EZVPN_GROUP_MODE } from '../../ios/config/ezvpnModes';
import { INTERFACE_MODE } from '../../ios/config/interfaceMode';
import { IPSEC_PROFILE_MODE } from '../../ios/config/ipsecProfileMode';
import { ISAKMP_POLICY_MODE } from '../../ios/config/isakmpPolicyMode';
import { TRANSFORM_SET_MODE } from '../../ios/config/transformSetMode';

type HelpTable = Readonly<Record<string, string>>;

/** `set security-association ...`, shared by crypto map entries and IPsec profiles. */
const SA_SETTINGS: HelpTable = {
  'set security-association': 'Security association duration',
  'set security-association idle-time': 'Automatically delete IPSec SAs after a given idle period.',
  'set security-association level': 'specify a security association granularity level',
  'set security-association lifetime': 'security association lifetime',
  'set security-association lifetime kilobytes': 'Volume-based key duration',
  'set security-association lifetime seconds': 'Time-based key duration',
  'set security-association replay': 'Set replay checking.',
  'set isakmp-profile': 'Specify isakmp Profile',
  'set pfs': 'Specify pfs settings',
  'set transform-set': 'Specify list of transform sets in priority order',
};

const GLOBAL: HelpTable = {
  aaa: 'Authentication, Authorization and Accounting.',
  'aaa authentication': 'Authentication configurations parameters.',
  'aaa authentication login': 'Set authentication lists for logins.',
  'aaa new-model': 'Enable NEW access control commands and functions.(Disables OLD commands.)',
  'access-list': 'Add an access list entry',
  archive: 'Archive the configuration',
  banner: 'Define a login banner',
  boot: 'Modify system boot parameters',
  'class-map': 'Configure Class Map',
  'control-plane': 'Configure control plane services',
  crypto: 'Encryption module',
  'crypto dynamic-map': 'Specify a dynamic crypto map template',
  'crypto gdoi': 'Configure GDOI policy',
  'crypto ikev2': 'Configure IKEv2 Policy',
  'crypto ipsec': 'Configure IPSEC policy',
  'crypto ipsec client': 'Configure a Remote Access Client',
  'crypto ipsec client ezvpn': 'Configure an Easy VPN Remote tunnel',
  'crypto ipsec df-bit': 'Handling of encapsulated DF bit.',
  'crypto ipsec fragmentation': 'Fragmentation on IPSec',
  'crypto ipsec nat-transparency': 'IPsec NAT transparency model',
  'crypto ipsec profile': 'Configure an ipsec policy profile',
  'crypto ipsec security-association': 'Security association parameters',
  'crypto ipsec security-association idle-time':
    'Automatically delete IPSec SAs after a given idle period.',
  'crypto ipsec security-association lifetime': 'security association lifetime',
  'crypto ipsec security-association lifetime kilobytes': 'Volume-based key duration',
  'crypto ipsec security-association lifetime seconds': 'Time-based key duration',
  'crypto ipsec security-association replay': 'Set replay checking.',
  'crypto ipsec transform-set': 'Define transform and settings',
  'crypto isakmp': 'Configure ISAKMP policy',
  'crypto isakmp aggressive-mode': 'Disable ISAKMP aggressive mode',
  'crypto isakmp client': 'Set client configuration policy',
  'crypto isakmp client configuration': 'Set client configuration policy',
  'crypto isakmp client configuration address-pool': 'Set network address for client',
  'crypto isakmp client configuration group': 'Set group name for client configuration policy',
  'crypto isakmp fragmentation': 'IKE Fragmentation enable if needed',
  'crypto isakmp identity': 'Specify Identity to use',
  'crypto isakmp invalid-spi-recovery': 'Initiate IKE and send Invalid SPI Notify',
  'crypto isakmp keepalive': 'Set a keepalive interval for use with IOS peers',
  'crypto isakmp keepalive on-demand': 'Send keepalives on demand (default)',
  'crypto isakmp keepalive periodic': 'Send keepalives periodically',
  'crypto isakmp key': 'Set pre-shared key for remote peer',
  'crypto isakmp nat': 'Set a nat keepalive interval for use with IOS peers',
  'crypto isakmp policy': 'Set policy for an ISAKMP protection suite',
  'crypto isakmp profile': 'Define ISAKMP Profiles',
  'crypto isakmp xauth': 'Set Extended Authentication values',
  'crypto key': 'Long term key operations',
  'crypto keyring': 'Key ring commands',
  'crypto logging': 'logging commands',
  'crypto logging session': 'log sessions',
  'crypto map': 'Enter a crypto map',
  'crypto map gdoi': 'configure crypto map gdoi',
  'crypto map ipsec-isakmp': 'IPSEC w/ISAKMP',
  'crypto map ipsec-manual': 'IPSEC w/manual keying',
  'crypto pki': 'Public Key components',
  enable: 'Modify enable password parameters',
  'enable password': 'Assign the privileged level password',
  'enable secret': 'Assign the privileged level secret',
  hostname: "Set system's network name",
  interface: 'Select an interface to configure',
  'interface multipoint': 'Treat as a multipoint link',
  'interface point-to-point': 'Treat as a point-to-point link',
  ip: 'Global IP configuration subcommands',
  'ip access-list': 'Named access-list',
  'ip access-list extended': 'Extended Access List',
  'ip access-list standard': 'Standard Access List',
  'ip dhcp': 'Configure DHCP server and relay parameters',
  'ip dhcp pool': 'Configure DHCP address pools',
  'ip local': 'Specify local options',
  'ip local pool': 'IP Local address pool lists',
  'ip route': 'Establish static routes',
  'ip sla': 'IP Service Level Agreement',
  key: 'Key management',
  'key chain': 'Key-chain management',
  line: 'Configure a terminal line',
  'policy-map': 'Configure QoS Policy Map',
  redundancy: 'Enter redundancy mode',
  router: 'Enable a routing process',
  service: 'Modify use of network based services',
  track: 'Object tracking configuration commands',
  username: 'Establish User Name Authentication',
  vrf: 'VRF commands',
  'vrf definition': 'VRF definition',
};

const INTERFACE: HelpTable = {
  bandwidth: 'Set bandwidth informational parameter',
  cdp: 'CDP interface subcommands',
  'cdp enable': 'Enable CDP on interface',
  clock: 'Configure serial interface clock',
  'clock rate': 'Configure serial interface clock speed',
  crypto: 'Encryption/Decryption commands',
  'crypto ipsec': 'Set IPSec parameters',
  'crypto ipsec client': 'Configure a Remote Access Client',
  'crypto ipsec client ezvpn': 'Assign an Easy VPN Remote tunnel',
  'crypto map': 'Assign a Crypto Map',
  delay: 'Specify interface throughput delay',
  description: 'Interface specific description',
  duplex: 'Configure duplex operation.',
  encapsulation: 'Set encapsulation type for an interface',
  ip: 'Interface Internet Protocol config commands',
  'ip access-group': 'Specify access control for packets',
  'ip address': 'Set the IP address of an interface',
  'ip address secondary': 'Make this IP address a secondary address',
  'ip helper-address': 'Specify a destination address for UDP broadcasts',
  'ip mtu': 'Set IP Maximum Transmission Unit',
  'ip nat': 'NAT interface commands',
  'ip nhrp': 'NHRP interface subcommands',
  'ip nhrp authentication': 'Authentication string',
  'ip nhrp holdtime': 'Advertised holdtime',
  'ip nhrp map': 'Map dest IP addresses to NBMA addresses',
  'ip nhrp max-send': 'Rate limit NHRP traffic',
  'ip nhrp network-id': 'NBMA network identifier',
  'ip nhrp nhs': 'Specify a next hop server',
  'ip nhrp redirect': 'Enable NHRP redirect',
  'ip nhrp registration': 'Settings for registration packets',
  'ip nhrp server-only': 'Disable NHRP requests',
  'ip nhrp shortcut': 'Enable shortcut switching',
  'ip ospf': 'OSPF interface commands',
  'ip pim': 'PIM interface commands',
  'ip policy': 'Enable policy routing',
  'ip proxy-arp': 'Enable proxy ARP',
  'ip redirects': 'Enable sending ICMP Redirect messages',
  'ip route-cache': 'Enable fast-switching cache for outgoing packets',
  'ip split-horizon': 'Perform split horizon',
  'ip tcp': 'TCP header compression and other parameters',
  'ip tcp adjust-mss': 'Adjust the mss of transit packets',
  'ip unreachables': 'Enable sending ICMP Unreachable messages',
  'ip virtual-reassembly': 'Virtual Reassembly',
  keepalive: 'Enable keepalive',
  'load-interval': 'Specify interval for load calculation for an interface',
  'media-type': 'Interface media type',
  mop: 'DEC MOP server commands',
  'mop enabled': 'Enable MOP for interface',
  mtu: 'Set the interface Maximum Transmission Unit (MTU)',
  negotiation: 'Select Autonegotiation mode',
  'service-policy': 'Configure QoS Service Policy',
  shutdown: 'Shutdown the selected interface',
  speed: 'Configure speed operation.',
  standby: 'HSRP interface configuration commands',
  tunnel: 'protocol-over-protocol tunneling',
  'tunnel bandwidth': 'Set tunnel bandwidth informational parameter',
  'tunnel destination': 'destination of tunnel',
  'tunnel key': 'security or selector key',
  'tunnel mode': 'tunnel encapsulation method',
  'tunnel path-mtu-discovery': 'Enable Path MTU Discovery on tunnel',
  'tunnel protection': 'Enable tunnel protection',
  'tunnel protection ipsec': 'IPSec tunnel protection',
  'tunnel protection ipsec profile': 'Determine the ipsec policy profile to use.',
  'tunnel source': 'source of tunnel packets',
  'tunnel ttl': 'set time to live',
  'tunnel vrf': 'set tunnel vrf membership',
};

const ISAKMP_POLICY: HelpTable = {
  authentication: 'Set authentication method for protection suite',
  encryption: 'Set encryption algorithm for protection suite',
  'encryption 128': '128 bit keys.',
  'encryption 192': '192 bit keys.',
  'encryption 256': '256 bit keys.',
  group: 'Set the Diffie-Hellman group',
  hash: 'Set hash algorithm for protection suite',
  lifetime: 'Set lifetime for ISAKMP security association',
};

const TRANSFORM_SET: HelpTable = {
  mode: 'encapsulation mode (transport/tunnel)',
};

const IPSEC_PROFILE: HelpTable = {
  ...SA_SETTINGS,
  description: 'Description of the crypto profile',
  'responder-only': 'Do not initiate SAs from this device',
  set: 'Specify profile configuration parameters',
  'set identity': 'Specify identity restriction.',
  'set ikev2-profile': 'Specify ikev2 Profile',
};

const CRYPTO_MAP: HelpTable = {
  ...SA_SETTINGS,
  description: 'Description of the crypto map statement policy',
  match: 'Match values.',
  'match address': 'Match address of packets to encrypt.',
  qos: 'Quality of Service related commands',
  'qos pre-classify': 'Enable QOS classification',
  'reverse-route': 'Reverse Route Injection.',
  set: 'Set values for encryption/decryption',
  'set nat': 'NAT attributes',
  'set nat demux': 'Demux multiple NAT-T connections',
  'set peer': 'Allowed Encryption/Decryption peer.',
  'set reverse-route': 'Reverse Route Injection.',
};

const EXTENDED_ACL: HelpTable = {
  deny: 'Specify packets to reject',
  dynamic: 'Specify a DYNAMIC list of PERMITs or DENYs',
  evaluate: 'Evaluate an access list',
  permit: 'Specify packets to forward',
  remark: 'Access list entry comment',
};

const EZVPN_CLIENT: HelpTable = {
  acl: 'Specify the ACL for Easy VPN Remote',
  backup: 'Backup Easy VPN Remote tunnel',
  connect: 'connect manually or automatically',
  dhcp: 'DHCP settings',
  group: 'Group name and key',
  'local-address': 'Interface to use for local address for this ezvpn client',
  mode: 'Mode of operation',
  'nem-xauth': 'Xauth in network extension mode',
  peer: 'Peer hostname or IP address',
  username: 'Username for Xauth',
  'virtual-interface': 'Assign virtual access interface',
  xauth: 'Xauth parameters',
  'xauth userid': 'Xauth userid',
  'xauth userid mode': 'Userid mode',
};

const EZVPN_GROUP: HelpTable = {
  acl: 'Specify split tunneling inclusion access-list number',
  'auto-update': 'Configure auto-upgrade',
  'backup-gateway': 'Specify backup gateway',
  banner: 'Specify mode config banner',
  dns: 'Specify DNS Addresses',
  domain: 'Set default domain name to send to client',
  firewall: 'Enforce group firewall feature',
  'firewall are-u-there': 'Firewall are-u-there',
  'include-local-lan': 'Enable Local LAN Access with no split tunnel',
  key: 'pre-shared key/IKE password',
  'max-logins': 'Set maximum simultaneous logins for users in this group',
  'max-users': 'Set maximum number of users for this group',
  netmask: 'netmask used by the client for local connectivity',
  pfs: 'The client should propose PFS',
  pool: 'Set name of address pool',
  'save-password': 'Allows remote client to save XAUTH password',
  'split-dns': 'DNS name to append for resolution',
  wins: 'Specify WINS Addresses',
};

/** Per mode: its descriptions and what its `exit` leaves. */
interface ModeHelp {
  readonly table: HelpTable;
  readonly exit: string;
}

const MODE_HELP = new Map<SubmodeSyntax | null, ModeHelp>([
  [null, { table: GLOBAL, exit: 'Exit from configure mode' }],
  [INTERFACE_MODE, { table: INTERFACE, exit: 'Exit from interface configuration mode' }],
  [
    ISAKMP_POLICY_MODE,
    { table: ISAKMP_POLICY, exit: 'Exit from ISAKMP protection suite configuration mode' },
  ],
  [
    TRANSFORM_SET_MODE,
    { table: TRANSFORM_SET, exit: 'Exit from crypto transform configuration mode' },
  ],
  [IPSEC_PROFILE_MODE, { table: IPSEC_PROFILE, exit: 'Exit from crypto ipsec profile mode' }],
  [CRYPTO_MAP_MODE, { table: CRYPTO_MAP, exit: 'Exit from crypto map configuration mode' }],
  [DYNAMIC_MAP_MODE, { table: CRYPTO_MAP, exit: 'Exit from crypto map configuration mode' }],
  [ACCESS_LIST_MODE, { table: EXTENDED_ACL, exit: 'Exit from access-list configuration mode' }],
  [
    EZVPN_CLIENT_MODE,
    { table: EZVPN_CLIENT, exit: 'Exit from Easy VPN Remote configuration mode' },
  ],
  [
    EZVPN_GROUP_MODE,
    { table: EZVPN_GROUP, exit: 'Exit from ISAKMP client group policy configuration mode' },
  ],
]);

/** The help of a mode (null: global configuration); blocks the simulator does not model have none. */
export function modeHelp(syntax: SubmodeSyntax | null): ModeHelp {
  return MODE_HELP.get(syntax) ?? { table: {}, exit: 'Exit from configuration mode' };
}

/**
 * The description of a keyword argument (`periodic` after `crypto isakmp keepalive`), from the
 * tables of any mode; '' when none is known.
 */
export function keywordArgumentHelp(commandPath: string, keyword: string): string {
  const key = `${commandPath} ${keyword}`;
  for (const { table } of MODE_HELP.values()) {
    const text = table[key];
    if (text !== undefined) return text;
  }
  return '';
}

/** Commands IOS accepts but leaves out of `?` listings. */
export const HIDDEN_COMMANDS: ReadonlySet<string> = new Set([
  'boot-end-marker',
  'boot-start-marker',
  'version',
]);
