// The crypto-relevant subset of an IOS configuration, as typed data.
// Produced only by parseIosConfig (app/ios/parseConfig.ts); the simulator reads nothing else.

/** An IPv4 address as a dotted-quad string, e.g. "10.1.1.1". */
export type Ipv4 = string;

export interface ConfigDiagnostic {
  /** 1-based line number in the config text. */
  line: number;
  /** The line as written. */
  text: string;
  /** 'error': malformed, the config is rejected. 'unsupported': kept, reported as "not simulated". */
  severity: 'error' | 'unsupported';
  message: string;
}

export interface IsakmpPolicy {
  priority: number;
  encryption: string; // des | 3des | aes | aes 192 | aes 256
  hash: string; // sha | md5 | sha256 ...
  authentication: string; // pre-share | rsa-sig
  group: number;
  lifetimeSec: number; // default 86400
}

export interface IsakmpKey {
  key: string;
  address: Ipv4; // 0.0.0.0 = wildcard
  mask: Ipv4 | null;
}

export interface IsakmpKeepalive {
  seconds: number;
  retrySec: number; // default 2
  mode: 'on-demand' | 'periodic'; // default on-demand
}

export interface TransformSet {
  name: string;
  transforms: string[]; // e.g. ['esp-aes', 'esp-sha-hmac']
  mode: 'tunnel' | 'transport';
}

export interface IpsecProfile {
  name: string;
  transformSet: string | null;
  saLifetimeSec: number | null;
  saLifetimeKb: number | null;
  idleTimeSec: number | null;
}

export interface PeerRef {
  address: Ipv4;
  /** `set peer <ip> default`: the preferred peer, always listed first. */
  isDefault: boolean;
}

export interface IdleTime {
  seconds: number;
  /** `set security-association idle-time N default`: after idle expiry return to the default peer. */
  returnToDefaultPeer: boolean;
}

/** One `crypto map NAME SEQ ipsec-isakmp [dynamic DYN]` entry. */
export interface CryptoMapEntry {
  map: string;
  seq: number;
  /** Name of the dynamic map this entry instantiates, or null for a static entry. */
  dynamicMap: string | null;
  peers: PeerRef[];
  transformSet: string | null;
  /** Name or number of the extended ACL in `match address`. */
  matchAcl: string | null;
  saLifetimeSec: number | null;
  saLifetimeKb: number | null;
  idleTime: IdleTime | null;
}

/** One `crypto dynamic-map NAME SEQ` entry: a responder-only template. */
export interface DynamicMapEntry {
  name: string;
  seq: number;
  transformSet: string | null;
  matchAcl: string | null;
  saLifetimeSec: number | null;
  idleTime: IdleTime | null;
}

export interface AclEntry {
  action: 'permit' | 'deny';
  /** 'ip' | 'gre' | 'tcp' | 'udp' | 'icmp' | 'esp' | 'ahp' or a protocol number as a string. */
  protocol: string;
  src: Ipv4;
  srcWildcard: Ipv4; // 'any' → 0.0.0.0/255.255.255.255; 'host X' → X/0.0.0.0
  dst: Ipv4;
  dstWildcard: Ipv4;
}

export interface NhrpMap {
  tunnelIp: Ipv4;
  nbma: Ipv4;
}

export interface NhrpConfig {
  networkId: number | null;
  /** `ip nhrp nhs <tunnel-ip>` */
  nhs: Ipv4[];
  /** `ip nhrp map <tunnel-ip> <nbma>` */
  maps: NhrpMap[];
  /** `ip nhrp map multicast <nbma>|dynamic` */
  mapMulticast: Array<Ipv4 | 'dynamic'>;
  holdtimeSec: number; // default 7200
  authentication: string | null;
}

export interface TunnelConfig {
  /** Interface name (e.g. "FastEthernet0/0") or an address. */
  source: string | null;
  destination: Ipv4 | null;
  mode: 'gre' | 'gre-multipoint' | 'ipsec-ipv4';
  protectionProfile: string | null;
  key: number | null;
}

/**
 * One HSRP group on an interface (`standby <group> ...`). Defaults: priority 100, hello 3 s,
 * hold 10 s, no preempt. The defaults are IOS's as recalled, not confirmed by ios-behavior.md
 * ([M], simplified).
 */
export interface StandbyGroup {
  group: number;
  /** `standby <group> ip <vip>`: the virtual IP, or null until configured. */
  vip: Ipv4 | null;
  priority: number;
  preempt: boolean;
  /** `standby <group> name <NAME>`: what `crypto map … redundancy NAME` refers to. */
  name: string | null;
  helloSec: number;
  holdSec: number;
}

export interface InterfaceConfig {
  name: string; // canonical: "FastEthernet0/0", "Tunnel0", "GigabitEthernet0/1"
  address: { ip: Ipv4; mask: Ipv4 } | null;
  shutdown: boolean;
  cryptoMap: string | null;
  /**
   * `crypto map <tag> redundancy <NAME>`: stateless IPsec HA. IKE and ESP of the map use the
   * virtual IP of the HSRP group named NAME, and only while that group is Active.
   */
  cryptoMapRedundancy: string | null;
  /** HSRP groups (`standby …`), in the order they were first configured. */
  standby: StandbyGroup[];
  tunnel: TunnelConfig | null;
  nhrp: NhrpConfig | null;
  /** `crypto ipsec client ezvpn NAME [outside|inside]` on this interface. */
  ezvpn: { name: string; role: 'outside' | 'inside' } | null;
}

export interface StaticRoute {
  prefix: Ipv4;
  mask: Ipv4;
  /** Next-hop address, or null when the route names an interface only. */
  nextHop: Ipv4 | null;
  /** Exit interface name, or null. */
  interface: string | null;
}

export interface EzvpnClient {
  name: string;
  peers: Ipv4[];
  mode: 'client' | 'network-extension' | 'network-plus';
  group: string | null;
  key: string | null;
  connect: 'auto' | 'manual';
  /** `username U password P`: the XAUTH credentials the client saves; null when none. */
  xauthUser: { name: string; password: string } | null;
  /** `xauth userid mode`: `local` sends the saved credentials; IOS's default asks the console. */
  xauthMode: 'local' | 'interactive' | 'http-intercept' | null;
}

/** `username NAME password|secret [0] PASSWORD`: a user of the local AAA database. */
export interface LocalUser {
  name: string;
  password: string;
}

/** `aaa authentication login LIST METHOD...`. */
export interface AaaLoginList {
  name: string;
  methods: string[];
}

/** `crypto map NAME client authentication list LIST`: XAUTH for the map's Easy VPN clients. */
export interface CryptoMapClientAuth {
  map: string;
  list: string;
}

export interface EzvpnServerGroup {
  name: string;
  key: string | null;
  pool: string | null;
}

export interface RouterConfig {
  hostname: string;
  interfaces: InterfaceConfig[];
  staticRoutes: StaticRoute[];
  isakmpPolicies: IsakmpPolicy[];
  isakmpKeys: IsakmpKey[];
  isakmpKeepalive: IsakmpKeepalive | null;
  invalidSpiRecovery: boolean;
  transformSets: TransformSet[];
  ipsecProfiles: IpsecProfile[];
  cryptoMaps: CryptoMapEntry[];
  dynamicMaps: DynamicMapEntry[];
  /** `crypto ipsec security-association lifetime seconds N`; default 3600. */
  ipsecSaLifetimeSec: number;
  /** `crypto ipsec security-association lifetime kilobytes N`; default 4608000. */
  ipsecSaLifetimeKb: number;
  /** `crypto ipsec security-association idle-time N`; default none. */
  ipsecIdleTimeSec: number | null;
  /**
   * Extended access lists by name or number, in the order they were created. A Map: a list may
   * be called anything, `constructor` and `__proto__` included.
   */
  accessLists: Map<string, AclEntry[]>;
  ezvpnClients: EzvpnClient[];
  ezvpnServerGroups: EzvpnServerGroup[];
  /** `crypto logging session`. */
  cryptoLoggingSession: boolean;
  /** `aaa new-model`: without it IOS refuses the `aaa authentication` lines. */
  aaaNewModel: boolean;
  aaaLoginLists: AaaLoginList[];
  localUsers: LocalUser[];
  cryptoMapClientAuth: CryptoMapClientAuth[];
}

export interface ParsedConfig {
  config: RouterConfig;
  diagnostics: ConfigDiagnostic[];
}
