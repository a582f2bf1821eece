// What a router holds at one moment, as plain data: the input of `show crypto isakmp sa`,
// `show crypto ipsec sa`, `show ip nhrp` and the router panels. Produced by the engine.

export interface IkeSaView {
  /** The allocated id; `show crypto isakmp sa` prints isakmpConnId(view) (0 before the keys). */
  connId: number;
  keysDerived: boolean;
  /** Local and remote addresses as `show crypto isakmp sa` prints them (dst first). */
  dst: string;
  src: string;
  peer: string;
  role: 'initiator' | 'responder';
  /**
   * MM_NO_STATE | MM_SA_SETUP | MM_KEY_EXCH | MM_KEY_AUTH (main mode), AG_NO_STATE |
   * AG_INIT_EXCH (aggressive mode), CONF_XAUTH | CONF_ADDR (an Easy VPN client's XAUTH and
   * mode config), QM_IDLE
   */
  state: string;
  status: 'ACTIVE' | 'DELETED';
  lifetimeRemainingSec: number;
  /** When the lifetime ends (virtual ms), or null while still negotiating. */
  expiresAtMs: number | null;
  /** Liveness mechanism negotiated with this peer. */
  liveness: 'dpd' | 'legacy-keepalive' | 'none';
  /** DPD/keepalive machine state: quiet | probing | dead, with retry k of 5 while probing. */
  dpdState: string;
  dpdRetry: number;
}

export interface ProxyIdent {
  addr: string;
  mask: string;
  prot: number;
  port: number;
}

export interface SaEntryView {
  spi: number;
  transform: string; // "esp-aes esp-sha-hmac"
  mode: 'Tunnel' | 'Transport';
  connId: number;
  flowId: number;
  cryptoMap: string;
  /** The agreed kilobytes lifetime, and what is left of it (IOS counts each SA's own bytes). */
  lifetimeKb: number;
  remainingKb: number;
  remainingSec: number;
  /** Seconds until the idle timer deletes the SA, or null without an idle timer. */
  idleRemainingSec: number | null;
  /** The idle timer's full length, or null. */
  idleTimeSec: number | null;
  /** When the seconds lifetime ends, and the pair's last packet (virtual ms). */
  expiresAtMs: number;
  lastActivityAtMs: number;
  /**
   * When the crypto engine can use the SA (inbound: install + `saInstallDelayMs`, [I]
   * simplified; outbound: its install), and whether that is still ahead.
   */
  programmedAtMs: number;
  programming: boolean;
  status: 'ACTIVE' | 'STANDBY';
}

/** One `show crypto ipsec sa` flow block: a pair of proxies on one interface with one peer. */
export interface IpsecFlowView {
  interfaceName: string;
  cryptoMapTag: string;
  localAddr: string;
  localIdent: ProxyIdent;
  remoteIdent: ProxyIdent;
  currentPeer: string;
  encaps: number;
  decaps: number;
  sendErrors: number;
  recvErrors: number;
  /** 0 when no outbound SA is installed. */
  currentOutboundSpi: number;
  inbound: SaEntryView[];
  outbound: SaEntryView[];
}

export interface NhrpEntryView {
  tunnelIp: string;
  mask: string;
  interfaceName: string;
  nbma: string;
  type: 'static' | 'dynamic';
  /** Seconds since created, and until expiry (null = never), when the snapshot was taken. */
  createdSec: number;
  expiresInSec: number | null;
  /** The same as virtual times: a snapshot is read later than it is taken. */
  createdAtMs: number;
  expiresAtMs: number | null;
}

/** A spoke's registration with one NHS (`ip nhrp nhs`), as its NHRP client knows it. */
export interface NhsRegistrationView {
  interfaceName: string;
  nhs: string;
  /** Whether the NHS answered the last registration request. */
  responding: boolean;
  /** When it began or stopped answering (virtual ms); null = never answered since boot. */
  changedAtMs: number | null;
}

/** One peer row of `show dmvpn`: an NHRP mapping and the state of the tunnel to that peer. */
export interface DmvpnPeerView {
  nbma: string;
  tunnelIp: string;
  /**
   * UP, or the first thing the tunnel to this peer still lacks: IKE (no IKE SA in QM_IDLE),
   * IPsec (no IPsec SA), NHRP (an NHS that does not answer our registration).
   */
  state: 'UP' | 'IKE' | 'IPsec' | 'NHRP';
  /** Since when up (or down), virtual ms; null = never up since boot ("never"). */
  sinceAtMs: number | null;
  /** When a dynamic mapping's hold time runs out and the row goes (null: static). */
  expiresAtMs: number | null;
  /** S: from `ip nhrp map`; D: learnt from the peer's registration. */
  attrb: 'S' | 'D';
}

/** One mGRE tunnel's block of `show dmvpn`. */
export interface DmvpnInterfaceView {
  interfaceName: string;
  /** Spoke when the tunnel registers with an NHS (`ip nhrp nhs`), Hub otherwise. */
  type: 'Hub' | 'Spoke';
  peers: DmvpnPeerView[];
}

/** One HSRP group as the router knows it (`show standby brief`). */
export interface HsrpGroupView {
  interfaceName: string;
  group: number;
  name: string | null;
  vip: string;
  /** Init, Listen, Speak, Standby or Active. */
  state: string;
  priority: number;
  preempt: boolean;
  /** The Active router's address as this router knows it: 'local' when itself, or 'unknown'. */
  active: string;
  /** The Standby router's address, likewise. */
  standby: string;
}

export interface RouterView {
  node: string;
  hostname: string;
  power: 'up' | 'booting';
  /**
   * Every address the router answers to now (its running-config's interfaces that are up and
   * addressed), in interface order: how the engine delivers packets, HSRP virtual IPs aside.
   */
  addresses: string[];
  ike: IkeSaView[];
  ipsec: IpsecFlowView[];
  nhrp: NhrpEntryView[];
  /** `show dmvpn`: the mGRE tunnels with NHRP; absent on a router without one. */
  dmvpn?: DmvpnInterfaceView[];
  /** Global drop counter for ESP with an unknown SPI. */
  invalidSpiDrops: number;
  /** HSRP groups with a virtual IP; absent on a router without `standby` lines. */
  hsrp?: HsrpGroupView[];
  /**
   * Crypto map entries applied to an interface that protect nothing, as "CMAP 10: transform set
   * TS-AES is not defined"; absent when there are none.
   */
  incompleteMaps?: string[];
  /**
   * Crypto map sets configured but applied to no interface (`crypto map NAME` missing from the
   * WAN interface): they protect nothing and start no IKE; absent when there are none.
   */
  unappliedMaps?: string[];
}
