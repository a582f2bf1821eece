// Two lessons on the same story with a different crypto configuration: P2P GRE with tunnel
// protection, and sVTI. In both, `tunnel destination` gives R2 a static peer.

import { cueTime } from '../cue';
import type { Cue, Lesson, LessonStep } from '../types';

const RELOAD: Cue = { on: 'fault', node: 'R2', match: '^reload R2' };
const STALE_ESP_DROP: Cue = { on: 'packet', node: 'R2', match: '^dropped esp: invalid SPI' };
const INV_SPI: Cue = { on: 'syslog', node: 'R2', match: 'RECVD_PKT_INV_SPI' };
const R2_MM1: Cue = { on: 'packet', node: 'R2', match: '^sent MM1$', afterMs: 120_000 };
const FIRST_OK: Cue = { on: 'ping', match: 'ok$', afterMs: 150_000 };
const R1_SA_REQUEST: Cue = { on: 'debug', node: 'R1', match: '^IPSEC\\(sa_request\\)' };

/** The reload and recovery steps both lessons share. */
function reloadAndRecover(row: string): LessonStep[] {
  return [
    {
      kind: 'narrate',
      cue: RELOAD,
      router: 'R2',
      speed: 5,
      text: 'R2 reloads at 2:00. It has `crypto isakmp invalid-spi-recovery`, but no crypto map at all: only `tunnel destination 10.1.1.1`.',
      cites: [{ source: 'tn-115801', notes: '1.6' }],
    },
    {
      kind: 'predict',
      cue: { ...STALE_ESP_DROP, offsetMs: -10 },
      focus: 'topology',
      speed: 1,
      question:
        'R1’s stale ESP is about to reach the rebooted R2. Can invalid-SPI recovery call R1 back?',
      choices: [
        {
          text: 'No: recovery needs a crypto map with `set peer`.',
          correct: false,
          explanation: 'What recovery needs is a static peer, and `tunnel destination` is one.',
        },
        {
          text: 'Yes: `tunnel destination` gives R2 a static peer.',
          correct: true,
          explanation:
            'R2 starts Main Mode toward 10.1.1.1 with INITIAL-CONTACT, then sends the DELETE notify.',
        },
      ],
      verify: (run) =>
        cueTime(run, R2_MM1) !== undefined && cueTime(run, R2_MM1) === cueTime(run, INV_SPI),
    },
    {
      kind: 'narrate',
      cue: R2_MM1,
      text: 'It can: R2 logs %CRYPTO-4-RECVD_PKT_INV_SPI and starts Main Mode toward its tunnel destination, with INITIAL-CONTACT, then sends the DELETE notify.',
      cites: [{ source: 'tn-115801', notes: '1.3' }],
    },
    {
      kind: 'narrate',
      cue: FIRST_OK,
      focus: 'health',
      hold: true,
      text: `Recovered, exactly as with a static crypto map. Table row "${row}": recovery Yes.`,
      cites: [{ source: 'tn-115801', notes: '1.6' }],
    },
  ];
}

export const greTp: Lesson = {
  id: 'gre-tp',
  title: 'P2P GRE with tunnel protection: R2 reloads',
  goal: 'See what tunnel protection encrypts, and why `tunnel destination` lets invalid-SPI recovery work.',
  presetId: 'gre-tp-reload',
  notesScenario: '1.6',
  group: 'where-recovery-works',
  tableRows: ['gre-tp'],
  focus: 'routers',
  steps: [
    {
      kind: 'narrate',
      cue: { ...R1_SA_REQUEST, offsetMs: 1000 },
      router: 'R1',
      hold: true,
      text: 'A point-to-point GRE tunnel with `tunnel protection ipsec profile`. IPsec protects GRE (protocol 47) between the tunnel endpoints: the proxies are 10.1.1.1/255.255.255.255/47/0, not the LANs.',
    },
    ...reloadAndRecover('P2P GRE with tunnel protection'),
    {
      kind: 'playground',
      text: 'Free play on the same GRE tunnel, with every control on.',
      tryThis: [
        'Untick `crypto isakmp invalid-spi-recovery` on R2: a black hole again.',
        'Read the proxies in `show crypto ipsec sa` on R1.',
      ],
    },
  ],
};

export const svti: Lesson = {
  id: 'svti',
  title: 'sVTI: R2 reloads',
  goal: 'See that a static VTI, like a static crypto map, gives invalid-SPI recovery a peer to call.',
  presetId: 'svti-reload',
  notesScenario: '1.6',
  group: 'where-recovery-works',
  tableRows: ['svti'],
  focus: 'routers',
  steps: [
    {
      kind: 'narrate',
      cue: { ...R1_SA_REQUEST, offsetMs: 1000 },
      router: 'R1',
      hold: true,
      text: 'A static virtual tunnel interface: `tunnel mode ipsec ipv4` carries IP straight in IPsec tunnel mode, with proxies 0.0.0.0/0.0.0.0/0/0.',
    },
    ...reloadAndRecover('sVTI'),
    {
      kind: 'playground',
      text: 'Free play on the same sVTI, with every control on.',
      tryThis: [
        'Untick `crypto isakmp invalid-spi-recovery` on R2 and compare.',
        'Give R1 `crypto isakmp keepalive 10 2 periodic` and reload R2 again.',
      ],
    },
  ],
};
