// Where the simulator guesses at IOS behaviour that matters to what is taught: each place a
// "simplified" marker appears (lessons, router panels, log lines) names one of these, and the
// Sources list shows them all. One plain sentence of why each. Pure data.
//
// For us: these are the [M] recalled and [I] inferred facts of our IOS notes that change a
// lesson (sections 1.1, 2.1, 2.3, 3, 7.3, 7.4.2 item 7 and 7.5). Wording-only doubts about a
// debug line are not here: the Sources list says so once, for all of them.

import { IKE_MAX_RETRANSMITS, IKE_RETRANSMIT_MS } from '../sim/machines/ikeSaMachine';
import type { SourceId } from './sources';

export interface Simplification {
  /** A few words: what is simplified. */
  title: string;
  /** One plain sentence: why it is marked. */
  why: string;
  /** Public documents that cover the nearby, documented part. */
  related: readonly SourceId[];
}

export const SIMPLIFICATIONS = {
  ikeRetransmit: {
    title: 'IKE retransmission timing',
    why: `No Cisco document gives the timing: the simulator resends an unanswered main mode or quick mode message every ${IKE_RETRANSMIT_MS / 1000} s, ${IKE_MAX_RETRANSMITS} times, as public debug captures suggest, then gives up.`,
    related: ['rfc2409'],
  },
  dpdRetry: {
    title: 'DPD retry default and count',
    why: 'The 2 s default of the retry interval is recalled, not checked against Cisco’s page, and the five R-U-THERE retransmissions before “dead” come from secondary sources, not from Cisco.',
    related: ['cg-dpd-periodic', 'rfc3706'],
  },
  idleTimer: {
    title: 'What the idle timer deletes',
    why: 'Cisco documents that idle SAs are removed; that IOS also sends the peer a DELETE notify, deletes the IKE SA with the last IPsec SA, and accepts 60 to 86400 s, is recalled or inferred, not confirmed.',
    related: ['cg-idle-timers'],
  },
  expiryDelete: {
    title: 'DELETE notify when an SA expires',
    why: 'That IOS announces an SA pair that expires unused with a DELETE notify is inferred from what it does on `clear crypto sa`; no document or capture shows it.',
    related: ['cr-clear-crypto-sa'],
  },
  saProgramming: {
    title: 'SA programming delay (the rekey race)',
    why: 'IOS does not document how long its crypto engine takes to program a new inbound SA, nor that it sends no DELETE notify for an SPI still being programmed: the delay is chosen to make the race visible.',
    related: ['tn-115801'],
  },
  recoveryStranger: {
    title: 'Whom invalid-SPI recovery calls',
    why: 'Cisco says the feature can be abused for denial of service and has a built-in mechanism to limit that risk, without saying what it is; the simulator reads it as “call only a peer the configuration names”, so a scanner at an unknown address gets no main mode, while one that forges a named peer’s address does. That the invalid-SPI syslog is limited per SPI, so a new random SPI is logged every time, is also inferred.',
    related: ['cg-invalid-spi-recovery', 'tn-115801'],
  },
  staleRekey: {
    title: 'Rekey over a stale IKE SA',
    why: 'A rekey starts 30 s before the lifetime ends if the SA carried traffic; what IOS does when that rekey meets an IKE SA the rebooted peer no longer has is not documented, so the simulator’s outcome there is a guess.',
    related: ['cg-security-lifetimes'],
  },
  peerOrder: {
    title: 'Which `set peer` comes next',
    why: 'Cisco documents that DPD resets the peer list so that the default peer is tried next; that this retries a default peer that has just died until its main mode times out, and that without `default` IOS stays on the peer that last worked, is inferred.',
    related: ['cg-preferred-peer'],
  },
  negotiationFailures: {
    title: 'How a failed negotiation shows',
    why: 'That a responder with another pre-shared key drops MM5 as malformed while the initiator resends it until phase 1 dies, that a refused offer gets no answer, and the wording of the policy and transform-set failure lines, are recalled from IOS, not checked against a Cisco document or capture.',
    related: ['rfc2409', 'tn-113594'],
  },
  proxyIdentities: {
    title: 'Crypto ACLs that are not mirror images',
    why: 'That the responder accepts a quick mode only when one of its crypto ACL lines covers the proposed pair of networks (the same or wider; protocols and ports are not compared here), and the wording of its refusal (“proxy identities not supported”, error 32), are recalled from public troubleshooting notes, not checked against a Cisco document or capture.',
    related: ['rfc2409', 'tn-113594'],
  },
  incompleteMap: {
    title: 'Incomplete crypto map entries',
    why: 'That an entry without a peer, an access list or an existing transform set protects nothing is how IOS behaves; the note it prints when such an entry is configured, and how `show crypto map` marks it, are recalled.',
    related: ['cg-security-lifetimes'],
  },
  volumeRekey: {
    title: 'After a rekey by volume',
    why: 'Cisco documents the rekey at 90 % of the kilobytes lifetime; that the old SA pair then serves 30 s more, as after a rekey by time, unless its volume runs out first, is inferred.',
    related: ['cg-security-lifetimes'],
  },
  ezvpnModeConfig: {
    title: 'Easy VPN after phase 1',
    why: 'After aggressive mode the server runs XAUTH when its crypto map names a `client authentication list`: it asks for the user name and password, checks them against its local `username` lines (the only AAA method simulated), sets the status and, after a refusal, ends the IKE SA once the client has acknowledged it (the client then dials again). A client answers with the credentials saved in its `username` line; without them it prints the prompt for `crypto ipsec client ezvpn xauth` and waits, but the console does not take that command here: save the credentials in the client. XAUTH applies here to Easy VPN clients only, not to LAN-to-LAN peers on the same map (IOS would ask them too unless their key says `no-xauth`). The server logs nothing when it refuses a user, because what IOS prints then is in no capture we have; the wording of the client’s prompt, the CONF_XAUTH state, mode config as one request and one reply, the proposals an Easy VPN remote offers and the AG_INIT_EXCH and CONF_ADDR states are recalled.',
    related: ['cg-easy-vpn-server', 'tn-113594', 'rfc2409'],
  },
  consoleShowCommands: {
    title: 'Console show commands without a capture',
    why: 'Where no public capture shows the text, the console prints recalled layouts: in `show crypto engine connections active` the algorithm names, and each flow’s packet counts given to its newest SA; in `show ip interface brief` which interfaces a cut link takes down (those the routes leave through); in `show crypto ipsec client ezvpn` the state and event names between the dial and IPSEC_ACTIVE.',
    related: ['tn-113594'],
  },
  pingPace: {
    title: 'The pace of a console ping',
    why: 'IOS sends the next echo as soon as a reply arrives; the console waits a second between answered echoes so that each one can be watched crossing the topology. A lost echo takes its 2 s timeout, as on IOS; an echo in flight when Ctrl+Shift+6 aborts the ping is not counted.',
    related: ['tn-113594'],
  },
  hsrp: {
    title: 'HSRP',
    why: 'No Cisco document in this list covers HSRP on IOS: election, preemption and timers follow the HSRP RFC and IOS defaults as recalled (hello 3 s, hold 10 s), and the virtual IP moves to the Active router without ARP.',
    related: ['rfc2281'],
  },
  nhrpRegistration: {
    title: 'NHRP registration and `show dmvpn`',
    why: 'A spoke registers at boot and every third of its hold time, and the hub forgets an entry the hold time after the last registration; that an unanswered registration is resent every 2 s, the State column’s order (IKE, IPsec, NHRP, then UP) and an UpDn time that counts from the last change of the registration only are inferred from public captures and forum answers, not from Cisco.',
    related: ['cg-nhrp', 'nl-dmvpn-attributes'],
  },
} as const satisfies Record<string, Simplification>;

export type SimplificationId = keyof typeof SIMPLIFICATIONS;

export const SIMPLIFICATION_IDS = Object.keys(SIMPLIFICATIONS) as SimplificationId[];
