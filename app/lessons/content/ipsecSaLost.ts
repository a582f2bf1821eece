import { cueTime, happens } from '../cue';
import type { Cue, Lesson } from '../types';

const LINK_DOWN: Cue = { on: 'fault', match: '^link-down R2-ISP' };
const CLEAR: Cue = { on: 'fault', node: 'R2', match: '^exec R2 clear crypto sa' };
const LINK_UP: Cue = { on: 'fault', match: '^link-up R2-ISP' };
const INV_SPI: Cue = { on: 'syslog', node: 'R2', match: 'RECVD_PKT_INV_SPI' };
const R2_DELETE_AFTER_UP: Cue = {
  on: 'packet',
  node: 'R2',
  match: '^sent DELETE$',
  afterMs: 65_000,
};
const R1_DELETED: Cue = { on: 'sa', node: 'R1', match: '^deleted .*delete-notify' };
const R1_QM1_AGAIN: Cue = { on: 'packet', node: 'R1', match: '^sent QM1$', nth: 2 };

export const ipsecSaLost: Lesson = {
  id: 'ipsec-sa-lost',
  title: 'R2 loses its IPsec SA but keeps the IKE SA',
  goal: 'See that the DELETE notify needs only an IKE SA, so `invalid-spi-recovery` matters only when there is none.',
  presetId: 'ipsec-sa-lost-ike-kept',
  notesScenario: '7.4.4',
  group: 'black-hole',
  focus: 'routers',
  steps: [
    {
      kind: 'narrate',
      cue: LINK_DOWN,
      focus: 'topology',
      speed: 1,
      text: 'At 1:00 R2’s link fails. A second later someone runs `clear crypto sa` on R2.',
    },
    {
      kind: 'narrate',
      cue: CLEAR,
      router: 'R2',
      hold: true,
      text: 'R2 deleted its IPsec SAs, both directions, and sent a DELETE notify that died on the broken link. Look at R2: no IPsec SA, but its IKE SA is still QM_IDLE. R1 still has everything.',
      cites: [{ source: 'cr-clear-crypto-sa', notes: '4.5' }],
    },
    {
      kind: 'predict',
      cue: { ...LINK_UP, offsetMs: -1000 },
      focus: 'topology',
      question:
        'The link returns at 1:05 and R1’s next ESP packet reaches R2 with the old SPI. R2 has no `invalid-spi-recovery`. What happens?',
      choices: [
        {
          text: 'A black hole: R2 only drops and logs.',
          correct: false,
          explanation:
            'That needs R2 to have no IKE SA. R2 still has one, and then IOS always sends the DELETE notify, with or without the command.',
        },
        {
          text: 'R2 drops and logs, and sends a DELETE notify over its IKE SA.',
          correct: true,
          explanation:
            'The DELETE names the stale SPI and travels over the existing IKE SA; R1 removes the SA pair.',
        },
        {
          text: 'R2 starts a new Main Mode toward R1.',
          correct: false,
          explanation: 'No new IKE SA is needed: the old one still works on both sides.',
        },
      ],
      verify: (run) =>
        cueTime(run, R2_DELETE_AFTER_UP) === cueTime(run, INV_SPI) &&
        !happens(run, { on: 'packet', match: '^sent MM1$', afterMs: cueTime(run, LINK_DOWN) ?? 0 }),
    },
    {
      kind: 'narrate',
      cue: INV_SPI,
      focus: 'log',
      text: 'R2 logs %CRYPTO-4-RECVD_PKT_INV_SPI and, because it still holds the IKE SA, sends a DELETE notify for that SPI at once.',
      cites: [{ source: 'tn-115801', notes: '1.2' }],
    },
    {
      kind: 'narrate',
      cue: R1_DELETED,
      router: 'R1',
      hold: true,
      text: 'R1 processed the DELETE ("rec’d delete notify from ISAKMP") and removed the SA pair: inbound and outbound go together.',
      cites: [{ source: 'cr-clear-crypto-sa', notes: '1.5' }],
    },
    {
      kind: 'predict',
      cue: { ...R1_QM1_AGAIN, offsetMs: -500 },
      focus: 'topology',
      question: 'R1’s next ping needs a new SA pair. Which exchanges will you see?',
      choices: [
        {
          text: 'MM1–MM6, then QM1–QM3.',
          correct: false,
          explanation: 'Main Mode builds an IKE SA, and both routers still have theirs.',
        },
        {
          text: 'QM1–QM3 only, under the same IKE SA.',
          correct: true,
          explanation: 'Same conn-id in `show crypto isakmp sa`: only the IPsec SA pair is new.',
        },
      ],
      verify: (run) =>
        cueTime(run, R1_QM1_AGAIN) !== undefined &&
        !happens(run, { on: 'packet', match: '^sent MM1$', afterMs: cueTime(run, LINK_DOWN) ?? 0 }),
    },
    {
      kind: 'narrate',
      cue: { on: 'sa', node: 'R2', match: '^installed outbound', afterMs: 65_000 },
      hold: true,
      text: 'Quick Mode only, and the pings answer. The command `crypto isakmp invalid-spi-recovery` only matters when there is no IKE SA.',
      cites: [{ source: 'tn-115801', notes: '1.3' }],
    },
    {
      kind: 'playground',
      text: 'Free play on the same two routers, with every control on.',
      tryThis: [
        'Move the cursor to 1:02 and run `clear crypto isakmp` on R2, so that R2 has no IKE SA either: does it still repair?',
        'Then tick `crypto isakmp invalid-spi-recovery` on R2 and compare.',
      ],
    },
  ],
};
