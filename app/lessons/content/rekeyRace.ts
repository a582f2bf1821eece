import type { Run } from '../../sim/run';
import { cueRecord, cueTime, type RecordCue } from '../cue';
import type { Cue, Lesson } from '../types';

const R1_REKEY: Cue = { on: 'packet', node: 'R1', match: '^sent QM1$', nth: 2 };
const R1_SECOND_REKEY: Cue = { ...R1_REKEY, nth: 3 };
const R1_NEW_OUTBOUND: RecordCue = { on: 'sa', node: 'R1', match: '^installed outbound', nth: 2 };
const RACE_DROP: Cue = { on: 'packet', node: 'R2', match: 'not yet programmed' };
const INV_SPI: Cue = { on: 'syslog', node: 'R2', match: 'RECVD_PKT_INV_SPI' };
const NEXT_OK_PING: Cue = { on: 'ping', match: '^lan1-to-lan2 #\\d+ ok$', afterMs: 93_100 };
const EXPIRY_DELETE: Cue = { on: 'packet', node: 'R1', match: '^sent DELETE$' };

const MINUTE_MS = 60_000;

/** R2's RECVD_PKT_INV_SPI lines in [fromMs, toMs], as their SPIs ("0x8C2D5844"). */
function invalidSpis(run: Run, fromMs: number, toMs: number): string[] {
  return run.records.flatMap((r) =>
    r.kind === 'syslog' && r.node === 'R2' && r.atMs >= fromMs && r.atMs <= toMs
      ? (/RECVD_PKT_INV_SPI: .* spi=(0x[0-9A-F]{8})/.exec(r.text)?.[1] ?? [])
      : [],
  );
}

/** The SPI of R1's nth outbound SA (1: bring-up, 2: first rekey, …). */
function r1OutboundSpi(run: Run, nth: number): string | undefined {
  const record = cueRecord(run, { ...R1_NEW_OUTBOUND, nth });
  return record?.kind === 'sa' ? record.spi : undefined;
}

export const rekeyRace: Lesson = {
  id: 'rekey-race',
  title: 'Rekey race: a harmless invalid SPI',
  goal: 'Tell a one-off %CRYPTO-4-RECVD_PKT_INV_SPI from a rekey race apart from one that repeats: once is transient, persistent means out of sync.',
  presetId: 'rekey-race',
  notesScenario: '7.4.11',
  group: 'black-hole',
  focus: 'log',
  steps: [
    {
      kind: 'narrate',
      cue: { atMs: 60_000 },
      focus: 'routers',
      speed: 5,
      text: 'A healthy tunnel with the shortest IPsec lifetime IOS accepts, 120 s. The pings keep it busy, so R1, which started the first quick mode, rekeys 30 s before the lifetime ends.',
      cites: [{ source: 'cg-security-lifetimes', notes: '8.9' }],
    },
    {
      kind: 'narrate',
      cue: R1_REKEY,
      focus: 'topology',
      speed: 0.1,
      text: 'R1 starts quick mode under the same IKE SA. R2 installs its new inbound SA before it answers QM2; R1 installs its new pair when QM2 arrives and encrypts with the new SPI at once.',
      cites: [{ source: 'tn-115801', notes: '1.1' }],
    },
    {
      kind: 'narrate',
      cue: RACE_DROP,
      router: 'R2',
      text: 'R1’s next ping reaches R2 while R2’s crypto engine is still programming that SA: R2 drops it as an invalid SPI and logs %CRYPTO-4-RECVD_PKT_INV_SPI with R1’s new SPI.',
      cites: [{ source: 'tn-115801', notes: '1.1' }],
      simplified: 'saProgramming',
    },
    {
      kind: 'predict',
      cue: INV_SPI,
      question:
        'R2 just logged RECVD_PKT_INV_SPI for R1’s new SPI. What happens in the next minute?',
      choices: [
        {
          text: 'R2 sends a DELETE notify for that SPI, and R1 tears down the new SA pair.',
          correct: false,
          explanation:
            'The DELETE rule is for an SPI with no SA. This SPI has one, installed a moment ago: one lost packet, no DELETE.',
        },
        {
          text: 'The next ping is answered, and no second line is logged for that SPI.',
          correct: true,
          explanation:
            'One ping was lost in the race. A second later R2 decrypts with the new SA like with any other.',
        },
        {
          text: 'The line repeats once a minute and the pings fail until something repairs the SAs.',
          correct: false,
          explanation:
            'That is the black hole, where R2 has no inbound SA at all. Here the SA exists and is ready a second later.',
        },
      ],
      verify: (run) => {
        const atMs = cueTime(run, INV_SPI) ?? 0;
        const untilMs = atMs + MINUTE_MS;
        const spi = r1OutboundSpi(run, 2);
        const deleted = run.records.some(
          (r) =>
            r.kind === 'packet' &&
            r.event === 'sent' &&
            r.msg === 'DELETE' &&
            r.deleteSpi === spi &&
            r.atMs >= atMs &&
            r.atMs <= untilMs,
        );
        const lost = run.records.filter(
          (r) => r.kind === 'ping' && r.result === 'lost' && r.atMs >= atMs && r.atMs <= untilMs,
        );
        return (
          invalidSpis(run, atMs, untilMs).join() === spi &&
          !deleted &&
          lost.length === 1 &&
          (cueTime(run, NEXT_OK_PING) ?? untilMs) < atMs + 2_000
        );
      },
    },
    {
      kind: 'narrate',
      cue: NEXT_OK_PING,
      focus: 'health',
      speed: 5,
      text: 'The next ping is answered: one echo lost, one log line, no DELETE notify, as Cisco describes the race. Inferred, simplified: the DELETE rule covers an SPI with no SA; this SA existed and its crypto engine entry was a moment late.',
      cites: [{ source: 'tn-115801', notes: '1.1' }],
      simplified: 'saProgramming',
    },
    {
      kind: 'narrate',
      cue: EXPIRY_DELETE,
      text: 'At 2:02.7 the old pair’s 120 s run out. Both routers delete it and send a DELETE notify for it: routine, not the race.',
      simplified: 'expiryDelete',
    },
    {
      kind: 'predict',
      cue: { ...R1_SECOND_REKEY, offsetMs: -1000 },
      question: 'At 3:02.7 R1 rekeys again. What will R2 log this time?',
      choices: [
        {
          text: 'One RECVD_PKT_INV_SPI, for the newest SPI: the same harmless race.',
          correct: true,
          explanation: 'Each rekey races once, with its own new SPI. No SPI ever appears twice.',
        },
        {
          text: 'Nothing: the routers learned from the first race.',
          correct: false,
          explanation:
            'Nothing changed: R1 still encrypts the moment QM2 arrives, and R2’s engine still needs its second.',
        },
        {
          text: 'A line for the first rekey’s SPI again.',
          correct: false,
          explanation:
            'R2 has decrypted with that SPI since 1:33.7. A repeat for the same SPI would mean the SAs are out of sync.',
        },
      ],
      verify: (run) => {
        const atMs = cueTime(run, R1_SECOND_REKEY) ?? 0;
        return (
          invalidSpis(run, atMs, atMs + MINUTE_MS).join() === r1OutboundSpi(run, 3) &&
          new Set(invalidSpis(run, 0, run.durationMs)).size ===
            invalidSpis(run, 0, run.durationMs).length
        );
      },
    },
    {
      kind: 'narrate',
      cue: { ...INV_SPI, nth: 2 },
      hold: true,
      text: 'One line per rekey, each for a new SPI. Once is transient: a peer used the new SA slightly early. A line that repeats for the same SPI means the SAs are out of sync, as in the black hole.',
      cites: [{ source: 'tn-115801', notes: '7.4.11' }],
    },
    {
      kind: 'playground',
      text: 'Free play on the same two routers, with every control on.',
      tryThis: [
        'Move the cursor to 1:40 and reload R2: from 2:10 the line names the same SPI once a minute, the out-of-sync case.',
        'Open the black-hole lesson and compare: there the same SPI comes back every minute.',
      ],
    },
  ],
};
