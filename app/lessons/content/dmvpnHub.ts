import { cueTime, happens } from '../cue';
import type { Cue, Lesson } from '../types';

const RELOAD: Cue = { on: 'fault', node: 'HUB', match: '^reload HUB' };
const BOOT: Cue = { on: 'fault', node: 'HUB', match: '^boot HUB' };
const INV_SPI: Cue = { on: 'syslog', node: 'HUB', match: 'RECVD_PKT_INV_SPI' };

export const dmvpnHub: Lesson = {
  id: 'dmvpn-hub',
  title: 'DMVPN: the hub reloads (dynamic NHRP)',
  goal: 'Explain why a DMVPN hub cannot call back spokes it learned only from NHRP registrations.',
  presetId: 'dmvpn-hub-reload',
  notesScenario: '7.4.6',
  group: 'where-recovery-works',
  tableRows: ['mgre-dynamic-nhrp'],
  focus: 'routers',
  steps: [
    {
      kind: 'narrate',
      cue: { atMs: 60_000 },
      router: 'HUB',
      speed: 5,
      text: 'Two spokes registered with the HUB through NHRP; mGRE is protected by IPsec. In the HUB’s IOS output, `show ip nhrp` lists both spokes as Type: dynamic — learned from their registrations.',
      cites: [{ source: 'cg-nhrp', notes: '5' }],
    },
    {
      kind: 'predict',
      cue: { ...RELOAD, offsetMs: -1000 },
      question:
        'The hub reloads at 2:00. It has `crypto isakmp invalid-spi-recovery`. Once it has booted, can it call the spokes back?',
      choices: [
        {
          text: 'Yes: recovery sends a DELETE notify to each spoke.',
          correct: false,
          explanation:
            'The hub sees each spoke’s address in every stale packet, but tunnel protection takes its peers from NHRP mappings, and the reload emptied them.',
        },
        {
          text: 'No: without NHRP mappings its tunnel protection has no peer entry to call.',
          correct: true,
          explanation:
            'The hub never sends MM1: table row "mGRE, dynamic NHRP mapping: No". Only a registration gives it a peer again.',
        },
      ],
      verify: (run) =>
        !happens(run, {
          on: 'packet',
          node: 'HUB',
          match: '^sent MM1$',
          afterMs: cueTime(run, RELOAD) ?? 0,
        }),
    },
    {
      kind: 'narrate',
      cue: BOOT,
      router: 'HUB',
      hold: true,
      text: 'The hub is back with empty NHRP, IKE and IPsec tables. Both spokes still encrypt GRE with their old SPIs.',
      cites: [{ source: 'tn-115801', notes: '1.6' }],
    },
    {
      kind: 'narrate',
      cue: INV_SPI,
      focus: 'log',
      speed: 1,
      text: 'The hub logs %CRYPTO-4-RECVD_PKT_INV_SPI for each spoke: it sees the spoke’s address in the packet, but has no IKE SA to send a DELETE over and no peer entry to start one, as its peers come from NHRP.',
      cites: [{ source: 'tn-115801', notes: '1.2' }],
    },
    {
      kind: 'predict',
      cue: { ...INV_SPI, offsetMs: 2000 },
      speed: 25,
      simplified: 'staleRekey',
      question: 'The spokes have no DPD. When does this heal by itself?',
      choices: [
        {
          text: 'Within about 70 s.',
          correct: false,
          explanation: 'That is DPD’s detection time, and no spoke runs DPD here.',
        },
        {
          text: 'At the spokes’ next rekey, 30 s before their SAs expire.',
          correct: false,
          explanation:
            'A rekey is quick mode under the old IKE SA, which the hub lost in the reload: it cannot repair this.',
        },
        {
          text: 'Not in this run: the spokes keep their stale SAs until the SA lifetime ends or someone clears them.',
          correct: true,
          explanation: 'No ping succeeds after the reload, for the whole ten minutes.',
        },
      ],
      verify: (run) =>
        !happens(run, { on: 'ping', match: 'ok$', afterMs: cueTime(run, BOOT) ?? 0 }) &&
        !happens(run, { on: 'packet', match: '^sent MM1$', afterMs: cueTime(run, RELOAD) ?? 0 }),
    },
    {
      kind: 'narrate',
      cue: { ...INV_SPI, nth: 5 },
      focus: 'health',
      hold: true,
      text: 'Once a minute per spoke, the same line, and every ping is lost. Table row "mGRE with dynamic NHRP mapping": recovery No. The spokes must recover, with DPD.',
      cites: [{ source: 'tn-115801', notes: '1.6' }],
    },
    {
      kind: 'playground',
      text: 'Free play on the same DMVPN, with every control on.',
      tryThis: [
        'Give SPOKE1 `crypto isakmp keepalive 60 2` and watch only that spoke recover.',
        'Reload a spoke instead of the hub: that was the previous lesson.',
      ],
    },
  ],
};
