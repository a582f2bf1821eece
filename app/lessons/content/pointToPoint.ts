// One lesson on tunnel protection: P2P GRE with `tunnel protection ipsec profile`, and the sVTI
// that does the same with IP straight in IPsec. In both, IOS builds a crypto map of its own
// (Tunnel0-head-0) whose peer is the `tunnel destination`: R2 has a static peer to call.

import { cueTime } from '../cue';
import type { Cue, Lesson } from '../types';

const RELOAD: Cue = { on: 'fault', node: 'R2', match: '^reload R2' };
const STALE_ESP_DROP: Cue = { on: 'packet', node: 'R2', match: '^dropped esp: invalid SPI' };
const INV_SPI: Cue = { on: 'syslog', node: 'R2', match: 'RECVD_PKT_INV_SPI' };
const R2_MM1: Cue = { on: 'packet', node: 'R2', match: '^sent MM1$', afterMs: 120_000 };
const FIRST_OK: Cue = { on: 'ping', match: 'ok$', afterMs: 150_000 };
const R1_SA_REQUEST: Cue = { on: 'debug', node: 'R1', match: '^IPSEC\\(sa_request\\)' };

export const greTp: Lesson = {
  id: 'gre-tp',
  title: 'Tunnel protection (P2P GRE, sVTI): R2 reloads',
  goal: 'See what tunnel protection encrypts, the crypto map it builds itself, and why that lets invalid-SPI recovery work.',
  presetId: 'gre-tp-reload',
  notesScenario: '1.6',
  group: 'where-recovery-works',
  tableRows: ['gre-tp', 'svti'],
  focus: 'routers',
  steps: [
    {
      kind: 'narrate',
      cue: { ...R1_SA_REQUEST, offsetMs: 1000 },
      router: 'R1',
      hold: true,
      text: 'A point-to-point GRE tunnel with `tunnel protection ipsec profile`. IPsec protects GRE (protocol 47) between the tunnel endpoints: the proxies are 10.1.1.1/255.255.255.255/47/0, not the LANs.',
    },
    {
      kind: 'narrate',
      cue: { ...R1_SA_REQUEST, offsetMs: 2000 },
      router: 'R2',
      hold: true,
      text: 'Tunnel protection builds a crypto map of its own, `Tunnel0-head-0`, with the `tunnel destination` as its peer: `show crypto ipsec sa` names it. An sVTI (`tunnel mode ipsec ipv4`) builds the same, with proxies 0.0.0.0/0.',
      cites: [{ source: 'tn-115801', notes: '1.6' }],
    },
    {
      kind: 'narrate',
      cue: RELOAD,
      router: 'R2',
      speed: 5,
      text: 'R2 reloads at 2:00. It has `crypto isakmp invalid-spi-recovery`, and no `crypto map` command in its config: only the tunnel and its `tunnel destination 10.1.1.1`.',
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
          text: 'No: recovery needs a `crypto map` with `set peer`, and R2 has none in its config.',
          correct: false,
          explanation:
            'Tunnel protection builds one, `Tunnel0-head-0`, and its peer is the tunnel destination.',
        },
        {
          text: 'Yes: the crypto map tunnel protection builds has the tunnel destination as its peer.',
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
      text: 'Recovered, exactly as with a static crypto map. Table rows “P2P GRE with tunnel protection” and “sVTI”: recovery Yes.',
      cites: [{ source: 'tn-115801', notes: '1.6' }],
    },
    {
      kind: 'playground',
      text: 'Free play on the same GRE tunnel, with every control on.',
      tryThis: [
        'Type `show crypto ipsec sa` on R2: find the crypto map tunnel protection built.',
        'Untick `crypto isakmp invalid-spi-recovery` on R2: a black hole again.',
        'Pick the scenario “sVTI: R2 reloads” in the studio: same story, proxies 0.0.0.0/0.',
      ],
    },
  ],
};
