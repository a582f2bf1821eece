// Pure. Which message builder of app/ios/messages.ts a log line came from, recognised by its
// text, so that lines whose IOS wording is illustrative or recalled can say so; and the drops that
// rest on a simulated delay.

import { IOS_MESSAGE_FIDELITY, type IosMessageFidelity } from '../../ios/messages';
import { NOT_PROGRAMMED_REASON } from '../../sim/trace';
import { SIMPLIFIED } from '../routers/fidelity';

interface Builder {
  /** The builder's name in IOS_MESSAGE_FIDELITY. */
  name: string;
  /** Matches the texts it builds, and no other builder's. */
  pattern: RegExp;
  /** The ios-behavior.md section that discusses the message. */
  section: string;
}

const N = String.raw`\(\d+\):`;

/** Every builder of messages.ts; fidelity.test.ts checks each one against a built text. */
const BUILDERS: readonly Builder[] = [
  { name: 'invalidSpiSyslog', pattern: /^%CRYPTO-4-RECVD_PKT_INV_SPI:/, section: '1.1' },
  { name: 'ikmpNoSaSyslog', pattern: /^%CRYPTO-4-IKMP_NO_SA:/, section: '2.4' },
  // HSRP state changes: the scenario of 2.3 and 7.4.12; the wording is recalled, not in the notes.
  { name: 'hsrpStateChangeSyslog', pattern: /^%HSRP-5-STATECHANGE:/, section: '2.3' },
  { name: 'sessionStatusSyslog', pattern: /^%CRYPTO-5-SESSION_STATUS:/, section: '2.4' },
  { name: 'ezvpnConnectionUpSyslog', pattern: /^%CRYPTO-6-EZVPN_CONNECTION_UP:/, section: '5' },
  {
    name: 'ezvpnConnectionDownSyslog',
    pattern: /^%CRYPTO-6-EZVPN_CONNECTION_DOWN:/,
    section: '5',
  },
  {
    name: 'ignoringDeleteNotifyDebug',
    pattern: /^ISAKMP: ignoring request to send delete notify/,
    section: '1.2',
  },
  { name: 'saRequestDebug', pattern: /^IPSEC\(sa_request\):/, section: '4.5' },
  { name: 'createSaDebug', pattern: /^IPSEC\(create_sa\):/, section: '7.5' },
  {
    name: 'deleteNotifyReceivedDebug',
    pattern: /^IPSEC\(key_engine_delete_sas\):/,
    section: '1.5',
  },
  { name: 'deletingSaDebug', pattern: /^IPSEC\(delete_sa\):/, section: '1.5' },
  { name: 'idleTimerExpiredDebug', pattern: /^IPSEC\(sa_idle\):/, section: '3' },
  {
    name: 'beginMainModeDebug',
    pattern: new RegExp(`^ISAKMP:${N} beginning Main Mode exchange`),
    section: '4.1',
  },
  {
    name: 'sendingPacketDebug',
    pattern: new RegExp(`^ISAKMP:${N} sending packet to `),
    section: '4.2',
  },
  {
    name: 'receivedPacketDebug',
    pattern: /^ISAKMP \(0:\d+\): received packet from /,
    section: '4.2',
  },
  { name: 'fsmTransitionDebug', pattern: new RegExp(`^ISAKMP:${N}Old State = `), section: '4.2' },
  {
    name: 'sendInitialContactDebug',
    pattern: new RegExp(`^ISAKMP:${N}Send initial contact`),
    section: '0',
  },
  {
    name: 'processInitialContactDebug',
    pattern: new RegExp(`^ISAKMP:${N}Process initial contact`),
    section: '0',
  },
  { name: 'peerDpdVidDebug', pattern: new RegExp(`^ISAKMP:${N} vendor ID is DPD`), section: '2.1' },
  {
    name: 'phase1CompleteDebug',
    pattern: new RegExp(`^ISAKMP:${N}SA has been authenticated with `),
    section: '4.1',
  },
  {
    name: 'beginQuickModeDebug',
    pattern: new RegExp(`^ISAKMP:${N}beginning Quick Mode exchange`),
    section: '4.1',
  },
  {
    name: 'sendDeleteNotifyDebug',
    pattern: new RegExp(`^ISAKMP:${N}sending delete notify to `),
    section: '1.2',
  },
  {
    name: 'processingDeletePayloadDebug',
    pattern: new RegExp(`^ISAKMP:${N} processing DELETE payload`),
    section: '1.5',
  },
  {
    name: 'paranoidKeepalivesDebug',
    pattern: new RegExp(`^ISAKMP:${N}peer does not do paranoid keepalives`),
    section: '1.5',
  },
  { name: 'purgingSaDebug', pattern: new RegExp(`^ISAKMP:${N}purging SA\\.`), section: '4.3' },
  {
    name: 'dpdSendDebug',
    pattern: new RegExp(`^ISAKMP:${N}Sending NOTIFY DPD/R_U_THERE(_ACK)? protocol`),
    section: '2.4',
  },
  {
    name: 'dpdAckReceivedDebug',
    pattern: new RegExp(`^ISAKMP:${N}DPD/R_U_THERE_ACK received from peer`),
    section: '2.4',
  },
  {
    name: 'dpdRetransmitDebug',
    pattern: new RegExp(`^ISAKMP:${N}DPD/R_U_THERE retransmit`),
    section: '2.4',
  },
  {
    name: 'peerDeadDebug',
    pattern: new RegExp(`^ISAKMP:${N}peer \\S+ not responding! declaring peer dead`),
    section: '2.4',
  },
  {
    name: 'keepaliveSendDebug',
    pattern: new RegExp(`^ISAKMP:${N}Sending KEEPALIVE(_ACK)? to peer`),
    section: '0',
  },
  {
    name: 'keepaliveMissDebug',
    pattern: new RegExp(`^ISAKMP:${N}KEEPALIVE to peer \\S+ unacknowledged`),
    section: '0',
  },
  {
    name: 'retransmitPhase1Debug',
    pattern: new RegExp(`^ISAKMP:${N} retransmitting phase 1 `),
    section: '7.3',
  },
  {
    name: 'retransmitPhase2Debug',
    pattern: new RegExp(`^ISAKMP:${N} retransmitting phase 2 `),
    section: '7.3',
  },
  {
    name: 'deathByRetransmissionDebug',
    pattern: new RegExp(`^ISAKMP:${N}deleting (SA|node) .*"Death by retransmission P[12]"`),
    section: '7.3',
  },
];

export interface LineSource {
  builder: string;
  fidelity: IosMessageFidelity;
  section: string;
}

/** The builder behind a syslog or debug text, or null for a text no builder makes. */
export function lineSource(text: string): LineSource | null {
  for (const { name, pattern, section } of BUILDERS) {
    if (!pattern.test(text)) continue;
    const fidelity = IOS_MESSAGE_FIDELITY[name];
    return fidelity ? { builder: name, fidelity, section } : null;
  }
  return null;
}

/**
 * Why the line is marked "simplified", for a text whose IOS wording is illustrative or
 * recalled; null for confirmed wording and for texts no builder makes.
 */
export function simplifiedNote(text: string): string | null {
  const source = lineSource(text);
  if (!source || (source.fidelity !== 'illustrative' && source.fidelity !== 'recalled'))
    return null;
  return `IOS prints a line like this; the exact wording is not confirmed (ios-behavior.md ${source.section})`;
}

/**
 * Why a drop is marked "simplified": one that rests on the simulated crypto-engine programming
 * delay (`saInstallDelayMs`, [I] ios-behavior.md 1.1); null for every other drop reason.
 */
export function dropNote(reason: string | undefined): string | null {
  return reason?.endsWith(NOT_PROGRAMMED_REASON) ? SIMPLIFIED.saProgramming : null;
}

/** The builder names this module recognises (for the test that every builder is covered). */
export const KNOWN_BUILDERS: readonly string[] = BUILDERS.map((b) => b.name);
