// Pure. Builds the IOS 12.4(15)T syslog and debug texts the engine logs, without timestamp or
// router name. Sources: /work/shared/docs/ios-behavior.md (section numbers and evidence tags
// [C] [C-2] [M] [I] below refer to it). Multi-line IOS output is joined into one line.

import { formatSpi } from '../sim/trace';

/**
 * How far a message text is backed by ios-behavior.md. The log marks only the lines whose timing
 * rests on a guess (app/views/log/fidelity.ts); the Sources list speaks of wording once.
 */
export type IosMessageFidelity = 'confirmed' | 'secondary' | 'recalled' | 'illustrative';

export type IkeRole = 'I' | 'R';

/** IKE runs on UDP 500; NAT-T (port 4500) is not simulated (section 4.1). */
const IKE_PORT = 500;

/** IOS resends a phase 1 message at most five times (section 8.1 [C-2] `attempt 2 of 5`). */
const IKE_MAX_ATTEMPTS = 5;

/** IOS DPD retransmits R-U-THERE at most five times, not configurable (section 2.1 [C-2]). */
const DPD_MAX_RETRANSMISSIONS = 5;

/**
 * An SPI as IOS text prints it: upper-case hex without zero padding, `0x5B8DA76` (section 8.4
 * [C-2]: `sa_spi= 0xE06FF44(235339588)`, `spi=0x62223D9(102900697)`; a missing SPI is `0x0`).
 * Trace records keep formatSpi's fixed eight digits.
 */
export function iosSpiHex(spi: number): string {
  return `0x${spi.toString(16).toUpperCase()}`;
}

/** `0x5B8DA76(96000630)`: unpadded hex then unsigned decimal (sections 4.6 [C], 8.4 [C-2]). */
export function spiWithDecimal(spi: number): string {
  return `${iosSpiHex(spi)}(${spi})`;
}

function isakmp(connId: number): string {
  return `ISAKMP:(${connId}):`;
}

/** IOS prints message IDs as signed 32-bit integers ("M-ID of -889293300", public IOS capture). */
function signedMessageId(messageId: number): number {
  return messageId | 0;
}

/**
 * IOS's QM_IDLE state name carries trailing padding ("(I) QM_IDLE       (peer 77.77.77.77)",
 * public 12.4 IOS capture); the MM_* names do not.
 */
function debugState(state: string): string {
  return state === 'QM_IDLE' ? 'QM_IDLE      ' : state;
}

/** ID type in the proxy: 1 = ID_IPV4_ADDR for a host mask, 4 = ID_IPV4_ADDR_SUBNET (RFC 2407). */
function proxyIdType(proxy: string): number {
  return proxy.split('/')[1] === '255.255.255.255' ? 1 : 4;
}

/** `keysize=` of sa_request: the AES key length, 0 for DES/3DES (public IOS capture) [I]. */
function keySize(transform: string): number {
  const aes = /esp-aes(?: (\d+))?/.exec(transform);
  if (aes === null) return 0;
  return aes[1] === undefined ? 128 : Number(aes[1]);
}

// ---- Syslog ----

/** Section 1.1 [C] (TAC note 115801). The 12.4(15)T text has no `input interface=` field. */
export function invalidSpiSyslog(p: { destAddr: string; spi: number; srcAddr: string }): string {
  return `%CRYPTO-4-RECVD_PKT_INV_SPI: decaps: rec'd IPSEC packet has invalid spi for destaddr=${p.destAddr}, prot=50, spi=${spiWithDecimal(p.spi)}, srcaddr=${p.srcAddr}`;
}

/** Section 2.4 [C]. */
export function ikmpNoSaSyslog(p: { srcAddr: string }): string {
  return `%CRYPTO-4-IKMP_NO_SA: IKE message from ${p.srcAddr} has no SA and is not an initialization offer`;
}

/**
 * Recalled (not in ios-behavior.md, [M]): IOS logs each HSRP state change as
 * `%HSRP-5-STATECHANGE: FastEthernet0/0 Grp 1 state Standby -> Active`.
 */
export function hsrpStateChangeSyslog(p: {
  interfaceName: string;
  group: number;
  from: string;
  to: string;
}): string {
  return `%HSRP-5-STATECHANGE: ${p.interfaceName} Grp ${p.group} state ${p.from} -> ${p.to}`;
}

/** Section 2.4: the name is [C], the spacing [M]; the status is padded to four characters. */
export function sessionStatusSyslog(p: { up: boolean; peer: string }): string {
  const status = (p.up ? 'UP' : 'DOWN').padEnd(4);
  return `%CRYPTO-5-SESSION_STATUS: Crypto tunnel is ${status}.  Peer ${p.peer}:${IKE_PORT}       Id: ${p.peer}`;
}

export interface EzvpnSessionParams {
  /** The client's public (outside) address. */
  client: string;
  /** The EzVPN server's public address. */
  peer: string;
  group: string;
  /** Xauth user name; empty when none was asked. */
  user?: string;
  /** Mode-config address; omitted in network-extension mode [I]. */
  assignedAddr?: string;
}

// Illustrative: ios-behavior.md section 5 names the message only. Field order and the double
// spaces (including the trailing ones) follow a public IOS capture of client mode.
function ezvpnFields(p: EzvpnSessionParams): string {
  const fields = [
    '(Client)',
    `User=${p.user ?? ''}`,
    `Group=${p.group}`,
    `Client_public_addr=${p.client}`,
    `Server_public_addr=${p.peer}`,
  ];
  if (p.assignedAddr !== undefined) fields.push(`Assigned_client_addr=${p.assignedAddr}`);
  return `${fields.join('  ')}  `;
}

/**
 * Section 8.9 [M]: the responder cannot decrypt MM5 when the pre-shared keys differ.
 * `srcAddr` is the sender of the message.
 */
export function ikmpBadMessageSyslog(p: { srcAddr: string }): string {
  return `%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from ${p.srcAddr} failed its sanity check or is malformed`;
}

/** Section 8.9 [M]: a phase 1 (Main, Aggressive) or quick mode the responder refused. */
export function ikmpModeFailureSyslog(p: {
  mode: 'Main' | 'Aggressive' | 'Quick';
  peer: string;
}): string {
  return `%CRYPTO-6-IKMP_MODE_FAILURE: Processing of ${p.mode} mode failed with peer at ${p.peer}`;
}

/** Illustrative (see ezvpnFields). */
export function ezvpnConnectionUpSyslog(p: EzvpnSessionParams): string {
  return `%CRYPTO-6-EZVPN_CONNECTION_UP: ${ezvpnFields(p)}`;
}

/** Illustrative (see ezvpnFields). */
export function ezvpnConnectionDownSyslog(p: EzvpnSessionParams): string {
  return `%CRYPTO-6-EZVPN_CONNECTION_DOWN: ${ezvpnFields(p)}`;
}

/**
 * Recalled ([M]): what an Easy VPN client prints on the console when the server asks for XAUTH
 * credentials it has not saved; it waits for the user to type the command.
 */
export function ezvpnXauthPendingSyslog(p: { client: string }): string[] {
  return [
    `EZVPN(${p.client}): Pending XAuth Request, Please enter the following command:`,
    'EZVPN: crypto ipsec client ezvpn xauth',
  ];
}

// ---- IPsec debug ----

/** Section 1.2 [C], 12.4 format. The SPI is the sender's outbound SPI from the syslog. */
export function ignoringDeleteNotifyDebug(p: { src: string; dst: string; spi: number }): string {
  return `ISAKMP: ignoring request to send delete notify (no ISAKMP sa) src ${p.src} dst ${p.dst} for SPI ${iosSpiHex(p.spi)}`;
}

/**
 * Illustrative: only `lifedur= 3600s and 4608000kb` is quoted (section 4.5 [C]); the rest of the
 * layout follows public IOS captures. `mode` defaults to Tunnel.
 */
export function saRequestDebug(p: {
  src: string;
  dst: string;
  localProxy: string;
  remoteProxy: string;
  transform: string;
  lifetimeSec: number;
  lifetimeKb: number;
  mode?: 'Tunnel' | 'Transport';
}): string {
  return (
    `IPSEC(sa_request): , (key eng. msg.) OUTBOUND local= ${p.src}, remote= ${p.dst}, ` +
    `local_proxy= ${p.localProxy} (type=${proxyIdType(p.localProxy)}), ` +
    `remote_proxy= ${p.remoteProxy} (type=${proxyIdType(p.remoteProxy)}), ` +
    `protocol= ESP, transform= ${p.transform}  (${p.mode ?? 'Tunnel'}), ` +
    `lifedur= ${p.lifetimeSec}s and ${p.lifetimeKb}kb, ` +
    `spi= 0x0(0), conn_id= 0, keysize= ${keySize(p.transform)}, flags= 0x0`
  );
}

/**
 * Illustrative (layout from public IOS captures). IOS prints neither `src` nor `direction`:
 * `dest` is the local address for an inbound SA and the peer for an outbound one.
 */
export function createSaDebug(p: {
  dest: string;
  src: string;
  spi: number;
  transform: string;
  connId: number;
  direction: 'inbound' | 'outbound';
}): string {
  return `IPSEC(create_sa): sa created, (sa) sa_dest= ${p.dest}, sa_proto= 50, sa_spi= ${spiWithDecimal(p.spi)}, sa_trans= ${p.transform} , sa_conn_id= ${p.connId}`;
}

/** Section 1.5 [C], 12.x format. */
export function deleteNotifyReceivedDebug(): string {
  return "IPSEC(key_engine_delete_sas): rec'd delete notify from ISAKMP";
}

/**
 * Illustrative, shaped like create_sa. IOS 12.4 prints neither the source nor a reason on this
 * line; both are accepted so the engine can pass its SA record as is.
 */
export function deletingSaDebug(p: {
  src: string;
  dst: string;
  spi: number;
  reason: string;
}): string {
  return `IPSEC(delete_sa): deleting SA, (sa) sa_dest= ${p.dst}, sa_proto= 50, sa_spi= ${spiWithDecimal(p.spi)}`;
}

/** Illustrative: the idle-timer debug line was not found in any source (section 3). */
export function idleTimerExpiredDebug(p: { peer: string; spi: number }): string {
  return `IPSEC(sa_idle): idle timer expired for SA to ${p.peer} spi ${iosSpiHex(p.spi)}`;
}

// ---- ISAKMP debug: main mode and quick mode ----

/** Illustrative; public IOS captures show it verbatim. IOS prints no peer on this line. */
export function beginMainModeDebug(p: { connId: number; peer: string }): string {
  return `${isakmp(p.connId)} beginning Main Mode exchange`;
}

/** Section 8.6 [C-2] names the exchange; the line is worded after beginMainModeDebug [I]. */
export function beginAggressiveModeDebug(p: { connId: number }): string {
  return `${isakmp(p.connId)} beginning Aggressive Mode exchange`;
}

/**
 * Section 8.9 [M]: the transform does not match the policy. `nextPayload` is 3 while more
 * transforms follow, 0 after the last (as in the acceptable case of 8.1).
 */
export function attsNotAcceptableDebug(p: { connId: number; nextPayload: number }): string {
  return `${isakmp(p.connId)}atts are not acceptable. Next payload is ${p.nextPayload}`;
}

/** Section 8.9 [M]: the responder found nothing acceptable in a phase 1 or quick mode offer. */
export function saPolicyNotAcceptableDebug(p: {
  connId: number;
  phase: 1 | 2;
  local: string;
  remote: string;
}): string {
  return `${isakmp(p.connId)} phase ${p.phase} SA policy not acceptable! (local ${p.local} remote ${p.remote})`;
}

/**
 * Why IPsec refused a quick mode proposal: error 256 when it names transforms the responder has
 * not configured (section 8.9 [M]), error 32 when its proxy identities match no crypto map entry
 * ([M] recalled, simplified).
 */
export function ipsecPolicyInvalidatedDebug(p: { connId: number; error: 32 | 256 }): string {
  return `${isakmp(p.connId)}IPSec policy invalidated proposal with error ${p.error}`;
}

/**
 * A quick mode whose proxy identities no crypto map entry covers (non-mirrored crypto ACLs): the
 * lookup first, as 12.4 prints it under `debug crypto ipsec` ([M] recalled from public
 * troubleshooting notes).
 */
export function mapDbNoMatchDebug(): string {
  return 'map_db_find_best did not find matching map';
}

/**
 * Then the refusal ([M] recalled from public troubleshooting notes; older releases name the
 * function `validate_transform_proposal`).
 */
export function proxyIdentitiesDebug(): string {
  return 'IPSEC(ipsec_process_proposal): proxy identities not supported';
}

/** Section 4.2 [C]. */
export function sendingPacketDebug(p: {
  connId: number;
  peer: string;
  role: IkeRole;
  state: string;
}): string {
  return `${isakmp(p.connId)} sending packet to ${p.peer} my_port ${IKE_PORT} peer_port ${IKE_PORT} (${p.role}) ${debugState(p.state)}`;
}

/**
 * Section 8.1 [C-2]: every received ISAKMP packet, with the SA's conn-id and its state on
 * arrival; a responder's first packet reads `(N) NEW SA`. The prefix is `ISAKMP (0:N):`.
 */
export function receivedPacketDebug(p: {
  connId: number;
  peer: string;
  role: IkeRole | 'N';
  state: string;
}): string {
  return `ISAKMP (0:${p.connId}): received packet from ${p.peer} dport ${IKE_PORT} sport ${IKE_PORT} Global (${p.role}) ${debugState(p.state)}`;
}

/** Section 8.1 [C-2]: the offer in MM1 (responder) or the answer in MM2 (initiator). */
export function processingSaPayloadDebug(p: { connId: number }): string {
  return `${isakmp(p.connId)} processing SA payload. message ID = 0`;
}

/** Section 8.1 [C-2]. `transform` is the offered transform's number (1-based). */
export function checkingIsakmpTransformDebug(p: {
  connId: number;
  transform: number;
  priority: number;
}): string {
  return `${isakmp(p.connId)}Checking ISAKMP transform ${p.transform} against priority ${p.priority} policy`;
}

/**
 * Sections 8.1 and 8.2 [C-2]: phase 1 adds `Next payload is 0` (`atts are acceptable. Next
 * payload is 0`); quick mode prints `atts are acceptable.` alone.
 */
export function attsAcceptableDebug(p: { connId: number; phase: 1 | 2 }): string {
  return `${isakmp(p.connId)}atts are acceptable.${p.phase === 1 ? ' Next payload is 0' : ''}`;
}

/** Section 4.2 [C]: IKE_I_MM1 … IKE_P1_COMPLETE, IKE_QM_READY … IKE_QM_PHASE2_COMPLETE. */
export function fsmTransitionDebug(p: {
  connId: number;
  oldState: string;
  newState: string;
}): string {
  return `${isakmp(p.connId)}Old State = ${p.oldState}  New State = ${p.newState}`;
}

/** Section 0 item 5 [C]: sent by the initiator in MM5. */
export function sendInitialContactDebug(p: { connId: number }): string {
  return `${isakmp(p.connId)}Send initial contact`;
}

/** Section 0 item 5 [C]: the responder drops every phase 1 and 2 SA it holds for the peer. */
export function processInitialContactDebug(p: {
  connId: number;
  local: string;
  remote: string;
}): string {
  return `${isakmp(p.connId)}Process initial contact, bring down existing phase 1 and 2 SA's with local ${p.local} remote ${p.remote} remote port ${IKE_PORT}`;
}

/** Sections 2.1 [C] and 8.1 [C-2]: seen while processing MM3 (responder) or MM4 (initiator). */
export function peerDpdVidDebug(p: { connId: number }): string {
  return `${isakmp(p.connId)} vendor ID is DPD`;
}

/** Section 8.1 [C-2]: follows `vendor ID is DPD` when the peer is an IOS router. */
export function speakingToIosDebug(p: { connId: number }): string {
  return `${isakmp(p.connId)} speaking to another IOS box!`;
}

/**
 * Section 8.1 [C-2]: the responder prints it processing MM5, before `Process initial contact`
 * and its MM6; the initiator processing MM6.
 */
export function phase1CompleteDebug(p: { connId: number; peer: string }): string {
  return `${isakmp(p.connId)}SA has been authenticated with ${p.peer}`;
}

/** Illustrative; a public 12.4 IOS capture shows it verbatim (signed M-ID). */
export function beginQuickModeDebug(p: { connId: number; messageId: number }): string {
  return `${isakmp(p.connId)}beginning Quick Mode exchange, M-ID of ${signedMessageId(p.messageId)}`;
}

/** Section 8.2 [C-2]: the initiator has its inbound SPI for QM1. */
export function qmInitiatorGetsSpiDebug(p: { connId: number }): string {
  return `${isakmp(p.connId)}QM Initiator gets spi`;
}

/** Section 8.2 [C-2]: the responder at QM3. */
export function enableOutboundDebug(): string {
  return "IPSEC(key_engine_enable_outbound): rec'd enable notify from ISAKMP";
}

/**
 * Sections 8.2 and 8.3 [C-2]: a quick mode or informational exchange (an IOS "node", named by
 * its signed M-ID) is done: `"QM done (await)"` for the responder at QM3, `"Informational (in)
 * state 1"` for a received DELETE. Retransmission failures use deathByRetransmissionDebug.
 */
export function deletingNodeDebug(p: {
  connId: number;
  messageId: number;
  reason: 'QM done (await)' | 'Informational (in) state 1';
}): string {
  return `${isakmp(p.connId)}deleting node ${signedMessageId(p.messageId)} error FALSE reason "${p.reason}"`;
}

// ---- ISAKMP debug: DELETE and purge ----

/**
 * Section 8.3 [C-2]: the sender of an informational exchange (a DELETE) opens a node; IOS
 * prints no conn-id and no "sending delete notify" line.
 */
export function setNewNodeDebug(p: { messageId: number }): string {
  return `ISAKMP: set new node ${signedMessageId(p.messageId)} to QM_IDLE`;
}

/** Section 8.3 [C-2]: the sender forgets the node of a DELETE it sent. */
export function purgingNodeDebug(p: { connId: number; messageId: number }): string {
  return `${isakmp(p.connId)}purging node ${signedMessageId(p.messageId)}`;
}

/** Section 8.3 [C-2]: the HASH payload that opens every received informational exchange. */
export function processingHashPayloadDebug(p: { connId: number; messageId: number }): string {
  return `${isakmp(p.connId)} processing HASH payload. message ID = ${signedMessageId(p.messageId)}`;
}

/**
 * Section 1.5 [C] (quoted in IOS-XE form). 12.4 writes `ISAKMP:(n): processing`, with a space,
 * and a signed message ID (public 12.4 IOS capture).
 */
export function processingDeletePayloadDebug(p: { connId: number; messageId: number }): string {
  return `${isakmp(p.connId)} processing DELETE payload. message ID = ${signedMessageId(p.messageId)}`;
}

/** Section 1.5 [C]. */
export function paranoidKeepalivesDebug(p: { connId: number }): string {
  return `${isakmp(p.connId)}peer does not do paranoid keepalives.`;
}

/** Illustrative: "purging SA" is [C] (section 4.3); IOS's `sa=… delme=…` pointers are left out. */
export function purgingSaDebug(p: { connId: number }): string {
  return `${isakmp(p.connId)}purging SA.`;
}

// ---- ISAKMP debug: liveness ----

/**
 * Section 2.4 [M]: "Sending NOTIFY DPD/R_U_THERE protocol 1" and the following "seq. no" line,
 * joined.
 */
export function dpdSendDebug(p: {
  connId: number;
  seq: number;
  kind: 'R_U_THERE' | 'R_U_THERE_ACK';
}): string {
  return `${isakmp(p.connId)}Sending NOTIFY DPD/${p.kind} protocol 1 seq. no ${formatSpi(p.seq)}`;
}

/** Section 2.4 [M]. */
export function dpdAckReceivedDebug(p: { connId: number; peer: string; seq: number }): string {
  return `${isakmp(p.connId)}DPD/R_U_THERE_ACK received from peer ${p.peer}, sequence ${formatSpi(p.seq)}`;
}

/** Illustrative: the retry lines were not found verbatim (section 2.4). `attempt` is 1-based. */
export function dpdRetransmitDebug(p: { connId: number; peer: string; attempt: number }): string {
  return `${isakmp(p.connId)}DPD/R_U_THERE retransmit ${p.attempt} of ${DPD_MAX_RETRANSMISSIONS} to ${p.peer}`;
}

/** Illustrative: the dead-peer lines were not found verbatim (section 2.4). */
export function peerDeadDebug(p: { connId: number; peer: string }): string {
  return `${isakmp(p.connId)}peer ${p.peer} not responding! declaring peer dead`;
}

/** Illustrative: the legacy IOS keepalive (section 0 item 2 [C-2]) has no quoted debug. */
export function keepaliveSendDebug(p: {
  connId: number;
  peer: string;
  kind: 'KEEPALIVE' | 'KEEPALIVE_ACK';
}): string {
  return `${isakmp(p.connId)}Sending ${p.kind} to peer ${p.peer}`;
}

/** Illustrative (see keepaliveSendDebug). `missed` counts consecutive unacknowledged keepalives. */
export function keepaliveMissDebug(p: { connId: number; peer: string; missed: number }): string {
  return `${isakmp(p.connId)}KEEPALIVE to peer ${p.peer} unacknowledged, ${p.missed} missed`;
}

// ---- ISAKMP debug: retransmission (timing is [I], section 7.3) ----

/** Illustrative; Cisco documents quote `ISAKMP:(1002): retransmitting phase 1 MM_KEY_EXCH...`. */
export function retransmitPhase1Debug(p: { connId: number; state: string }): string {
  return `${isakmp(p.connId)} retransmitting phase 1 ${debugState(p.state)}...`;
}

/**
 * Section 8.1 [C-2]: follows `retransmitting phase 1 …`; `attempt` is the retransmission's
 * number, out of IOS's five.
 */
export function incrementingErrorCounterDebug(p: { connId: number; attempt: number }): string {
  return `${isakmp(p.connId)} incrementing error counter on sa, attempt ${p.attempt} of ${IKE_MAX_ATTEMPTS}: retransmit phase 1`;
}

/** Illustrative: quick mode runs in QM_IDLE, whose padded name precedes the signed M-ID. */
export function retransmitPhase2Debug(p: { connId: number; messageId: number }): string {
  return `${isakmp(p.connId)} retransmitting phase 2 ${debugState('QM_IDLE')} ${signedMessageId(p.messageId)} ...`;
}

export type DeathByRetransmissionParams =
  /** Phase 1 gives up on the IKE SA. */
  | { connId: number; phase: 1; role: IkeRole; state: string; peer: string }
  /** Phase 2 gives up on one quick-mode exchange (node); the IKE SA stays. */
  | { connId: number; phase: 2; messageId: number };

/**
 * Illustrative. The `deleting SA reason "…" state (I) QM_IDLE       (peer …)` and
 * `deleting node … error … reason "…"` layouts are from a public 12.4 IOS capture.
 */
export function deathByRetransmissionDebug(p: DeathByRetransmissionParams): string {
  if (p.phase === 1) {
    return `${isakmp(p.connId)}deleting SA reason "Death by retransmission P1" state (${p.role}) ${debugState(p.state)} (peer ${p.peer})`;
  }
  return `${isakmp(p.connId)}deleting node ${signedMessageId(p.messageId)} error TRUE reason "Death by retransmission P2"`;
}

/** Evidence per message builder, from the tags of ios-behavior.md (see each function). */
export const IOS_MESSAGE_FIDELITY: Record<string, IosMessageFidelity> = {
  invalidSpiSyslog: 'confirmed',
  ikmpNoSaSyslog: 'confirmed',
  hsrpStateChangeSyslog: 'recalled',
  sessionStatusSyslog: 'recalled',
  ikmpBadMessageSyslog: 'recalled',
  ikmpModeFailureSyslog: 'recalled',
  ezvpnConnectionUpSyslog: 'secondary',
  ezvpnConnectionDownSyslog: 'secondary',
  ezvpnXauthPendingSyslog: 'recalled',
  ignoringDeleteNotifyDebug: 'confirmed',
  saRequestDebug: 'illustrative',
  createSaDebug: 'illustrative',
  deleteNotifyReceivedDebug: 'confirmed',
  deletingSaDebug: 'illustrative',
  idleTimerExpiredDebug: 'illustrative',
  beginMainModeDebug: 'illustrative',
  beginAggressiveModeDebug: 'illustrative',
  attsNotAcceptableDebug: 'recalled',
  saPolicyNotAcceptableDebug: 'recalled',
  ipsecPolicyInvalidatedDebug: 'recalled',
  mapDbNoMatchDebug: 'recalled',
  proxyIdentitiesDebug: 'recalled',
  sendingPacketDebug: 'confirmed',
  receivedPacketDebug: 'secondary',
  processingSaPayloadDebug: 'secondary',
  checkingIsakmpTransformDebug: 'secondary',
  attsAcceptableDebug: 'secondary',
  speakingToIosDebug: 'secondary',
  qmInitiatorGetsSpiDebug: 'secondary',
  enableOutboundDebug: 'secondary',
  deletingNodeDebug: 'secondary',
  setNewNodeDebug: 'secondary',
  purgingNodeDebug: 'secondary',
  processingHashPayloadDebug: 'secondary',
  incrementingErrorCounterDebug: 'secondary',
  fsmTransitionDebug: 'confirmed',
  sendInitialContactDebug: 'confirmed',
  processInitialContactDebug: 'confirmed',
  peerDpdVidDebug: 'confirmed',
  phase1CompleteDebug: 'secondary',
  beginQuickModeDebug: 'illustrative',
  processingDeletePayloadDebug: 'confirmed',
  paranoidKeepalivesDebug: 'confirmed',
  purgingSaDebug: 'illustrative',
  dpdSendDebug: 'recalled',
  dpdAckReceivedDebug: 'recalled',
  dpdRetransmitDebug: 'illustrative',
  peerDeadDebug: 'illustrative',
  keepaliveSendDebug: 'illustrative',
  keepaliveMissDebug: 'illustrative',
  retransmitPhase1Debug: 'secondary',
  retransmitPhase2Debug: 'illustrative',
  deathByRetransmissionDebug: 'illustrative',
};
