// Plain words for the statechart view: what each machine's delays, guards and events mean to a
// student. The view draws states and transitions from the machine definitions themselves; only
// the words come from here, kept next to the machines so that a renamed delay or guard shows up
// in chartLabels.test.ts rather than as a blank label.

import { IKE_MAX_RETRANSMITS, IKE_RETRANSMIT_MS } from './ikeSaMachine';
import { QM_MAX_RETRANSMITS, QM_RETRANSMIT_MS, REKEY_BEFORE_EXPIRY_MS } from './ipsecSaMachine';
import { DPD_MAX_RETRANSMITS, LEGACY_MAX_MISSES } from './livenessMachine';

/** The machines the view draws, by the XState machine id. */
export type ChartMachineId = 'ike' | 'ipsec' | 'liveness' | 'hsrp';

type GuardWords = string | ((params: Record<string, unknown>) => string);

export interface MachineWords {
  /** The machine's title. */
  title: string;
  /** `after` delays by their name in the machine's setup (numbers are printed as seconds). */
  delays: Record<string, string>;
  /** Guards by name: words, or words from the guard's parameters. */
  guards: Record<string, GuardWords>;
  /** Events by type, where the type alone would not say it. */
  events: Record<string, string>;
}

const seconds = (ms: number) => `${ms / 1000} s`;

/** "MM5 with INITIAL-CONTACT, as responder" from the `receives` guard's parameters. */
function received(params: Record<string, unknown>): string {
  const extras = [
    params.initialContact ? ' with INITIAL-CONTACT' : '',
    params.modeConfig ? ', then mode config' : '',
    params.xauth ? ', XAUTH on' : '',
    params.accepted ? ', credentials accepted' : '',
    params.refused ? ', credentials refused' : '',
    params.savedCredentials ? ', credentials saved' : '',
  ].join('');
  return `${String(params.msg)}${extras} (${String(params.role)})`;
}

export const MACHINE_WORDS: Record<ChartMachineId, MachineWords> = {
  ike: {
    title: 'IKE SA (phase 1)',
    delays: {
      retransmit: `retransmit interval (${seconds(IKE_RETRANSMIT_MS)})`,
      lifetime: 'ISAKMP lifetime',
    },
    guards: {
      receives: received,
      startsWith: (p) => `initiator, ${String(p.exchange)} mode`,
      lastSent: (p) => `last sent ${(p.msgs as string[]).join(' or ')}`,
      mayRetransmit: `up to ${IKE_MAX_RETRANSMITS} times`,
      isServer: 'server (it drives XAUTH)',
    },
    events: {
      start: 'traffic to protect',
      recv: 'received',
      delete: 'DELETE, INITIAL-CONTACT or clear',
    },
  },
  ipsec: {
    title: 'IPsec SA pair (quick mode)',
    delays: {
      retransmit: `retransmit interval (${seconds(QM_RETRANSMIT_MS)})`,
      soft: `lifetime − ${seconds(REKEY_BEFORE_EXPIRY_MS)}`,
      hard: 'IPsec lifetime',
      idleCheck: 'idle time',
    },
    guards: {
      receives: received,
      isInitiator: 'initiator',
      mayRetransmit: `up to ${QM_MAX_RETRANSMITS} times`,
      shouldRekey: 'initiator, SA carried traffic',
      idleExpired: 'no traffic for the idle time',
      hasIdleTimer: 'idle timer configured',
    },
    events: {
      start: 'IKE SA ready',
      recv: 'received',
      delete: 'DELETE, INITIAL-CONTACT, DPD or clear',
      programmed: 'crypto engine programmed',
      'volume.soft': '90 % of kilobytes used',
      'volume.expired': 'kilobytes lifetime used',
    },
  },
  liveness: {
    title: 'Peer liveness (DPD / keepalive)',
    delays: {
      interval: 'keepalive interval',
      check: 'the next silence check',
      retry: 'retry interval',
    },
    guards: {
      onDemand: 'on-demand DPD',
      peerSilent: 'peer silent for the interval',
      mayRetransmit: `up to ${DPD_MAX_RETRANSMITS} times (keepalives: ${LEGACY_MAX_MISSES} misses)`,
      ackMatchesOnDemand: 'ACK of this round, on-demand',
      ackMatches: 'ACK of this round',
    },
    events: {
      'traffic.out': 'packet to the peer',
      'traffic.in': 'packet from the peer',
      ack: 'R-U-THERE-ACK',
    },
  },
  hsrp: {
    title: 'HSRP group',
    delays: {
      hello: 'hello time',
      bothTimers: 'next Active/Standby timer',
      activeTimer: 'Active timer',
    },
    guards: {
      activeExpired: 'Active timer expired',
      eitherExpired: 'a timer expired',
      winsActive: 'wins the Active election',
      winsStandby: 'wins the Standby election',
      betterStandbyHello: 'better Standby heard',
      betterActiveHello: 'better Active heard',
      mayPreempt: 'preempt a worse Active',
    },
    events: {
      start: 'interface up',
      hello: 'hello',
    },
  },
};

/** Words for a delay: its name's words, or "N s" for a number of ms. */
export function delayWords(machine: ChartMachineId, delay: string | number): string {
  if (typeof delay === 'number') return seconds(delay);
  return MACHINE_WORDS[machine].delays[delay] ?? delay;
}

/** Words for a named guard with its parameters. */
export function guardWords(
  machine: ChartMachineId,
  type: string,
  params: Record<string, unknown> | undefined,
): string {
  const words = MACHINE_WORDS[machine].guards[type];
  if (words === undefined) return type;
  return typeof words === 'string' ? words : words(params ?? {});
}
