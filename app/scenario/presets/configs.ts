// IOS 12.4 configuration texts for the built-in presets, one IOS line per array element, in the
// order `show running-config` prints them, so a trainee reads what a router would show and can
// paste it into one (there is no closing `end`: the parser would list it as not simulated). Conventions (ios-behavior.md 7.4): ISAKMP policy 10 (AES, pre-share, group 2),
// key cisco123, transform-set TS, crypto map CMAP with ACL 101, `crypto logging session` everywhere.

/** A router's two physical interfaces: WAN FastEthernet0/0 and LAN FastEthernet0/1, both /24. */
export interface Site {
  hostname: string;
  /** FastEthernet0/0, toward the ISP; the ISP gateway is .254 of the same /24. */
  wanIp: string;
  /** FastEthernet0/1, the router's own address (.1) on its LAN. */
  lanIp: string;
}

export const R1: Site = { hostname: 'R1', wanIp: '10.1.1.1', lanIp: '192.168.1.1' };
export const R2: Site = { hostname: 'R2', wanIp: '20.1.1.2', lanIp: '192.168.2.1' };
export const R3: Site = { hostname: 'R3', wanIp: '30.1.1.3', lanIp: '192.168.3.1' };
/** Hub-and-spoke presets reuse the same addresses: the hub sits where R2 does. */
export const HUB: Site = { ...R2, hostname: 'HUB' };
export const SPOKE1: Site = { ...R1, hostname: 'SPOKE1' };
export const SPOKE2: Site = { ...R3, hostname: 'SPOKE2' };

const KEY = 'cisco123';
const ANY_PEER = '0.0.0.0 0.0.0.0';
const WAN_IF = 'FastEthernet0/0';
const LAN_IF = 'FastEthernet0/1';

/** The host that pings on a site's LAN: .10. */
export function lanHost(site: Site): string {
  return `${firstThreeOctets(site.lanIp)}.10`;
}

/** A site's LAN as a prefix: "192.168.1.0/24". */
export function lanPrefix(site: Site): string {
  return `${firstThreeOctets(site.lanIp)}.0/24`;
}

// ---- Building blocks ------------------------------------------------------------------------

function firstThreeOctets(ip: string): string {
  return ip.split('.').slice(0, 3).join('.');
}

function dotted(value: number): string {
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join('.');
}

function maskValue(length: number): number {
  return length === 0 ? 0 : (0xffff_ffff << (32 - length)) >>> 0;
}

/** "192.168.0.0/16" → address and prefix length; a malformed prefix is a bug in a preset. */
function splitPrefix(prefix: string): { network: string; length: number } {
  const match = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/.exec(prefix);
  const network = match?.[1];
  const length = Number(match?.[2]);
  if (network === undefined || !(length >= 0 && length <= 32)) {
    throw new Error(`not an IPv4 prefix: ${prefix}`);
  }
  return { network, length };
}

/** "192.168.0.0/16" → "192.168.0.0 0.0.255.255", as an ACL writes it. */
function aclMatch(prefix: string): string {
  const { network, length } = splitPrefix(prefix);
  return `${network} ${dotted(~maskValue(length) >>> 0)}`;
}

/** `ip route` toward a prefix through a next hop. */
function route(prefix: string, nextHop: string): string {
  const { network, length } = splitPrefix(prefix);
  return `ip route ${network} ${dotted(maskValue(length))} ${nextHop}`;
}

/** ISAKMP policy 10: AES, pre-shared keys, DH group 2 (and SHA, the default), or `settings`. */
function isakmpPolicy(settings: readonly string[] = POLICY_SETTINGS): string[] {
  return ['crypto isakmp policy 10', ...settings];
}

const POLICY_SETTINGS = [' encr aes', ' authentication pre-share', ' group 2'];

function isakmpKey(peer: string, key = KEY): string {
  return `crypto isakmp key ${key} address ${peer}`;
}

/** GRE and mGRE protect GRE between the endpoints, so their transform-set runs transport mode. */
function transformSet(mode: 'tunnel' | 'transport', transforms = 'esp-aes esp-sha-hmac'): string[] {
  const set = `crypto ipsec transform-set TS ${transforms}`;
  return mode === 'transport' ? [set, ' mode transport'] : [set];
}

function ipsecProfile(): string[] {
  return ['crypto ipsec profile PROF', ' set transform-set TS'];
}

/** ` no shutdown` is not in `show running-config`, but a pasted config needs it on a fresh router. */
function physicalInterface(name: string, ip: string, lines: readonly string[] = []): string[] {
  return [`interface ${name}`, ` ip address ${ip} 255.255.255.0`, ...lines, ' no shutdown'];
}

interface ConfigParts {
  site: Site;
  /** AAA lines, which IOS prints right after the hostname. */
  aaa?: readonly string[];
  /** Crypto sections (ISAKMP, IPsec, maps), in order; each is followed by a "!". */
  crypto: ReadonlyArray<readonly string[]>;
  /** A Tunnel0 block, printed before the physical interfaces as IOS does. */
  tunnel?: readonly string[];
  wan?: readonly string[];
  lan?: readonly string[];
  /** Static routes besides the default route to the ISP gateway. */
  routes?: readonly string[];
  acl?: readonly string[];
}

function renderConfig(parts: ConfigParts): string {
  const { site } = parts;
  const sections: ReadonlyArray<readonly string[]> = [
    [`hostname ${site.hostname}`],
    parts.aaa ?? [],
    ['crypto logging session'],
    ...parts.crypto,
    parts.tunnel ?? [],
    physicalInterface(WAN_IF, site.wanIp, parts.wan),
    physicalInterface(LAN_IF, site.lanIp, parts.lan),
    [`ip route 0.0.0.0 0.0.0.0 ${firstThreeOctets(site.wanIp)}.254`, ...(parts.routes ?? [])],
    parts.acl ?? [],
  ];
  const nonEmpty = sections.filter((section) => section.length > 0);
  return nonEmpty.flatMap((section) => [...section, '!']).join('\n');
}

// ---- Router configurations --------------------------------------------------------------------

export interface StaticMapOptions {
  site: Site;
  /** `set peer` addresses, in order; each also gets a pre-shared key. */
  peers: readonly string[];
  /** `set peer <first> default`: the IPsec preferred peer (12.3(14)T). */
  defaultPeer?: boolean;
  /** ACL 101 encrypts from `local` (default: the site's LAN) to `remote`, both as prefixes. */
  local?: string;
  remote: string;
  /** Global crypto lines: recovery, keepalives, idle time. */
  extraGlobal?: readonly string[];
  /** Lines for the crypto map entry CMAP 10, before `set transform-set`. */
  extraMap?: readonly string[];
  /** The WAN interface's lines after its address (default: ` crypto map CMAP`). */
  wan?: readonly string[];
  /** The pre-shared key for every peer (default: cisco123). */
  key?: string;
  /** ISAKMP policy 10's settings (default: AES, pre-share, group 2). */
  policy?: readonly string[];
  /** The transforms of transform-set TS (default: esp-aes esp-sha-hmac). */
  transforms?: string;
  /** The transform set the crypto map entry names (default: TS). */
  mapTransformSet?: string;
}

/** A static crypto map on the WAN interface: the classic site-to-site configuration. */
export function staticMapRouter(options: StaticMapOptions): string {
  const { site, peers } = options;
  const setPeers = peers.map((peer, i) =>
    i === 0 && options.defaultPeer === true ? ` set peer ${peer} default` : ` set peer ${peer}`,
  );
  const local = options.local ?? lanPrefix(site);
  return renderConfig({
    site,
    crypto: [
      [...isakmpPolicy(options.policy), ...peers.map((peer) => isakmpKey(peer, options.key))],
      options.extraGlobal ?? [],
      transformSet('tunnel', options.transforms),
      [
        'crypto map CMAP 10 ipsec-isakmp',
        ...setPeers,
        ...(options.extraMap ?? []),
        ` set transform-set ${options.mapTransformSet ?? 'TS'}`,
        ' match address 101',
      ],
    ],
    wan: options.wan ?? [' crypto map CMAP'],
    acl: [`access-list 101 permit ip ${aclMatch(local)} ${aclMatch(options.remote)}`],
  });
}

/** A hub with a dynamic crypto map: it answers any peer with the key, and can never initiate. */
export function dynamicMapHub(options: { site: Site; extraGlobal?: readonly string[] }): string {
  return renderConfig({
    site: options.site,
    crypto: [
      [...isakmpPolicy(), isakmpKey(ANY_PEER)],
      options.extraGlobal ?? [],
      transformSet('tunnel'),
      ['crypto dynamic-map DYN 10', ' set transform-set TS'],
      ['crypto map CMAP 65535 ipsec-isakmp dynamic DYN'],
    ],
    wan: [' crypto map CMAP'],
  });
}

export interface PointToPointOptions {
  site: Site;
  /** 'gre-tp': GRE with tunnel protection; 'svti': `tunnel mode ipsec ipv4`. */
  style: 'gre-tp' | 'svti';
  /** Tunnel0 address in 172.16.0.0/30, and the far end's. */
  tunnelIp: string;
  peerTunnelIp: string;
  /** The far end's WAN address: `tunnel destination`. */
  peerWanIp: string;
  /** The far LAN, routed into the tunnel. */
  remote: string;
  extraGlobal?: readonly string[];
}

/** A point-to-point tunnel interface protected by `crypto ipsec profile PROF`. */
export function pointToPointRouter(options: PointToPointOptions): string {
  const gre = options.style === 'gre-tp';
  return renderConfig({
    site: options.site,
    crypto: [
      [...isakmpPolicy(), isakmpKey(options.peerWanIp)],
      options.extraGlobal ?? [],
      transformSet(gre ? 'transport' : 'tunnel'),
      ipsecProfile(),
    ],
    tunnel: [
      'interface Tunnel0',
      ` ip address ${options.tunnelIp} 255.255.255.252`,
      ` tunnel source ${WAN_IF}`,
      ` tunnel destination ${options.peerWanIp}`,
      ...(gre ? [] : [' tunnel mode ipsec ipv4']),
      ' tunnel protection ipsec profile PROF',
    ],
    routes: [route(options.remote, options.peerTunnelIp)],
  });
}

/** What a DMVPN router needs to know about the other end of a tunnel. */
export interface DmvpnPeer {
  /** Tunnel0 address in 172.16.0.0/24 (the hub is 172.16.0.1). */
  tunnelIp: string;
  /** The LAN behind it, routed through its tunnel address. */
  lan: string;
}

/** Tunnel0 in 172.16.0.0/24; `maps` are printed before the network id, `nhs` after it. */
function mgreTunnel(tunnelIp: string, maps: readonly string[], nhs: readonly string[]): string[] {
  return [
    'interface Tunnel0',
    ` ip address ${tunnelIp} 255.255.255.0`,
    ...maps,
    ' ip nhrp network-id 1',
    ...nhs,
    ` tunnel source ${WAN_IF}`,
    ' tunnel mode gre multipoint',
    ' tunnel protection ipsec profile PROF',
  ];
}

export interface DmvpnHubOptions {
  site: Site;
  /** The spokes: the hub routes each spoke's LAN through that spoke's tunnel address. */
  spokes: readonly DmvpnPeer[];
  extraGlobal?: readonly string[];
}

/** DMVPN hub: mGRE whose spokes are known only from their NHRP registrations (dynamic NHRP). */
export function dmvpnHub(options: DmvpnHubOptions): string {
  return renderConfig({
    site: options.site,
    crypto: [
      [...isakmpPolicy(), isakmpKey(ANY_PEER)],
      options.extraGlobal ?? [],
      transformSet('transport'),
      ipsecProfile(),
    ],
    tunnel: mgreTunnel('172.16.0.1', [' ip nhrp map multicast dynamic'], []),
    routes: options.spokes.map((spoke) => route(spoke.lan, spoke.tunnelIp)),
  });
}

export interface DmvpnSpokeOptions {
  site: Site;
  tunnelIp: string;
  /** The hub's NBMA (WAN) address, mapped statically, and its LAN. */
  hubWanIp: string;
  hubLan: string;
  extraGlobal?: readonly string[];
  /** More NHRP lines on Tunnel0, e.g. ` ip nhrp holdtime 300`. */
  extraNhrp?: readonly string[];
}

/** DMVPN spoke: mGRE with a static NHRP mapping of the hub (172.16.0.1), which is its NHS. */
export function dmvpnSpoke(options: DmvpnSpokeOptions): string {
  const hub = options.hubWanIp;
  return renderConfig({
    site: options.site,
    crypto: [
      [...isakmpPolicy(), isakmpKey(hub)],
      options.extraGlobal ?? [],
      transformSet('transport'),
      ipsecProfile(),
    ],
    tunnel: mgreTunnel(
      options.tunnelIp,
      [` ip nhrp map 172.16.0.1 ${hub}`, ` ip nhrp map multicast ${hub}`],
      [' ip nhrp nhs 172.16.0.1', ...(options.extraNhrp ?? [])],
    ),
    routes: [route(options.hubLan, '172.16.0.1')],
  });
}

/** The Easy VPN user both ends know: the server's local user, the client's saved credentials. */
export const EZVPN_USER = { name: 'ipsecuser', password: 'ipsecpass' } as const;

/**
 * Easy VPN server: group EZGROUP behind a dynamic map, users checked by XAUTH against the local
 * database (Cisco "Easy VPN Server"). The group lookup (`isakmp authorization list`) is what a
 * real server needs; the simulator reports it as not simulated.
 */
export function ezvpnServer(options: { site: Site }): string {
  return renderConfig({
    site: options.site,
    aaa: [
      'aaa new-model',
      'aaa authentication login EZ-AUTHEN local',
      'aaa authorization network EZ-AUTHOR local',
      `username ${EZVPN_USER.name} password 0 ${EZVPN_USER.password}`,
    ],
    crypto: [
      isakmpPolicy(),
      ['crypto isakmp client configuration group EZGROUP', ` key ${KEY}`],
      transformSet('tunnel'),
      ['crypto dynamic-map DYN 10', ' set transform-set TS'],
      [
        'crypto map CMAP client authentication list EZ-AUTHEN',
        'crypto map CMAP isakmp authorization list EZ-AUTHOR',
        'crypto map CMAP 65535 ipsec-isakmp dynamic DYN',
      ],
    ],
    wan: [' crypto map CMAP'],
  });
}

/**
 * Easy VPN remote in network-extension mode: no ISAKMP policy or key of its own, since the client
 * proposes its built-in set and authenticates with the group key, then the user with its saved
 * XAUTH credentials (Cisco Easy VPN Remote: `username`, `xauth userid mode local`).
 */
export function ezvpnClient(options: { site: Site; serverIp: string }): string {
  return renderConfig({
    site: options.site,
    crypto: [
      [
        'crypto ipsec client ezvpn EZ',
        ' connect auto',
        ` group EZGROUP key ${KEY}`,
        ' mode network-extension',
        ` peer ${options.serverIp}`,
        ` username ${EZVPN_USER.name} password ${EZVPN_USER.password}`,
        ' xauth userid mode local',
      ],
    ],
    wan: [' crypto ipsec client ezvpn EZ'],
    lan: [' crypto ipsec client ezvpn EZ inside'],
  });
}

export interface BackupPeerOptions {
  /** `set peer 20.1.1.2 default`: R2 is the IPsec preferred peer. */
  defaultPeer: boolean;
  /** R1's global crypto lines, e.g. its keepalive. */
  r1Global: readonly string[];
  /** Lines for R1's crypto map entry, e.g. an idle time. */
  r1Map?: readonly string[];
}

/**
 * R1 with two headends, R2 (first peer) and R3 (backup), each in front of its own LAN. ACL 101 on
 * R1 encrypts 192.168.1.0/24 to the summary 192.168.0.0/16 and both headends mirror it, so one SA
 * pair to whichever headend is current carries the flows to both LANs; a headend delivers only to
 * its own LAN, so which ping flow answers shows which headend R1 is using.
 */
export function backupPeerConfigs(options: BackupPeerOptions): Record<'r1' | 'r2' | 'r3', string> {
  const summary = '192.168.0.0/16';
  const headend = (site: Site) =>
    staticMapRouter({ site, peers: [R1.wanIp], local: summary, remote: lanPrefix(R1) });
  return {
    r1: staticMapRouter({
      site: R1,
      peers: [R2.wanIp, R3.wanIp],
      defaultPeer: options.defaultPeer,
      remote: summary,
      extraGlobal: options.r1Global,
      ...(options.r1Map === undefined ? {} : { extraMap: options.r1Map }),
    }),
    r2: headend(R2),
    r3: headend(R3),
  };
}

// ---- HSRP headend pair (ios-behavior.md 2.3, 7.4.12) -------------------------------------------

/** The two headends share the outside segment 20.1.1.0/24 and the LAN 192.168.2.0/24. */
export const HE1: Site = { hostname: 'HE1', wanIp: '20.1.1.2', lanIp: '192.168.2.1' };
export const HE2: Site = { hostname: 'HE2', wanIp: '20.1.1.3', lanIp: '192.168.2.2' };
/** The HSRP virtual IP the branch peers with. */
export const HSRP_VIP = '20.1.1.10';
/** The HSRP group name that `crypto map CMAP redundancy` refers to. */
export const HSRP_NAME = 'VPN-HA';

export interface HsrpHeadendOptions {
  site: Site;
  /** `standby 1 priority`; omitted at the IOS default of 100, as `show running-config` does. */
  priority?: number;
  preempt?: boolean;
  extraGlobal?: readonly string[];
}

/**
 * A headend of an HSRP pair with stateless IPsec HA: HSRP group 1 owns the virtual IP on the
 * outside interface, and `crypto map CMAP redundancy VPN-HA` makes IKE and ESP use that address,
 * only while the group is Active. Its static map answers the branch R1.
 */
export function hsrpHeadend(options: HsrpHeadendOptions): string {
  const { site } = options;
  return staticMapRouter({
    site,
    peers: [R1.wanIp],
    remote: lanPrefix(R1),
    ...(options.extraGlobal === undefined ? {} : { extraGlobal: options.extraGlobal }),
    wan: [
      ` standby 1 ip ${HSRP_VIP}`,
      ...(options.priority === undefined ? [] : [` standby 1 priority ${options.priority}`]),
      ...(options.preempt === true ? [' standby 1 preempt'] : []),
      ` standby 1 name ${HSRP_NAME}`,
      ` crypto map CMAP redundancy ${HSRP_NAME}`,
    ],
  });
}
