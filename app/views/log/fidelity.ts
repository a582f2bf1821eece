// Pure. Which message builder of app/ios/messages.ts a log line came from, recognised by its
// text, so that the few lines where the simulator guesses at IOS behaviour that matters to the
// lesson (when they appear, not how they are worded) carry a "simplified" marker; and the drops
// that rest on a simulated delay. Wording alone is no reason: the Sources list says once which
// lines follow captures and which are worded after similar IOS lines.

import { IOS_MESSAGE_FIDELITY, type IosMessageFidelity } from '../../ios/messages';
import { NOT_PROGRAMMED_REASON } from '../../sim/trace';
import { SIMPLIFICATIONS, type SimplificationId } from '../../sources/simplifications';

interface Builder {
  /** The builder's name in IOS_MESSAGE_FIDELITY. */
  name: string;
  /** Matches the texts it builds, and no other builder's. */
  pattern: RegExp;
}

const N = String.raw`\(\d+\):`;

/** Every builder of messages.ts; fidelity.test.ts checks each one against a built text. */
const BUILDERS: readonly Builder[] = [
  { name: 'invalidSpiSyslog', pattern: /^%CRYPTO-4-RECVD_PKT_INV_SPI:/ },
  { name: 'ikmpNoSaSyslog', pattern: /^%CRYPTO-4-IKMP_NO_SA:/ },
  // HSRP state changes: the scenario of 2.3 and 7.4.12; the wording is recalled, not in the notes.
  { name: 'hsrpStateChangeSyslog', pattern: /^%HSRP-5-STATECHANGE:/ },
  { name: 'sessionStatusSyslog', pattern: /^%CRYPTO-5-SESSION_STATUS:/ },
  { name: 'ikmpBadMessageSyslog', pattern: /^%CRYPTO-4-IKMP_BAD_MESSAGE:/ },
  { name: 'ikmpModeFailureSyslog', pattern: /^%CRYPTO-6-IKMP_MODE_FAILURE:/ },
  { name: 'ezvpnConnectionUpSyslog', pattern: /^%CRYPTO-6-EZVPN_CONNECTION_UP:/ },
  {
    name: 'ezvpnConnectionDownSyslog',
    pattern: /^%CRYPTO-6-EZVPN_CONNECTION_DOWN:/,
  },
  {
    name: 'ezvpnXauthPendingSyslog',
    pattern: /^EZVPN(\(\S*\): Pending XAuth Request|: crypto ipsec client ezvpn xauth$)/,
  },
  {
    name: 'ignoringDeleteNotifyDebug',
    pattern: /^ISAKMP: ignoring request to send delete notify/,
  },
  { name: 'saRequestDebug', pattern: /^IPSEC\(sa_request\):/ },
  { name: 'createSaDebug', pattern: /^IPSEC\(create_sa\):/ },
  {
    name: 'deleteNotifyReceivedDebug',
    pattern: /^IPSEC\(key_engine_delete_sas\):/,
  },
  { name: 'deletingSaDebug', pattern: /^IPSEC\(delete_sa\):/ },
  { name: 'idleTimerExpiredDebug', pattern: /^IPSEC\(sa_idle\):/ },
  {
    name: 'beginMainModeDebug',
    pattern: new RegExp(`^ISAKMP:${N} beginning Main Mode exchange`),
  },
  {
    name: 'beginAggressiveModeDebug',
    pattern: new RegExp(`^ISAKMP:${N} beginning Aggressive Mode exchange`),
  },
  {
    name: 'attsNotAcceptableDebug',
    pattern: new RegExp(`^ISAKMP:${N}atts are not acceptable\\.`),
  },
  {
    name: 'saPolicyNotAcceptableDebug',
    pattern: new RegExp(`^ISAKMP:${N} phase [12] SA policy not acceptable!`),
  },
  {
    name: 'ipsecPolicyInvalidatedDebug',
    pattern: new RegExp(`^ISAKMP:${N}IPSec policy invalidated proposal`),
  },
  { name: 'mapDbNoMatchDebug', pattern: /^map_db_find_best did not find matching map/ },
  { name: 'proxyIdentitiesDebug', pattern: /^IPSEC\(ipsec_process_proposal\): proxy identities/ },
  {
    name: 'sendingPacketDebug',
    pattern: new RegExp(`^ISAKMP:${N} sending packet to `),
  },
  {
    name: 'receivedPacketDebug',
    pattern: /^ISAKMP \(0:\d+\): received packet from /,
  },
  { name: 'fsmTransitionDebug', pattern: new RegExp(`^ISAKMP:${N}Old State = `) },
  {
    name: 'sendInitialContactDebug',
    pattern: new RegExp(`^ISAKMP:${N}Send initial contact`),
  },
  {
    name: 'processInitialContactDebug',
    pattern: new RegExp(`^ISAKMP:${N}Process initial contact`),
  },
  { name: 'peerDpdVidDebug', pattern: new RegExp(`^ISAKMP:${N} vendor ID is DPD`) },
  {
    name: 'phase1CompleteDebug',
    pattern: new RegExp(`^ISAKMP:${N}SA has been authenticated with `),
  },
  {
    name: 'beginQuickModeDebug',
    pattern: new RegExp(`^ISAKMP:${N}beginning Quick Mode exchange`),
  },
  { name: 'setNewNodeDebug', pattern: /^ISAKMP: set new node -?\d+ to QM_IDLE/ },
  { name: 'purgingNodeDebug', pattern: new RegExp(`^ISAKMP:${N}purging node `) },
  {
    name: 'processingHashPayloadDebug',
    pattern: new RegExp(`^ISAKMP:${N} processing HASH payload`),
  },
  {
    name: 'deletingNodeDebug',
    pattern: new RegExp(`^ISAKMP:${N}deleting node -?\\d+ error FALSE `),
  },
  {
    name: 'processingSaPayloadDebug',
    pattern: new RegExp(`^ISAKMP:${N} processing SA payload`),
  },
  {
    name: 'checkingIsakmpTransformDebug',
    pattern: new RegExp(`^ISAKMP:${N}Checking ISAKMP transform `),
  },
  { name: 'attsAcceptableDebug', pattern: new RegExp(`^ISAKMP:${N}atts are acceptable\\.`) },
  { name: 'speakingToIosDebug', pattern: new RegExp(`^ISAKMP:${N} speaking to another IOS box!`) },
  { name: 'qmInitiatorGetsSpiDebug', pattern: new RegExp(`^ISAKMP:${N}QM Initiator gets spi`) },
  { name: 'enableOutboundDebug', pattern: /^IPSEC\(key_engine_enable_outbound\):/ },
  {
    name: 'incrementingErrorCounterDebug',
    pattern: new RegExp(`^ISAKMP:${N} incrementing error counter on sa`),
  },
  {
    name: 'processingDeletePayloadDebug',
    pattern: new RegExp(`^ISAKMP:${N} processing DELETE payload`),
  },
  {
    name: 'paranoidKeepalivesDebug',
    pattern: new RegExp(`^ISAKMP:${N}peer does not do paranoid keepalives`),
  },
  { name: 'purgingSaDebug', pattern: new RegExp(`^ISAKMP:${N}purging SA\\.`) },
  {
    name: 'dpdSendDebug',
    pattern: new RegExp(`^ISAKMP:${N}Sending NOTIFY DPD/R_U_THERE(_ACK)? protocol`),
  },
  {
    name: 'dpdAckReceivedDebug',
    pattern: new RegExp(`^ISAKMP:${N}DPD/R_U_THERE_ACK received from peer`),
  },
  {
    name: 'dpdRetransmitDebug',
    pattern: new RegExp(`^ISAKMP:${N}DPD/R_U_THERE retransmit`),
  },
  {
    name: 'peerDeadDebug',
    pattern: new RegExp(`^ISAKMP:${N}peer \\S+ not responding! declaring peer dead`),
  },
  {
    name: 'keepaliveSendDebug',
    pattern: new RegExp(`^ISAKMP:${N}Sending KEEPALIVE(_ACK)? to peer`),
  },
  {
    name: 'keepaliveMissDebug',
    pattern: new RegExp(`^ISAKMP:${N}KEEPALIVE to peer \\S+ unacknowledged`),
  },
  {
    name: 'retransmitPhase1Debug',
    pattern: new RegExp(`^ISAKMP:${N} retransmitting phase 1 `),
  },
  {
    name: 'retransmitPhase2Debug',
    pattern: new RegExp(`^ISAKMP:${N} retransmitting phase 2 `),
  },
  {
    name: 'deathByRetransmissionDebug',
    pattern: new RegExp(`^ISAKMP:${N}deleting (SA|node) .*"Death by retransmission P[12]"`),
  },
];

/**
 * The builders whose lines are marked, and why: their timing or their very occurrence rests on a
 * guess ([I] retransmission timing, 7.3; [M] HSRP; [M]/[I] idle-timer deletions, 3).
 */
const SIMPLIFIED_BUILDERS: Readonly<Record<string, SimplificationId>> = {
  retransmitPhase1Debug: 'ikeRetransmit',
  incrementingErrorCounterDebug: 'ikeRetransmit',
  retransmitPhase2Debug: 'ikeRetransmit',
  deathByRetransmissionDebug: 'ikeRetransmit',
  hsrpStateChangeSyslog: 'hsrp',
  idleTimerExpiredDebug: 'idleTimer',
  ikmpBadMessageSyslog: 'negotiationFailures',
  ikmpModeFailureSyslog: 'negotiationFailures',
  attsNotAcceptableDebug: 'negotiationFailures',
  saPolicyNotAcceptableDebug: 'negotiationFailures',
  ipsecPolicyInvalidatedDebug: 'negotiationFailures',
  mapDbNoMatchDebug: 'proxyIdentities',
  proxyIdentitiesDebug: 'proxyIdentities',
};

export interface LineSource {
  builder: string;
  fidelity: IosMessageFidelity;
  simplified: SimplificationId | null;
}

/** The builder behind a syslog or debug text, or null for a text no builder makes. */
export function lineSource(text: string): LineSource | null {
  for (const { name, pattern } of BUILDERS) {
    if (!pattern.test(text)) continue;
    const fidelity = IOS_MESSAGE_FIDELITY[name];
    return fidelity
      ? { builder: name, fidelity, simplified: SIMPLIFIED_BUILDERS[name] ?? null }
      : null;
  }
  return null;
}

/** Why the line is marked "simplified", or null for the lines that are not. */
export function simplifiedNote(text: string): string | null {
  const simplified = lineSource(text)?.simplified;
  return simplified ? SIMPLIFICATIONS[simplified].why : null;
}

/**
 * Why a drop is marked "simplified": one that rests on the simulated crypto-engine programming
 * delay (`saInstallDelayMs`, [I] ios-behavior.md 1.1); null for every other drop reason.
 */
export function dropNote(reason: string | undefined): string | null {
  return reason?.endsWith(NOT_PROGRAMMED_REASON) ? SIMPLIFICATIONS.saProgramming.why : null;
}

/** The builder names this module recognises (for the test that every builder is covered). */
export const KNOWN_BUILDERS: readonly string[] = BUILDERS.map((b) => b.name);
/** The builders whose lines are marked "simplified" (for the test). */
export const SIMPLIFIED_BUILDER_NAMES: readonly string[] = Object.keys(SIMPLIFIED_BUILDERS);
