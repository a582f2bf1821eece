import type { Run } from '../../sim/run';
import { countOf, cueTime, happens } from '../cue';
import type { Cue, Lesson } from '../types';

const RELOAD: Cue = { on: 'fault', node: 'HUB', match: '^reload HUB' };
const STALE_ESP_DROP: Cue = { on: 'packet', node: 'HUB', match: '^dropped esp: invalid SPI' };
const INV_SPI: Cue = { on: 'syslog', node: 'HUB', match: 'RECVD_PKT_INV_SPI' };
const IGNORING: Cue = { on: 'debug', node: 'HUB', match: 'ignoring request to send delete notify' };
const RU_THERE: Cue = { on: 'packet', node: 'SPOKE', match: '^sent R-U-THERE$' };
const DEAD: Cue = { on: 'state', node: 'SPOKE', match: '^dpd dead$' };
/** The last packet the spoke received from the hub before the reload. */
const lastHeardBeforeReload = (run: Run): number => {
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
      focus: 'log',
      hold: true,
      text: 'The hub logs %CRYPTO-4-RECVD_PKT_INV_SPI and ignores the delete notify: no IKE SA, and no peer to call. Recovery has to come from the spoke.',
      cites: [
        { source: 'tn-115801', notes: '1.6' },
        { source: 'cg-invalid-spi-recovery', notes: '1.2' },
      ],
    },
    {
      kind: 'predict',
      cue: { ...INV_SPI, offsetMs: 2000 },
      speed: 10,
      question:
        'The spoke keeps sending and hears nothing back. When will its on-demand DPD send the first R-U-THERE?',
      choices: [
        {
          text: 'Right away, on the first lost reply.',
          correct: false,
          explanation: 'DPD waits for its worry interval: `60` in `keepalive 60 2`.',
        },
        {
          text: 'After 60 s without hearing from the hub, while it has traffic to send.',
          correct: true,
          explanation:
            'On-demand DPD probes only when it has traffic for the peer and has heard nothing for 60 s.',
        },
        {
          text: 'Never: on-demand DPD only probes idle tunnels.',
          correct: false,
          explanation:
            'It is the other way round: on-demand DPD probes when there is traffic to send.',
        },
      ],
      verify: (run) => {
        const probeAt = cueTime(run, RU_THERE);
        const silentMs = probeAt === undefined ? 0 : probeAt - lastHeardBeforeReload(run);
        return silentMs >= 60_000 && silentMs < 62_000;
      },
    },
    {
      kind: 'narrate',
      cue: RU_THERE,
      focus: 'topology',
      speed: 1,
      text: 'R-U-THERE, under the old IKE SA. The hub does not know that IKE SA and logs %CRYPTO-4-IKMP_NO_SA.',
      cites: [
        { source: 'cg-dpd-periodic', notes: '2.1' },
        { source: 'rfc3706', notes: '2.2' },
      ],
    },
    {
      kind: 'predict',
      cue: { ...RU_THERE, offsetMs: 1000 },
      question: 'No R-U-THERE-ACK comes back. When does the spoke declare the hub dead?',
      choices: [
        {
          text: 'After 3 missed keepalives, 60 s apart.',
          correct: false,
          explanation: '"Three missed" is the legacy IOS keepalive, not RFC 3706 DPD.',
        },
        {
          text: 'After 5 retransmissions, 2 s apart: about 10 s.',
          correct: true,
          explanation: 'The retransmission count is fixed at 5; the `2` sets their interval.',
        },
        {
          text: 'After 2 retries: the `2` in `keepalive 60 2`.',
          correct: false,
          explanation: 'The `2` is the retry interval in seconds, not a count — a common mistake.',
        },
      ],
      verify: (run) => {
        const deadAt = cueTime(run, DEAD);
        return deadAt !== undefined && countOf(run, RU_THERE, deadAt) === 6;
      },
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
      text: 'Up again about 73 s after the spoke last heard from the hub: 60 s of worry, then the probe and 5 retransmissions 2 s apart. Table row "dynamic crypto map": recovery No — the spoke must recover.',
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
