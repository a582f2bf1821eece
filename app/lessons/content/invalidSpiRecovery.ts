import { cueTime, happens } from '../cue';
import type { Cue, Lesson } from '../types';

const RELOAD: Cue = { on: 'fault', node: 'R2', match: '^reload R2' };
const BOOT: Cue = { on: 'fault', node: 'R2', match: '^boot R2' };
const STALE_ESP_DROP: Cue = { on: 'packet', node: 'R2', match: '^dropped esp: invalid SPI' };
const INV_SPI: Cue = { on: 'syslog', node: 'R2', match: 'RECVD_PKT_INV_SPI' };
const R2_MM1: Cue = { on: 'packet', node: 'R2', match: '^sent MM1$', afterMs: 120_000 };
const R2_MM5: Cue = { on: 'packet', node: 'R2', match: '^sent MM5$', afterMs: 120_000 };
const R1_IC_DELETE: Cue = { on: 'sa', node: 'R1', match: '^deleted .*initial-contact' };
const R2_DELETE: Cue = { on: 'packet', node: 'R2', match: '^sent DELETE$' };
const R1_DELETE_IN: Cue = { on: 'packet', node: 'R1', match: '^delivered DELETE$' };
const R1_QM1: Cue = { on: 'packet', node: 'R1', match: '^sent QM1$', afterMs: 120_000 };

export const invalidSpiRecovery: Lesson = {
  id: 'invalid-spi-recovery',
  title: 'R2 reloads with invalid-SPI recovery',
  goal: 'Explain how `crypto isakmp invalid-spi-recovery` turns the black hole into a few seconds of loss, and what INITIAL-CONTACT does.',
  presetId: 'reload-invalid-spi-recovery',
  notesScenario: '7.4.3',
  group: 'black-hole',
  tableRows: ['static-map'],
  focus: 'routers',
  steps: [
    {
      kind: 'narrate',
      cue: { ...RELOAD, offsetMs: -5000 },
      speed: 5,
      text: 'The same reload as the black hole, with one difference: R2’s startup-config has `crypto isakmp invalid-spi-recovery`.',
      cites: [
        { source: 'tn-115801', notes: '1.3' },
        { source: 'cg-invalid-spi-recovery', notes: '1.3' },
      ],
    },
    {
      kind: 'narrate',
      cue: BOOT,
      router: 'R2',
      hold: true,
      text: 'R2 has just rebooted with empty SA tables, and R1 still encrypts with its old SPI.',
    },
    {
      kind: 'predict',
      cue: { ...STALE_ESP_DROP, offsetMs: -10 },
      focus: 'topology',
      speed: 1,
      question: 'R1’s stale ESP packet is about to reach R2. What will R2 do this time?',
      choices: [
        {
          text: 'Drop it, log it, and nothing else.',
          correct: false,
          explanation: 'That was the black hole, without the command.',
        },
        {
          text: 'Drop it, log it, and start Main Mode toward R1 as initiator.',
          correct: true,
          explanation:
            'With the command and no IKE SA toward the sender, IOS builds a new IKE SA so that it can send the DELETE notify.',
        },
        {
          text: 'Decrypt it: the command lets R2 accept the old SPI.',
          correct: false,
          explanation:
            'Nothing can decrypt it: the keys are gone. The command only repairs the state.',
        },
      ],
      verify: (run) =>
        cueTime(run, R2_MM1) !== undefined && cueTime(run, R2_MM1) === cueTime(run, INV_SPI),
    },
    {
      kind: 'narrate',
      cue: R2_MM1,
      text: 'The same %CRYPTO-4-RECVD_PKT_INV_SPI, and then R2 starts Main Mode as initiator. It knows whom to call: its static crypto map names 10.1.1.1.',
      cites: [{ source: 'tn-115801', notes: '1.6' }],
    },
    {
      kind: 'predict',
      cue: R2_MM5,
      question:
        'R2’s MM5 carries INITIAL-CONTACT: "I have no state for you". What does R1 do with its old IKE and IPsec SAs for R2?',
      choices: [
        {
          text: 'Keeps them until they expire.',
          correct: false,
          explanation: 'INITIAL-CONTACT exists precisely so that the peer drops stale state.',
        },
        {
          text: 'Deletes them at once, before any DELETE notify arrives.',
          correct: true,
          explanation:
            '"Process initial contact, bring down existing phase 1 and 2 SA\'s": R1 tears them down when it processes MM5.',
        },
        {
          text: 'Waits for R2’s DELETE notify to remove them.',
          correct: false,
          explanation:
            'The DELETE comes later, and by then there is nothing left for it to remove.',
        },
      ],
      verify: (run) => {
        const icAt = cueTime(run, R1_IC_DELETE);
        const deleteAt = cueTime(run, R1_DELETE_IN);
        return icAt !== undefined && deleteAt !== undefined && icAt < deleteAt;
      },
    },
    {
      kind: 'narrate',
      cue: R1_IC_DELETE,
      router: 'R1',
      hold: true,
      text: 'R1 processed the initial contact and dropped its stale SAs for R2. Both routers now share a new IKE SA in QM_IDLE — the one R2 built.',
      cites: [{ source: 'rfc2407' }],
    },
    {
      kind: 'narrate',
      cue: R2_DELETE,
      focus: 'log',
      text: 'Then R2 sends the DELETE notify for the stale SPI over the new IKE SA. R1 logs "processing DELETE payload", but there is nothing left to delete.',
      cites: [{ source: 'rfc2408', notes: '1.4' }],
    },
    {
      kind: 'predict',
      cue: { ...R1_QM1, offsetMs: -500 },
      focus: 'topology',
      question: 'R1’s next ping needs a new SA pair. Which exchange will carry it?',
      choices: [
        {
          text: 'A full Main Mode, then Quick Mode.',
          correct: false,
          explanation: 'R1 already has an IKE SA: the one R2 just built.',
        },
        {
          text: 'Quick Mode only, started by R1 over the IKE SA that R2 built.',
          correct: true,
          explanation:
            'R1 has the traffic, so R1 is the Quick Mode initiator; no new Main Mode is needed.',
        },
        {
          text: 'Quick Mode started by R2.',
          correct: false,
          explanation: 'R2 has no traffic for R1: the echo requests come from R1’s LAN.',
        },
      ],
      verify: (run) => {
        const qmAt = cueTime(run, R1_QM1);
        return (
          qmAt !== undefined &&
          !happens(run, { on: 'packet', node: 'R1', match: '^sent MM1$', afterMs: 120_000 })
        );
      },
    },
    {
      kind: 'narrate',
      cue: { on: 'ping', match: 'ok$', afterMs: 150_000 },
      focus: 'health',
      hold: true,
      text: 'New SPIs, and the pings answer again: the outage is the reload plus about one ping. R2’s IKE SA stays in QM_IDLE.',
    },
    {
      kind: 'playground',
      text: 'Free play on the same two routers, with every control on.',
      tryThis: [
        'Untick `crypto isakmp invalid-spi-recovery` on R2 and watch the black hole come back.',
        'Reload R1 instead of R2: does R1 need the command, or does R1’s own traffic repair things?',
      ],
    },
  ],
};
