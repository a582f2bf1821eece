// The IPsec SA idle timer (ios-behavior.md 7.4.9), and its `default` keyword that returns to the
// preferred peer after a failover (7.4.10).

import type { Run } from '../../sim/run';
import { countOf, cueRecord, cueTime, happens } from '../cue';
import type { Cue, Lesson } from '../types';

const PINGS_STOP: Cue = { on: 'fault', match: '^traffic-stop lan1-to-lan2' };
const PINGS_START: Cue = { on: 'fault', match: '^traffic-start lan1-to-lan2', nth: 2 };
const IDLE_DELETE: Cue = { on: 'sa', node: 'R1', match: '^deleted .*idle' };
const R2_DELETED: Cue = { on: 'sa', node: 'R2', match: '^deleted .*delete-notify' };

/** When R1 last sent or received ESP before `beforeMs`. */
function lastEspAt(run: Run, beforeMs: number): number {
  let last = 0;
  for (const record of run.records) {
    if (record.atMs >= beforeMs) break;
    if (record.kind === 'packet' && record.proto === 'esp' && record.node === 'R1')
      last = record.atMs;
  }
  return last;
}

export const idleTimer: Lesson = {
  id: 'idle-timer',
  title: 'The IPsec SA idle timer',
  goal: 'See what `crypto ipsec security-association idle-time 120` removes, and what the next packet has to rebuild.',
  presetId: 'idle-timer',
  notesScenario: '7.4.9',
  group: 'dpd-idle',
  focus: 'routers',
  steps: [
    {
      kind: 'narrate',
      cue: { ...PINGS_STOP, offsetMs: -3000 },
      router: 'R1',
      speed: 5,
      text: 'R1 has `crypto ipsec security-association idle-time 120`. There is no idle timer by default. The pings stop at 1:00.',
      cites: [{ source: 'cg-idle-timers', notes: '3' }],
    },
    {
      kind: 'predict',
      cue: { ...PINGS_STOP, offsetMs: 1000 },
      speed: 25,
      question: 'Nobody sends any more. What happens to the SA pair?',
      choices: [
        {
          text: 'It stays until its 3600 s lifetime ends.',
          correct: false,
          explanation: 'That is the default, without an idle timer.',
        },
        {
          text: 'After 120 s without traffic R1 deletes it, and tells R2 with a DELETE notify.',
          correct: true,
          explanation: 'The idle timer removes the SAs of an idle peer before their lifetime ends.',
        },
        {
          text: 'It is rekeyed 30 s before its lifetime ends.',
          correct: false,
          explanation:
            'The rekey point is 30 s before the 3600 s lifetime ends; the idle timer deletes the pair long before, 120 s after the last packet.',
        },
      ],
      verify: (run) => {
        const deleted = cueRecord(run, IDLE_DELETE);
        if (deleted === undefined) return false;
        const idleMs = deleted.atMs - lastEspAt(run, deleted.atMs);
        const installed = cueRecord(run, { on: 'sa', node: 'R1', match: '^installed outbound' });
        return (
          installed !== undefined &&
          deleted.atMs - installed.atMs < 3_570_000 &&
          countOf(run, { on: 'packet', node: 'R1', match: '^sent QM1$' }, deleted.atMs) === 1 &&
          idleMs >= 119_000 &&
          idleMs <= 121_000 &&
          cueTime(run, { on: 'packet', node: 'R1', match: '^sent DELETE$' }) === deleted.atMs &&
          happens(run, R2_DELETED)
        );
      },
    },
    {
      kind: 'narrate',
      cue: IDLE_DELETE,
      hold: true,
      text: '120 s idle: R1 deleted its inbound and outbound SAs and sent a DELETE notify, so R2 removed its pair too. It was R1’s last IPsec SA to R2, so R1 deleted the IKE SA as well.',
      cites: [{ source: 'cg-idle-timers', notes: '3' }],
      simplified: 'idleTimer',
    },
    {
      kind: 'predict',
      cue: { ...PINGS_START, offsetMs: -1000 },
      focus: 'topology',
      speed: 1,
      question: 'The pings start again at 6:00. What will the first packet trigger?',
      choices: [
        {
          text: 'Quick Mode only.',
          correct: false,
          explanation: 'R1 deleted its IKE SA along with the last IPsec SA.',
        },
        {
          text: 'A full Main Mode, then Quick Mode, with new SPIs.',
          correct: true,
          explanation: 'Nothing is left on R1: everything is negotiated again.',
        },
      ],
      verify: (run) =>
        cueTime(run, {
          on: 'packet',
          node: 'R1',
          match: '^sent MM1$',
          afterMs: cueTime(run, IDLE_DELETE) ?? 0,
        }) === cueTime(run, PINGS_START),
    },
    {
      kind: 'narrate',
      cue: { on: 'syslog', node: 'R1', match: 'Crypto tunnel is UP', afterMs: 300_000 },
      hold: true,
      text: 'Main Mode and Quick Mode again, with new SPIs. Without the idle timer the idle SA would have stayed until 3600 s and then expired without a rekey.',
      cites: [{ source: 'cg-idle-timers', notes: '3' }],
    },
    {
      kind: 'playground',
      text: 'Free play on the same two routers, with every control on.',
      tryThis: [
        'Remove the idle timer from R1 and compare `show crypto ipsec sa` at 5:00.',
        'Put the idle timer on R2 too: which router expires the pair first?',
      ],
    },
  ],
};

const LINK_DOWN: Cue = { on: 'fault', match: '^link-down R2-ISP' };
const LINK_UP: Cue = { on: 'fault', match: '^link-up R2-ISP' };
const ON_BACKUP: Cue = { on: 'packet', node: 'R1', peer: '30.1.1.3', match: '^sent MM1$' };
const R3_IDLE_DELETE: Cue = { on: 'sa', node: 'R1', peer: '30.1.1.3', match: '^deleted .*idle' };
const R1_MM1_AFTER_IDLE: Cue = { on: 'packet', node: 'R1', match: '^sent MM1$', afterMs: 300_000 };

export const idleDefaultPeer: Lesson = {
  id: 'idle-default-peer',
  title: 'The idle timer returns to the preferred peer',
  goal: 'See how `set security-association idle-time 600 default` sends R1 back to its default peer after a failover.',
  presetId: 'idle-default-peer',
  notesScenario: '7.4.10',
  group: 'dpd-idle',
  focus: 'routers',
  steps: [
    {
      kind: 'narrate',
      cue: LINK_DOWN,
      focus: 'topology',
      speed: 10,
      text: 'R2’s link fails at 1:00, and DPD will move R1 to its backup 30.1.1.3 as in the failover lesson. R1’s crypto map also has `set security-association idle-time 600 default`.',
      cites: [
        { source: 'cg-preferred-peer', notes: '3' },
        { source: 'cg-idle-timers', notes: '3' },
      ],
    },
    {
      kind: 'narrate',
      cue: ON_BACKUP,
      router: 'R1',
      hold: true,
      text: 'R1 is on the backup R3 now. The users stop at 4:00, and R2’s link is repaired at 5:00.',
      cites: [{ source: 'cg-preferred-peer', notes: '2.3' }],
    },
    {
      kind: 'predict',
      cue: { ...LINK_UP, offsetMs: 1000 },
      speed: 50,
      question:
        'Nobody sends until 15:00, so the R3 SAs go idle. When traffic returns, which peer does R1 try first?',
      choices: [
        {
          text: '30.1.1.3: the peer that worked last.',
          correct: false,
          explanation: 'That is what R1 would do without the `default` keyword.',
        },
        {
          text: '20.1.1.2: the idle expiry with `default` resets the peer list.',
          correct: true,
          explanation:
            'When the idle timer expires, the next connection goes to the default (first) peer again.',
        },
      ],
      verify: (run) => {
        const next = cueRecord(run, R1_MM1_AFTER_IDLE);
        const idleAt = cueTime(run, R3_IDLE_DELETE);
        return (
          next?.kind === 'packet' &&
          next.dst === '20.1.1.2' &&
          idleAt !== undefined &&
          idleAt < next.atMs
        );
      },
    },
    {
      kind: 'narrate',
      cue: R3_IDLE_DELETE,
      hold: true,
      text: '600 s without traffic: the R3 SAs are removed and, thanks to `default`, the peer list goes back to 20.1.1.2.',
      cites: [{ source: 'cg-preferred-peer', notes: '3' }],
    },
    {
      kind: 'narrate',
      cue: R1_MM1_AFTER_IDLE,
      focus: 'topology',
      speed: 1,
      text: 'Traffic again at 15:00: R1 dials the default peer first. R2 still held its SAs from before the failure; R1’s INITIAL-CONTACT clears them.',
      cites: [{ source: 'rfc2407' }],
      simplified: 'peerOrder',
    },
    {
      kind: 'narrate',
      cue: { on: 'ping', match: '^lan1-to-lan2 #\\d+ ok$', afterMs: 300_000 },
      focus: 'health',
      hold: true,
      text: 'Pings to R2’s LAN answer again: R1 is back on its preferred peer.',
    },
    {
      kind: 'playground',
      text: 'Free play on the same three routers, with every control on.',
      tryThis: [
        'Remove `default` from the idle-time line in R1’s config and compare where 15:00 goes.',
      ],
    },
  ],
};
