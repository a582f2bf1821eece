// The protocol state one router holds: IKE SAs, IPsec SA pairs and the SADB, the NHRP cache,
// peer selection and the invalid-SPI syslog limiter. Plain data; the behaviour lives in the
// XState machines (app/sim/machines) and in the control modules beside this one.

import type { IkeSaContext } from '../machines/ikeSaMachine';
import type { IpsecSaContext } from '../machines/ipsecSaMachine';
import type { LivenessContext, LivenessMode } from '../machines/livenessMachine';
import type { MachineHost } from '../machines/machineHost';
import type { ProtectedFlow } from './forwardingPlan';

/** How an IKE SA authenticates: the exchange and the pre-shared key both ends must share. */
export interface IkeAuth {
  /** Main mode, or aggressive mode (an Easy VPN client and its server). */
  exchange: 'main' | 'aggressive';
  /** This router's key for the peer: `crypto isakmp key`, or the Easy VPN group's key. */
  psk: string;
  /** Aggressive mode: the Easy VPN group the client named; null in main mode. */
  group: string | null;
  /** An Easy VPN server: the AAA method list (`client authentication list`) checking XAUTH. */
  xauthList: string | null;
  /** An Easy VPN client: the saved XAUTH credentials it answers with. */
  xauthCredentials: { user: string; password: string } | null;
}

export interface IkeSa {
  connId: number;
  icookie: string;
  rcookie: string;
  peer: string;
  local: string;
  role: 'initiator' | 'responder';
  /** Main mode has derived the keys: the printed conn-id is no longer 0 (app/ios/isakmpConnId). */
  keysDerived: boolean;
  auth: IkeAuth;
  host: MachineHost<IkeSaContext>;
  liveness: MachineHost<LivenessContext> | null;
  livenessMode: LivenessMode | null;
  /** Flows waiting for phase 1 to finish before their quick mode starts. */
  pendingFlows: ProtectedFlow[];
  /** SPIs to name in a DELETE notify once phase 1 is up (invalid-SPI recovery). */
  pendingDeletes: number[];
  established: boolean;
  deleted: boolean;
  /** An Easy VPN client: the user name it sent in XAUTH; empty when the server asked none. */
  xauthUser: string;
  /** An Easy VPN client without saved credentials has asked its user (once per SA). */
  xauthPrompted: boolean;
  createdAtMs: number;
  establishedAtMs: number;
}

export interface SaPair {
  id: number;
  flow: ProtectedFlow;
  role: 'initiator' | 'responder';
  ike: IkeSa;
  messageId: number;
  inboundSpi: number;
  outboundSpi: number;
  host: MachineHost<IpsecSaContext>;
  /** IKE installed the inbound SA: its SPI is in the SADB (`inbound`) and is IKE's own. */
  inboundInstalled: boolean;
  /**
   * The crypto engine can decrypt with it: false for `saInstallDelayMs` after the install
   * (ipsecSaMachine, [I] simplified); ESP for it meanwhile is dropped as an invalid SPI.
   */
  inboundProgrammed: boolean;
  /** When the inbound SA is (or was) programmed: its install time plus the engine's delay. */
  inboundProgrammedAtMs: number;
  outboundInstalled: boolean;
  deleted: boolean;
  encaps: number;
  decaps: number;
  bytesOut: number;
  bytesIn: number;
  /**
   * The byte counts at which the outbound / inbound SA next tells its machine about its volume
   * (90 %, then 100 % of the kilobytes lifetime; Infinity before install and after the end):
   * the data plane compares one number per packet.
   */
  outMarkBytes: number;
  inMarkBytes: number;
  carriedTraffic: boolean;
  lastActivityAtMs: number;
  createdAtMs: number;
  installedAtMs: number;
  /** IOS `conn id` and `flow_id` shown by `show crypto ipsec sa`. */
  saConnId: number;
  flowId: number;
}

export interface NhrpDynamicEntry {
  tunnelIp: number;
  nbma: number;
  interfaceName: string;
  createdAtMs: number;
  expiresAtMs: number;
}
