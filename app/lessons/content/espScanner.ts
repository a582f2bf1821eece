import { cueRecords, cueTime, type RecordCue } from '../cue';
import type { Lesson } from '../types';

/** When the scanner starts writing R1's address as its source (the preset's second flow). */
export const SPOOF_FROM_MS = 90_000;

export const OWN_DROP: RecordCue = { on: 'packet', node: 'R2', match: '^dropped esp: invalid SPI' };
export const INV_SPI: RecordCue = { on: 'syslog', node: 'R2', match: 'RECVD_PKT_INV_SPI' };
export const SPOOF_DROP: RecordCue = { ...OWN_DROP, afterMs: SPOOF_FROM_MS };
export const R2_MM1: RecordCue = { on: 'packet', node: 'R2', match: '^sent MM1$' };
export const R1_IKE_UP: RecordCue = { on: 'state', node: 'R1', match: '^ike QM_IDLE$' };
export const R2_DELETE: RecordCue = { on: 'packet', node: 'R2', match: '^sent DELETE$' };
export const R1_DELETE_IN: RecordCue = {
  on: 'debug',
  node: 'R1',
  match: 'processing DELETE payload',
};

export const espScanner: Lesson = {
  id: 'esp-scanner',
  title: 'Why invalid-SPI recovery is off by default',
  goal: 'Explain what `crypto isakmp invalid-spi-recovery` lets a stranger make a router do, and why the command is not on by default.',
  presetId: 'esp-scanner',
  notesScenario: '7.4.3',
  group: 'black-hole',
  tableRows: ['static-map'],
  focus: 'log',
  steps: [
    {
      kind: 'narrate',
      cue: { ...OWN_DROP, offsetMs: -3000 },
      speed: 2,
      text: 'R2 has `crypto isakmp invalid-spi-recovery`, and no tunnel is up. A scanner on the internet, at 203.0.113.66, sends R2 an ESP packet with a random SPI every 10 s.',
      cites: [{ source: 'cg-invalid-spi-recovery', notes: '1.3' }],
    },
    {
      kind: 'predict',
      cue: { ...OWN_DROP, offsetMs: -10 },
      focus: 'topology',
      speed: 1,
      question: 'The scanner’s first packet is about to reach R2. Recovery is on. What does R2 do?',
      choices: [
        {
          text: 'Drop it, log it, and start Main Mode toward 203.0.113.66 to send a DELETE notify.',
          correct: false,
          explanation:
            'Recovery calls only a peer R2’s configuration names; no crypto map names 203.0.113.66.',
        },
        {
          text: 'Drop it, log %CRYPTO-4-RECVD_PKT_INV_SPI, and nothing more.',
          correct: true,
          explanation:
            'With no IKE SA to the sender and nobody to call, IOS can only drop and log: "ignoring request to send delete notify (no ISAKMP sa)".',
        },
      ],
      verify: (run) => {
        const dropAt = cueTime(run, OWN_DROP);
        const mm1At = cueTime(run, R2_MM1);
        return (
          dropAt !== undefined &&
          cueTime(run, INV_SPI) === dropAt &&
          mm1At !== undefined &&
          mm1At >= SPOOF_FROM_MS
        );
      },
      simplified: 'recoveryStranger',
    },
    {
      kind: 'narrate',
      cue: { ...INV_SPI, nth: 2 },
      text: 'Ten seconds later, another line: the message is rate-limited per SPI, and each scanner packet carries a new one, so every packet is logged. The scanner gets nothing else from R2.',
      simplified: 'recoveryStranger',
    },
    {
      kind: 'predict',
      cue: { ...SPOOF_DROP, offsetMs: -10 },
      focus: 'topology',
      question:
        'From 1:30 the scanner writes R1’s address, 10.1.1.1, as the source of its packets. R2 has no IKE SA with R1. What does R2 do with the first one?',
      choices: [
        {
          text: 'Drop and log only: the packet does not come from R1.',
          correct: false,
          explanation:
            'R2 cannot tell: all it sees is an ESP packet from 10.1.1.1, the peer its crypto map names.',
        },
        {
          text: 'Drop, log, and start Main Mode toward 10.1.1.1, the real R1.',
          correct: true,
          explanation:
            'Exactly what recovery does for a rebooted peer: IKE goes to the address in the packet, and the real R1 answers.',
        },
        {
          text: 'Drop, log, and start Main Mode toward the scanner.',
          correct: false,
          explanation:
            'IKE goes to the source address the packet carries; R2 never learns where the scanner is.',
        },
      ],
      verify: (run) => {
        const mm1 = cueRecords(run, R2_MM1);
        return (
          mm1.length === 1 &&
          mm1[0]?.kind === 'packet' &&
          mm1[0].dst === '10.1.1.1' &&
          mm1[0].atMs === cueTime(run, SPOOF_DROP)
        );
      },
    },
    {
      kind: 'narrate',
      cue: R1_IKE_UP,
      router: 'R1',
      hold: true,
      text: 'R1 answered every message: its own crypto map names R2. R1 now holds an IKE SA with R2 in QM_IDLE that nobody on either side asked for, started by a stranger’s packet.',
      cites: [{ source: 'tn-115801', notes: '1.3' }],
    },
    {
      kind: 'predict',
      cue: { ...R2_DELETE, offsetMs: -1 },
      question:
        'Over the new IKE SA R2 sends a DELETE notify naming the scanner’s random SPI. What does R1 do with it?',
      choices: [
        {
          text: 'Deletes its IPsec SAs with R2.',
          correct: false,
          explanation: 'A DELETE names SPIs; R1 has no SA with that SPI, or with R2 at all.',
        },
        {
          text: 'Processes it and finds nothing to delete.',
          correct: true,
          explanation:
            'R1 logs "processing DELETE payload" and nothing changes: the SPI was never one of its own.',
        },
      ],
      verify: (run) => {
        const deleteAt = cueTime(run, R1_DELETE_IN);
        const r1SaChanges = run.records.filter(
          (r) => r.kind === 'sa' && r.node === 'R1' && r.atMs >= SPOOF_FROM_MS,
        );
        return deleteAt !== undefined && r1SaChanges.length === 0;
      },
    },
    {
      kind: 'predict',
      cue: { ...SPOOF_DROP, nth: 2, offsetMs: -10 },
      question: 'The next forged packet, 10 s later. Does R2 run Main Mode again?',
      choices: [
        {
          text: 'Yes: every invalid SPI starts a new Main Mode.',
          correct: false,
          explanation: 'Main Mode runs only when R2 has no IKE SA with the sender; now it has one.',
        },
        {
          text: 'No: it sends the DELETE notify at once over the IKE SA it has.',
          correct: true,
          explanation:
            'With an IKE SA to the sender IOS always sends the DELETE, command or not: one more exchange per forged packet.',
        },
      ],
      verify: (run) => {
        const second = cueTime(run, { ...SPOOF_DROP, nth: 2 });
        return (
          second !== undefined &&
          cueRecords(run, R2_MM1).length === 1 &&
          cueTime(run, { ...R2_DELETE, nth: 2 }) === second
        );
      },
      cites: [{ source: 'tn-115801', notes: '1.2' }],
    },
    {
      kind: 'narrate',
      cue: { ...R2_DELETE, nth: 2 },
      hold: true,
      text: 'That is the cost: anyone who can forge a peer’s address makes R2 build an IKE SA and send a DELETE for every packet. Without the command R2 would only log. Cisco leaves the feature off by default because it can be abused for denial of service.',
      cites: [{ source: 'cg-invalid-spi-recovery', notes: '1.3' }],
      simplified: 'recoveryStranger',
    },
    {
      kind: 'playground',
      text: 'Free play with the scanner and both routers.',
      tryThis: [
        'Untick `crypto isakmp invalid-spi-recovery` on R2: the forged packets are only logged.',
        'Add pings between the LANs from 0:05: with the tunnel up, what do the forged packets cost?',
      ],
    },
  ],
};
