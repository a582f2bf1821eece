// Trace records: the contract between the engine and every view, the CLI and the tests.
// Plain JSON, ordered by atMs then emission order. Shapes follow issue #2, section 4.

export type IkeMsg =
  | 'MM1'
  | 'MM2'
  | 'MM3'
  | 'MM4'
  | 'MM5'
  | 'MM6'
  /** Aggressive mode (RFC 2409 §5.4): an Easy VPN client with a group key. */
  | 'AM1'
  | 'AM2'
  | 'AM3'
  /** Transaction exchange (mode config, draft-dukes-ike-mode-cfg): Easy VPN after phase 1. */
  | 'CFG-REQUEST'
  | 'CFG-REPLY'
  /** XAUTH (draft-beaulieu-ike-xauth): transaction exchanges the Easy VPN server starts. */
  | 'XAUTH-REQUEST'
  | 'XAUTH-REPLY'
  | 'XAUTH-STATUS'
  | 'XAUTH-ACK'
  | 'QM1'
  | 'QM2'
  | 'QM3'
  | 'DELETE'
  | 'R-U-THERE'
  | 'R-U-THERE-ACK'
  | 'KEEPALIVE'
  | 'KEEPALIVE-ACK'
  | 'NHRP-REG'
  | 'NHRP-REPLY';

export interface PacketRecord {
  atMs: number;
  kind: 'packet';
  event: 'sent' | 'delivered' | 'dropped';
  packetId: number;
  /** Outer source and destination addresses. */
  src: string;
  dst: string;
  proto: 'esp' | 'isakmp' | 'ip';
  msg?: IkeMsg;
  /** ESP SPI as IOS prints it: "0xB761863E". */
  spi?: string;
  /** Why a packet was dropped. */
  reason?: string;
  /** Node where the event happened (sender for 'sent', receiver or dropper otherwise). */
  node?: string;
  /** The link the packet is crossing ('sent': the first link of its path). */
  link?: string;
  /** For 'sent': when it will arrive, if nothing intervenes; lets views animate it. */
  arrivesAtMs?: number;
  /** For 'sent': node ids along the path, sender first. */
  path?: string[];
  /** Inner packet summary for ESP and plain IP: "ICMP echo 192.168.1.10 > 192.168.2.10". */
  inner?: string;
  /** For an inner ping packet: its flow id and sequence number (matches `ping` records). */
  flow?: string;
  pingSeq?: number;
  /** For ESP: the size of the ESP packet (what an SA's kilobytes lifetime counts). */
  sizeBytes?: number;
  /** IKE extras: INITIAL-CONTACT in MM5 or AM3, the SPI a DELETE names, a DPD sequence number. */
  initialContact?: boolean;
  deleteSpi?: string;
  seq?: number;
  /**
   * ISAKMP `sent` records: the header's initiator and responder cookies, 16 hex digits each
   * (RFC 2408 §3.1; the responder cookie is all zeros in MM1), and the message ID of a quick
   * mode or informational exchange as an unsigned 32-bit number (IOS debug prints it signed).
   */
  icookie?: string;
  rcookie?: string;
  messageId?: number;
}

export interface LogRecord {
  atMs: number;
  kind: 'syslog' | 'debug';
  node: string;
  text: string;
}

export type MachineName = 'ike' | 'ipsec' | 'dpd' | 'hsrp';

export interface StateRecord {
  atMs: number;
  kind: 'state';
  node: string;
  peer: string;
  machine: MachineName;
  to: string;
  /** Which instance: IKE conn-id, or the IPsec SA pair id. */
  instance?: number;
  /**
   * For a machine with nested states: its active atomic states as dotted paths
   * ("active.lifetime.rekeyed"). A change among them is recorded even when `to` stays.
   */
  active?: string[];
  /**
   * The event that caused the change, as the machine received it ("recv MM2", "delete",
   * "xstate.after.retransmit.ike.MM_NO_STATE"); absent when the router stopped the machine
   * (a reload).
   */
  event?: string;
}

export interface SaRecord {
  atMs: number;
  kind: 'sa';
  event: 'installed' | 'deleted';
  node: string;
  peer: string;
  direction: 'inbound' | 'outbound';
  spi: string;
  reason?: string;
  /** Seconds lifetime at installation. */
  lifetimeSec?: number;
}

export interface PingRecord {
  atMs: number;
  kind: 'ping';
  flow: string;
  seq: number;
  result: 'ok' | 'lost';
  /** Round-trip time for 'ok'. */
  rttMs?: number;
}

export interface FaultRecord {
  atMs: number;
  kind: 'fault';
  event:
    | 'reload'
    | 'boot'
    | 'link-down'
    | 'link-up'
    | 'config'
    | 'exec'
    | 'traffic-start'
    | 'traffic-stop';
  node?: string;
  link?: string;
  flow?: string;
  detail?: string;
}

/**
 * A negotiation this router refused or could not complete: why a tunnel does not come up. The
 * router that notices writes it (the responder that cannot decrypt MM5, finds no acceptable
 * ISAKMP policy or transform set); the IOS lines that go with it are log records beside it.
 */
export interface NegotiationRecord {
  atMs: number;
  kind: 'negotiation';
  event: 'failed';
  node: string;
  peer: string;
  /** 1: IKE phase 1 (main or aggressive mode); 2: quick mode (the IKE SA stays). */
  phase: 1 | 2;
  cause: NegotiationCause;
  /** Plain words, e.g. "pre-shared keys differ", "no common ISAKMP policy". */
  reason: string;
}

/** Why a negotiation failed, as a code the views can name briefly. */
export type NegotiationCause =
  | 'psk-mismatch'
  | 'no-psk'
  | 'unknown-group'
  | 'no-common-policy'
  | 'no-common-transform-set'
  | 'proxy-mismatch'
  | 'xauth-refused';

/** The plain words of each cause, as the trace's `reason` carries them. */
export const NEGOTIATION_REASONS: Record<NegotiationCause, string> = {
  'psk-mismatch': 'pre-shared keys differ',
  'no-psk': 'no pre-shared key',
  'unknown-group': 'unknown Easy VPN group',
  'no-common-policy': 'no common ISAKMP policy',
  'no-common-transform-set': 'no common transform set',
  'proxy-mismatch': 'proxy identities not supported: the crypto ACLs are not mirror images',
  'xauth-refused': 'XAUTH refused the user name or password',
};

export type TraceRecord =
  | PacketRecord
  | NegotiationRecord
  | LogRecord
  | StateRecord
  | SaRecord
  | PingRecord
  | FaultRecord;

/**
 * The end of the drop reason for ESP whose inbound SA IKE has installed but the router's crypto
 * engine has not programmed yet (`saInstallDelayMs`, [I] simplified): "invalid SPI 0x…: " + this.
 */
export const NOT_PROGRAMMED_REASON = 'inbound SA not yet programmed in the crypto engine';

const spiTextCache = new Map<number, string>();

/** "0xB761863E" for 3076621886 (memoised: a run uses few SPIs, many times). */
export function formatSpi(spi: number): string {
  let text = spiTextCache.get(spi);
  if (text === undefined) {
    text = `0x${spi.toString(16).toUpperCase().padStart(8, '0')}`;
    if (spiTextCache.size > 65_536) spiTextCache.clear();
    spiTextCache.set(spi, text);
  }
  return text;
}
