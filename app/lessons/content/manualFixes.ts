// Manual fixes and their traps (ios-behavior.md 7.4.2 item 6): in the black hole, `clear crypto
// sa` alone on R1 runs quick mode under the stale IKE SA and goes nowhere; `clear crypto isakmp`
// lets main mode run, with INITIAL-CONTACT.

import { countOf, cueRecord, cueTime } from '../cue';
import type { Cue, Lesson } from '../types';
import { staleTables } from './snapshots';

const INV_SPI: Cue = { on: 'syslog', node: 'R2', match: 'RECVD_PKT_INV_SPI' };
const CLEAR_SA: Cue = { on: 'fault', match: '^exec R1 clear crypto sa' };
const CLEAR_ISAKMP: Cue = { on: 'fault', match: '^exec R1 clear crypto isakmp' };
const QM1_AFTER_CLEAR: Cue = { on: 'packet', node: 'R1', match: '^sent QM1$', afterMs: 200_000 };
const NO_SA: Cue = { on: 'syslog', node: 'R2', match: 'IKMP_NO_SA', afterMs: 210_500 };
const P2_DEATH: Cue = { on: 'debug', node: 'R1', match: 'Death by retransmission P2' };
const MM1_AFTER: Cue = { on: 'packet', node: 'R1', match: '^sent MM1$', afterMs: 200_000 };
const PING_BACK: Cue = { on: 'ping', match: '^lan1-to-lan2 #\\d+ ok$', afterMs: 200_000 };

export const manualFixes: Lesson = {
  id: 'manual-fixes',
  title: 'Manual fixes and their traps',
  goal: 'Explain why `clear crypto sa` alone does not end the black hole while `clear crypto isakmp` (or `clear crypto session`) does.',
  presetId: 'manual-clear',
  notesScenario: '7.4.2',
  group: 'troubleshooting',
  focus: 'routers',
  steps: [
    {
      kind: 'narrate',
      cue: INV_SPI,
      router: 'R1',
      speed: 5,
      text: 'The black hole again: R2 rebooted at 2:00 and logs %CRYPTO-4-RECVD_PKT_INV_SPI, R1 still shows QM_IDLE. At 3:30 an operator on R1 reaches for the usual command.',
      cites: [{ source: 'tn-115801', notes: '1.3' }],
    },
    {
      kind: 'predict',
      cue: { ...CLEAR_SA, offsetMs: -1000 },
      question:
        'The operator types `clear crypto sa` on R1, and nothing else. Will the pings come back?',
      choices: [
        {
          text: 'Yes: the next ping negotiates fresh SAs with new SPIs.',
          correct: false,
          explanation:
            'It tries, with quick mode under R1’s old IKE SA, and R2 lost that IKE SA in the reload.',
        },
        {
          text: 'No: quick mode runs under the old IKE SA, which R2 no longer has.',
          correct: true,
          explanation:
            'R2 answers each QM1 with `%CRYPTO-4-IKMP_NO_SA` and nothing else, until R1 gives up: “Death by retransmission P2”.',
        },
        {
          text: 'Yes: the clear sends R2 a DELETE notify, and R2 starts IKE.',
          correct: false,
          explanation:
            'The DELETE travels under the IKE SA R2 lost: R2 drops it (`IKMP_NO_SA`) and starts nothing.',
        },
      ],
      verify: (run) => {
        const clearAt = cueTime(run, CLEAR_SA) ?? 0;
        const isakmpAt = cueTime(run, CLEAR_ISAKMP) ?? 0;
        const qm1At = cueTime(run, QM1_AFTER_CLEAR) ?? 0;
        const between = (cue: Cue) =>
          'atMs' in cue ? 0 : countOf(run, { ...cue, afterMs: clearAt }, isakmpAt - 1);
        return (
          qm1At > clearAt &&
          qm1At < clearAt + 2_000 &&
          between(MM1_AFTER) === 0 &&
          between(PING_BACK) === 0 &&
          between(P2_DEATH) >= 1 &&
          between(NO_SA) >= 2
        );
      },
    },
    {
      kind: 'narrate',
      cue: NO_SA,
      focus: 'log',
      speed: 1,
      text: 'R1 deleted its IPsec SAs; the next ping starts quick mode under the old IKE SA. R2 cannot read it and logs `%CRYPTO-4-IKMP_NO_SA`, for the DELETE and for every QM1.',
      cites: [
        { source: 'cr-clear-crypto-sa', notes: '1.5' },
        { source: 'tn-115801', notes: '1.3' },
      ],
    },
    {
      kind: 'narrate',
      cue: P2_DEATH,
      hold: true,
      show: staleTables('R1', 'R2'),
      text: 'R1 resent QM1 every 10 s, then gave up: “Death by retransmission P2”. Side by side: R1 still QM_IDLE, no IPsec SA on either side. The next ping tries quick mode again.',
      simplified: 'ikeRetransmit',
    },
    {
      kind: 'predict',
      cue: { ...CLEAR_ISAKMP, offsetMs: -1000 },
      speed: 1,
      question:
        'At 5:30 the operator types `clear crypto isakmp` on R1. What does the next ping start?',
      choices: [
        {
          text: 'Quick mode again, as after `clear crypto sa`.',
          correct: false,
          explanation: 'Quick mode needs an IKE SA, and R1 just deleted its only one.',
        },
        {
          text: 'Main mode with INITIAL-CONTACT, then quick mode: the tunnel is back in seconds.',
          correct: true,
          explanation:
            'With no IKE SA left, R1 starts from main mode, as after a reload of its own; R2 answers.',
        },
        {
          text: 'Nothing until R2 reloads again.',
          correct: false,
          explanation: 'R2 answers any main mode from a configured peer.',
        },
      ],
      verify: (run) => {
        const clearAt = cueTime(run, CLEAR_ISAKMP) ?? 0;
        const mm1 = cueRecord(run, { ...MM1_AFTER, afterMs: clearAt });
        const mm5 = cueRecord(run, {
          on: 'packet',
          node: 'R1',
          match: '^sent MM5$',
          afterMs: clearAt,
        });
        const backAt = cueTime(run, { ...PING_BACK, afterMs: clearAt }) ?? 0;
        return (
          mm1 !== undefined &&
          mm1.atMs - clearAt <= 2_000 &&
          mm5?.kind === 'packet' &&
          mm5.initialContact === true &&
          backAt - clearAt <= 5_000
        );
      },
    },
    {
      kind: 'narrate',
      cue: { ...PING_BACK, afterMs: 330_000 },
      focus: 'health',
      hold: true,
      text: 'Back: with the stale IKE SA gone, main mode ran, with INITIAL-CONTACT, and the pings answer. `clear crypto session remote 20.1.1.2` clears both kinds of SA for one peer in one command.',
      cites: [{ source: 'cr-clear-crypto-session' }, { source: 'rfc2407' }],
    },
    {
      kind: 'playground',
      text: 'Free play on the same two routers, with every control on.',
      tryThis: [
        'Move to 3:29 and type `clear crypto session remote 20.1.1.2` on R1 instead.',
        'Type `clear crypto sa` on R2 instead of R1: why does it change nothing?',
      ],
    },
  ],
};
