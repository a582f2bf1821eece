import { countOf, cueRecord, cueTime } from '../cue';
import type { Cue, Lesson } from '../types';

const LINK_DOWN: Cue = { on: 'fault', match: '^link-down R2-ISP' };
const RU_THERE: Cue = { on: 'packet', node: 'R1', match: '^sent R-U-THERE$' };
const DEAD: Cue = { on: 'state', node: 'R1', peer: '20.1.1.2', match: '^dpd dead$' };
const MM1_AFTER_FAILURE: Cue = { on: 'packet', node: 'R1', match: '^sent MM1$', afterMs: 120_000 };
const MM1_TO_BACKUP: Cue = { on: 'packet', node: 'R1', peer: '30.1.1.3', match: '^sent MM1$' };
const MM_GAVE_UP: Cue = { on: 'debug', node: 'R1', match: 'Death by retransmission P1' };

export const dpdBackupPeer: Lesson = {
  id: 'dpd-backup-peer',
  title: 'DPD fails over to a backup peer',
  goal: 'Time DPD’s detection (60 s of worry, then 5 retransmissions 2 s apart), and see what `set peer … default` costs the failover and buys back.',
  presetId: 'dpd-backup-peer',
  notesScenario: '7.4.7',
  group: 'dpd-idle',
  focus: 'routers',
  steps: [
    {
      kind: 'narrate',
      cue: { atMs: 60_000 },
      router: 'R1',
      speed: 5,
      text: 'R1’s crypto map has `set peer 20.1.1.2 default` and `set peer 30.1.1.3`, and R1 runs `crypto isakmp keepalive 60 2` (on-demand DPD). The tunnel runs to R2.',
      cites: [
        { source: 'cg-dpd-periodic', notes: '2.1' },
        { source: 'cg-preferred-peer', notes: '2.3' },
      ],
    },
    {
      kind: 'narrate',
      cue: LINK_DOWN,
      focus: 'topology',
      hold: true,
      text: 'R2’s link fails at 2:00. R1’s users keep sending, and nothing comes back. A second user starts pinging R3’s LAN.',
    },
    {
      kind: 'predict',
      cue: { ...LINK_DOWN, offsetMs: 1000 },
      speed: 10,
      question: 'When will R1 send its first R-U-THERE?',
      choices: [
        {
          text: 'At once.',
          correct: false,
          explanation: 'DPD first waits for its worry interval, 60 s.',
        },
        {
          text: 'About 60 s after it last heard from R2, because it has traffic to send.',
          correct: true,
          explanation:
            'On-demand DPD probes when it has traffic for the peer and has heard nothing for 60 s.',
        },
        {
          text: 'Never: the tunnel still looks up.',
          correct: false,
          explanation: 'That is the idle tunnel of the next lesson; here users keep sending.',
        },
      ],
      verify: (run) => {
        const downAt = cueTime(run, LINK_DOWN) ?? 0;
        const probeAt = cueTime(run, RU_THERE) ?? 0;
        return probeAt - downAt >= 58_000 && probeAt - downAt <= 62_000;
      },
    },
    {
      kind: 'narrate',
      cue: RU_THERE,
      focus: 'topology',
      view: 'statechart',
      chart: 'liveness',
      speed: 1,
      text: 'R-U-THERE, and no answer. R1 retransmits every 2 s: the `2` in `keepalive 60 2` is a retry interval, not a count.',
      cites: [{ source: 'cg-dpd-periodic', notes: '2.1' }],
    },
    {
      kind: 'predict',
      cue: { ...RU_THERE, nth: 2, offsetMs: 500 },
      question:
        'When R1 declares its `default` peer 20.1.1.2 dead, where does its next main mode go?',
      choices: [
        {
          text: 'Straight to 30.1.1.3, the next `set peer`.',
          correct: false,
          explanation: 'That is failover without `default`.',
        },
        {
          text: 'To 20.1.1.2 again, and to 30.1.1.3 only when that main mode times out.',
          correct: true,
          explanation:
            'DPD resets the peer list: the default peer is tried next, even one that just died.',
        },
        {
          text: 'Nowhere until R2 is back.',
          correct: false,
          explanation: 'That is what a crypto map with a single peer would do.',
        },
      ],
      verify: (run) => {
        const next = cueRecord(run, MM1_AFTER_FAILURE);
        const deadAt = cueTime(run, DEAD);
        const backupAt = cueTime(run, MM1_TO_BACKUP);
        return (
          next?.kind === 'packet' &&
          next.dst === '20.1.1.2' &&
          deadAt !== undefined &&
          backupAt !== undefined &&
          backupAt - deadAt >= 55_000 &&
          countOf(run, { ...RU_THERE, afterMs: cueTime(run, LINK_DOWN) ?? 0 }, deadAt) === 6
        );
      },
      cites: [{ source: 'cg-preferred-peer', notes: '2.3' }],
      simplified: 'peerOrder',
    },
    {
      kind: 'narrate',
      cue: DEAD,
      router: 'R1',
      hold: true,
      text: 'Five retransmissions unanswered: R1 declares 20.1.1.2 dead and deletes its IKE and IPsec SAs for it (“Crypto tunnel is DOWN”). DPD resets the peer list, so R1 dials the default peer again.',
      cites: [
        { source: 'rfc3706', notes: '2.2' },
        { source: 'cg-preferred-peer', notes: '2.3' },
      ],
    },
    {
      kind: 'narrate',
      cue: MM_GAVE_UP,
      focus: 'topology',
      hold: true,
      text: 'Main mode to 20.1.1.2 went unanswered for a minute, six MM1s 10 s apart: “Death by retransmission P1”. Only now does R1 send MM1 to 30.1.1.3.',
      simplified: 'ikeRetransmit',
    },
    {
      kind: 'narrate',
      cue: { on: 'ping', match: '^lan1-to-lan3 #\\d+ ok$' },
      focus: 'health',
      hold: true,
      text: 'Pings to R3’s LAN answer about a minute later than without `default`: slower failover. In return the default peer is tried first at every new attempt, so R1 returns to R2 as soon as R2 answers.',
      cites: [{ source: 'cg-preferred-peer', notes: '2.3' }],
      simplified: 'peerOrder',
    },
    {
      kind: 'playground',
      text: 'Free play on the same three routers, with every control on.',
      tryThis: [
        'Remove `default` from R1’s first `set peer` and compare how soon R3’s LAN answers.',
        'Restore R2’s link: does R1 go back to R2 by itself? (The idle-timer lessons answer it.)',
        'Change R1’s DPD to `60 2 periodic` and compare the detection time.',
      ],
    },
  ],
};
