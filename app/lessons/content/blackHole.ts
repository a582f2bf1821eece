import { countOf, cueTime, happens } from '../cue';
import type { Cue, Lesson } from '../types';
import { staleTables } from './snapshots';

const RELOAD: Cue = { on: 'fault', node: 'R2', match: '^reload R2' };
const BOOT: Cue = { on: 'fault', node: 'R2', match: '^boot R2' };
const INV_SPI: Cue = { on: 'syslog', node: 'R2', match: 'RECVD_PKT_INV_SPI' };
const STALE_ESP_DROP: Cue = { on: 'packet', node: 'R2', match: '^dropped esp: invalid SPI' };

export const blackHole: Lesson = {
  id: 'black-hole',
  title: 'R2 reloads: the black hole',
  goal: 'Explain why a reboot on one side leaves the other side encrypting into a black hole, and why nothing repairs it on its own.',
  presetId: 'reload-black-hole',
  notesScenario: '7.4.2',
  group: 'black-hole',
  focus: 'routers',
  steps: [
    {
      kind: 'narrate',
      cue: { atMs: 60_000 },
      text: 'A healthy tunnel: R1 and R2 agree on two SPIs, and the encaps and decaps counters climb together. Neither router has DPD or `crypto isakmp invalid-spi-recovery`.',
    },
    {
      kind: 'predict',
      cue: { ...RELOAD, offsetMs: -1000 },
      question:
        'At 2:00 R2 reloads: it keeps its configuration but loses every SA. What does R1 show while R2 is down?',
      choices: [
        {
          text: 'R1 notices at once and deletes its SAs for R2.',
          correct: false,
          explanation:
            'Nothing tells R1: a reload sends no DELETE, and R1 has no DPD to probe its peer.',
        },
        {
          text: 'R1 still shows QM_IDLE and an ACTIVE SA pair, and keeps encrypting.',
          correct: true,
          explanation:
            'R1’s SAs are untouched: it goes on encrypting with the SPI R2 chose before the reload, so #pkts encaps keeps climbing.',
        },
        {
          text: 'R1 starts a new Main Mode toward R2.',
          correct: false,
          explanation:
            'R1 has a working IKE SA and SA pair as far as it knows: it has no reason to.',
        },
      ],
      verify: (run) => {
        const reloadAt = cueTime(run, RELOAD) ?? 0;
        const bootAt = cueTime(run, BOOT) ?? 0;
        const r1Changed =
          happens(run, { on: 'state', node: 'R1', afterMs: reloadAt }) ||
          happens(run, { on: 'sa', node: 'R1', afterMs: reloadAt });
        const r1Sends = countOf(
          run,
          { on: 'packet', node: 'R1', match: '^sent esp', afterMs: reloadAt },
          bootAt,
        );
        return !r1Changed && r1Sends > 0;
      },
    },
    {
      kind: 'narrate',
      cue: RELOAD,
      router: 'R2',
      text: 'R2 is reloading and its tables are empty. R1 still shows IKE QM_IDLE and an ACTIVE SA pair, and its #pkts encaps keeps climbing: the sender looks healthy.',
      speed: 5,
    },
    {
      kind: 'narrate',
      cue: BOOT,
      router: 'R2',
      hold: true,
      text: 'R2 has just rebooted: look at its SA table. No IKE SA, no IPsec SA for R1 — and R1 does not know.',
      cites: [{ source: 'tn-115801', notes: '1.1' }],
    },
    {
      kind: 'predict',
      cue: { ...STALE_ESP_DROP, offsetMs: -10 },
      focus: 'topology',
      speed: 1,
      question:
        'An ESP packet with R1’s old SPI is about to reach R2. R2 has no SA with that SPI. What does R2 do?',
      choices: [
        {
          text: 'Decrypts it: the keys are in its configuration.',
          correct: false,
          explanation:
            'The configuration holds the policy, not the keys: SPIs and keys were negotiated by IKE and died with the reload.',
        },
        {
          text: 'Drops it and logs %CRYPTO-4-RECVD_PKT_INV_SPI.',
          correct: true,
          explanation:
            'An ESP packet whose SPI is not in the SADB is dropped and logged, with the SPI in hex and decimal.',
        },
        {
          text: 'Drops it silently.',
          correct: false,
          explanation: 'IOS logs it — but only once a minute for the same flow.',
        },
      ],
      verify: (run) =>
        cueTime(run, STALE_ESP_DROP) !== undefined &&
        cueTime(run, STALE_ESP_DROP) === cueTime(run, INV_SPI),
    },
    {
      kind: 'narrate',
      cue: INV_SPI,
      focus: 'log',
      hold: true,
      text: 'R2 drops it and logs %CRYPTO-4-RECVD_PKT_INV_SPI. It would tell R1 with a DELETE notify, but it has no IKE SA to send it over: "ignoring request to send delete notify (no ISAKMP sa)".',
      cites: [
        { source: 'tn-115801', notes: '1.2' },
        { source: 'cg-invalid-spi-recovery', notes: '1.2' },
      ],
    },
    {
      kind: 'predict',
      cue: { ...INV_SPI, offsetMs: 2000 },
      speed: 25,
      question:
        'R2’s static crypto map names R1 as its peer. Will R2 start IKE toward R1 to repair the tunnel?',
      choices: [
        {
          text: 'Yes, at once: it knows its peer.',
          correct: false,
          explanation:
            'Knowing the peer is not enough: IOS starts IKE on an invalid SPI only with `crypto isakmp invalid-spi-recovery`, which is off by default.',
        },
        {
          text: 'No: without the recovery command it only drops and logs.',
          correct: true,
          explanation:
            'R2 never sends MM1 in this run. The stale packets carry echo requests, so R2 never has return traffic that would make it start IKE itself.',
        },
      ],
      verify: (run) =>
        !happens(run, {
          on: 'packet',
          node: 'R2',
          match: '^sent MM1$',
          afterMs: cueTime(run, RELOAD) ?? 0,
        }),
    },
    {
      kind: 'narrate',
      cue: { ...INV_SPI, nth: 2 },
      focus: 'health',
      text: 'A minute later: still no IKE, one more syslog line. The message is rate-limited to one a minute per flow, so the log looks calm while every ping is lost.',
      cites: [{ source: 'tn-115801', notes: '0.1' }],
    },
    {
      kind: 'narrate',
      cue: { ...INV_SPI, nth: 4 },
      router: 'R1',
      hold: true,
      show: staleTables('R1', 'R2'),
      text: 'Nothing heals. Side by side: R1 shows QM_IDLE and its encaps climbing, R2 no SA for R1 at all. Fixes: `clear crypto isakmp` on R1, DPD on R1, or `crypto isakmp invalid-spi-recovery` on R2.',
      cites: [{ source: 'tn-115801', notes: '1.3' }],
      simplified: 'staleRekey',
    },
    {
      kind: 'playground',
      text: 'Free play on the same two routers. Every control is on: remedies in the router panels, reloads and link breaks in the topology menus.',
      tryThis: [
        'Select R2 and tick `crypto isakmp invalid-spi-recovery`, then move the cursor back to 2:00 and play.',
        'Give R1 `crypto isakmp keepalive 60 2` instead, and time how long the outage lasts.',
        'At 3:00, run `clear crypto sa` on R1 and watch the next ping.',
      ],
    },
  ],
};
