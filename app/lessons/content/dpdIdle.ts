// On-demand vs periodic DPD on an idle tunnel (ios-behavior.md 7.4.8): two lessons, one per
// preset, told the same way so that they can be compared.

import { countOf, cueTime } from '../cue';
import type { Cue, Lesson } from '../types';

const PINGS_STOP: Cue = { on: 'fault', match: '^traffic-stop lan1-to-lan2' };
const LINK_DOWN: Cue = { on: 'fault', match: '^link-down R2-ISP' };
const USER_BACK: Cue = { on: 'fault', match: '^traffic-start lan1-to-lan3' };
const RU_THERE: Cue = { on: 'packet', node: 'R1', match: '^sent R-U-THERE$' };
const DEAD: Cue = { on: 'state', node: 'R1', peer: '20.1.1.2', match: '^dpd dead$' };

export const dpdOnDemand: Lesson = {
  id: 'dpd-on-demand',
  title: 'On-demand DPD on an idle tunnel',
  goal: 'See that on-demand DPD never probes an idle tunnel, so a dead peer is found only when users send again.',
  presetId: 'dpd-idle-on-demand',
  notesScenario: '7.4.8',
  group: 'dpd-idle',
  focus: 'routers',
  steps: [
    {
      kind: 'narrate',
      cue: PINGS_STOP,
      router: 'R1',
      speed: 5,
      text: 'The users stop sending at 1:00: the tunnel is idle but up. R1 runs on-demand DPD, `crypto isakmp keepalive 60 2`, with R3 as backup peer.',
      cites: [{ source: 'cg-dpd-periodic', notes: '2.1' }],
    },
    {
      kind: 'predict',
      cue: { ...LINK_DOWN, offsetMs: 1000 },
      focus: 'topology',
      speed: 25,
      question:
        'R2’s link failed at 1:30, and nobody is sending. When will R1’s on-demand DPD notice?',
      choices: [
        {
          text: 'Within about 70 s of the failure.',
          correct: false,
          explanation:
            'That is periodic DPD. On-demand DPD sends R-U-THERE only when it has traffic for the peer.',
        },
        {
          text: 'Only when someone sends again.',
          correct: true,
          explanation:
            'With no outbound traffic no R-U-THERE is ever sent, and the tunnel looks up.',
        },
      ],
      verify: (run) =>
        cueTime(run, { ...RU_THERE, afterMs: cueTime(run, LINK_DOWN) ?? 0 }) ===
        cueTime(run, USER_BACK),
    },
    {
      kind: 'narrate',
      cue: { on: 'state', node: 'R1', match: '^dpd worried$' },
      hold: true,
      text: 'R1 has heard nothing for 60 s — but it has nothing to send either, so DPD stays silent. The tunnel still looks up: QM_IDLE, ACTIVE.',
      cites: [{ source: 'cg-dpd-periodic', notes: '2.1' }],
    },
    {
      kind: 'narrate',
      cue: USER_BACK,
      focus: 'topology',
      speed: 1,
      text: 'At 5:00 a user sends again. Now R1 has traffic and has heard nothing for minutes: R-U-THERE goes out at once.',
      cites: [{ source: 'rfc3706', notes: '2.2' }],
    },
    {
      kind: 'narrate',
      cue: DEAD,
      router: 'R1',
      hold: true,
      text: 'Declared dead 12 s later, after five retransmissions; R1 fails over to 30.1.1.3.',
      cites: [{ source: 'cg-preferred-peer', notes: '2.3' }],
    },
    {
      kind: 'narrate',
      cue: { on: 'ping', match: '^lan1-to-lan3 #\\d+ ok$' },
      focus: 'health',
      hold: true,
      text: 'The returning user paid for the detection with the first pings — time that periodic DPD would have spent while nobody was sending.',
    },
    {
      kind: 'playground',
      text: 'Free play on the same three routers, with every control on.',
      tryThis: [
        'Switch R1’s DPD mode to periodic and play the idle stretch again.',
        'Stop the traffic later, after the failure: what changes?',
      ],
    },
  ],
};

export const dpdPeriodic: Lesson = {
  id: 'dpd-periodic',
  title: 'Periodic DPD on an idle tunnel',
  goal: 'See that periodic DPD finds a dead peer within about 70 s even when nobody sends, and what it costs.',
  presetId: 'dpd-idle-periodic',
  notesScenario: '7.4.8',
  group: 'dpd-idle',
  focus: 'routers',
  steps: [
    {
      kind: 'narrate',
      cue: { ...RU_THERE, offsetMs: -2000 },
      router: 'R1',
      speed: 1,
      text: 'The same idle tunnel, with `crypto isakmp keepalive 60 2 periodic`: R1 sends R-U-THERE every 60 s, whatever the traffic, and R2 answers R-U-THERE-ACK.',
      cites: [{ source: 'cg-dpd-periodic', notes: '2.1' }],
    },
    {
      kind: 'predict',
      cue: { ...LINK_DOWN, offsetMs: 1000 },
      focus: 'topology',
      speed: 10,
      question: 'R2’s link failed at 1:30 and nobody is sending. When will R1 find out this time?',
      choices: [
        {
          text: 'Only when someone sends again.',
          correct: false,
          explanation: 'That is on-demand DPD. Periodic DPD probes whatever the traffic.',
        },
        {
          text: 'At its next periodic R-U-THERE plus five retries: within about 70 s.',
          correct: true,
          explanation:
            'The next probe goes unanswered, five retransmissions follow 2 s apart, and R2 is dead.',
        },
        {
          text: 'At its next R-U-THERE plus 2 retries: the `2` of the keepalive command.',
          correct: false,
          explanation:
            'The `2` is the retry interval in seconds, not a count: five retransmissions follow.',
        },
      ],
      verify: (run) => {
        const downAt = cueTime(run, LINK_DOWN) ?? 0;
        const deadAt = cueTime(run, DEAD);
        return (
          deadAt !== undefined &&
          countOf(run, { ...RU_THERE, afterMs: deadAt - 12_001 }, deadAt) === 6 &&
          deadAt - downAt <= 72_000 &&
          deadAt < (cueTime(run, USER_BACK) ?? 0)
        );
      },
    },
    {
      kind: 'narrate',
      cue: { ...RU_THERE, afterMs: 90_000 },
      speed: 1,
      text: 'The next periodic R-U-THERE finds no one; the retransmissions follow, 2 s apart.',
      cites: [{ source: 'rfc3706', notes: '2.2' }],
    },
    {
      kind: 'narrate',
      cue: DEAD,
      router: 'R1',
      hold: true,
      text: 'Declared dead at about 2:17, while the tunnel is idle: R1 deletes the SAs before anyone needs them.',
    },
    {
      kind: 'narrate',
      cue: { ...USER_BACK, offsetMs: 100 },
      focus: 'topology',
      speed: 1,
      text: 'At 5:00 the first packet goes straight to the backup 30.1.1.3: only the echo spent on the bring-up is lost.',
      cites: [{ source: 'cg-preferred-peer', notes: '2.3' }],
    },
    {
      kind: 'narrate',
      cue: { on: 'ping', match: '^lan1-to-lan3 #\\d+ ok$' },
      focus: 'health',
      hold: true,
      text: 'The price: a probe every 60 s to every peer. Cisco warns that periodic DPD costs more overhead when there are many peers.',
      cites: [{ source: 'cg-dpd-periodic', notes: '2.1' }],
    },
    {
      kind: 'playground',
      text: 'Free play on the same three routers, with every control on.',
      tryThis: [
        'Switch R1 back to on-demand and compare the first pings at 5:00.',
        'Try `crypto isakmp keepalive 10 2 periodic`: how fast is detection now?',
      ],
    },
  ],
};
