import type { Run } from '../../sim/run';
import { cueTime, happens } from '../cue';
import type { Cue, Lesson } from '../types';
import { staleTables } from './snapshots';

const RELOAD: Cue = { on: 'fault', node: 'HUB', match: '^reload HUB' };
const STALE_ESP_DROP: Cue = { on: 'packet', node: 'HUB', match: '^dropped esp: invalid SPI' };
const INV_SPI: Cue = { on: 'syslog', node: 'HUB', match: 'RECVD_PKT_INV_SPI' };
const IGNORING: Cue = { on: 'debug', node: 'HUB', match: 'ignoring request to send delete notify' };
const RU_THERE: Cue = { on: 'packet', node: 'SPOKE', match: '^sent R-U-THERE$' };
const DEAD: Cue = { on: 'state', node: 'SPOKE', match: '^dpd dead$' };
/** The last packet the spoke received from the hub before the reload. */
export const lastHeardBeforeReload = (run: Run): number => {
  const reloadAt = cueTime(run, RELOAD) ?? 0;
  let last = 0;
  for (const record of run.records) {
    if (record.atMs > reloadAt) break;
    if (record.kind === 'packet' && record.event === 'delivered' && record.node === 'SPOKE')
      last = record.atMs;
  }
  return last;
};

export const dynamicMapHub: Lesson = {
  id: 'dynamic-map-hub',
  title: 'A dynamic crypto map hub reloads',
  goal: 'Explain why a hub with a dynamic crypto map cannot recover, and how the spoke’s DPD repairs the tunnel instead.',
  presetId: 'dynamic-map-hub-reload',
  notesScenario: '7.4.5',
  group: 'where-recovery-works',
  tableRows: ['dynamic-map'],
  focus: 'routers',
  steps: [
    {
      kind: 'narrate',
      cue: { ...RELOAD, offsetMs: -5000 },
      speed: 5,
      text: 'The HUB answers with a dynamic crypto map: a responder-only template with no peer address. It has `crypto isakmp invalid-spi-recovery` anyway. The SPOKE has a static map to the hub and `crypto isakmp keepalive 60 2`.',
      cites: [{ source: 'tn-115801', notes: '1.6' }],
    },
    {
      kind: 'narrate',
      cue: RELOAD,
      router: 'HUB',
      text: 'The hub reloads at 2:00 and loses every SA. The spoke keeps encrypting with its old SPI.',
    },
    {
      kind: 'predict',
      cue: { ...STALE_ESP_DROP, offsetMs: -10 },
      focus: 'topology',
      speed: 1,
      question:
        'The spoke’s stale ESP is about to reach the rebooted hub, which has the recovery command. Will the hub start IKE toward the spoke?',
      choices: [
        {
          text: 'Yes: the recovery command makes it call the sender back.',
          correct: false,
          explanation:
            'Recovery works only where the peer is explicitly defined. A dynamic map holds no peer it could start IKE with.',
        },
        {
          text: 'No: it drops, logs, and ignores its own delete notify.',
          correct: true,
          explanation:
            'Same as the black hole: "ignoring request to send delete notify (no ISAKMP sa)".',
        },
      ],
      verify: (run) =>
        happens(run, IGNORING) && !happens(run, { on: 'packet', node: 'HUB', match: '^sent MM1$' }),
    },
    {
      kind: 'narrate',
      cue: INV_SPI,
      hold: true,
      show: staleTables('SPOKE', 'HUB'),
      text: 'The hub logs %CRYPTO-4-RECVD_PKT_INV_SPI and ignores the delete notify: no IKE SA, and no peer to call. Side by side: the spoke QM_IDLE with encaps rising, the hub empty. Recovery has to come from the spoke.',
      cites: [
        { source: 'tn-115801', notes: '1.6' },
        { source: 'cg-invalid-spi-recovery', notes: '1.2' },
      ],
    },
    {
      kind: 'narrate',
      cue: RU_THERE,
      focus: 'topology',
      speed: 1,
      text: 'The spoke’s DPD (`keepalive 60 2`) takes over: 60 s without a word from the hub, then R-U-THERE, which the hub cannot read (`IKMP_NO_SA`). The DPD lessons time each step.',
      cites: [
        { source: 'cg-dpd-periodic', notes: '2.1' },
        { source: 'rfc3706', notes: '2.2' },
      ],
    },
    {
      kind: 'narrate',
      cue: DEAD,
      router: 'SPOKE',
      hold: true,
      text: 'Hub declared dead: the spoke deletes its IKE and IPsec SAs ("Crypto tunnel is DOWN") and its next packet starts Main Mode and Quick Mode to the hub.',
    },
    {
      kind: 'narrate',
      cue: { on: 'syslog', node: 'HUB', match: 'Crypto tunnel is UP', afterMs: 150_000 },
      focus: 'health',
      hold: true,
      text: 'Up again about 73 s after the spoke last heard from the hub. Table row "dynamic crypto map": recovery No — the spoke must recover, and DPD is how.',
      cites: [{ source: 'tn-115801', notes: '1.6' }],
    },
    {
      kind: 'playground',
      text: 'Free play on the same hub and spoke, with every control on.',
      tryThis: [
        'Remove `crypto isakmp keepalive` from the SPOKE: the tunnel stays broken (until the SA lifetime).',
        'Switch the spoke’s DPD to periodic and compare when it notices.',
      ],
    },
  ],
};
