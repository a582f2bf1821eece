import { countOf, cueTime } from '../cue';
import type { Cue, Lesson } from '../types';

const LINK_DOWN: Cue = { on: 'fault', match: '^link-down R2-ISP' };
const R1_KEEPALIVE: Cue = { on: 'packet', node: 'R1', match: '^sent KEEPALIVE$' };
const R1_DEAD: Cue = { on: 'state', node: 'R1', match: '^dpd dead$' };

export const legacyKeepalive: Lesson = {
  id: 'legacy-keepalive',
  title: 'Legacy IKE keepalives with an old peer',
  goal: 'Tell the legacy IOS keepalive (three misses) from RFC 3706 DPD (five retransmissions).',
  presetId: 'legacy-keepalive',
  notesScenario: '0.2',
  group: 'dpd-idle',
  focus: 'log',
  steps: [
    {
      kind: 'narrate',
      cue: { ...LINK_DOWN, offsetMs: -20_000 },
      speed: 1,
      text: 'R2 runs an old image that does not advertise the DPD vendor ID. With `crypto isakmp keepalive 10 2` both routers fall back to legacy IOS keepalives, every 10 s.',
      cites: [
        { source: 'book-ipsec-vpn-design', notes: '0.2' },
        { source: 'rfc3706', notes: '2.1' },
      ],
    },
    {
      kind: 'predict',
      cue: { ...LINK_DOWN, offsetMs: 500 },
      focus: 'topology',
      speed: 5,
      question:
        'R2’s link fails at 1:00. How many unanswered keepalives before R1 declares R2 dead?',
      choices: [
        {
          text: 'Five retransmissions 2 s apart, as with DPD.',
          correct: false,
          explanation: 'That is RFC 3706 DPD, which R2 does not support.',
        },
        {
          text: 'Three consecutive unacknowledged keepalives.',
          correct: true,
          explanation:
            'The "three missed" rule belongs to the legacy keepalive, as Cisco Press’s IPSec VPN Design describes it.',
        },
      ],
      verify: (run) => {
        const deadAt = cueTime(run, R1_DEAD);
        if (deadAt === undefined) return false;
        const downAt = cueTime(run, LINK_DOWN) ?? 0;
        return countOf(run, { ...R1_KEEPALIVE, afterMs: downAt }, deadAt) === 3;
      },
    },
    {
      kind: 'narrate',
      cue: { on: 'debug', node: 'R1', match: 'unacknowledged, 1 missed' },
      text: 'One missed. The next keepalive follows 10 s later, and goes unanswered too.',
      cites: [{ source: 'book-ipsec-vpn-design', notes: '0.2' }],
    },
    {
      kind: 'narrate',
      cue: R1_DEAD,
      focus: 'routers',
      router: 'R1',
      hold: true,
      text: 'Three missed: R1 declares R2 dead and deletes its SAs. R2 does the same on its side: both ends run keepalives.',
      cites: [{ source: 'book-ipsec-vpn-design', notes: '0.2' }],
    },
    {
      kind: 'narrate',
      cue: { on: 'ping', match: 'ok$', afterMs: 180_000 },
      focus: 'health',
      hold: true,
      text: 'The link returned at 3:00 and the next ping built a fresh tunnel: Main Mode, Quick Mode, new SPIs.',
    },
    {
      kind: 'playground',
      text: 'Free play on the same two routers, with every control on.',
      tryThis: ['Change the interval to 30 s on both routers and time the detection again.'],
    },
  ],
};
