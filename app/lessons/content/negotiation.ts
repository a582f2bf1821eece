import type { Run } from '../../sim/run';
import { cueRecord, cueTime, happens, type RecordCue } from '../cue';
import type { Cue, Lesson } from '../types';

const FIRST_MM5: Cue = { on: 'packet', node: 'R1', match: '^sent MM5$' };
const BAD_MESSAGE: Cue = { on: 'syslog', node: 'R2', match: 'IKMP_BAD_MESSAGE' };
const P1_DEATH: Cue = { on: 'debug', node: 'R1', match: 'Death by retransmission P1' };

const FIRST_QM1: Cue = { on: 'packet', node: 'R1', match: '^sent QM1$' };
const QM_FAILURE: RecordCue = {
  on: 'syslog',
  node: 'R2',
  match: 'Processing of Quick mode failed',
};
const P2_DEATH: Cue = { on: 'debug', node: 'R1', match: 'Death by retransmission P2' };

const VOLUME_REKEY: Cue = { on: 'packet', node: 'R1', match: '^sent QM1$', nth: 2 };
const OLD_PAIR_GONE: Cue = { on: 'sa', node: 'R1', match: '^deleted outbound lifetime expired' };

/** Whether `node` sent ISAKMP `msg` at all in the run. */
function sends(run: Run, node: string, msg: string): boolean {
  return happens(run, { on: 'packet', node, match: `^sent ${msg}$` });
}

/** Pings of the LAN flow answered in the run. */
function answered(run: Run): number {
  return run.records.filter((r) => r.kind === 'ping' && r.result === 'ok').length;
}

/** Quick mode failed on R2 while no IPsec SA was ever built and no IKE SA deleted. */
function quickModeFailedIkeKept(run: Run): boolean {
  return (
    happens(run, QM_FAILURE) &&
    !run.records.some((r) => r.kind === 'sa') &&
    !run.records.some((r) => r.kind === 'state' && r.machine === 'ike' && r.to === 'deleted')
  );
}

export const pskMismatch: Lesson = {
  id: 'psk-mismatch',
  title: 'Mismatched pre-shared keys',
  goal: 'Explain why a tunnel with mismatched keys stops at MM5, and read it from MM_KEY_EXCH and %CRYPTO-4-IKMP_BAD_MESSAGE.',
  presetId: 'psk-mismatch',
  notesScenario: '8.9',
  group: 'negotiation',
  focus: 'log',
  steps: [
    {
      kind: 'narrate',
      cue: { atMs: 0 },
      focus: 'topology',
      speed: 1,
      text: 'R1 and R2 are configured alike, except one character of R2’s pre-shared key for R1. The first ping at 5 s starts main mode.',
      cites: [{ source: 'rfc2409', notes: '4.1' }],
    },
    {
      kind: 'predict',
      cue: { ...FIRST_MM5, offsetMs: -1 },
      focus: 'topology',
      question:
        'R1 sends MM5, the first message encrypted with keys from the pre-shared key. What does R2 do?',
      choices: [
        {
          text: 'It answers MM6: keys are checked only in quick mode.',
          correct: false,
          explanation: 'MM5 and MM6 are where main mode authenticates.',
        },
        {
          text: 'It cannot decrypt MM5, logs IKMP_BAD_MESSAGE and answers nothing.',
          correct: true,
          explanation: 'Its keys come from another pre-shared key. R1 resends MM5 every 10 s.',
        },
        {
          text: 'It sends a DELETE saying the keys differ.',
          correct: false,
          explanation: 'A DELETE needs an IKE SA, and there is none yet.',
        },
      ],
      verify: (run) => {
        const mm5At = cueTime(run, FIRST_MM5) ?? Number.POSITIVE_INFINITY;
        const bad = cueRecord(run, BAD_MESSAGE);
        return (
          bad !== undefined && bad.atMs > mm5At && !sends(run, 'R2', 'MM6') && answered(run) === 0
        );
      },
    },
    {
      kind: 'narrate',
      cue: BAD_MESSAGE,
      router: 'R2',
      hold: true,
      text: 'R2 logs `%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from 10.1.1.1 failed its sanity check or is malformed`, and the topology marks it: phase 1 fails on the keys. Both routers sit in MM_KEY_EXCH.',
      cites: [{ source: 'tn-113594', notes: '8.6' }],
      simplified: 'negotiationFailures',
    },
    {
      kind: 'narrate',
      cue: P1_DEATH,
      focus: 'topology',
      speed: 5,
      text: 'After five retransmissions R1 gives up phase 1; the next ping starts main mode again, and fails the same way. No ping ever gets through.',
      simplified: 'ikeRetransmit',
    },
    {
      kind: 'playground',
      text: 'Free play on the same two routers.',
      tryThis: [
        'On R2’s console type `crypto isakmp key cisco123 address 10.1.1.1`: when does the tunnel come up?',
        'Open “No common ISAKMP policy”: at which message does main mode stop there?',
      ],
    },
  ],
};

export const transformSetMismatch: Lesson = {
  id: 'transform-set-mismatch',
  title: 'Mismatched transform sets',
  goal: 'Tell a phase 2 failure from a phase 1 failure: the IKE SA is up in QM_IDLE, yet no IPsec SA is ever installed.',
  presetId: 'transform-set-mismatch',
  notesScenario: '8.9',
  group: 'negotiation',
  focus: 'routers',
  steps: [
    {
      kind: 'narrate',
      cue: { atMs: 0 },
      focus: 'topology',
      speed: 1,
      text: 'Same keys and ISAKMP policies on both routers, but R2’s transform set is 3DES and MD5 while R1’s is AES and SHA.',
      cites: [{ source: 'rfc2409', notes: '4.1' }],
    },
    {
      kind: 'predict',
      cue: { ...FIRST_QM1, offsetMs: -1 },
      question:
        'Main mode has succeeded: both routers show QM_IDLE. R1 now proposes its transforms in QM1. What happens?',
      choices: [
        {
          text: 'R2 falls back to a transform it knows, and the tunnel comes up.',
          correct: false,
          explanation: 'IOS accepts only a transform set it has configured: there is no fallback.',
        },
        {
          text: 'Quick mode fails: no IPsec SA, but the IKE SA stays in QM_IDLE.',
          correct: true,
          explanation:
            'R2 refuses the proposal and logs IKMP_MODE_FAILURE for quick mode; phase 1 is not touched.',
        },
        {
          text: 'R2 deletes the IKE SA, and main mode starts over.',
          correct: false,
          explanation: 'A failed quick mode leaves the IKE SA alone: R1 even retries over it.',
        },
      ],
      verify: quickModeFailedIkeKept,
    },
    {
      kind: 'narrate',
      cue: QM_FAILURE,
      router: 'R2',
      hold: true,
      text: 'R2 prints `phase 2 SA policy not acceptable!` and logs `%CRYPTO-6-IKMP_MODE_FAILURE: Processing of Quick mode failed with peer at 10.1.1.1`. The topology marks phase 2 on R2.',
      cites: [{ source: 'tn-113594', notes: '8.6' }],
      simplified: 'negotiationFailures',
    },
    {
      kind: 'narrate',
      cue: P2_DEATH,
      speed: 5,
      text: 'R1 gives up this quick mode after five retransmissions and the next ping tries again, over the same IKE SA. IKE up with no IPsec SA points at phase 2: transform sets or access lists.',
      simplified: 'ikeRetransmit',
    },
    {
      kind: 'playground',
      text: 'Free play on the same two routers.',
      tryThis: [
        'On R2’s console type `crypto ipsec transform-set TS esp-aes esp-sha-hmac`: which message gets through now?',
        'Open “Incomplete crypto map”: why is there no IKE at all there?',
      ],
    },
  ],
};

/** Whether every negotiation the run refused was R2 refusing phase 2 for `cause`. */
function onlyPhaseTwoRefusals(run: Run, cause: string): boolean {
  const refused = run.records.filter((r) => r.kind === 'negotiation');
  return (
    refused.length > 0 &&
    refused.every((r) => r.node === 'R2' && r.phase === 2 && r.cause === cause)
  );
}

export const proxyMismatch: Lesson = {
  id: 'proxy-mismatch',
  title: 'Crypto ACLs that are not mirror images',
  goal: 'Read "proxy identities not supported" as crypto ACLs that do not mirror each other: IKE up in QM_IDLE, no IPsec SA, and the responder says why.',
  presetId: 'proxy-mismatch',
  notesScenario: '8.9',
  group: 'negotiation',
  focus: 'routers',
  steps: [
    {
      kind: 'narrate',
      cue: { atMs: 0 },
      focus: 'topology',
      speed: 1,
      text: 'Keys, ISAKMP policies and transform sets agree. R1’s ACL 101 encrypts 192.168.1.0/24 to 192.168.2.0/24; R2’s, typed in a hurry, encrypts 192.168.2.0/24 to 192.168.10.0/24.',
      cites: [{ source: 'rfc2409', notes: '4.1' }],
    },
    {
      kind: 'predict',
      cue: { ...FIRST_QM1, offsetMs: -1 },
      question:
        'Main mode has succeeded. In QM1 R1 proposes its ACL’s pair, 192.168.1.0/24 to 192.168.2.0/24. What does R2 do?',
      choices: [
        {
          text: 'It builds the SAs with its own ACL’s pair, and the pings get through.',
          correct: false,
          explanation:
            'The responder does not substitute its own pair: it must find the mirror image of the proposal in one of its crypto ACLs.',
        },
        {
          text: 'It refuses quick mode: no IPsec SA, the IKE SA stays in QM_IDLE.',
          correct: true,
          explanation:
            'No entry of R2’s crypto map permits 192.168.2.0/24 to 192.168.1.0/24: R2 prints “proxy identities not supported” and logs IKMP_MODE_FAILURE for quick mode.',
        },
        {
          text: 'Main mode is redone: the ACLs were compared in phase 1.',
          correct: false,
          explanation:
            'Phase 1 authenticates the peers; the networks a tunnel protects are proposed only in quick mode.',
        },
      ],
      verify: (run) => quickModeFailedIkeKept(run) && onlyPhaseTwoRefusals(run, 'proxy-mismatch'),
    },
    {
      kind: 'narrate',
      cue: QM_FAILURE,
      router: 'R2',
      hold: true,
      text: 'Under `debug crypto ipsec` R2 prints `proxy identities not supported`, then `phase 2 SA policy not acceptable!` and `%CRYPTO-6-IKMP_MODE_FAILURE`. The topology marks R2 `✕ P2 proxy IDs differ`.',
      cites: [{ source: 'tn-113594', notes: '8.6' }],
      simplified: 'proxyIdentities',
    },
    {
      kind: 'narrate',
      cue: { ...P2_DEATH, offsetMs: 1000 },
      speed: 5,
      text: 'R1 gives up after five retransmissions and tries again over the same IKE SA. `show crypto map` on each side lists the ACL: each line must be the other’s mirror image.',
      show: [
        { node: 'R1', commands: ['show crypto isakmp sa', 'show crypto map'] },
        { node: 'R2', commands: ['show crypto isakmp sa', 'show crypto map'] },
      ],
      simplified: 'ikeRetransmit',
    },
    {
      kind: 'playground',
      text: 'Free play on the same two routers.',
      tryThis: [
        'On R2’s console type `access-list 101 permit ip 192.168.2.0 0.0.0.255 192.168.1.0 0.0.0.255`: which message gets through now?',
        'Open “Mismatched transform sets”: how does its failure read in the same place?',
      ],
    },
  ],
};

const CLEAR_ECHO_DROP: Cue = {
  on: 'packet',
  node: 'R1',
  match: '^dropped ip: no router owns 192.168.2.10',
};

export const mapNotApplied: Lesson = {
  id: 'map-not-applied',
  title: 'A crypto map applied to no interface',
  goal: 'Recognise a crypto map that is configured but not applied: no IKE at all, traffic in the clear, and `show crypto map` listing no interface.',
  presetId: 'map-not-applied',
  notesScenario: '8.9',
  group: 'negotiation',
  focus: 'log',
  steps: [
    {
      kind: 'narrate',
      cue: { atMs: 0 },
      focus: 'topology',
      speed: 1,
      text: 'R1 has the ISAKMP policy, the key, the transform set, crypto map CMAP and ACL 101, all matching R2. Only one line is missing: `crypto map CMAP` under FastEthernet0/0.',
      cites: [{ source: 'book-ipsec-vpn-design', notes: '0.2' }],
    },
    {
      kind: 'predict',
      cue: { atMs: 4_999 },
      question: 'The first ping from LAN 1 to LAN 2 leaves at 5 s. What does R1 do with it?',
      choices: [
        {
          text: 'It starts main mode with R2, as the map’s peer.',
          correct: false,
          explanation:
            'IOS consults a crypto map only on the interface it is applied to: this one is never looked at.',
        },
        {
          text: 'It sends the ping unencrypted: no IKE at all.',
          correct: true,
          explanation:
            'Without the map on the outgoing interface the ping is ordinary traffic; the internet drops it, since nobody routes 192.168.2.0/24 there.',
        },
        {
          text: 'It drops the ping, because it matches ACL 101.',
          correct: false,
          explanation:
            'ACL 101 is only read through a crypto map on an interface; here it filters nothing.',
        },
      ],
      verify: (run) =>
        happens(run, CLEAR_ECHO_DROP) &&
        !run.records.some((r) => r.kind === 'packet' && r.proto !== 'ip') &&
        !run.records.some((r) => r.kind === 'negotiation' || r.kind === 'sa'),
    },
    {
      kind: 'narrate',
      cue: { ...CLEAR_ECHO_DROP, offsetMs: 1 },
      router: 'R1',
      hold: true,
      text: 'No IKE message, no log line: the ping leaves in the clear and dies in the internet. `show crypto map` ends with `Interfaces using crypto map CMAP:` and nothing under it; the topology marks R1 `⚠ CMAP on no interface`.',
      show: [{ node: 'R1', commands: ['show crypto map', 'show crypto isakmp sa'] }],
    },
    {
      kind: 'playground',
      text: 'Free play on the same two routers.',
      tryThis: [
        'On R1’s console type `interface FastEthernet0/0` then `crypto map CMAP`: which message leaves R1 next?',
        'Open “Incomplete crypto map”: the same silence, but what does `show crypto map` say there?',
      ],
    },
  ],
};

export const volumeLifetime: Lesson = {
  id: 'volume-lifetime',
  title: 'Lifetime by volume',
  goal: 'Explain that an IPsec SA also expires by kilobytes, and that IOS renews it at 90 % of them, before any traffic is lost.',
  presetId: 'volume-lifetime',
  notesScenario: '8.9',
  group: 'negotiation',
  focus: 'routers',
  steps: [
    {
      kind: 'narrate',
      cue: { atMs: 60_000 },
      router: 'R1',
      speed: 5,
      text: 'R1’s crypto map limits its SAs to 2560 KB; R2 proposes the default, and both use the smaller. In `show crypto ipsec sa`, `remaining key lifetime (k/sec)` counts the kilobytes down with every ping.',
      cites: [{ source: 'cg-security-lifetimes', notes: '8.9' }],
    },
    {
      kind: 'predict',
      cue: { ...VOLUME_REKEY, offsetMs: -2000 },
      question: 'About 250 KB are left of 2560. When does R1 negotiate the next SA?',
      choices: [
        {
          text: 'When the kilobytes run out: a ping or two is lost while quick mode runs.',
          correct: false,
          explanation:
            'IOS does not wait for the end: the new SA is ready before the old one runs out.',
        },
        {
          text: 'Now, at 90 % of the kilobytes, with no ping lost.',
          correct: true,
          explanation:
            'The rekey starts at 90 % of the volume (or 30 s before the seconds run out), so traffic moves to the new SA seamlessly.',
        },
        {
          text: 'Only 30 s before the hour of seconds ends.',
          correct: false,
          explanation: 'Whichever lifetime comes first counts, and here it is the volume.',
        },
      ],
      verify: (run) => {
        const rekeyAt = cueTime(run, VOLUME_REKEY) ?? 0;
        const lost = run.records.filter((r) => r.kind === 'ping' && r.result === 'lost');
        return rekeyAt > 130_000 && rekeyAt < 140_000 && lost.every((r) => r.atMs < 10_000);
      },
    },
    {
      kind: 'narrate',
      cue: OLD_PAIR_GONE,
      router: 'R1',
      text: 'Traffic runs on the new SA since the rekey; the old pair served 30 s more and is gone. The new one counts down from 2560 KB again.',
      cites: [{ source: 'cg-security-lifetimes', notes: '8.9' }],
      simplified: 'volumeRekey',
    },
    {
      kind: 'playground',
      text: 'Free play on the same two routers.',
      tryThis: [
        'Break link R2-ISP at 2:10, before the rekey: what ends R1’s SA, and when?',
        'Set `crypto ipsec security-association lifetime seconds 120` on R1: which lifetime wins now?',
      ],
    },
  ],
};
