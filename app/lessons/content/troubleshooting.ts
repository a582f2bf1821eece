// Troubleshooting workflow on the black hole (ios-behavior.md 7.4.2): from a user's complaint to
// the right side of the tunnel, by the routers' own `show` output.

import { showOutputs } from '../showSnapshot';
import type { Cue, Lesson, ShowSnapshot } from '../types';

const INV_SPI: Cue = { on: 'syslog', node: 'R2', match: 'RECVD_PKT_INV_SPI' };
const COUNTERS: readonly ShowSnapshot[] = [
  { node: 'R1', commands: ['show crypto ipsec sa peer 20.1.1.2 | include caps'] },
];

/** R1's encaps and decaps counters toward R2 at `atMs`, as `show crypto ipsec sa peer` prints them. */
export function r1Counters(
  run: Parameters<typeof showOutputs>[0],
  atMs: number,
): { encaps: number; decaps: number } {
  const lines = showOutputs(run, atMs, COUNTERS)[0]?.commands[0]?.output ?? [];
  const count = (word: string) =>
    Number(new RegExp(`#pkts ${word}: (\\d+)`).exec(lines.join('\n'))?.[1] ?? Number.NaN);
  return { encaps: count('encaps'), decaps: count('decaps') };
}

const FIRST_LOOK_MS = 271_000;
const SECOND_LOOK_MS = 331_000;

export const troubleshooting: Lesson = {
  id: 'troubleshooting',
  title: 'Troubleshooting: which side is broken?',
  goal: 'Go from a user’s complaint to the broken side of a tunnel with `show crypto session detail`, `show crypto ipsec sa peer` and the far side’s log.',
  presetId: 'reload-black-hole',
  notesScenario: '7.4.2',
  group: 'troubleshooting',
  focus: 'health',
  steps: [
    {
      kind: 'narrate',
      cue: { atMs: 270_000 },
      text: '4:30. A user behind R1 complains that nothing has reached 192.168.2.10 for two minutes. Start at the router the user sits behind, R1.',
    },
    {
      kind: 'narrate',
      cue: { atMs: FIRST_LOOK_MS },
      hold: true,
      show: [{ node: 'R1', commands: ['show crypto session detail'] }],
      text: '`show crypto session detail` on R1: UP-ACTIVE, an IKE SA and two IPsec SAs to 20.1.1.2. R1’s own view looks healthy.',
      cites: [{ source: 'tn-115801', notes: '1.1' }],
    },
    {
      kind: 'predict',
      cue: { atMs: FIRST_LOOK_MS + 1000 },
      question: 'Which of R1’s counters tells you the tunnel is broken?',
      choices: [
        {
          text: 'None: UP-ACTIVE and QM_IDLE mean the tunnel works.',
          correct: false,
          explanation: 'They describe R1’s own SAs, not whether R2 still knows them.',
        },
        {
          text: '#pkts decaps stands still while #pkts encaps climbs.',
          correct: true,
          explanation: 'R1 encrypts every echo, and no reply comes back to decrypt.',
        },
        {
          text: '#send errors: R1 counts every packet that is lost.',
          correct: false,
          explanation: 'R1 sends without error; the packets die at R2, which R1 cannot see.',
        },
      ],
      verify: (run) => {
        const first = r1Counters(run, FIRST_LOOK_MS);
        const later = r1Counters(run, SECOND_LOOK_MS);
        return later.encaps - first.encaps >= 55 && later.decaps === first.decaps;
      },
    },
    {
      kind: 'narrate',
      cue: { atMs: SECOND_LOOK_MS },
      hold: true,
      show: COUNTERS,
      text: 'A minute later: encaps up by 60, decaps not at all. Packets leave R1 and nothing comes back, so look at the far side.',
    },
    {
      kind: 'narrate',
      cue: { ...INV_SPI, nth: 5 },
      router: 'R2',
      hold: true,
      show: [
        {
          node: 'R2',
          commands: ['show crypto isakmp sa', 'show logging | include INV_SPI'],
        },
      ],
      text: 'R2: no IKE SA for R1, and %CRYPTO-4-RECVD_PKT_INV_SPI with R1’s SPI once a minute, rate-limited, while every ping dies. R2 rebooted: the black hole.',
      cites: [{ source: 'tn-115801', notes: '0.1' }],
    },
    {
      kind: 'playground',
      text: 'Free play on the same two routers, with every control on.',
      tryThis: [
        'Type `debug crypto isakmp` on R2 and watch what it says about the next stale packet.',
        'Compare `show crypto isakmp sa detail` on both routers.',
      ],
    },
  ],
};

/** The moments the narration reads R1's counters at. */
export const TROUBLESHOOTING_LOOKS_MS = [FIRST_LOOK_MS, SECOND_LOOK_MS] as const;
